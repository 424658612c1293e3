//! The TDCALL leaves a guest issues (all but TDG.VP.VMCALL, which goes to the VMM side in
//! `vmm.rs`), one file per class of the spec (vp, mr, mem, vm), one handler per leaf named after
//! it (`tdg_mem_page_accept` answers TDG.MEM.PAGE.ACCEPT). This file holds the dispatch and the
//! checks the classes share.

use crate::module::locks::{LockKey, Mode};
use crate::module::status::{Fail, Outcome, invalid, operand as op};
use crate::module::td::{Lifecycle, OpState, Td, VcpuState};
use crate::module::{Call, leaf};
use mem::tdg_mem_page_accept;
use mr::{tdg_mr_report, tdg_mr_rtmr_extend};
use vm::{tdg_vm_rd, tdg_vm_wr};
use vp::{tdg_vp_info, tdg_vp_veinfo_get};

mod mem;
mod mr;
mod vm;
mod vp;

/// The vCPU `tdvpr` can run (initialized, TD finalized with live keys). Returns its TDR.
pub(super) fn runnable(call: &Call<'_>, tdvpr: u64) -> Result<u64, Fail> {
    let vcpu = call.st.vcpus.get(&tdvpr).ok_or(invalid(op::RAX))?;
    let td = call.st.tds.get(&vcpu.tdr).ok_or(invalid(op::RAX))?;
    if vcpu.state != VcpuState::Initialized
        || td.op != OpState::Runnable
        || td.lifecycle != Lifecycle::KeysConfigured
    {
        return Err(invalid(op::RAX));
    }
    Ok(vcpu.tdr)
}

/// The HPA of private GPA `gpa` (aligned to `align`) if it is in a PRESENT page.
fn translate(td: &Td, gpa: u64, align: u64, operand: u32) -> Result<u64, Fail> {
    if !gpa.is_multiple_of(align) || !td.is_private_gpa(gpa) {
        return Err(invalid(operand));
    }
    td.sept.translate(gpa).ok_or(invalid(operand))
}

/// Answers TDCALL `leaf` (not TDG.VP.VMCALL) for vCPU `tdvpr`.
pub(crate) fn dispatch(call: &mut Call<'_>, tdvpr: u64, leaf: u64) -> Outcome {
    let tdr = runnable(call, tdvpr)?;
    call.lock(LockKey::Page(tdr), Mode::Shared, op::TDR)?;
    match leaf {
        leaf::TDG_VP_INFO => tdg_vp_info(call, tdvpr, tdr),
        leaf::TDG_MR_RTMR_EXTEND => tdg_mr_rtmr_extend(call, tdr),
        leaf::TDG_VP_VEINFO_GET => tdg_vp_veinfo_get(call, tdvpr),
        leaf::TDG_MR_REPORT => tdg_mr_report(call, tdr),
        leaf::TDG_MEM_PAGE_ACCEPT => tdg_mem_page_accept(call, tdr),
        leaf::TDG_VM_RD => tdg_vm_rd(call, tdr),
        leaf::TDG_VM_WR => tdg_vm_wr(call, tdr),
        _ => Err(invalid(op::RAX)),
    }
}

pub(super) fn td<'a>(call: &'a Call<'_>, tdr: u64) -> Result<&'a Td, Fail> {
    call.st.tds.get(&tdr).ok_or(invalid(op::RAX))
}
