//! TDG.VP.*: TDG.VP.INFO, TDG.VP.VEINFO.GET, TDG.VP.CPUIDVE.SET, the vCPU metadata (TDG.VP.RD,
//! TDG.VP.WR), and TDG.VP.INVEPT / TDG.VP.INVVPID for a TD without L2 VMs.

use super::td;
use crate::module::Call;
use crate::module::md::{self, Access, Ctx};
use crate::module::md_values;
use crate::module::status::{Fail, Outcome, code, invalid, operand as op};
use tdx_core::{TdxStatus, metadata_fields};

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
    call.cpu.r8 = ve.gla.as_u64();
    call.cpu.r9 = ve.gpa.as_u64();
    call.cpu.r10 = u64::from(ve.instruction_length) | (u64::from(ve.instruction_info) << 32);
    Ok(TdxStatus::SUCCESS)
}

/// TDG.VP.RD and TDG.VP.WR as `tdg_vp_rd_wr.c`: RDX = `MD_FIELD_ID_NA` (read) and R8 = 0
/// first; RCX must be 0; the vCPU context (TD VMCS and TDVPS tables) with the guest's masks.
fn tdg_vp_rd_wr(call: &mut Call<'_>, tdvpr: u64, tdr: u64, write: bool) -> Outcome {
    let (id, value, mask) = (call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    if !write {
        call.cpu.rdx = md::FIELD_ID_NA;
    }
    call.cpu.r8 = 0;
    if call.cpu.rcx != 0 {
        return Err(invalid(op::RCX));
    }
    let access = if write {
        Access::GuestWr
    } else {
        Access::GuestRd
    };
    if !write && md::is_null(id) {
        call.cpu.rdx = md::next_id(Ctx::Vp, None, access);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    md::check_single_element(id)?;
    let e = md::find(Ctx::Vp, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    let td = td(call, tdr)?;
    let vcpu = call.st.vcpus.get(&tdvpr).ok_or(invalid(op::RAX))?;
    let current = md_values::vp_get(td, vcpu, &e);
    if !write {
        call.cpu.r8 = md::read(&e, access, current)?;
        call.cpu.rdx = md::next_id(Ctx::Vp, Some(e), access);
        return Ok(TdxStatus::SUCCESS);
    }
    let written = md::write(&e, access, current, value, mask)?;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RAX))?;
    md_values::vp_set(vcpu, &e, written.new);
    call.cpu.r8 = written.old;
    Ok(TdxStatus::SUCCESS)
}

pub(super) fn tdg_vp_rd(call: &mut Call<'_>, tdvpr: u64, tdr: u64) -> Outcome {
    tdg_vp_rd_wr(call, tdvpr, tdr, false)
}

pub(super) fn tdg_vp_wr(call: &mut Call<'_>, tdvpr: u64, tdr: u64) -> Outcome {
    tdg_vp_rd_wr(call, tdvpr, tdr, true)
}

/// TDG.VP.CPUIDVE.SET as `tdg_vp_cpuidve_set.c`: RCX bits 63:2 reserved (`TDX_OPERAND_INVALID`
/// operand RCX); bit 0 goes to TDVPS CPUID_SUPERVISOR_VE, bit 1 to CPUID_USER_VE, the same
/// elements TDG.VP.RD/WR and TDH.VP.RD read. Stored only: the guest's CPUID instruction runs
/// natively, so the model raises no #VE for it.
pub(super) fn tdg_vp_cpuidve_set(call: &mut Call<'_>, tdvpr: u64) -> Outcome {
    let control = call.cpu.rcx;
    if control >> 2 != 0 {
        return Err(invalid(op::RCX));
    }
    let fields = [
        (metadata_fields::vp::CPUID_SUPERVISOR_VE, control & 1),
        (metadata_fields::vp::CPUID_USER_VE, (control >> 1) & 1),
    ];
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RAX))?;
    for (field, value) in fields {
        // Both are rows of the module's TDVPS table (`tests/module_guest_extra.rs` reads them
        // back through TDG.VP.RD).
        let e =
            md::find(Ctx::Vp, field.raw()).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
        md_values::vp_set(vcpu, &e, value);
    }
    Ok(TdxStatus::SUCCESS)
}

/// TDG.VP.INVEPT as `tdg_vp_invept.c` for a TD without L2 VMs (`num_l2_vms` 0 in the model):
/// bit 0 (the L1 VMM) and every bit of a VM that does not exist must be 0, so RCX = 0 succeeds
/// (nothing to flush) and any other RCX is `TDX_OPERAND_INVALID` operand RCX.
pub(super) fn tdg_vp_invept(call: &mut Call<'_>) -> Outcome {
    if call.cpu.rcx != 0 {
        return Err(invalid(op::RCX));
    }
    Ok(TdxStatus::SUCCESS)
}

/// TDG.VP.INVVPID as `tdg_vp_invvpid.c` for a TD without L2 VMs: the VM in RCX bits 53:52 is 0
/// (the L1 VMM) or above `num_l2_vms` (0), so every call is `TDX_OPERAND_INVALID` operand RCX,
/// the handler's first check, before RDX is read.
pub(super) fn tdg_vp_invvpid(_call: &mut Call<'_>) -> Outcome {
    Err(invalid(op::RCX))
}
