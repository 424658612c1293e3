use tdx_core::{TdxError, abi, tdcall};

/// The TD execution environment.
#[tdcall(subfn = abi::TdgVpInfo, out(rcx = gpa_width, rdx = attributes))]
pub fn tdg_vp_info() -> Result<VpInfo, TdxError>;

fn main() {}
