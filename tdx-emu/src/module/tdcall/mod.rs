//! The TDCALL leaves a guest issues (all but TDG.VP.VMCALL, which goes to the VMM side in
//! `vmm.rs`), one file per class of the spec (vp, mr, mem, vm), one handler per leaf named after
//! it (`tdg_mem_page_accept` answers TDG.MEM.PAGE.ACCEPT). This file holds the dispatch and the
//! checks the classes share.

use crate::module::locks::{LockKey, Mode};
use crate::module::status::{Fail, Outcome, invalid, operand as op};
use crate::module::td::{Lifecycle, OpState, Td, VcpuState};
use crate::module::{Call, leaf};
use mem::{tdg_mem_page_accept, tdg_mem_page_attr_rd};
use mr::{tdg_mr_key_get, tdg_mr_report, tdg_mr_rtmr_extend, tdg_mr_verifyreport};
use servtd::{tdg_servtd_rd, tdg_servtd_wr};
use sys::{tdg_sys_rd, tdg_sys_rdall};
use vm::{tdg_vm_rd, tdg_vm_wr};
use vp::{
    tdg_vp_cpuidve_set, tdg_vp_info, tdg_vp_invept, tdg_vp_invvpid, tdg_vp_rd, tdg_vp_veinfo_get,
    tdg_vp_wr,
};

mod mem;
mod mr;
mod servtd;
mod sys;
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

/// A leaf's handler: the call, the vCPU's TDVPR and its TDR.
type Handler = fn(&mut Call<'_>, u64, u64) -> Outcome;

/// The handler of TDCALL `leaf` (every modelled leaf but TDG.VP.VMCALL).
fn handler(leaf: u64) -> Option<Handler> {
    Some(match leaf {
        leaf::TDG_VP_INFO => tdg_vp_info,
        leaf::TDG_MR_RTMR_EXTEND => |call, _, tdr| tdg_mr_rtmr_extend(call, tdr),
        leaf::TDG_VP_VEINFO_GET => |call, tdvpr, _| tdg_vp_veinfo_get(call, tdvpr),
        leaf::TDG_MR_REPORT => |call, _, tdr| tdg_mr_report(call, tdr),
        leaf::TDG_MEM_PAGE_ACCEPT => |call, _, tdr| tdg_mem_page_accept(call, tdr),
        leaf::TDG_VM_RD => |call, _, tdr| tdg_vm_rd(call, tdr),
        leaf::TDG_VM_WR => |call, _, tdr| tdg_vm_wr(call, tdr),
        leaf::TDG_SYS_RD => |call, _, _| tdg_sys_rd(call),
        leaf::TDG_SYS_RDALL => |call, _, tdr| tdg_sys_rdall(call, tdr),
        leaf::TDG_VP_RD => tdg_vp_rd,
        leaf::TDG_VP_WR => tdg_vp_wr,
        leaf::TDG_MR_VERIFYREPORT => |call, _, tdr| tdg_mr_verifyreport(call, tdr),
        leaf::TDG_MR_KEY_GET => |call, _, _| tdg_mr_key_get(call),
        leaf::TDG_MEM_PAGE_ATTR_RD => |call, _, tdr| tdg_mem_page_attr_rd(call, tdr),
        leaf::TDG_VP_INVEPT => |call, _, _| tdg_vp_invept(call),
        leaf::TDG_VP_INVVPID => |call, _, _| tdg_vp_invvpid(call),
        leaf::TDG_VP_CPUIDVE_SET => |call, tdvpr, _| tdg_vp_cpuidve_set(call, tdvpr),
        leaf::TDG_SERVTD_RD => |call, _, tdr| tdg_servtd_rd(call, tdr),
        leaf::TDG_SERVTD_WR => |call, _, tdr| tdg_servtd_wr(call, tdr),
        _ => return None,
    })
}

pub(crate) use servtd::break_binding_handle;

/// Whether the model answers TDCALL `leaf` (TDG.VP.VMCALL aside).
pub(crate) fn handles(leaf: u64) -> bool {
    handler(leaf).is_some()
}

/// Answers TDCALL `leaf` (not TDG.VP.VMCALL) for vCPU `tdvpr`.
pub(crate) fn dispatch(call: &mut Call<'_>, tdvpr: u64, leaf: u64) -> Outcome {
    let Some(handler) = handler(leaf) else {
        return Err(invalid(op::RAX));
    };
    let tdr = runnable(call, tdvpr)?;
    call.lock(LockKey::Page(tdr), Mode::Shared, op::TDR)?;
    handler(call, tdvpr, tdr)
}

pub(super) fn td<'a>(call: &'a Call<'_>, tdr: u64) -> Result<&'a Td, Fail> {
    call.st.tds.get(&tdr).ok_or(invalid(op::RAX))
}
