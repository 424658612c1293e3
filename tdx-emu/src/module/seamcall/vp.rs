//! TDH.VP.*: vCPU creation, TDCX pages, init, metadata, flush, and TDH.VP.ENTER.

use super::{
    SUCCESS, associable, claim_free_page, keys_configured, need_ready, td, td_lock, vcpu_lock,
};
use crate::module::locks::{LockKey, Mode};
use crate::module::md::{self, Access, Ctx};
use crate::module::md_values;
use crate::module::op_state::gate;
use crate::module::pamt::PamtType;
use crate::module::status::{
    Fail, Outcome, busy, code, invalid, key_state, metadata_incorrect, operand as op,
};
use crate::module::td::{Lifecycle, Vcpu, VcpuState};
use crate::module::{Call, VmExit, leaf};
use crate::trap::CpuState;
use tdx_core::{PageSize, TdxStatus};

pub(super) fn tdh_vp_create(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdvpr, tdr) = (call.cpu.rcx, call.cpu.rdx);
    td_lock(call, tdr, op::RDX, Mode::Exclusive)?;
    {
        let td = td(call, tdr, op::RDX)?;
        keys_configured(td, op::RDX)?;
        let max = td.params.map_or(0, |p| usize::from(p.max_vcpus));
        gate(leaf::TDH_VP_CREATE, td.op)?;
        if td.vcpus.len() >= max {
            return Err(invalid(op::RDX));
        }
    }
    claim_free_page(call, tdvpr, op::RCX)?;
    call.st
        .pamt
        .assign(tdvpr, PamtType::Tdvpr, tdr, PageSize::Size4K);
    let td = call
        .st
        .tds
        .get_mut(&tdr)
        .ok_or(metadata_incorrect(op::RDX))?;
    let index = td.next_vcpu_index;
    td.next_vcpu_index += 1;
    td.vcpus.insert(tdvpr);
    td.child_count += 1;
    call.st.vcpus.insert(tdvpr, Vcpu::new(tdvpr, tdr, index));
    SUCCESS
}

pub(super) fn tdh_vp_addcx(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (page, tdvpr) = (call.cpu.rcx, call.cpu.rdx);
    let tdr = vcpu_lock(call, tdvpr, op::RDX, Mode::Exclusive)?;
    {
        let td = td(call, tdr, op::RDX)?;
        keys_configured(td, op::RDX)?;
        gate(leaf::TDH_VP_ADDCX, td.op)?;
    }
    match call.st.vcpus.get(&tdvpr) {
        Some(v) if v.state == VcpuState::Created && v.tdcx.len() < call.cfg.tdcx_per_vcpu() => {}
        _ => return Err(invalid(op::RDX)),
    }
    claim_free_page(call, page, op::RCX)?;
    call.st
        .pamt
        .assign(page, PamtType::Tdcx, tdr, PageSize::Size4K);
    if let Some(vcpu) = call.st.vcpus.get_mut(&tdvpr) {
        vcpu.tdcx.push(page);
    }
    if let Some(td) = call.st.tds.get_mut(&tdr) {
        td.child_count += 1;
    }
    SUCCESS
}

pub(super) fn tdh_vp_init(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let (tdvpr, initial_rcx, x2apic) = (call.cpu.rcx, call.cpu.rdx, call.cpu.r8);
    let tdr = vcpu_lock(call, tdvpr, op::RCX, Mode::Exclusive)?;
    let (gpaw, taken) = {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        gate(leaf::TDH_VP_INIT, td.op)?;
        let taken: Vec<u32> = td
            .vcpus
            .iter()
            .filter_map(|v| call.st.vcpus.get(v).and_then(|v| v.x2apic_id))
            .collect();
        (td.gpaw, taken)
    };
    let tdcx_needed = call.cfg.tdcx_per_vcpu();
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if vcpu.state != VcpuState::Created || vcpu.tdcx.len() != tdcx_needed {
        return Err(invalid(op::RCX));
    }
    associable(vcpu, lp, op::RCX)?;
    let Some(x2apic) = u32::try_from(x2apic).ok().filter(|id| !taken.contains(id)) else {
        return Err(invalid(op::R8));
    };
    vcpu.state = VcpuState::Initialized;
    vcpu.x2apic_id = Some(x2apic);
    vcpu.associated_lp = Some(lp);
    // The TD's initial register state (TDX virtual firmware interface).
    vcpu.gprs[1] = initial_rcx; // RCX: from the VMM
    vcpu.gprs[3] = u64::from(gpaw); // RBX: GPAW
    vcpu.gprs[6] = u64::from(vcpu.index); // RSI: vCPU index
    vcpu.rip = 0xFFFF_FFF0;
    vcpu.cr0 = 0x21; // PE | NE
    vcpu.cr4 = 0x2040; // VMXE | MCE
    SUCCESS
}

/// Common checks of TDH.VP.RD / TDH.VP.WR (`leaf`); returns (TDR, debug TD).
pub(super) fn vp_rw_checks(
    call: &mut Call<'_>,
    mode: Mode,
    leaf: u64,
) -> Result<(u64, bool), Fail> {
    need_ready(call)?;
    let tdvpr = call.cpu.rcx;
    let tdr = vcpu_lock(call, tdvpr, op::RCX, mode)?;
    let debug = {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        gate(leaf, td.op)?;
        td.is_debug()
    };
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if vcpu.state != VcpuState::Initialized {
        return Err(invalid(op::RCX));
    }
    associable(vcpu, lp, op::RCX)?;
    vcpu.associated_lp = Some(lp);
    Ok((tdr, debug))
}

pub(super) fn tdh_vp_rd(call: &mut Call<'_>) -> Outcome {
    let id = call.cpu.rdx;
    if call.version > 0 {
        call.cpu.rdx = md::FIELD_ID_NA;
    }
    call.cpu.r8 = 0;
    let (tdr, debug) = vp_rw_checks(call, Mode::Shared, leaf::TDH_VP_RD)?;
    let access = Access::HostRd { debug };
    if call.version > 0 && md::is_null(id) {
        call.cpu.rdx = md::next_id(Ctx::Vp, None, access);
        return Ok(TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
    }
    // The module's statuses (`md_read_element`, intel/tdx-module@72d8cffb
    // `metadata_generic.c`), without an operand ID.
    md::check_single_element(id)?;
    let e = md::find(Ctx::Vp, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    let td = td(call, tdr, op::RCX)?;
    let vcpu = call.st.vcpus.get(&call.cpu.rcx).ok_or(invalid(op::RCX))?;
    let value = md::read(&e, access, md_values::vp_get(td, vcpu, &e))?;
    if call.version > 0 {
        call.cpu.rdx = md::next_id(Ctx::Vp, Some(e), access);
    }
    call.cpu.r8 = value;
    SUCCESS
}

pub(super) fn tdh_vp_wr(call: &mut Call<'_>) -> Outcome {
    let (id, value, mask) = (call.cpu.rdx, call.cpu.r8, call.cpu.r9);
    call.cpu.r8 = 0;
    let (tdr, debug) = vp_rw_checks(call, Mode::Exclusive, leaf::TDH_VP_WR)?;
    // The module's statuses (`md_write_element`): the request is narrowed to the writable
    // bits (none left: NOT_WRITABLE), and masked bits the host may not write must keep their
    // value (`md_check_forbidden_bits_unchanged`: VALUE_NOT_VALID).
    md::check_single_element(id)?;
    let e = md::find(Ctx::Vp, id).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?;
    let tdvpr = call.cpu.rcx;
    let current = {
        let td = td(call, tdr, op::RCX)?;
        let vcpu = call.st.vcpus.get(&tdvpr).ok_or(invalid(op::RCX))?;
        md_values::vp_get(td, vcpu, &e)
    };
    let written = md::write(&e, Access::HostWr { debug }, current, value, mask)?;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    md_values::vp_set(vcpu, &e, written.new);
    call.cpu.r8 = written.old;
    SUCCESS
}

pub(super) fn tdh_vp_flush(call: &mut Call<'_>) -> Outcome {
    need_ready(call)?;
    let tdvpr = call.cpu.rcx;
    let tdr = vcpu_lock(call, tdvpr, op::RCX, Mode::Exclusive)?;
    if td(call, tdr, op::RCX)?.lifecycle == Lifecycle::Teardown {
        return Err(key_state(op::RCX));
    }
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if vcpu.associated_lp != Some(lp) {
        return Err(Fail::exact(TdxStatus::VCPU_NOT_ASSOCIATED));
    }
    vcpu.associated_lp = None;
    SUCCESS
}

/// What TDH.VP.ENTER hands to the guest code, and back.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prepared {
    pub(crate) tdvpr: u64,
    pub(crate) tdr: u64,
    pub(crate) index: u32,
    pub(crate) entry: u64,
    pub(crate) gprs: [u64; 16],
}

/// The registers a TDG.VP.VMCALL mask may expose (RDX, RBX, RSI, RDI, R8-R15).
pub(crate) const EXPOSABLE: u64 = 0xFFCC;

/// TDH.VP.ENTER, first half: checks, locks (the vCPU stays locked until the exit), and the
/// VMM's reply to the guest's pending TDG.VP.VMCALL.
pub(crate) fn tdh_vp_enter_prepare(call: &mut Call<'_>) -> Result<Prepared, Fail> {
    need_ready(call)?;
    if call.version != 0 {
        return Err(invalid(op::RAX));
    }
    let tdvpr = call.cpu.rcx;
    let tdr = vcpu_lock(call, tdvpr, op::RCX, Mode::Exclusive)?;
    let epoch = {
        let td = td(call, tdr, op::RCX)?;
        keys_configured(td, op::RCX)?;
        gate(leaf::TDH_VP_ENTER, td.op)?;
        td.epoch
    };
    {
        let vcpu = call.st.vcpus.get(&tdvpr).ok_or(invalid(op::RCX))?;
        if vcpu.state != VcpuState::Initialized {
            return Err(invalid(op::RCX));
        }
        associable(vcpu, call.lp, op::RCX)?;
    }
    // The entry takes the TD epoch lock shared, briefly: TDH.MEM.TRACK holding it makes the
    // entry BUSY on TD_EPOCH.
    if !call.st.locks.try_acquire(LockKey::Epoch(tdr), Mode::Shared) {
        return Err(busy(op::TD_EPOCH));
    }
    call.st.locks.release(LockKey::Epoch(tdr), Mode::Shared);

    let host = *call.cpu;
    let lp = call.lp;
    let vcpu = call.st.vcpus.get_mut(&tdvpr).ok_or(invalid(op::RCX))?;
    if let Some(mask) = vcpu.pending_vmcall_mask.take() {
        let regs = gprs_of(&host);
        for (n, (slot, value)) in vcpu.gprs.iter_mut().zip(regs).enumerate() {
            if mask & (1 << n) != 0 {
                *slot = value;
            }
        }
        vcpu.gprs[0] = 0; // the guest's TDCALL completed
    }
    vcpu.running = true;
    vcpu.entered_epoch = epoch;
    vcpu.associated_lp = Some(lp);
    vcpu.entries += 1;
    Ok(Prepared {
        tdvpr,
        tdr,
        index: vcpu.index,
        entry: vcpu.entries,
        gprs: vcpu.gprs,
    })
}

/// The GPRs of `cpu` by x86 number.
pub(crate) fn gprs_of(cpu: &CpuState) -> [u64; 16] {
    [
        cpu.rax, cpu.rcx, cpu.rdx, cpu.rbx, cpu.rsp, cpu.rbp, cpu.rsi, cpu.rdi, cpu.r8, cpu.r9,
        cpu.r10, cpu.r11, cpu.r12, cpu.r13, cpu.r14, cpu.r15,
    ]
}

/// Sets the 13 operand registers of `cpu` (not RAX, RSP, RBP) from `gprs`.
pub(crate) fn set_operand_regs(cpu: &mut CpuState, gprs: &[u64; 16]) {
    cpu.rcx = gprs[1];
    cpu.rdx = gprs[2];
    cpu.rbx = gprs[3];
    cpu.rsi = gprs[6];
    cpu.rdi = gprs[7];
    cpu.r8 = gprs[8];
    cpu.r9 = gprs[9];
    cpu.r10 = gprs[10];
    cpu.r11 = gprs[11];
    cpu.r12 = gprs[12];
    cpu.r13 = gprs[13];
    cpu.r14 = gprs[14];
    cpu.r15 = gprs[15];
}

/// TDH.VP.ENTER, second half: store the guest's registers and report the exit to the host.
/// `exit` is `None` if the guest code panicked.
pub(crate) fn tdh_vp_enter_finish(
    st: &mut crate::module::State,
    prepared: &Prepared,
    gprs: [u64; 16],
    exit: Option<VmExit>,
    cpu: &mut CpuState,
) {
    let Some(vcpu) = st.vcpus.get_mut(&prepared.tdvpr) else {
        cpu.rax = TdxStatus::NON_RECOVERABLE_VCPU.raw();
        return;
    };
    vcpu.running = false;
    vcpu.gprs = gprs;
    let mut out = [0u64; 16];
    match exit {
        Some(VmExit::Tdvmcall(args)) => {
            let mask = (args.rcx & EXPOSABLE) | (1 << 10) | (1 << 11);
            let regs = [
                0, mask, args.rdx, args.rbx, 0, 0, args.rsi, args.rdi, args.r8, args.r9, args.r10,
                args.r11, args.r12, args.r13, args.r14, args.r15,
            ];
            for (n, value) in regs.into_iter().enumerate() {
                if mask & (1 << n) != 0 {
                    vcpu.gprs[n] = value;
                    out[n] = value;
                }
            }
            vcpu.gprs[1] = mask;
            out[1] = mask;
            vcpu.pending_vmcall_mask = Some(mask);
            cpu.rax = u64::from(leaf::EXIT_REASON_TDCALL);
        }
        Some(VmExit::Other {
            reason,
            qualification,
            ext_qualification,
            gpa,
            intr_info,
        }) => {
            out[1] = qualification;
            out[2] = ext_qualification;
            out[8] = gpa.as_u64();
            out[9] = intr_info;
            cpu.rax = u64::from(reason);
        }
        None => {
            // The guest code panicked: the vCPU cannot be resumed (exit reason 2, triple
            // fault).
            cpu.rax = TdxStatus::NON_RECOVERABLE_VCPU.raw() | 2;
        }
    }
    set_operand_regs(cpu, &out);
}
