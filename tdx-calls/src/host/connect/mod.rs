//! TDX Connect (module 2.0), host side: one file per class of the spec.

mod devif;
mod dmar;
mod ide;
mod iommu;
mod iq;
mod mem;
mod mmio;
mod spdm;

pub use devif::*;
pub use dmar::*;
pub use ide::*;
pub use iommu::*;
pub use iq::*;
pub use mem::*;
pub use mmio::*;
pub use spdm::*;
