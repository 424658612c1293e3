use tdx_core::{TdxError, TdxStatus, abi, tdcall};

/// Write a TDREPORT.
#[tdcall(leaf = abi::TdgMrReport, in(rcx = report, rdx = data, r8 = subtype), retry(entropy = 3))]
pub unsafe fn tdg_mr_report(
    report: tdx_core::Gpa,
    data: tdx_core::Gpa,
    subtype: u64,
) -> Result<TdxStatus, TdxError>;

fn main() {}
