//! TDH.MNG.KEY.CONFIG completes with `TDX_KEY_CONFIGURED` (bit 63 clear) when the key is
//! already programmed: `Ok(())` would drop it, so the table does not mark it `no_info`.
use tdx_core::{Page, Tdr, TdxError, abi, seamcall};

#[seamcall(leaf = abi::TdhMngKeyConfig, in(rcx = tdr))]
pub unsafe fn tdh_mng_key_config(tdr: Page<Tdr>) -> Result<(), TdxError>;

fn main() {}
