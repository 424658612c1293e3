//! Memory-scan operands of the TDH.MEM.SCAN.* leaves (module 1.5.34 on): the list-of-lists
//! descriptor the scan writes GPA lists through, the scan controls, the GPA range list of
//! TDH.MEM.SCAN.CONFIG and its entries, and the four control pages.
//!
//! Layouts: intel/tdx-module (1.5.34 line) `src/common/helpers/mem_scan.h`
//! (`scan_controls_t`, `range_list_info_t`, `range_list_entry_t`, `check_and_map_gpa_list_info`)
//! and the handlers `src/vmm_dispatcher/migration_api_calls/tdh_mem_scan_{range,comp,config}.c`
//! (the list of lists is a `gpa_list_info_t` of format `GPA_LIST_FORMAT_LIST_OF_LISTS` = 2 with
//! first entry 0; the control pages come back with bit 63 set on a reconfiguration).

use core::fmt;

use crate::addr::{AddrError, Gpa, Hpa};
use crate::migration::GpaListError;
use crate::operand_error::OperandError;
use crate::reg::{RegDecode, RegEncode};

const NULL_PA: u64 = !0;
const PAGE_MASK: u64 = 0x000F_FFFF_FFFF_F000;

fn page_aligned(hpa: Hpa) -> Result<u64, AddrError> {
    let raw = hpa.as_u64();
    if raw.is_multiple_of(4096) {
        Ok(raw)
    } else {
        Err(AddrError::Misaligned { raw, align: 4096 })
    }
}

/// RCX of TDH.MEM.SCAN.RANGE and TDH.MEM.SCAN.COMP: the list-of-lists descriptor, a
/// `gpa_list_info_t` of format 2 (`GPA_LIST_FORMAT_LIST_OF_LISTS`, bits 2:0) whose page (HPA
/// in bits 51:12, a shared 4 KiB page) holds up to 512 `gpa_list_info_t` entries, each naming
/// one GPA list the scan fills; first entry (bits 11:3) 0, last entry in bits 63:55, bits
/// 54:52 reserved.
///
/// ```
/// use tdx_core::{Hpa, ListOfLists};
/// let lists = ListOfLists::new(Hpa::new(0x5000)?, 3)?;
/// assert_eq!(lists.raw(), 0x5000 | 2 | 3 << 55);
/// assert_eq!((lists.list(), lists.last_entry()), (0x5000, 3));
/// assert!(ListOfLists::new(Hpa::new(0x5008)?, 0).is_err()); // not 4 KiB aligned
/// assert!(ListOfLists::new(Hpa::new(0x5000)?, 512).is_err()); // entry 512 of 0..=511
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListOfLists(u64);

impl ListOfLists {
    /// The list format of a list of lists (`GPA_LIST_FORMAT_LIST_OF_LISTS`).
    pub const FORMAT: u8 = 2;

    /// No list (RCX = 0): TDH.MEM.SCAN.RANGE with the EXPORT_RESTORE operation writes no GPA
    /// list.
    pub const NONE: ListOfLists = ListOfLists(0);

    /// The list of lists at `list` (4 KiB aligned), entries `0..=last` (`last` ≤ 511).
    pub fn new(list: Hpa, last: u16) -> Result<Self, GpaListError> {
        let hpa = page_aligned(list).map_err(GpaListError::Addr)?;
        let last = OperandError::check("ListOfLists", "last_entry", last.into(), 511)
            .map_err(GpaListError::Field)?;
        Ok(ListOfLists(hpa | Self::FORMAT as u64 | (last << 55)))
    }

    /// The list page's HPA (bits 51:12).
    pub const fn list(self) -> u64 {
        self.0 & PAGE_MASK
    }

    /// The last entry (bits 63:55).
    pub const fn last_entry(self) -> u16 {
        (self.0 >> 55) as u16
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for ListOfLists {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// The operation of [`ScanControls`] (`mem_scan_operations_e`, bits 7:0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ScanOp {
    /// `DSCAN` (0): TDH.MEM.SCAN.RANGE writes the pages to (re-)export to GPA lists.
    Dscan = 0,
    /// `DCHECK` (1): TDH.MEM.SCAN.COMP checks a configured range in a paused export.
    Dcheck = 1,
    /// `EXPORT_RESTORE` (2): TDH.MEM.SCAN.RANGE restores the export state of a range.
    ExportRestore = 2,
}

/// The qualifier of [`ScanControls`] (`mem_scan_qualifier_e`, bits 15:8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ScanQualifier {
    /// `MEM_SCAN_QUALIFIER_EXPORT` (0).
    Export = 0,
    /// `MEM_SCAN_QUALIFIER_REEXPORT` (1).
    Reexport = 1,
}

/// R8 of TDH.MEM.SCAN.RANGE and TDH.MEM.SCAN.COMP (`scan_controls_t`): the operation (bits
/// 7:0), the qualifier (bits 15:8), the scan context ID (bits 47:32), the range ID (bits
/// 55:48) and the resume flag (bit 63); bits 31:16 and 62:56 are reserved.
///
/// ```
/// use tdx_core::{ScanControls, ScanOp, ScanQualifier};
/// let c = ScanControls::new(ScanOp::Dcheck, ScanQualifier::Export, 7, 2).resumed();
/// assert_eq!(c.raw(), 1 | 7 << 32 | 2 << 48 | 1 << 63);
/// assert_eq!(ScanControls::from_raw(c.raw()), Ok(c));
/// assert!(ScanControls::from_raw(1 << 16).is_err()); // a reserved bit
/// assert!(ScanControls::from_raw(3).is_err()); // no operation 3
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScanControls(u64);

impl ScanControls {
    const RESERVED: u64 = 0xFFFF_0000 | 0x7F << 56;

    /// `op` with `qualifier`, scan context `context_id` and range `range_id`, not resuming.
    pub const fn new(op: ScanOp, qualifier: ScanQualifier, context_id: u16, range_id: u8) -> Self {
        ScanControls(
            op as u64
                | (qualifier as u64) << 8
                | (context_id as u64) << 32
                | (range_id as u64) << 48,
        )
    }

    /// The same controls with the resume flag (bit 63) set: continue the scan a
    /// `TDX_INTERRUPTED_RESUMABLE` stopped.
    pub const fn resumed(self) -> Self {
        ScanControls(self.0 | 1 << 63)
    }

    /// Controls from a register image: `Err` if a reserved bit is set or the operation
    /// (≤ 2) or qualifier (≤ 1) is unknown.
    pub const fn from_raw(raw: u64) -> Result<Self, OperandError> {
        let reserved = raw & Self::RESERVED;
        if reserved != 0 {
            return Err(OperandError {
                operand: "ScanControls",
                field: "reserved",
                value: reserved,
                max: 0,
            });
        }
        if raw & 0xFF > 2 {
            return Err(OperandError {
                operand: "ScanControls",
                field: "operation",
                value: raw & 0xFF,
                max: 2,
            });
        }
        if (raw >> 8) & 0xFF > 1 {
            return Err(OperandError {
                operand: "ScanControls",
                field: "qualifier",
                value: (raw >> 8) & 0xFF,
                max: 1,
            });
        }
        Ok(ScanControls(raw))
    }

    /// The operation.
    pub const fn op(self) -> ScanOp {
        match self.0 & 0xFF {
            0 => ScanOp::Dscan,
            1 => ScanOp::Dcheck,
            _ => ScanOp::ExportRestore,
        }
    }

    /// The scan context ID (bits 47:32).
    pub const fn context_id(self) -> u16 {
        (self.0 >> 32) as u16
    }

    /// The range ID (bits 55:48).
    pub const fn range_id(self) -> u8 {
        (self.0 >> 48) as u8
    }

    /// Whether the resume flag (bit 63) is set.
    pub const fn is_resume(self) -> bool {
        self.0 >> 63 != 0
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for ScanControls {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RCX of TDH.MEM.SCAN.CONFIG (`range_list_info_t`): the number of ranges (bits 8:0) and the
/// HPA of the shared 4 KiB page of [`RangeListEntry`]s (bits 51:12); bits 11:9 and 63:52 are
/// reserved. The module rejects 0 ranges and more than its `MAX_MEM_SCAN_RANGES`.
///
/// ```
/// use tdx_core::{Hpa, RangeListInfo};
/// let info = RangeListInfo::new(Hpa::new(0x6000)?, 3)?;
/// assert_eq!(info.raw(), 0x6000 | 3);
/// assert_eq!((info.list(), info.num_ranges()), (0x6000, 3));
/// assert!(RangeListInfo::new(Hpa::new(0x6000)?, 512).is_err());
/// assert!(RangeListInfo::new(Hpa::new(0x6100)?, 1).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RangeListInfo(u64);

impl RangeListInfo {
    /// The range list page at `list` (4 KiB aligned) with `num_ranges` entries (≤ 511).
    pub fn new(list: Hpa, num_ranges: u16) -> Result<Self, GpaListError> {
        let hpa = page_aligned(list).map_err(GpaListError::Addr)?;
        let n = OperandError::check("RangeListInfo", "num_ranges", num_ranges.into(), 511)
            .map_err(GpaListError::Field)?;
        Ok(RangeListInfo(hpa | n))
    }

    /// The range list page's HPA (bits 51:12).
    pub const fn list(self) -> u64 {
        self.0 & PAGE_MASK
    }

    /// The number of ranges (bits 8:0).
    pub const fn num_ranges(self) -> u16 {
        (self.0 & 0x1FF) as u16
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for RangeListInfo {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// One entry of the range list page of TDH.MEM.SCAN.CONFIG (`range_list_entry_t`, memory,
/// not a register): the range start GPA in 2 MiB units (bits 50:21) and the sub-range size
/// exponent (bits 57:52, 21..=51); bits 20:0, 51 and 63:58 are reserved. The module also
/// wants entry 0 to start at 0, the starts strictly increasing, and each start aligned to
/// 2^exponent (checked here) and a private GPA of the TD (checked by the module).
///
/// ```
/// use tdx_core::{Gpa, RangeListEntry};
/// let e = RangeListEntry::new(Gpa::new(0x4000_0000)?, 30)?;
/// assert_eq!(e.raw(), 0x4000_0000 | 30 << 52);
/// assert_eq!((e.start(), e.sub_range_size_exp()), (0x4000_0000, 30));
/// assert!(RangeListEntry::new(Gpa::new(0x20_0000)?, 22).is_err()); // not 4 MiB aligned
/// assert!(RangeListEntry::new(Gpa::new(0)?, 20).is_err()); // below 2 MiB sub-ranges
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RangeListEntry(u64);

impl RangeListEntry {
    /// The range from `start` (below 2^51, aligned to 2^`sub_range_size_exp`), scanned in
    /// sub-ranges of 2^`sub_range_size_exp` bytes (21..=51).
    pub fn new(start: Gpa, sub_range_size_exp: u8) -> Result<Self, RangeListError> {
        let exp = u64::from(sub_range_size_exp);
        if !(21..=51).contains(&exp) {
            return Err(RangeListError::Exponent(sub_range_size_exp));
        }
        let raw = start.as_u64();
        let align = 1u64 << exp;
        if !raw.is_multiple_of(align) {
            return Err(RangeListError::Addr(AddrError::Misaligned { raw, align }));
        }
        if raw >= 1 << 51 {
            return Err(RangeListError::TooHigh(raw));
        }
        Ok(RangeListEntry(raw | exp << 52))
    }

    /// The range start GPA (bits 50:21 as an address).
    pub const fn start(self) -> u64 {
        self.0 & 0x0007_FFFF_FFE0_0000
    }

    /// The sub-range size exponent (bits 57:52).
    pub const fn sub_range_size_exp(self) -> u8 {
        ((self.0 >> 52) & 0x3F) as u8
    }

    /// The 8 bytes the entry is in the page (little-endian as the module reads it).
    pub const fn raw(self) -> u64 {
        self.0
    }
}

/// Why a [`RangeListEntry`] could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeListError {
    /// The start is not aligned to the sub-range size.
    Addr(AddrError),
    /// The start is at or above 2^51 (bits 50:21 hold it).
    TooHigh(u64),
    /// The sub-range size exponent is outside 21..=51.
    Exponent(u8),
}

impl fmt::Display for RangeListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RangeListError::Addr(e) => write!(f, "{e}"),
            RangeListError::TooHigh(raw) => write!(f, "range start {raw:#x} is at or above 2^51"),
            RangeListError::Exponent(e) => {
                write!(f, "sub-range size exponent {e} is outside 21..=51")
            }
        }
    }
}

impl core::error::Error for RangeListError {}

/// R8–R11 of TDH.MEM.SCAN.CONFIG in: one of the four control pages. On the first
/// configuration each must be a 4 KiB page the host hands to the TD (it becomes PT_TDCX); on
/// a reconfiguration the module keeps the pages it has, and each register may be `NONE`
/// (`NULL_PA`).
///
/// ```
/// use tdx_core::{Hpa, ScanCxPage};
/// use tdx_core::reg::RegEncode;
/// assert_eq!(ScanCxPage::new(Hpa::new(0x7000)?)?.to_reg(), 0x7000);
/// assert_eq!(ScanCxPage::NONE.to_reg(), !0);
/// assert!(ScanCxPage::new(Hpa::new(0x7010)?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScanCxPage(u64);

impl ScanCxPage {
    /// No page (`NULL_PA`), allowed on a reconfiguration.
    pub const NONE: ScanCxPage = ScanCxPage(NULL_PA);

    /// The page at `hpa` (4 KiB aligned).
    pub fn new(hpa: Hpa) -> Result<Self, AddrError> {
        page_aligned(hpa).map(ScanCxPage)
    }
}

impl RegEncode for ScanCxPage {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R8–R11 of TDH.MEM.SCAN.CONFIG out: the control page given, with bit 63 set after a
/// successful reconfiguration (the page was not used and is still the host's); unchanged
/// otherwise (after a first configuration, the page is now the TD's). Keeps the register.
///
/// ```
/// use tdx_core::ScanCxOut;
/// use tdx_core::reg::RegDecode;
/// let out = ScanCxOut::from_reg(0x7000 | 1 << 63);
/// assert!(out.not_used());
/// assert_eq!(out.hpa(), 0x7000);
/// assert!(!ScanCxOut::from_reg(0x7000).not_used());
/// assert!(!ScanCxOut::from_reg(!0).not_used()); // NULL_PA given
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ScanCxOut(u64);

impl ScanCxOut {
    /// Whether bit 63 (`HPA_NOT_IN_USE_MASK`) is set on a page that was given (not `NULL_PA`).
    pub const fn not_used(self) -> bool {
        self.0 != NULL_PA && self.0 >> 63 != 0
    }

    /// The page's HPA (bit 63 cleared).
    pub const fn hpa(self) -> u64 {
        self.0 & !(1 << 63)
    }

    /// The register as returned.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegDecode for ScanCxOut {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        ScanCxOut(raw)
    }
}
