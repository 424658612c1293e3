//! TDG.MR.*: TDG.MR.RTMR.EXTEND, TDG.MR.REPORT, TDG.MR.VERIFYREPORT and TDG.MR.KEY.GET.

use super::{td, translate};
use crate::module::Call;
use crate::module::measure::{TdReport, VerifyError, rtmr_extend, verify_report_mac};
use crate::module::status::{Fail, Outcome, invalid, operand as op};
use tdx_core::TdxStatus;

pub(super) fn tdg_mr_rtmr_extend(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (gpa, index) = (call.cpu.rcx, call.cpu.rdx);
    if index > 3 {
        return Err(invalid(op::RDX));
    }
    let hpa = translate(td(call, tdr)?, gpa, 64, op::RCX)?;
    let mut data = [0u8; 48];
    call.mem.read(hpa, &mut data);
    let td = call.st.tds.get_mut(&tdr).ok_or(invalid(op::RAX))?;
    let slot = &mut td.rtmr[index as usize];
    *slot = rtmr_extend(slot, &data);
    Ok(TdxStatus::SUCCESS)
}

pub(super) fn tdg_mr_report(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let (report_gpa, data_gpa, subtype) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    if subtype != 0 {
        return Err(invalid(op::R8));
    }
    let td = td(call, tdr)?;
    let out = translate(td, report_gpa, 1024, op::RCX)?;
    let data = translate(td, data_gpa, 64, op::RDX)?;
    let mut report_data = [0u8; 64];
    call.mem.read(data, &mut report_data);
    let params = td.params.unwrap_or_default();
    let report = TdReport {
        report_type: [0x81, 0, 1, 0],
        tee_tcb_info_hash: [0; 48],
        tee_info_hash: [0; 48],
        report_data,
        mac: [0; 32],
        attributes: params.attributes,
        xfam: params.xfam,
        mrtd: td.mrtd_final.unwrap_or([0; 48]),
        mrconfigid: params.mrconfigid,
        mrowner: params.mrowner,
        mrownerconfig: params.mrownerconfig,
        rtmr: td.rtmr,
    };
    let bytes = report.build(call.secret);
    call.mem.write(out, &bytes);
    Ok(TdxStatus::SUCCESS)
}

/// TDG.MR.VERIFYREPORT as `tdg_mr_verifyreport.c` (1.5.01): the model's CPU has
/// SEAMVERIFYREPORT (`seamverifyreport_available`); RCX 256-byte aligned, then a private
/// mapped page (`check_walk_and_map_guest_side_gpa`, read-only), each `TDX_OPERAND_INVALID`
/// operand RCX; then SEAMOPS(SEAMVERIFYREPORT) on the 256 bytes: `TDX_INVALID_CPUSVN` or
/// `TDX_INVALID_REPORTMACSTRUCT` (see `measure.rs`).
pub(super) fn tdg_mr_verifyreport(call: &mut Call<'_>, tdr: u64) -> Outcome {
    let hpa = translate(td(call, tdr)?, call.cpu.rcx, 256, op::RCX)?;
    let mut mac_struct = [0u8; 256];
    call.mem.read(hpa, &mut mac_struct);
    match verify_report_mac(call.secret, &mac_struct) {
        Ok(()) => Ok(TdxStatus::SUCCESS),
        Err(VerifyError::Cpusvn) => Err(Fail::exact(TdxStatus::INVALID_CPUSVN)),
        Err(VerifyError::Mac) => Err(Fail::exact(TdxStatus::INVALID_REPORTMACSTRUCT)),
    }
}

/// TDG.MR.KEY.GET as 1.5.34's `tdg_mr_key_get.c` on the model's platform, which has no sealing
/// (`global_data->sealing_supported` false): the handler's first check answers
/// `TDX_OPERAND_INVALID` with no operand, before it reads any register.
pub(super) fn tdg_mr_key_get(_call: &mut Call<'_>) -> Outcome {
    Err(Fail::exact(TdxStatus::OPERAND_INVALID))
}
