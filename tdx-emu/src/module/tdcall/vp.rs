//! TDG.VP.*: TDG.VP.INFO and TDG.VP.VEINFO.GET.

use super::td;
use crate::module::Call;
use crate::module::status::{Fail, Outcome, code, invalid, operand as op};
use tdx_core::TdxStatus;

pub(super) fn tdg_vp_info(call: &mut Call<'_>, tdvpr: u64, tdr: u64) -> Outcome {
    let td = td(call, tdr)?;
    let index = call.st.vcpus.get(&tdvpr).map_or(0, |v| v.index);
    let max = td.params.map_or(0, |p| u64::from(p.max_vcpus));
    let (gpaw, attributes, num) = (td.gpaw, td.attributes(), td.vcpus.len() as u64);
    call.cpu.rcx = u64::from(gpaw);
    call.cpu.rdx = attributes;
    call.cpu.r8 = num | (max << 32);
    call.cpu.r9 = u64::from(index);
    call.cpu.r10 = 0;
    call.cpu.r11 = 0;
    Ok(TdxStatus::SUCCESS)
}

pub(super) fn tdg_vp_veinfo_get(call: &mut Call<'_>, tdvpr: u64) -> Outcome {
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RAX))?;
    let Some(ve) = vcpu.ve_info.take() else {
        return Err(Fail::exact(code::NO_VALID_VE_INFO));
    };
    call.cpu.rcx = u64::from(ve.exit_reason);
    call.cpu.rdx = ve.exit_qualification;
    call.cpu.r8 = ve.gla;
    call.cpu.r9 = ve.gpa;
    call.cpu.r10 = u64::from(ve.instruction_length) | (u64::from(ve.instruction_info) << 32);
    Ok(TdxStatus::SUCCESS)
}
