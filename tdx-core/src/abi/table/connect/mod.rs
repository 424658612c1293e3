//! The ABI table: module 2.0's TDX Connect (TDISP) leaves, one file per class:
//! SEAMCALL [`iommu`], [`spdm`], [`ide`], [`devif`], [`dmar`], [`mmio`], [`iq`], [`mem`]
//! (TDH.MEM.SHARED.SEPT.WR), and the TDCALL leaves in [`guest`]. Every entry's first module
//! version is 2.0.18.

pub mod devif;
pub mod dmar;
pub mod guest;
pub mod ide;
pub mod iommu;
pub mod iq;
pub mod mem;
pub mod mmio;
pub mod spdm;

pub use devif::*;
pub use dmar::*;
pub use guest::*;
pub use ide::*;
pub use iommu::*;
pub use iq::*;
pub use mem::*;
pub use mmio::*;
pub use spdm::*;

/// Every TDX Connect leaf, class by class.
pub const LEAVES: &[&[super::super::LeafData]] = &[
    iommu::LEAVES,
    spdm::LEAVES,
    ide::LEAVES,
    devif::LEAVES,
    dmar::LEAVES,
    mmio::LEAVES,
    iq::LEAVES,
    mem::LEAVES,
    guest::LEAVES,
];
