//! Metadata field identifiers, the operand of every metadata read and write leaf
//! (TDH.SYS.RD, TDH.MNG.RD/WR, TDH.VP.RD/WR, TDG.VM.RD/WR, TDG.VP.RD/WR, TDG.SYS.RD, the
//! RDALL leaves). The named fields of module 1.5 are in [`crate::metadata_fields`], generated
//! from the module's field tables.

use core::fmt;

use crate::reg::{RegDecode, RegEncode};

/// A packed metadata field identifier (TDH.SYS.RD, TDH.MNG.RD, TDH.VP.RD/WR,
/// TDG.VM.RD/WR), the module's `md_field_id_t` (intel/tdx-module@72d8cffb
/// `include/tdx_api_defs.h`):
///
/// | bits | field |
/// |---|---|
/// | 23:0 | field code (bits 31:24 are reserved) |
/// | 33:32 | element size code (1, 2, 4 or 8 bytes) |
/// | 37:34 | last element in field |
/// | 46:38 | last field in sequence |
/// | 50 | INC_SIZE: consecutive elements are 2 field codes apart (VMCS 64-bit fields) |
/// | 51 | write mask valid |
/// | 54:52 | context code |
/// | 61:56 | class code |
/// | 63 | non-architectural |
///
/// Linux's `BUILD_TDX_FIELD` masks the field with bits 31:0; the module refuses an ID with a
/// reserved bit set (`md_check_as_single_element_id`: `TDX_METADATA_FIELD_ID_INCORRECT`), so
/// [`FieldId::new`] takes 24 bits. Any `u64` is still a `FieldId` through
/// [`FieldId::from_raw`], and [`FieldId::raw`] gives it back unchanged.
///
/// ```
/// use tdx_core::FieldId;
/// const F: FieldId = FieldId::new_non_arch(0x09, 0x0000_0001).unwrap();
/// assert_eq!(F.raw(), 0x8900_0000_0000_0001);
/// assert!(F.is_non_arch());
/// assert_eq!(F.class(), 0x09);
/// assert_eq!(F.field(), 1);
/// assert_eq!(FieldId::new(0x40, 0), None); // class is 6 bits
/// assert_eq!(FieldId::new(0, 0x0100_0000), None); // the field code is 24 bits
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct FieldId(u64);

impl FieldId {
    /// Bit 63: the field is not architectural.
    pub const NON_ARCH: u64 = 1 << 63;
    /// Shift of the class code.
    pub const CLASS_SHIFT: u32 = 56;
    /// Largest class code (6 bits, 61:56).
    pub const CLASS_MAX: u8 = 0x3F;
    /// Largest field code (24 bits, 23:0).
    pub const FIELD_CODE_MAX: u32 = 0x00FF_FFFF;
    /// Bits the module requires to be zero in a single-element ID: 31:24, 49:47, 55, 62
    /// (`reserved_0` to `reserved_3`).
    pub const RESERVED: u64 = 0xFF00_0000 | (0b111 << 47) | (1 << 55) | (1 << 62);
    /// Bit 50, INC_SIZE.
    const INC_SIZE: u64 = 1 << 50;

    /// A field identifier from its raw value (every value is accepted and kept).
    #[inline]
    pub const fn from_raw(raw: u64) -> Self {
        FieldId(raw)
    }

    /// The raw value.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// An architectural field: `class << 56 | field` (`BUILD_TDX_FIELD`), or `None` if
    /// `class` does not fit 6 bits or `field` does not fit the 24-bit field code.
    #[inline]
    pub const fn new(class: u8, field: u32) -> Option<Self> {
        if class > Self::CLASS_MAX || field > Self::FIELD_CODE_MAX {
            None
        } else {
            Some(FieldId(
                ((class as u64) << Self::CLASS_SHIFT) | field as u64,
            ))
        }
    }

    /// A non-architectural field: `1 << 63 | class << 56 | field`
    /// (`BUILD_TDX_FIELD_NON_ARCH`), or `None` as for [`FieldId::new`].
    #[inline]
    pub const fn new_non_arch(class: u8, field: u32) -> Option<Self> {
        match FieldId::new(class, field) {
            Some(id) => Some(FieldId(id.0 | Self::NON_ARCH)),
            None => None,
        }
    }

    /// Whether bit 63 (non-architectural) is set.
    #[inline]
    pub const fn is_non_arch(self) -> bool {
        self.0 & Self::NON_ARCH != 0
    }

    /// The class code, bits 61:56.
    #[inline]
    pub const fn class(self) -> u8 {
        ((self.0 >> Self::CLASS_SHIFT) as u8) & Self::CLASS_MAX
    }

    /// The field code, bits 23:0.
    #[inline]
    pub const fn field(self) -> u32 {
        self.0 as u32 & Self::FIELD_CODE_MAX
    }

    /// The context code, bits 54:52 (which structure the field lives in).
    #[inline]
    pub const fn context(self) -> u8 {
        ((self.0 >> 52) & 0b111) as u8
    }

    /// The element size in bytes (1, 2, 4 or 8), from bits 33:32.
    #[inline]
    pub const fn element_size(self) -> u8 {
        1 << ((self.0 >> 32) & 0b11)
    }

    /// Whether a reserved bit is set ([`FieldId::RESERVED`]): the module refuses such an ID
    /// with `TDX_METADATA_FIELD_ID_INCORRECT`.
    #[inline]
    pub const fn has_reserved_bits(self) -> bool {
        self.0 & Self::RESERVED != 0
    }

    /// The ID of element `index` of an array field (or of field `index` of a row of fields,
    /// such as `global::PKG_FMS`): the field code plus `index`, times 2 when INC_SIZE is set
    /// (a 64-bit VMCS field spans two codes), as the module's `md_find_entry_idx` counts.
    /// `None` if the field code would not fit 24 bits. Whether the field has that many
    /// elements is the module's to say (`TDX_METADATA_FIELD_ID_INCORRECT` if not).
    ///
    /// ```
    /// use tdx_core::metadata_fields::global::PKG_FMS;
    /// assert_eq!(PKG_FMS.element(0), Some(PKG_FMS));
    /// assert_eq!(PKG_FMS.element(3).map(|id| id.field()), Some(PKG_FMS.field() + 3));
    /// assert_eq!(PKG_FMS.element(0x00FF_FFFF), None);
    /// ```
    #[inline]
    pub const fn element(self, index: u32) -> Option<Self> {
        let step = if self.0 & Self::INC_SIZE != 0 { 2 } else { 1 };
        let code = self.field() as u64 + index as u64 * step;
        if code > Self::FIELD_CODE_MAX as u64 {
            return None;
        }
        Some(FieldId((self.0 & !(Self::FIELD_CODE_MAX as u64)) | code))
    }
}

impl fmt::Debug for FieldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "FieldId({:#018x}: {}class {:#x}, field {:#x})",
            self.0,
            if self.is_non_arch() { "non-arch " } else { "" },
            self.class(),
            self.field()
        )
    }
}

impl fmt::Display for FieldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#018x}", self.0)
    }
}

impl fmt::LowerHex for FieldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(&self.0, f)
    }
}

impl RegEncode for FieldId {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

impl RegDecode for FieldId {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        FieldId(raw)
    }
}
