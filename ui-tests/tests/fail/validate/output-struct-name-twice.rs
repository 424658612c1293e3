use tdx_core::{FieldId, Page, Tdr, TdxError, abi, seamcall};

/// TDH.MNG.RD.
#[seamcall(leaf = abi::TdhMngRd, in(rcx = tdr, rdx = field), out(r8 = value: u64))]
pub unsafe fn tdh_mng_rd(tdr: Page<Tdr>, field: FieldId) -> Result<MngRd, TdxError>;

/// TDH.MNG.RD at version 1, returning the same struct name by mistake.
#[seamcall(leaf = abi::TdhMngRd, version = 1, in(rcx = tdr, rdx = field), out(r8 = value: u64))]
pub unsafe fn tdh_mng_rd_v1(tdr: Page<Tdr>, field: FieldId) -> Result<MngRd, TdxError>;

fn main() {}
