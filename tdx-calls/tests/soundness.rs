//! What the module does to registers the caller never named, through the trap: reserved
//! inputs go in as 0, callee-saved registers the module writes survive the call, RBP survives
//! TDH.VP.ENTER, and a raw TDG.VP.VMCALL whose TDCALL failed is an error.
//!
//! The callee-saved checks call the wrapper from an `asm!` block that loads R12–R15 and RBX
//! with known values, so they hold whatever the optimizer does: if a wrapper did not declare
//! a register the handler overwrites, the value would come back changed.

use core::arch::asm;
use tdx_core::abi::Leaf;
use tdx_core::reg::RegSet;
use tdx_core::{FieldId, ModuleArgs, Page, Tdr, TdxError, TdxStatus, abi, seamcall, tdcall};
use tdx_emu::{CpuState, Instruction, with_handler};

/// Garbage the handler writes into every register the module may write.
const GARBAGE: u64 = 0xDEAD_BEEF_0BAD_F00D;

/// Write garbage into RCX–R11 (which every wrapper takes back) and into every other register
/// in `writes`, as a module that writes exactly what the ABI table says would.
fn scribble(cpu: &mut CpuState, writes: RegSet) {
    cpu.rax = 0;
    let regs: [(&mut u64, u8); 13] = [
        (&mut cpu.rcx, 1),
        (&mut cpu.rdx, 2),
        (&mut cpu.r8, 8),
        (&mut cpu.r9, 9),
        (&mut cpu.r10, 10),
        (&mut cpu.r11, 11),
        (&mut cpu.r12, 12),
        (&mut cpu.r13, 13),
        (&mut cpu.r14, 14),
        (&mut cpu.r15, 15),
        (&mut cpu.rbx, 3),
        (&mut cpu.rdi, 7),
        (&mut cpu.rsi, 6),
    ];
    for (reg, index) in regs {
        if index <= 2 || (8..=11).contains(&index) || writes.contains(index) {
            *reg = GARBAGE;
        }
    }
}

/// Call `f` (an `extern "C" fn()`) with R12–R15 and RBX holding known values, and return
/// them as they are after the call. A function that keeps the SysV ABI returns them as given.
fn callee_saved_across(f: extern "C" fn()) -> [u64; 5] {
    let (r12, r13, r14, r15, rbx): (u64, u64, u64, u64, u64);
    // SAFETY: the block saves RBX (which Rust cannot name as an operand) and restores it;
    // R12–R15 are declared in and out; `clobber_abi("C")` covers what the callee may change.
    // The two pushes keep RSP 16-byte aligned at the `call`.
    unsafe {
        asm!(
            "push rbx",
            "push rbx",
            "mov rbx, 0xB0B0",
            "call {f}",
            "mov rax, rbx",
            "pop rbx",
            "pop rbx",
            f = in(reg) f,
            out("rax") rbx,
            inout("r12") 0x1212u64 => r12,
            inout("r13") 0x1313u64 => r13,
            inout("r14") 0x1414u64 => r14,
            inout("r15") 0x1515u64 => r15,
            clobber_abi("C"),
        );
    }
    [r12, r13, r14, r15, rbx]
}

const KEPT: [u64; 5] = [0x1212, 0x1313, 0x1414, 0x1515, 0xB0B0];

tdx_core::abi_table! {
    /// A test leaf whose module reports a detail in R12 and R13 and scratches RBX (an error
    /// path the catalog's leaves do not have).
    pub seamcall TdhTestWritesR12 = 0x70, version 0, "TDH.TEST.WRITES.R12" {
        in { rcx: Page<Tdr> }
        out { r12: u64 }
        err { r13, rbx }
    }
}

/// Takes R12 back as an output and discards R13 and RBX.
#[seamcall(leaf = TdhTestWritesR12, in(rcx = tdr), out(r12 = detail), clobber(r13, rbx), retry(none))]
unsafe fn tdh_test_writes_r12(tdr: Page<Tdr>) -> Result<WritesR12, TdxError>;

/// An integer leaf without `clobber(..)`: the wrapper takes every register back.
#[seamcall(leaf = 0x71, retry(none))]
unsafe fn tdh_test_integer() -> Result<TdxStatus, TdxError>;

extern "C" fn call_table_leaf() {
    let tdr = Page::<Tdr>::from_u64(0x4000_0000).expect("aligned");
    // SAFETY: the trap answers the instruction; no memory is touched.
    let out = unsafe { tdh_test_writes_r12(tdr) }.expect("success");
    assert_eq!(out.detail, GARBAGE, "R12 is returned");
}

extern "C" fn call_integer_leaf() {
    // SAFETY: as above.
    unsafe { tdh_test_integer() }.expect("success");
}

#[test]
fn callee_saved_registers_the_module_writes_survive_a_table_leaf() {
    let writes = TdhTestWritesR12::WRITES;
    assert_eq!(writes.to_string(), "r12 r13 rbx");
    let mut handler = |_: Instruction, cpu: &mut CpuState| scribble(cpu, writes);
    let kept = with_handler(&mut handler, || callee_saved_across(call_table_leaf));
    assert_eq!(kept, KEPT, "R12-R15 and RBX as the caller left them");
}

#[test]
fn an_integer_leaf_takes_every_register_back() {
    let mut handler = |_: Instruction, cpu: &mut CpuState| scribble(cpu, RegSet::ALL_OPERANDS);
    let kept = with_handler(&mut handler, || callee_saved_across(call_integer_leaf));
    assert_eq!(kept, KEPT, "R12-R15 and RBX as the caller left them");
}

#[tdcall(leaf = abi::TdgVmWr, in(rdx = field, r8 = value, r9 = mask), out(r8 = old))]
unsafe fn tdg_vm_wr(field: FieldId, value: u64, mask: u64) -> Result<VmWr, TdxError>;

#[test]
fn tdg_vm_rd_and_wr_send_rcx_zero_whatever_the_caller_left_there() {
    let mut seen = Vec::new();
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        seen.push(*cpu);
        cpu.rax = 0;
        cpu.r8 = 0x77;
    };
    let (read, write) = with_handler(&mut handler, || {
        // Leave a non-zero value in RCX right before each call.
        // SAFETY: only loads RCX, which the block declares.
        unsafe { asm!("mov rcx, {v}", v = in(reg) GARBAGE, out("rcx") _) };
        let read = tdx_calls::guest::tdg_vm_rd(FieldId::from_raw(0x10));
        // SAFETY: as above.
        unsafe { asm!("mov rcx, {v}", v = in(reg) GARBAGE, out("rcx") _) };
        // SAFETY: the trap answers the instruction; a metadata write touches no memory.
        let write = unsafe { tdg_vm_wr(FieldId::from_raw(0x10), 0xAB, 0xFF) };
        (read, write)
    });
    assert_eq!(read.expect("read").value, 0x77);
    assert_eq!(write.expect("write").old, 0x77, "the old value from R8");
    assert_eq!(seen.len(), 2);
    for cpu in &seen {
        assert_eq!(cpu.rcx, 0, "RCX (vm_id) is a reserved input loaded with 0");
    }
    assert_eq!(seen[1].r9, 0xFF, "the mask goes to R9, not RCX");
}

#[test]
fn rbp_survives_tdh_vp_enter_when_the_module_writes_it() {
    #[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(none))]
    unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        scribble(cpu, RegSet::ALL_OPERANDS);
        cpu.rbp = 0; // an asynchronous TD exit on module 1.5.01/1.5.05
        cpu.rax = 77; // exit reason TDCALL
    };
    let (before, after, result): (u64, u64, _) = with_handler(&mut handler, || {
        let before: u64;
        // SAFETY: reads RBP.
        unsafe { asm!("mov {}, rbp", out(reg) before) };
        let mut args = ModuleArgs {
            rcx: 0x5000_0000,
            ..ModuleArgs::default()
        };
        // SAFETY: the trap answers the instruction; no memory is touched.
        let result = unsafe { tdh_vp_enter(&mut args) };
        let after: u64;
        // SAFETY: reads RBP.
        unsafe { asm!("mov {}, rbp", out(reg) after) };
        (before, after, result.map(|_| args))
    });
    assert_eq!(before, after, "RBP is restored inside the block");
    let args = result.expect("exit 77 is success");
    assert_eq!(
        args.r12, GARBAGE,
        "every register comes back through ModuleArgs"
    );
}

#[test]
fn a_raw_tdg_vp_vmcall_whose_tdcall_failed_is_an_error() {
    #[tdcall(leaf = abi::TdgVpVmcall, regs = args, retry(none))]
    unsafe fn tdg_vp_vmcall(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

    // A non-zero RAX with bit 63 clear: for TDG.VP.VMCALL it is still the TDCALL failing.
    let mut handler = |_: Instruction, cpu: &mut CpuState| cpu.rax = 0x0000_0815_0000_0000;
    let result = with_handler(&mut handler, || {
        let mut args = ModuleArgs::default();
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { tdg_vp_vmcall(&mut args) }
    });
    let error = result.expect_err("a non-zero TDCALL status is a failure");
    assert_eq!(error.status().raw(), 0x0000_0815_0000_0000);
}

#[test]
fn a_vmfailinvalid_error_shows_no_stale_registers() {
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        scribble(cpu, TdhTestWritesR12::WRITES);
        cpu.cf = true; // VMfailInvalid
    };
    let result = with_handler(&mut handler, || {
        let tdr = Page::<Tdr>::from_u64(0x4000_0000).expect("aligned");
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { tdh_test_writes_r12(tdr) }
    });
    let error = result.expect_err("VMfailInvalid");
    assert_eq!(error.status(), TdxStatus::SEAMCALL_VMFAILINVALID);
    assert!(error.returned().is_empty(), "the registers are stale");
    assert_eq!(error.reg::<tdx_core::reg::Rcx>(), None);
    assert!(!error.to_string().contains("rcx="), "{error}");
}

#[test]
fn a_failed_call_shows_exactly_the_registers_its_leaf_writes() {
    // TDH.MNG.CREATE writes no register: its error shows none, whatever the handler left.
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        scribble(cpu, abi::TdhMngCreate::WRITES);
        cpu.rax = TdxStatus::OPERAND_BUSY.raw();
    };
    let result = with_handler(&mut handler, || {
        let td = tdx_calls::TdxTd {
            tdr: Page::<Tdr>::from_u64(0x4000_0000).expect("aligned"),
            tdcs: &[],
        };
        let hkid = tdx_core::Hkid::new(5);
        // SAFETY: the trap answers the instruction; no memory is touched.
        unsafe { tdx_calls::host::tdh_mng_create(&td, hkid) }
    });
    let error = result.expect_err("busy");
    assert_eq!(abi::TdhMngCreate::WRITES.to_string(), "");
    assert_eq!(
        error.to_string(),
        "TDH.MNG.CREATE (leaf 9) failed: TDX_OPERAND_BUSY (0x8000020000000000)"
    );
}

/// The control: an integer leaf that claims (`clobber()`) the module writes nothing beyond
/// RCX–R11, answered by a handler that writes R12–R15 and RBX anyway. The harness sees the
/// garbage, which shows the two tests above would catch an undeclared write. (The wrapper is
/// wrong on purpose; the harness declares R12–R15 written and restores RBX itself, so the
/// garbage goes nowhere else.)
#[seamcall(leaf = 0x72, clobber(), retry(none))]
unsafe fn tdh_test_lies_about_its_writes() -> Result<TdxStatus, TdxError>;

extern "C" fn call_lying_leaf() {
    // SAFETY: the trap answers the instruction; see the control's comment.
    unsafe { tdh_test_lies_about_its_writes() }.expect("success");
}

#[test]
fn the_harness_sees_an_undeclared_write() {
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        scribble(cpu, RegSet::ALL_OPERANDS);
        // RBX is swapped through a scratch register only when the wrapper uses it, and this
        // one does not: leave it, so only R12–R15 show the lie.
        cpu.rbx = 0xB0B0;
    };
    let kept = with_handler(&mut handler, || callee_saved_across(call_lying_leaf));
    assert_eq!(
        kept[..4],
        [GARBAGE; 4],
        "the undeclared writes reach the caller"
    );
}
