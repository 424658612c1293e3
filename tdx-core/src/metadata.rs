//! Metadata field identifiers, the operand of every metadata read and write leaf
//! (TDH.SYS.RD, TDH.MNG.RD/WR, TDH.VP.RD/WR, TDG.VM.RD/WR, TDG.VP.RD/WR, TDG.SYS.RD, the
//! RDALL leaves). The named fields of module 1.5 are in [`crate::metadata_fields`], generated
//! from the module's field tables.

use core::fmt;

use crate::reg::{RegDecode, RegEncode};

/// A packed metadata field identifier (TDH.SYS.RD, TDH.MNG.RD, TDH.VP.RD/WR,
/// TDG.VM.RD/WR): bit 63 = non-architectural, class in bits 61:56, field code in bits 31:0
/// (Linux's `BUILD_TDX_FIELD` / `BUILD_TDX_FIELD_NON_ARCH`).
///
/// The other bits (element size, context and so on) are kept as they are: any `u64` is a
/// `FieldId`, and [`FieldId::raw`] gives it back unchanged.
///
/// ```
/// use tdx_core::FieldId;
/// const F: FieldId = FieldId::new_non_arch(0x09, 0x0000_0001).unwrap();
/// assert_eq!(F.raw(), 0x8900_0000_0000_0001);
/// assert!(F.is_non_arch());
/// assert_eq!(F.class(), 0x09);
/// assert_eq!(F.field(), 1);
/// assert_eq!(FieldId::new(0x40, 0), None); // class is 6 bits
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
    /// `class` does not fit 6 bits.
    #[inline]
    pub const fn new(class: u8, field: u32) -> Option<Self> {
        if class > Self::CLASS_MAX {
            None
        } else {
            Some(FieldId(
                ((class as u64) << Self::CLASS_SHIFT) | field as u64,
            ))
        }
    }

    /// A non-architectural field: `1 << 63 | class << 56 | field`
    /// (`BUILD_TDX_FIELD_NON_ARCH`), or `None` if `class` does not fit 6 bits.
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

    /// The field code, bits 31:0.
    #[inline]
    pub const fn field(self) -> u32 {
        self.0 as u32
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
