//! How one SEAMCALL or TDCALL is answered: counters and injected faults, the platform and
//! RAX checks, the TD the call acts on, the handler of the leaf, and the release of the
//! module's locks (after `Config::lock_hold`, if set). See `shared.rs` for where the state lives and why calls on independent TDs run in
//! parallel.

use crate::trap::{CpuState, Instruction};
use std::panic::{self, AssertUnwindSafe};
use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use tdx_core::TdxStatus;

use super::pamt::PamtType;
use super::shared::{LazyGlobal, TdState, TdView, VcpuView, guard};
use super::{
    Call, Fail, FaultKind, GUEST, GuestContext, IdleGuest, Inner, LockKey, Mode, NOT_MODELLED,
    Outcome, Phase, State, cache_lp_ready, current_lp, current_package, leaf, lp_ready_cached,
    seamcall, tdcall, vmm,
};

impl Inner {
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
        &self,
        instruction: Instruction,
        leaf: u64,
        cpu: &mut CpuState,
    ) -> bool {
        let key = (instruction == Instruction::Tdcall, leaf);
        let lp = current_lp();
        self.stats.update(lp, key, |s| s.calls += 1);
        if !self.faults_armed.load(Ordering::Acquire) {
            return false;
        }
        let Some(kind) = guard(&self.faults).check(instruction, leaf) else {
            return false;
        };
        match kind {
            FaultKind::Busy { operand } => {
                cpu.rax = TdxStatus::OPERAND_BUSY.with_operand(operand).raw();
            }
            FaultKind::NoEntropy => cpu.rax = TdxStatus::RND_NO_ENTROPY.raw(),
            // TDCALL has no VMfailInvalid: the call goes ahead.
            FaultKind::VmFailInvalid if instruction == Instruction::Tdcall => return false,
            FaultKind::VmFailInvalid => cpu.cf = true,
            FaultKind::Status(status) => cpu.rax = status.raw(),
        }
        self.stats.update(lp, key, |s| {
            s.faults += 1;
            s.errors += 1;
        });
        true
    }

    /// Answers a leaf of the ABI table that the model does not implement with
    /// [`NOT_MODELLED`], before any other check (a number that is no leaf at all goes on, to
    /// get the module's `TDX_OPERAND_INVALID`). Returns whether it did.
    fn not_modelled(&self, instruction: Instruction, leaf: u64, cpu: &mut CpuState) -> bool {
        if leaf::modelled(instruction, leaf) || leaf::data(instruction, leaf).is_none() {
            return false;
        }
        self.count_error((instruction == Instruction::Tdcall, leaf));
        cpu.rax = NOT_MODELLED.raw();
        true
    }

    fn count_error(&self, key: (bool, u64)) {
        self.stats.update(current_lp(), key, |s| s.errors += 1);
    }

    /// The owner TD of page `hpa` if the PAMT has it as `page_type` (any type: `None`).
    fn owner_of(&self, hpa: u64, page_type: Option<PamtType>) -> Option<u64> {
        let (_, entry) = self.pamt.lookup(hpa)?;
        (page_type.is_none_or(|t| t == entry.page_type)).then_some(entry.owner)
    }

    /// The TD SEAMCALL `leaf` acts on, from the register that names it (a TDR, or a TDVPR or
    /// a TD page whose owner the PAMT gives); `None` for the platform leaves.
    fn target_td(&self, leaf: u64, cpu: &CpuState) -> Option<u64> {
        match leaf {
            leaf::TDH_MNG_KEY_CONFIG
            | leaf::TDH_MNG_INIT
            | leaf::TDH_MNG_RD
            | leaf::TDH_MNG_WR
            | leaf::TDH_MR_FINALIZE
            | leaf::TDH_MNG_VPFLUSHDONE
            | leaf::TDH_MNG_KEY_FREEID
            | leaf::TDH_MEM_TRACK
            | leaf::TDH_SERVTD_PREBIND
            | leaf::TDH_SERVTD_BIND => Some(cpu.rcx),
            leaf::TDH_MNG_ADDCX
            | leaf::TDH_MEM_SEPT_ADD
            | leaf::TDH_MEM_PAGE_ADD
            | leaf::TDH_MEM_PAGE_AUG
            | leaf::TDH_MEM_RANGE_BLOCK
            | leaf::TDH_MEM_RANGE_UNBLOCK
            | leaf::TDH_MEM_PAGE_REMOVE
            | leaf::TDH_MEM_RD
            | leaf::TDH_MEM_WR
            | leaf::TDH_MEM_SEPT_REMOVE
            | leaf::TDH_MEM_PAGE_RELOCATE
            | leaf::TDH_MEM_PAGE_PROMOTE
            | leaf::TDH_MR_EXTEND
            | leaf::TDH_VP_CREATE => Some(cpu.rdx),
            // RDX bit 0: read the L2 attributes too.
            leaf::TDH_MEM_SEPT_RD => Some(cpu.rdx & !1),
            // RDX bits 51:12: the TDR; the others are flags.
            leaf::TDH_MEM_PAGE_DEMOTE => Some(cpu.rdx & 0x000F_FFFF_FFFF_F000),
            leaf::TDH_VP_INIT
            | leaf::TDH_VP_RD
            | leaf::TDH_VP_WR
            | leaf::TDH_VP_FLUSH
            | leaf::TDH_VP_ENTER => self.owner_of(cpu.rcx, Some(PamtType::Tdvpr)),
            leaf::TDH_VP_ADDCX => self.owner_of(cpu.rdx, Some(PamtType::Tdvpr)),
            leaf::TDH_PHYMEM_PAGE_RECLAIM => self.owner_of(cpu.rcx & !0xFFF, None),
            _ => None,
        }
    }

    /// Runs `f` with the state of TD `tdr` (if it exists) locked for the call, then applies a
    /// TD the call created or removed to the index, and refreshes the platform caches if the
    /// call touched the platform state.
    fn with_state<R>(
        &self,
        tdr: Option<u64>,
        platform: bool,
        cpu: &mut CpuState,
        version: u8,
        f: impl FnOnce(&mut Call<'_>) -> R,
    ) -> (R, Vec<(LockKey, Mode)>) {
        self.with_states(tdr, None, platform, cpu, version, f)
    }

    /// [`with_state`](Self::with_state) with a second TD `other` the call reads or writes
    /// (locked with the first, the two shards in ascending TDR order, so that two such calls on
    /// the same pair of TDs cannot deadlock).
    fn with_states<R>(
        &self,
        tdr: Option<u64>,
        other: Option<u64>,
        platform: bool,
        cpu: &mut CpuState,
        version: u8,
        f: impl FnOnce(&mut Call<'_>) -> R,
    ) -> (R, Vec<(LockKey, Mode)>) {
        let shard = tdr.and_then(|t| self.tds.get(t));
        let other = other.filter(|&o| Some(o) != tdr);
        let other_shard = other.and_then(|o| self.tds.get(o));
        let other_first = matches!((tdr, other), (Some(t), Some(o)) if o < t);
        let mut other_locked = None;
        if other_first {
            other_locked = other_shard.as_ref().map(|s| guard(s));
        }
        let mut locked = shard.as_ref().map(|s| guard(s));
        if !other_first {
            other_locked = other_shard.as_ref().map(|s| guard(s));
        }
        let other_td = match (other, other_locked.as_deref_mut()) {
            (Some(o), Some(state)) if !state.dead => Some((o, &mut state.td)),
            _ => None,
        };
        let (td, vcpus, dead) = match locked.as_deref_mut() {
            Some(TdState { td, vcpus, dead }) if !*dead => {
                (tdr.map(|t| (t, td)), Some(vcpus), Some(dead))
            }
            _ => (None, None, None),
        };
        let st = State {
            g: LazyGlobal::new(&self.global),
            pamt: &self.pamt,
            locks: &self.locks,
            tds: TdView::new(td),
            vcpus: VcpuView::new(vcpus),
            other: other_td,
        };
        let lp = current_lp();
        let generation = self.lp_generation.load(Ordering::Acquire);
        let mut call = Call {
            st,
            cfg: &self.config,
            mem: &*self.memory,
            secret: &self.secret,
            guests: &self.guests,
            cpu,
            version,
            lp,
            pkg: current_package(),
            lp_ready: lp_ready_cached(self.id, generation),
            ready: self.ready.load(Ordering::Acquire),
            module_id: self.id,
            lp_generation: generation,
            held: Vec::new(),
        };
        let result = f(&mut call);
        let held = std::mem::take(&mut call.held);
        let Call { mut st, .. } = call;
        if let Some((tdr, td)) = st.tds.created.take() {
            self.tds.insert(tdr, td);
        }
        let removed = st.tds.removed;
        if st.g.taken() && platform {
            // A platform leaf: refresh what the other leaves read without the global lock.
            let phase = st.g.sys.phase;
            self.ready.store(phase == Phase::Ready, Ordering::Release);
            self.disabled
                .store(phase == Phase::Disabled, Ordering::Release);
            let generation = self.lp_generation.fetch_add(1, Ordering::AcqRel) + 1;
            if st.g.sys.lp_init.contains(&lp) {
                cache_lp_ready(self.id, generation);
            }
        }
        drop(st);
        if let Some(tdr) = removed {
            if let Some(dead) = dead {
                *dead = true;
            }
            self.tds.remove(tdr);
        }
        (result, held)
    }

    /// Writes the outcome, then gives back the call's locks: at once, or after
    /// `Config::lock_hold` if that is set and the call succeeded (on failure they are already
    /// released).
    pub(super) fn finish(
        &self,
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
            self.count_error(key);
        }
        if held.is_empty() {
            return;
        }
        // The module gives its locks back as the leaf returns; `Config::lock_hold` widens the
        // window for tests of contention.
        if !failed && !self.config.lock_hold.is_zero() {
            std::thread::sleep(self.config.lock_hold);
        }
        for (key, mode) in held {
            self.locks.release(key, mode);
        }
    }

    pub(super) fn seamcall(&self, cpu: &mut CpuState) {
        let rax = cpu.rax;
        let p_seamldr = rax >> 63 != 0;
        let leaf = if p_seamldr { rax } else { rax & 0xFFFF };
        let version = ((rax >> 16) & 0xFF) as u8;
        if self.count_and_fault(Instruction::Seamcall, leaf, cpu) {
            return;
        }
        let key = (false, leaf);
        if self.not_modelled(Instruction::Seamcall, leaf, cpu) {
            return;
        }
        if !p_seamldr && self.disabled.load(Ordering::Acquire) {
            // The module is disabled: SEAMCALL fails with VMfailInvalid, RAX untouched.
            self.count_error(key);
            cpu.cf = true;
            return;
        }
        let reserved_bits = if p_seamldr {
            rax & !((1 << 63) | 0xFFFF)
        } else {
            rax >> 24
        };
        if reserved_bits != 0 {
            self.count_error(key);
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        }
        if leaf == leaf::TDH_VP_ENTER {
            self.vp_enter(cpu, version);
            return;
        }
        let platform = p_seamldr || leaf::is_platform(leaf);
        let tdr = if platform {
            None
        } else {
            self.target_td(leaf, cpu)
        };
        // TDH.SERVTD.BIND reads the service TD (RDX) too.
        let other = (leaf == leaf::TDH_SERVTD_BIND).then_some(cpu.rdx);
        let (outcome, held) = self.with_states(tdr, other, platform, cpu, version, |call| {
            let outcome = seamcall::dispatch(call, leaf);
            if outcome.is_err() {
                call.release_all();
            }
            outcome
        });
        self.finish(key, outcome, held, cpu);
    }

    /// TDH.VP.ENTER: take the vCPU, run its guest code with nothing locked but the module's
    /// own locks, apply the exit.
    pub(super) fn vp_enter(&self, cpu: &mut CpuState, version: u8) {
        let key = (false, leaf::TDH_VP_ENTER);
        let tdr = self.target_td(leaf::TDH_VP_ENTER, cpu);
        let (prepared, held) = self.with_state(tdr, false, cpu, version, |call| {
            let prepared = seamcall::tdh_vp_enter_prepare(call);
            if prepared.is_err() {
                call.release_all();
            }
            prepared
        });
        let prepared = match prepared {
            Ok(prepared) => prepared,
            Err(fail) => {
                self.finish(key, Err(fail), Vec::new(), cpu);
                return;
            }
        };
        let guest = self.guests.take(prepared.tdvpr);
        let mut guest = guest.unwrap_or_else(|| Box::new(IdleGuest));

        let mut ctx = GuestContext::new(self, &prepared);
        let exit = panic::catch_unwind(AssertUnwindSafe(|| guest.run(&mut ctx)));

        let panicked = exit.is_err();
        let gprs = ctx.into_gprs();
        let ((), _) = self.with_state(tdr, false, cpu, version, |call| {
            seamcall::tdh_vp_enter_finish(&mut call.st, &prepared, gprs, exit.ok(), call.cpu);
        });
        if !panicked {
            self.guests.put_back(prepared.tdvpr, guest);
        }
        for (lock, mode) in held {
            self.locks.release(lock, mode);
        }
        if TdxStatus::from_raw(cpu.rax).is_error() {
            self.count_error(key);
        }
    }

    /// The target TD of TDG.SERVTD.RD/WR, locked with the caller's TD `tdr` (the two shards
    /// in ascending TDR order, as for TDH.SERVTD.BIND): the TDR the binding handle (RCX) names
    /// with the caller's TD_UUID (read under the caller's shard first; the handler breaks the
    /// handle again under both). `None` for the other leaves.
    fn servtd_target(
        &self,
        tdr: Option<u64>,
        leaf: u64,
        cpu: &mut CpuState,
        version: u8,
    ) -> Option<u64> {
        if !matches!(leaf, leaf::TDG_SERVTD_RD | leaf::TDG_SERVTD_WR) {
            return None;
        }
        let (uuid0, _) = self.with_state(tdr, false, cpu, version, |call| {
            tdr.and_then(|t| call.st.tds.get(&t)).map(|td| td.uuid[0])
        });
        uuid0.map(|u| tdcall::break_binding_handle(cpu.rcx, u).0)
    }

    /// Answers a TDCALL as vCPU `guest` (`None`: this thread runs no vCPU). `direct`: called
    /// from guest code inside TDH.VP.ENTER (TDG.VP.VMCALL must be a [`VmExit`](super::VmExit) there).
    pub(crate) fn tdcall(&self, guest: Option<u64>, cpu: &mut CpuState, direct: bool) {
        let rax = cpu.rax;
        let leaf = rax & 0xFFFF;
        let version = ((rax >> 16) & 0xFF) as u8;
        if self.count_and_fault(Instruction::Tdcall, leaf, cpu) {
            return;
        }
        let key = (true, leaf);
        if self.not_modelled(Instruction::Tdcall, leaf, cpu) {
            return;
        }
        let Some(tdvpr) = guest else {
            self.count_error(key);
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        };
        // The TDCALL dispatcher: reserved bits of RAX must be 0, and only TDG.VM.RD has a
        // version above 0 (`tdx_td_dispatcher.c`; TDG.VM.RD itself rejects versions above 1).
        if rax >> 24 != 0 || (version > 0 && leaf != leaf::TDG_VM_RD) {
            self.count_error(key);
            cpu.rax = TdxStatus::OPERAND_INVALID.raw();
            return;
        }
        let tdr = self.owner_of(tdvpr, Some(PamtType::Tdvpr));
        if leaf == leaf::TDG_VP_VMCALL {
            if direct {
                self.count_error(key);
                cpu.rax = TdxStatus::OPERAND_INVALID.raw();
                return;
            }
            let (prepared, _) = self.with_state(tdr, false, cpu, version, |call| {
                vmm::tdg_vp_vmcall_prepare(call, tdvpr)
            });
            match prepared {
                Ok((info, mut regs)) => {
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
                    self.count_error(key);
                    cpu.rax = status;
                }
            }
            return;
        }
        let target = self.servtd_target(tdr, leaf, cpu, version);
        let (outcome, held) = self.with_states(tdr, target, false, cpu, version, |call| {
            let outcome = tdcall::dispatch(call, tdvpr, leaf);
            if outcome.is_err() {
                call.release_all();
            }
            outcome
        });
        self.finish(key, outcome, held, cpu);
    }
}
