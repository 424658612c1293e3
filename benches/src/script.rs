//! Scripted answers of the tdx-emu trap: which status each trapped instruction returns, so that
//! a wrapper can be driven down its success, retry and error paths (by the (b') check and by
//! the instruction counter), with distinctive values in every register the ABI table says the
//! leaf writes.

use crate::check::Kind;
use crate::registers::{answered, set_reg};
use tdx_core::reg::RegSet;
use tdx_core::{TdvmcallStatus, TdxStatus};
use tdx_emu::{CpuState, Instruction, with_handler};

/// A path through a wrapper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Success: `TDX_SUCCESS` (RAX = 0; R10 = 0 too for TDG.VP.VMCALL; exit reason 77 for
    /// TDH.VP.ENTER), the common case, and the path the counts call "ok".
    Success,
    /// Success with information: `TDX_KEY_CONFIGURED` for SEAMCALL/TDCALL (bit 63 clear,
    /// non-zero), which must come back as `Ok` with the status kept.
    SuccessWithInfo,
    /// One `TDX_RND_NO_ENTROPY`, then success.
    EntropyOnce,
    /// `TDX_RND_NO_ENTROPY` every time.
    EntropyAlways,
    /// An error: `TDX_OPERAND_INVALID` in RAX (TDG.VP.VMCALL: the VMM's
    /// `TDG.VP.VMCALL_INVALID_OPERAND` in R10).
    Error,
    /// CF = 1, RAX untouched (SEAMCALL).
    VmFailInvalid,
}

impl Script {
    /// All of them.
    pub const ALL: [Script; 6] = [
        Script::Success,
        Script::SuccessWithInfo,
        Script::EntropyOnce,
        Script::EntropyAlways,
        Script::Error,
        Script::VmFailInvalid,
    ];
}

/// Success with information: `TDX_KEY_CONFIGURED` (bit 63 clear, non-zero).
const SUCCESS_WITH_INFO: u64 = 0x0000_0815_0000_0000;
/// TDH.VP.ENTER success: exit reason 77 (TDCALL).
const SUCCESS_EXIT: u64 = 77;
/// Answer the `n`-th trap (from 0) of `script` for a leaf of `kind` that writes `writes` (the
/// ABI table's `LeafData::writes`): `0x5000 + 0x100 * n + index` in every register the module
/// (or VMM) writes ([`answered`]), then the status.
pub fn answer(kind: Kind, writes: RegSet, script: Script, n: u64, cpu: &mut CpuState) {
    if script == Script::VmFailInvalid && kind.family() == "seamcall" {
        cpu.cf = true;
        return;
    }
    for index in answered(kind, writes, cpu) {
        set_reg(cpu, index, 0x5000 + 0x100 * n + u64::from(index));
    }
    let entropy = match script {
        Script::EntropyOnce => n == 0,
        Script::EntropyAlways => true,
        _ => false,
    };
    let error = script == Script::Error;
    match kind {
        Kind::Tdvmcall | Kind::Vendor => {
            cpu.rax = if entropy {
                TdxStatus::RND_NO_ENTROPY.raw()
            } else {
                0
            };
            cpu.r10 = if error {
                TdvmcallStatus::INVALID_OPERAND.raw()
            } else {
                0
            };
        }
        _ => {
            cpu.rax = if entropy {
                TdxStatus::RND_NO_ENTROPY.raw()
            } else if error {
                TdxStatus::OPERAND_INVALID.raw()
            } else if kind == Kind::SeamcallRegs {
                SUCCESS_EXIT
            } else if script == Script::SuccessWithInfo && kind != Kind::TdcallRegs {
                SUCCESS_WITH_INFO
            } else {
                0
            };
        }
    }
}

/// Run `f` under a handler that answers every trap as `script` says, for a leaf of `kind` that
/// writes `writes`; the registers each trap saw.
pub fn scripted<R>(
    kind: Kind,
    writes: RegSet,
    script: Script,
    f: impl FnOnce() -> R,
) -> (R, Vec<CpuState>) {
    let mut seen = Vec::new();
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        let n = seen.len() as u64;
        seen.push(*cpu);
        answer(kind, writes, script, n, cpu);
    };
    let result = with_handler(&mut handler, f);
    (result, seen)
}
