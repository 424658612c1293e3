//! Live-migration operands of the TDH.EXPORT.*, TDH.IMPORT.* and TDH.MIG.STREAM.CREATE
//! leaves: the GPA list and page list descriptors, the "HPA and size" of a migration bundle
//! metadata (MBMD) buffer, the migration stream index and command, and the migration stream
//! context page.
//!
//! Layouts: intel/tdx-module@72d8cffb (1.5.01) `include/tdx_api_defs.h` (`gpa_list_info_t`)
//! and `src/common/helpers/migration.h` (`hpa_and_size_t`, `page_list_info_t`,
//! `migs_index_and_cmd_t`).

use core::fmt;

use crate::addr::{AddrError, Hpa};
use crate::operand_error::OperandError;
use crate::reg::{RegDecode, RegEncode};

/// The largest index of a 4 KiB list of 8-byte entries (511).
pub const LIST_LAST_INDEX: u16 = 511;

fn page_aligned(hpa: Hpa) -> Result<u64, AddrError> {
    let raw = hpa.as_u64();
    if raw.is_multiple_of(4096) {
        Ok(raw)
    } else {
        Err(AddrError::Misaligned { raw, align: 4096 })
    }
}

/// RCX of TDH.EXPORT.MEM, .BLOCKW, .RESTORE and TDH.IMPORT.MEM (`gpa_list_info_t`): the HPA
/// of a 4 KiB GPA list page (bits 51:12), its format (bits 2:0, 0 in 1.5), and the first
/// (bits 11:3) and last (bits 63:55) entry to process; bits 54:52 are reserved.
///
/// The module returns the updated descriptor in RCX (the first entry advanced past what it
/// processed), so it also decodes from a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GpaListInfo(u64);

impl GpaListInfo {
    /// The list page at `list` (4 KiB aligned, below 2^52), entries `first..=last` (each
    /// ≤ 511), format 0.
    pub fn new(list: Hpa, first: u16, last: u16) -> Result<Self, GpaListError> {
        let hpa = page_aligned(list).map_err(GpaListError::Addr)?;
        let first = OperandError::check("GpaListInfo", "first_entry", first.into(), 511)
            .map_err(GpaListError::Field)?;
        let last = OperandError::check("GpaListInfo", "last_entry", last.into(), 511)
            .map_err(GpaListError::Field)?;
        Ok(GpaListInfo(hpa | (first << 3) | (last << 55)))
    }

    /// The list page's HPA (bits 51:12).
    pub const fn list(self) -> u64 {
        self.0 & 0x000F_FFFF_FFFF_F000
    }

    /// The first entry to process (bits 11:3).
    pub const fn first_entry(self) -> u16 {
        ((self.0 >> 3) & 0x1FF) as u16
    }

    /// The last entry to process (bits 63:55).
    pub const fn last_entry(self) -> u16 {
        (self.0 >> 55) as u16
    }

    /// The list format (bits 2:0).
    pub const fn format(self) -> u8 {
        (self.0 & 0x7) as u8
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for GpaListInfo {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

impl RegDecode for GpaListInfo {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        GpaListInfo(raw)
    }
}

/// Why a [`GpaListInfo`] or [`PageListInfo`] (or another page-plus-field descriptor:
/// [`ListOfLists`](crate::ListOfLists), [`RangeListInfo`](crate::RangeListInfo),
/// [`MmiomtIdx`](crate::MmiomtIdx)) could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GpaListError {
    /// The list page is not a 4 KiB-aligned physical address.
    Addr(AddrError),
    /// A field (an entry index, a count, a level) is out of range.
    Field(OperandError),
}

impl fmt::Display for GpaListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GpaListError::Addr(e) => write!(f, "{e}"),
            GpaListError::Field(e) => write!(f, "{e}"),
        }
    }
}

impl core::error::Error for GpaListError {}

/// R9 of TDH.EXPORT.STATE.* / TDH.IMPORT.STATE.* and R9/R13 of TDH.EXPORT.MEM /
/// TDH.IMPORT.MEM (`page_list_info_t`): the HPA of a 4 KiB page list (bits 51:12) and the
/// index of its last entry (bits 63:55); bits 11:0 and 54:52 are reserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageListInfo(u64);

impl PageListInfo {
    /// The page list at `list` (4 KiB aligned), entries `0..=last` (`last` ≤ 511).
    pub fn new(list: Hpa, last: u16) -> Result<Self, GpaListError> {
        let hpa = page_aligned(list).map_err(GpaListError::Addr)?;
        let last = OperandError::check("PageListInfo", "last_entry", last.into(), 511)
            .map_err(GpaListError::Field)?;
        Ok(PageListInfo(hpa | (last << 55)))
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for PageListInfo {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R8 of the export/import leaves (`hpa_and_size_t`): the HPA of the migration bundle
/// metadata (MBMD) buffer in bits 51:0 and its size in bytes in bits 63:52.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HpaAndSize(u64);

impl HpaAndSize {
    /// The buffer at `hpa` (below 2^52), `size` bytes (≤ 4095).
    pub fn new(hpa: Hpa, size: u16) -> Result<Self, OperandError> {
        let size = OperandError::check("HpaAndSize", "size", size.into(), 0xFFF)?;
        Ok(HpaAndSize(hpa.as_u64() | (size << 52)))
    }

    /// The buffer's HPA (bits 51:0).
    pub const fn hpa(self) -> u64 {
        self.0 & 0x000F_FFFF_FFFF_FFFF
    }

    /// The buffer's size in bytes (bits 63:52).
    pub const fn size(self) -> u16 {
        (self.0 >> 52) as u16
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for HpaAndSize {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R10 of the export/import leaves (`migs_index_and_cmd_t`): the migration stream index in
/// bits 15:0, and in bit 63 the command (`MIGS_INDEX_COMMAND_NEW` 0: start a new operation;
/// `MIGS_INDEX_COMMAND_RESUME` 1: resume an interrupted one; for TDH.EXPORT.TRACK,
/// `MIGS_INDEX_COMMAND_INORDER_DONE` 1: the in-order phase is done); bits 62:16 are reserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MigStream(u64);

impl MigStream {
    /// Stream `index`, starting a new operation.
    pub const fn new(index: u16) -> Self {
        MigStream(index as u64)
    }

    /// Stream `index`, resuming the operation TDX_INTERRUPTED_RESUMABLE stopped.
    pub const fn resume(index: u16) -> Self {
        MigStream(index as u64 | 1 << 63)
    }

    /// Stream `index`, for TDH.EXPORT.TRACK: the in-order phase is done (bit 63 set).
    pub const fn in_order_done(index: u16) -> Self {
        MigStream(index as u64 | 1 << 63)
    }

    /// The stream index.
    pub const fn index(self) -> u16 {
        self.0 as u16
    }

    /// Whether the command is "resume".
    pub const fn is_resume(self) -> bool {
        self.0 >> 63 != 0
    }
}

impl RegEncode for MigStream {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// R11/R12 of TDH.EXPORT.MEM and TDH.IMPORT.MEM: the HPAs of the two MAC lists (4 KiB pages
/// of 16-byte MACs; list 0 for GPA-list entries 0–255, list 1 for 256–511), written on
/// export and checked on import. The module checks each only when the GPA list has entries
/// in its half (`mac_list_0_pa`, `mac_list_1_pa` in `tdh_export_mem.c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MacLists {
    /// MAC list 0 (R11).
    pub list0: Hpa,
    /// MAC list 1 (R12).
    pub list1: Hpa,
}

/// A migration stream context page (MIGSC), handed to the module by TDH.MIG.STREAM.CREATE
/// and reclaimed with TDH.PHYMEM.PAGE.RECLAIM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MigscPage(Hpa);

impl MigscPage {
    /// The page at `hpa` (4 KiB aligned).
    pub fn new(hpa: Hpa) -> Result<Self, AddrError> {
        page_aligned(hpa).map(|_| MigscPage(hpa))
    }

    /// The page's HPA.
    pub const fn hpa(self) -> Hpa {
        self.0
    }
}

impl RegEncode for MigscPage {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0.as_u64()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts() {
        let list = Hpa::new(0x1234_5000).unwrap();
        let info = GpaListInfo::new(list, 3, 511).unwrap();
        assert_eq!(info.raw(), 0x1234_5000 | 3 << 3 | 511 << 55);
        assert_eq!((info.first_entry(), info.last_entry()), (3, 511));
        assert!(GpaListInfo::new(list, 512, 0).is_err());
        assert!(GpaListInfo::new(Hpa::new(0x1234_5008).unwrap(), 0, 0).is_err());
        assert_eq!(
            PageListInfo::new(list, 1).unwrap().raw(),
            0x1234_5000 | 1 << 55
        );
        let mbmd = HpaAndSize::new(Hpa::new(0x9000).unwrap(), 128).unwrap();
        assert_eq!((mbmd.hpa(), mbmd.size()), (0x9000, 128));
        assert!(HpaAndSize::new(Hpa::new(0x9000).unwrap(), 4096).is_err());
        assert_eq!(MigStream::resume(2).to_reg(), 2 | 1 << 63);
    }
}
