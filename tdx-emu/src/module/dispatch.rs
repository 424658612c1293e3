//! How one SEAMCALL or TDCALL is answered: counters and injected faults, the platform and
//! RAX checks, the handler of the leaf, and the module's lock-hold window.

use crate::trap::{CpuState, Instruction};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{MutexGuard, PoisonError};
use tdx_core::TdxStatus;

use super::{
    Call, Fail, FaultKind, GUEST, GuestContext, IdleGuest, Inner, LockKey, Mode, Outcome, Phase,
    State, current_lp, current_package, leaf, seamcall, tdcall, vmm,
};

impl Inner {
    pub(crate) fn lock_state(&self) -> MutexGuard<'_, State> {
        // Handlers validate before they mutate, and a panic in one aborts the process (it runs
        // in the signal handler), so a poisoned lock still guards consistent state.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn handle(&self, instruction: Instruction, cpu: &mut CpuState) {
        match instruction {
            Instruction::Seamcall => self.seamcall(cpu),
            Instruction::Tdcall => {
                let guest = GUEST.get().filter(|&(id, _)| id == self.id).map(|(_, v)| v);
                self.tdcall(guest, cpu, false);
            }
        }
    }

    /// Counts the call and applies an injected fault, if one fires. Returns whether the call
    /// is answered.
    pub(super) fn count_and_fault(
        st: &mut State,
        instruction: Instruction,
        leaf: u64,
        cpu: &mut CpuState,
    ) -> bool {
        let key = (instruction == Instruction::Tdcall, leaf);
        st.stats.entry(key).or_default().calls += 1;
        let Some(kind) = st.faults.check(instruction, leaf) else {
            return false;
        };
        let stat = st.stats.entry(key).or_default();
        stat.faults += 1;
        stat.errors += 1;
        match kind {
            FaultKind::Busy { operand } => {
                cpu.rax = TdxStatus::OPERAND_BUSY.with_operand(operand).raw();
            }
            FaultKind::NoEntropy => cpu.rax = TdxStatus::RND_NO_ENTROPY.raw(),
            FaultKind::VmFailInvalid => {
                if instruction == Instruction::Seamcall {
                    cpu.cf = true;
                } else {
                    // TDCALL has no VMfailInvalid: the call goes ahead.
                    stat.errors -= 1;
                    stat.faults -= 1;
                    return false;
                }
            }
            FaultKind::Status(status) => cpu.rax = status.raw(),
        }
        true
    }

    pub(super) fn new_call<'a>(
        &'a self,
        st: &'a mut State,
        cpu: &'a mut CpuState,
        version: u8,
    ) -> Call<'a> {
        Call {
            st,
            cfg: &self.config,
            mem: &*self.memory,
            secret: &self.secret,
            cpu,
            version,
            lp: current_lp(),
            pkg: current_package(),
            held: Vec::new(),
        }
    }

    /// Writes the outcome, then keeps the call's locks for the hold window before releasing
    /// them (on failure they are released at once).
    pub(super) fn finish(
        &self,
        mut st: MutexGuard<'_, State>,
        key: (bool, u64),
        outcome: Outcome,
        held: Vec<(LockKey, Mode)>,
        cpu: &mut CpuState,
    ) {
        let failed = match outcome {
            Ok(status) => {
                cpu.rax = status.raw();
                false
            }
            Err(Fail(status)) => {
                cpu.rax = status;
                true
            }
        };
        if failed || TdxStatus::from_raw(cpu.rax).is_error() {
            st.stats.entry(key).or_default().errors += 1;
        }
        if held.is_empty() {
            return;
        }
        if failed {
            for (key, mode) in held {
                st.locks.release(key, mode);
            }
            return;
        }
        drop(st);
        if self.config.lock_hold.is_zero() {
            std::thread::yield_now();
        } else {
            std::thread::sleep(self.config.lock_hold);
        }
        let mut st = self.lock_state();
        for (key, mode) in held {
            st.locks.release(key, mode);
        }
    }

    pub(super) fn seamcall(&self, cpu: &mut CpuState) {
        let rax = cpu.rax;
        let p_seamldr = rax >> 63 != 0;
        let leaf = if p_seamldr { rax } else { rax & 0xFFFF };
        let version = ((rax >> 16) & 0xFF) as u8;
        let mut st = self.lock_state();
        if Self::count_and_fault(&mut st, Instruction::Seamcall, leaf, cpu) {
            return;
        }
        let key = (false, leaf);
        if !p_seamldr && st.sys.phase == Phase::Disabled {
            // The module is disabled: SEAMCALL fails with VMfailInvalid, RAX untouched.
            st.stats.entry(key).or_default().errors += 1;
            cpu.cf = true;
            return;
        }
        let reserved_bits = if p_seamldr {
            rax & !((1 << 63) | 0xFFFF)
        } else {
            rax >> 24
        };
        if reserved_bits != 0 {
            st.stats.entry(key).or_default().errors += 1;
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        }
        if leaf == leaf::TDH_VP_ENTER {
            self.vp_enter(st, cpu, version);
            return;
        }
        let (outcome, held) = {
            let mut call = self.new_call(&mut st, cpu, version);
            let outcome = seamcall::dispatch(&mut call, leaf);
            if outcome.is_err() {
                call.release_all();
            }
            (outcome, std::mem::take(&mut call.held))
        };
        self.finish(st, key, outcome, held, cpu);
    }

    /// TDH.VP.ENTER: take the vCPU, run its guest code with the state unlocked, apply the exit.
    pub(super) fn vp_enter(&self, mut st: MutexGuard<'_, State>, cpu: &mut CpuState, version: u8) {
        let key = (false, leaf::TDH_VP_ENTER);
        let (prepared, held) = {
            let mut call = self.new_call(&mut st, cpu, version);
            let prepared = seamcall::tdh_vp_enter_prepare(&mut call);
            if prepared.is_err() {
                call.release_all();
            }
            (prepared, std::mem::take(&mut call.held))
        };
        let prepared = match prepared {
            Ok(prepared) => prepared,
            Err(fail) => {
                self.finish(st, key, Err(fail), Vec::new(), cpu);
                return;
            }
        };
        let mut guest = st
            .guests
            .remove(&prepared.tdvpr)
            .unwrap_or_else(|| Box::new(IdleGuest));
        drop(st);

        let mut ctx = GuestContext::new(self, &prepared);
        let exit = panic::catch_unwind(AssertUnwindSafe(|| guest.run(&mut ctx)));

        let mut st = self.lock_state();
        let panicked = exit.is_err();
        seamcall::tdh_vp_enter_finish(&mut st, &prepared, ctx.into_gprs(), exit.ok(), cpu);
        if !panicked {
            st.guests.entry(prepared.tdvpr).or_insert(guest);
        }
        for (lock, mode) in held {
            st.locks.release(lock, mode);
        }
        if TdxStatus::from_raw(cpu.rax).is_error() {
            st.stats.entry(key).or_default().errors += 1;
        }
    }

    /// Answers a TDCALL as vCPU `guest` (`None`: this thread runs no vCPU). `direct`: called
    /// from guest code inside TDH.VP.ENTER (TDG.VP.VMCALL must be a [`VmExit`](super::VmExit) there).
    pub(crate) fn tdcall(&self, guest: Option<u64>, cpu: &mut CpuState, direct: bool) {
        let rax = cpu.rax;
        let leaf = rax & 0xFFFF;
        let version = ((rax >> 16) & 0xFF) as u8;
        let mut st = self.lock_state();
        if Self::count_and_fault(&mut st, Instruction::Tdcall, leaf, cpu) {
            return;
        }
        let key = (true, leaf);
        let Some(tdvpr) = guest else {
            st.stats.entry(key).or_default().errors += 1;
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        };
        // The TDCALL dispatcher: reserved bits of RAX must be 0, and only TDG.VM.RD has a
        // version above 0 (`tdx_td_dispatcher.c`; TDG.VM.RD itself rejects versions above 1).
        if rax >> 24 != 0 || (version > 0 && leaf != leaf::TDG_VM_RD) {
            st.stats.entry(key).or_default().errors += 1;
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        }
        if leaf == leaf::TDG_VP_VMCALL {
            if direct {
                st.stats.entry(key).or_default().errors += 1;
                cpu.rax = TdxStatus::OPERAND_INVALID.raw();
                return;
            }
            let prepared = {
                let mut call = self.new_call(&mut st, cpu, version);
                vmm::tdg_vp_vmcall_prepare(&mut call, tdvpr)
            };
            match prepared {
                Ok((info, mut regs)) => {
                    drop(st);
                    // A re-entrant TDG.VP.VMCALL from the VMM itself would wait for the VMM
                    // lock forever: refuse it with a panic instead.
                    super::refuse_vmm_reentry(self.id, "a re-entrant TDG.VP.VMCALL");
                    let _in_vmm = super::InVmm::enter(self.id);
                    self.vmm
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .tdvmcall(&info, &mut regs);
                    vmm::tdg_vp_vmcall_finish(&info, &regs, cpu);
                }
                Err(Fail(status)) => {
                    st.stats.entry(key).or_default().errors += 1;
                    cpu.rax = status;
                }
            }
            return;
        }
        let (outcome, held) = {
            let mut call = self.new_call(&mut st, cpu, version);
            let outcome = tdcall::dispatch(&mut call, tdvpr, leaf);
            if outcome.is_err() {
                call.release_all();
            }
            (outcome, std::mem::take(&mut call.held))
        };
        self.finish(st, key, outcome, held, cpu);
    }
}
