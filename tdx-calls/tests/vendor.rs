//! The vendor form of `#[tdvmcall]` (`vendor = LEAF`): R10 carries the vendor hypercall number
//! the wrapper binds (non-zero, which is what makes a TDG.VP.VMCALL vendor-specific), R11 is an
//! ordinary argument, RCX exposes exactly the registers used, and R10 returns the hypercall's
//! result; only the TDCALL status (RAX) can fail the call.

use tdx_core::{KvmHypercallNr, TdxError, TdxStatus, tdvmcall};
use tdx_emu::{CpuState, Instruction, with_handler};

tdx_core::abi_table! {
    /// KVM's hypercall as a TDG.VP.VMCALL (test copy): R10 = number, R11..R12 = p1..p2.
    pub tdvmcall TestKvmHypercall = 0, version 0, "KVM hypercall" {
        in { r10: KvmHypercallNr, r11: u64, r12: u64 }
        out { r10: u64 }
        // SAFETY: the test's handler answers; the operands are plain numbers.
        unsafe impl SafeLeaf;
    }
}

/// A two-argument KVM hypercall.
#[tdvmcall(vendor = TestKvmHypercall, in(r10 = nr, r11 = p1, r12 = p2), out(r10 = ret))]
fn kvm_hypercall2(nr: KvmHypercallNr, p1: u64, p2: u64) -> Result<Hypercall, TdxError>;

#[test]
fn the_vendor_form_sends_the_number_in_r10_and_returns_r10() {
    let mut seen = Vec::new();
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        seen.push(*cpu);
        cpu.rax = 0;
        cpu.r10 = 0x1234; // the hypercall's result
    };
    let nr = KvmHypercallNr::new(10).expect("non-zero");
    let out = with_handler(&mut handler, || kvm_hypercall2(nr, 7, 8)).expect("success");
    assert_eq!(out.ret, 0x1234);
    assert_eq!(out.status, TdxStatus::SUCCESS);
    let cpu = seen[0];
    assert_eq!(cpu.rax, 0, "TDG.VP.VMCALL is TDCALL leaf 0");
    assert_eq!(
        cpu.rcx,
        1 << 10 | 1 << 11 | 1 << 12,
        "exactly R10-R12 exposed"
    );
    assert_eq!((cpu.r10, cpu.r11, cpu.r12), (10, 7, 8));
}

#[test]
fn a_vendor_result_that_looks_like_an_error_is_still_the_result() {
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        cpu.rax = 0;
        cpu.r10 = (-1000i64) as u64; // KVM's -KVM_ENOSYS: the result, not a TDVMCALL status
    };
    let nr = KvmHypercallNr::new(10).expect("non-zero");
    let out = with_handler(&mut handler, || kvm_hypercall2(nr, 0, 0)).expect("RAX is 0");
    assert_eq!(out.ret as i64, -1000);
}

#[test]
fn a_failed_tdcall_is_an_error() {
    let mut handler = |_: Instruction, cpu: &mut CpuState| cpu.rax = 0x8000_0000_0000_0000;
    let nr = KvmHypercallNr::new(10).expect("non-zero");
    let error = with_handler(&mut handler, || kvm_hypercall2(nr, 0, 0)).expect_err("RAX != 0");
    assert!(error.status().is_error());
}
