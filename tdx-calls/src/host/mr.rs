//! Measurement (TDH.MR.*): extend and finalize the TD's build-time measurement (MRTD).

use tdx_core::abi;
use tdx_core::{Gpa, TdxError, TdxStatus, seamcall};

use crate::handles::TdxTd;

/// TDH.MR.EXTEND (SEAMCALL leaf 16): extend the TD measurement (MRTD) with one 256-byte
/// chunk of a page added by [`tdh_mem_page_add`](super::tdh_mem_page_add).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 16 | status |
/// | RCX | `gpa`: GPA of the chunk (256-byte aligned; KVM walks a page in 16 steps) | on error: Secure-EPT entry |
/// | RDX | `td.tdr` | on error: level/state ([`TdxErrorExt::sept_error`](super::TdxErrorExt::sept_error)) |
///
/// Only before TD finalization. Statuses: `TDX_EPT_WALK_FAILED`,
/// `TDX_EPT_ENTRY_STATE_INCORRECT` for a GPA that is not mapped; `TDX_RND_NO_ENTROPY` after 10
/// attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized, not yet finalized TD. See the module docs.
#[seamcall(leaf = abi::TdhMrExtend, in(rcx = gpa, rdx = td.tdr))]
pub unsafe fn tdh_mr_extend(td: &TdxTd<'_>, gpa: Gpa) -> Result<TdxStatus, TdxError>;

/// TDH.MR.FINALIZE (SEAMCALL leaf 17): finalize the TD measurement; the TD can run afterwards.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 17 | status |
/// | RCX | `td.tdr` | – |
///
/// Statuses: `TDX_OPERAND_BUSY` (KVM returns -EBUSY to user space); `TDX_RND_NO_ENTROPY` after
/// 10 attempts.
///
/// # Safety
///
/// `td.tdr` is an initialized TD. See the module docs.
#[seamcall(leaf = abi::TdhMrFinalize, in(rcx = td.tdr))]
pub unsafe fn tdh_mr_finalize(td: &TdxTd<'_>) -> Result<TdxStatus, TdxError>;
