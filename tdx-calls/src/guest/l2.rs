//! TD partitioning from the L1 VMM's side (TDG.VP.ENTER): run an L2 VM until it exits back
//! to L1. The TLB and EPT maintenance leaves (TDG.VP.INVEPT, TDG.VP.INVVPID) and the GPA
//! attribute leaves (TDG.MEM.PAGE.ATTR.RD/WR) are in `vp.rs` and `mem.rs`.

use tdx_core::{Gpa, L2EnterFlags, ModuleArgs, TdxError, TdxStatus};

/// TDG.VP.ENTER at the register level: every register in and out through `args`.
mod raw {
    use tdx_core::{ModuleArgs, TdxError, TdxStatus, tdcall};

    use crate::abi;

    /// TDG.VP.ENTER with every register through `args`; `args.rcx` and `args.rdx` must be
    /// the flags and the register file's GPA.
    ///
    /// # Safety
    ///
    /// As [`tdg_vp_enter`](super::tdg_vp_enter).
    #[tdcall(leaf = abi::TdgVpEnter, regs = args)]
    pub(super) unsafe fn tdg_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;
}

/// TDG.VP.ENTER (TDCALL leaf 25): enter an L2 VM and run it until it exits to L1.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 25 | status (63:32) \| exit reason (31:0) |
/// | RCX | `flags`: invalidation (1:0) \| L2 VM (53:52) | exit qualification |
/// | RDX | `state`: GPA of the L2 register file (256-byte aligned, private) | guest linear address |
/// | RBX | `args.rbx` (not read) | 0 |
/// | RSI | `args.rsi` (not read) | CS selector, attributes, limit |
/// | RDI | `args.rdi` (not read) | CS base |
/// | R8 | `args.r8` (not read) | guest physical address |
/// | R9 | `args.r9` (not read) | interruption information \| error code << 32 |
/// | R10 | `args.r10` (not read) | IDT-vectoring information \| error code << 32 |
/// | R11 | `args.r11` (not read) | instruction information \| length << 32 |
/// | R12 | `args.r12` (not read) | additional exit information (CPL) |
/// | R13 | `args.r13` (not read) | extended exit qualification |
/// | R14, R15 | `args` (not read) | 0 |
///
/// The module reads only RCX and RDX (`tdg_vp_enter(flags, reg_list_gpa)`); the L2 VM's own
/// registers come from the register file at `state` and go back there at the exit
/// (`write_l2_enter_outputs`). Every register comes back through `args`.
///
/// Statuses: `TDX_OPERAND_INVALID` (RDX: misaligned or shared GPA; RCX: reserved bits, VM 0
/// or a VM the TD lacks); at the exit, the status class and the VMX exit reason in bits 31:0
/// (`td_l2_to_l1_exit_internal`). First module version: 1.5.01 (absent from 1.0.00).
/// Registers read from intel/tdx-module@72d8cffb `src/td_transitions/tdg_vp_enter.c` and
/// `src/td_transitions/td_exit.c`.
///
/// # Safety
///
/// `state` is the GPA of a readable and writable [`L2EnterGuestState`](tdx_core::L2EnterGuestState)
/// in this TD's private memory, not otherwise accessed until the call returns. The call runs
/// L2 guest code: the caller (the L1 VMM, at CPL 0) must have set up that VM and must not
/// rely on any register the module overwrites (all of `args`).
pub unsafe fn tdg_vp_enter(
    flags: L2EnterFlags,
    state: Gpa,
    args: &mut ModuleArgs,
) -> Result<TdxStatus, TdxError> {
    use tdx_core::reg::RegEncode;
    args.rcx = flags.to_reg();
    args.rdx = state.as_u64();
    // SAFETY: RCX and RDX are the flags and the register file as `raw::tdg_vp_enter`
    // requires; the rest is this function's own contract, which the caller upholds.
    unsafe { raw::tdg_vp_enter(args) }
}
