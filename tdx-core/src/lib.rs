//! # tdx-core
//!
//! `no_std`, allocation-free types for Intel TDX calls, and the `#[seamcall]`, `#[tdcall]`
//! and `#[tdvmcall]` attribute macros that turn a bodiless signature into the exact inline
//! assembly for one leaf.
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod abi;
pub mod addr;
pub mod args;
pub mod error;
pub mod packed;
pub mod page;
pub mod reg;
pub mod status;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use addr::{AddrError, Gpa, Gva, Hpa, Hva, KeyedHpa, SharedGpa};
pub use args::ModuleArgs;
pub use error::{CallSite, TdxError};
pub use packed::{AcceptGpa, FieldId, Hkid, PageSize, SeptGpa, SeptLevel};
pub use page::{Guest, Page, PageKind, Sept, Tdcs, Tdcx, Tdr, Tdvpr};
pub use status::{TdvmcallStatus, TdxStatus};
pub use tdx_macros::{seamcall, tdcall, tdvmcall};
