//! # tdx-core
//!
//! `no_std`, allocation-free types for Intel TDX calls, and the `#[seamcall]`, `#[tdcall]` and
//! `#[tdvmcall]` attribute macros, which turn a bodiless signature into the exact inline
//! assembly for one leaf, a typed output struct, and compile-time checks against the ABI table
//! ([`abi`]).
//!
//! ```no_run
//! use tdx_core::{abi, seamcall, Hpa, TdxError};
//!
//! /// Take a page back from the TDX module.
//! #[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
//! pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // SAFETY: kernel context; the page was given to the TDX module and its TD is torn down.
//! let reclaimed = unsafe { tdh_phymem_page_reclaim(Hpa::new(0x1_0000_0000)?)? };
//! println!("page type {:?}, owner TDR {:?}", reclaimed.page_type, reclaimed.owner);
//! # Ok(()) }
//! ```
//!
//! (The example does not run here: `seamcall` only executes in VMX root mode on a TDX host.
//! `tdx-emu` runs the same bytes in user space for tests.)
//!
//! ## The grammar
//!
//! ```text
//! #[seamcall(leaf = LEAF [, version = N] [, in(BIND, ...)] [, out(FIELD, ...)] [, clobber(REG, ...)] [, regs = PARAM] [, retry(...)])]
//! #[tdcall  (leaf = LEAF [, version = N] [, in(BIND, ...)] [, out(FIELD, ...)] [, clobber(REG, ...)] [, regs = PARAM] [, retry(busy = N)])]
//! #[tdvmcall(subfn = SUBFN | vendor = LEAF [, in(BIND, ...)] [, out(FIELD, ...)] [, retry(busy = N)])]
//!
//! LEAF    := a leaf type of the ABI table (`abi::TdhMemPageAug`: checked), or an integer (unchecked)
//! BIND    := REG = PARAM | REG = PARAM.field[.field...]
//! FIELD   := REG = name [: Type]          Type defaults to the ABI table's type for REG (write it to see it in rustdoc)
//! REG     := rcx rdx r8 r9 r10 r11 r12 r13 r14 r15 rbx rdi rsi      (never rax, rsp, rbp)
//! clobber := clobber(REG, ...): registers the module writes that the wrapper does not read back
//!            (a table leaf's R12–R15, RBX, RDI, RSI from its `out`/`err`; any, for an integer leaf)
//! regs    := a `&mut ModuleArgs` parameter: all 13 registers in and out through memory
//! retry   := retry(none) | retry(busy = N [, entropy = N]) | retry(entropy = N [, busy = N])
//! ```
//!
//! Keys come in any order, each at most once; `entropy` is SEAMCALL only, `clobber` and `regs`
//! exclude each other. A leaf of the table is declared with [`abi_table!`]:
//!
//! ```text
//! abi_table! { [list NAME;]
//!     /// docs
//!     pub FAMILY Name = NUMBER, version N, "SPEC.NAME" {
//!         [since { V: (MAJOR, MINOR, UPDATE), ... }]   the first module release of each version
//!         in { REG: Type, ... }                      the registers a wrapper binds, with their types
//!         [zero { REG, ... }]                        reserved inputs (RCX–R11): every wrapper loads 0
//!         out { REG: Type, ... }                     the registers returned on success
//!         [err { REG, ... }]                         further registers the module writes
//!         [no_info;]                                 no success-with-information status: `Result<(), E>` allowed
//!         [unsafe impl SafeLeaf;]                    a safe `fn` may wrap it (no register names memory)
//!     }
//! }
//! FAMILY := seamcall | seamldr | tdcall | tdvmcall    (tdvmcall: NUMBER is the sub-function in R11)
//! ```
//!
//! The item is `[pub] [unsafe] fn name(params) -> Result<Out, E>;` where `Out` names the output
//! struct the macro generates (a `status` field, then one field per `out(..)` register, in
//! register order), or is [`TdxStatus`] ([`TdvmcallStatus`] for `#[tdvmcall]`) when the call has
//! no outputs, or `()` when it has none and the table marks the leaf `no_info`. `E` is
//! [`TdxError`] or any type that is `From<TdxError>`; an alias naming only `Out`
//! (`-> Result<Out>`) is fine. `vendor = LEAF` is `#[tdvmcall]`'s vendor-specific form: R10
//! carries the call number (bound like an input) and returns the result.
//!
//! ## What the expansion guarantees
//!
//! * One `asm!` block tailored to the leaf: RAX = `leaf | version << 16`; each bound input
//!   straight into its register; RCX, RDX and R8–R11 always taken back; no memory round trip
//!   unless `regs = …` asks for one. RBX, which LLVM reserves, is swapped through a scratch
//!   register inside the block.
//! * SEAMCALL with CF=1 (VMfailInvalid) becomes [`TdxStatus::SEAMCALL_VMFAILINVALID`], tested
//!   inside the same block, as Linux's `tdxcall.S`.
//! * The status is kept whole: bit 63 set is an error ([`TdxError`], with the leaf, the full
//!   status and every returned register); bit 63 clear and non-zero (e.g. `TDX_KEY_CONFIGURED`)
//!   is success with information and is returned, not dropped. `Result<(), _>` is therefore
//!   accepted only for a leaf the table marks `no_info` (its module returns no such status).
//! * SEAMCALLs retry `TDX_RND_NO_ENTROPY` 9 times (10 attempts, Linux's `sc_retry`) unless
//!   `retry(none)`; `retry(busy = N)` adds bounded retries on `TDX_OPERAND_BUSY`.
//! * TDG.VP.VMCALL: RCX (the exposed-register mask) is computed at compile time from the bound
//!   registers, R10 = 0, R11 = the sub-function, and every exposed register is treated as
//!   written by the VMM (an exposed register the call only reads back goes in as zero).
//!
//! ## What the compiler checks
//!
//! * Each bound parameter has exactly the type the ABI table gives its register: a [`Gpa`]
//!   where the ABI says host physical, a [`Page<Tdvpr>`] where it says TDR, or a raw `u64`
//!   where it wants an address all fail to compile, with a message naming the leaf, the
//!   register and both types.
//! * Binding a register the leaf does not use, or leaving out one it reads, fails to compile.
//! * An output field must be the table's type for its register, or a raw `u64`.
//! * A safe `fn` whose inputs carry an address fails to compile: the caller must vouch for the
//!   memory the module will access.
//! * Everything the tokens alone decide (duplicate registers, unknown keys, unbound
//!   parameters, ...) is a spanned macro error; the macro never panics.
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod abi;
pub mod addr;
pub mod args;
mod cold;
pub mod connect;
pub mod error;
pub mod guest;
pub mod l2;
pub mod metadata;
pub mod metadata_fields;
pub mod migration;
pub mod operand_error;
pub mod page;
pub mod pamt;
pub mod reg;
pub mod scan;
pub mod sept;
pub mod servtd;
pub mod status;
pub mod sys;
pub mod td;
pub mod vmcall;

/// The DSL reference (`docs/dsl.md`), included here so that its examples are compiled.
#[doc = include_str!("../../docs/dsl.md")]
#[cfg(doctest)]
pub mod dsl_reference {}

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use addr::{AddrError, Gpa, Gva, Hpa, Hva, KeyedHpa, SharedGpa};
pub use args::ModuleArgs;
pub use connect::devif::{
    DevifField, DevifId, DevifReqIn, DevifReqOut, DevifRspIn, DevifRspOut, DevifmtIdx, FunctionId,
};
pub use connect::dmar::{DmarIdx, DmarLevel, DmarStateInfo, DmarTarget};
pub use connect::ide::{IdeDirection, IdeKmObject, IdeKmParam, StreamId};
pub use connect::iommu::{IommuId, IommuRegId};
pub use connect::mmio::{MmiomtIdx, MmiomtSetInfo};
pub use error::{CallSite, TdxError};
pub use guest::{
    CpuidVe, GpaWidth, RtmrIndex, TdgCommandsAvailable, VcpuCounts, VcpuIndex, VeInstruction,
};
pub use l2::{
    AttrFlags, GpaAttr, L1SeptPage, L2AttrList, L2EnterFlags, L2EnterGuestState, L2Invalidate,
    L2SeptPage, L2SeptPages, L2Vm, L2VmMask, SeptAddPage, SeptAddPages, TdHandleAndFlags,
    VmAndFlags,
};
pub use metadata::FieldId;
pub use migration::{
    GpaListError, GpaListInfo, HpaAndSize, MacLists, MigStream, MigscPage, PageListInfo,
};
pub use operand_error::OperandError;
pub use page::{Guest, Page, PageKind, Sept, Tdcs, Tdcx, Tdr, Tdvpr};
pub use pamt::{CacheWbMode, DynamicPamt, DynamicPamtPage, PageType, PamtPageSize, PamtRange};
pub use scan::{
    ListOfLists, RangeListEntry, RangeListError, RangeListInfo, ScanControls, ScanCxOut,
    ScanCxPage, ScanOp, ScanQualifier,
};
pub use sept::{AcceptGpa, PageSize, SeptEntryState, SeptGpa, SeptLevel, SeptLevelState};
pub use servtd::{ServtdAttributes, ServtdHandle, ServtdSlot, ServtdType, TdUuid};
pub use status::{TdvmcallStatus, TdxStatus};
pub use sys::{FatalErrorConfig, FeatureEnables};
pub use td::{ExitReason, Hkid, TdAttributes, X2ApicId};
pub use tdx_macros::{seamcall, tdcall, tdvmcall};
pub use vmcall::{
    AccessDirection, AccessSize, CacheOp, EventNotifyVector, IoPort, KvmHypercallNr, MapGpaTarget,
    MsrIndex, PconfigLeaf, ServiceNotify, ServiceTimeout,
};
