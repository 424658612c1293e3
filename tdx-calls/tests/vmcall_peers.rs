//! The GHCI sub-functions the peer guest crates issue beyond Linux (Instruction.WBINVD,
//! Instruction.PCONFIG, Service), run through the trap (tdx-emu): the register image the
//! TDCALL saw (RAX = 0, RCX = the exposed mask, R10 = 0, R11 = the sub-function, and every
//! operand register), outputs decoded from their registers, and a VMM error status in R10
//! turned into an `Err` that keeps it.
//!
//! The reference is intel/tdx-guest@4a2f8dbc `src/tdvmcall.rs` (`perform_cache_operation`,
//! `get_td_service`: the same registers as below); Instruction.PCONFIG's registers are
//! **uncertain** (see `tdx_core::abi::TdvmcallPconfig`).

mod common;

use common::trace;
use tdx_calls::catalog::{CATALOG, Source};
use tdx_calls::vmcall;
use tdx_core::{
    CacheOp, EventNotifyVector, PconfigLeaf, ServiceNotify, ServiceTimeout, SharedGpa,
    TdvmcallStatus,
};
use tdx_emu::{CpuState, Instruction};

/// Issue `call` once under the trap with `answer` editing the CPU state; the one trap seen.
fn once<R>(answer: impl FnMut(usize, &mut CpuState), call: impl FnOnce() -> R) -> (R, CpuState) {
    let (result, seen) = trace(answer, call);
    assert_eq!(seen.len(), 1, "one instruction, no retry");
    let (instruction, cpu) = seen[0];
    assert_eq!(instruction, Instruction::Tdcall);
    assert_eq!(cpu.rax, 0, "TDCALL leaf 0: TDG.VP.VMCALL");
    assert_eq!(cpu.r10, 0, "R10 = 0: GHCI standard");
    (result, cpu)
}

fn shared(raw: u64) -> SharedGpa {
    SharedGpa::new(raw).expect("a shared GPA")
}

#[test]
fn tdvmcall_wbinvd() {
    for (op, r12) in [(CacheOp::Wbinvd, 0), (CacheOp::Wbnoinvd, 1)] {
        let (result, cpu) = once(|_, _| {}, || vmcall::tdvmcall_wbinvd(op));
        assert_eq!(cpu.r11, 54, "R11 = Instruction.WBINVD");
        assert_eq!(cpu.rcx, 0x1c00, "exposes R10, R11, R12 only");
        assert_eq!(cpu.r12, r12, "R12 = the cache operation");
        assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
    }
}

#[test]
fn tdvmcall_wbinvd_returns_the_vmm_error() {
    let (result, _) = once(
        |_, cpu| cpu.r10 = TdvmcallStatus::INVALID_OPERAND.raw(),
        || vmcall::tdvmcall_wbinvd(CacheOp::Wbinvd),
    );
    let err = result.expect_err("R10 bit 63 is an error");
    assert_eq!(err.vmcall_status(), Some(TdvmcallStatus::INVALID_OPERAND));
}

#[test]
fn tdvmcall_pconfig() {
    let (result, cpu) = once(
        |_, cpu| cpu.r11 = 0x5,
        // SAFETY: the trap answers the instruction; nothing is read at the RBX value.
        || unsafe {
            vmcall::tdvmcall_pconfig(PconfigLeaf::MKTME_KEY_PROGRAM, 0x8000_0000_3000, 0x22, 0x33)
        },
    );
    assert_eq!(cpu.r11, 65, "R11 = Instruction.PCONFIG");
    assert_eq!(cpu.rcx, 0xfc00, "exposes R10..R15");
    assert_eq!(
        (cpu.r12, cpu.r13, cpu.r14, cpu.r15),
        (0, 0x8000_0000_3000, 0x22, 0x33),
        "R12 = EAX, R13..R15 = RBX, RCX, RDX"
    );
    let out = result.expect("success");
    assert_eq!(out.status, TdvmcallStatus::SUCCESS);
    assert_eq!(out.rax, 0x5, "the instruction's RAX from R11");
}

#[test]
fn tdvmcall_service() {
    let vector = EventNotifyVector::new(0xF1).expect("not an exception vector");
    for (notify, r14) in [
        (ServiceNotify::Blocking, 0),
        (ServiceNotify::Interrupt(vector), 0xF1),
    ] {
        let (result, cpu) = once(
            |_, _| {},
            // SAFETY: the trap answers the instruction; no memory is touched.
            || unsafe {
                vmcall::tdvmcall_service(
                    shared(0x8000_0001_0000),
                    shared(0x8000_0002_0000),
                    notify,
                    ServiceTimeout::new(1000),
                )
            },
        );
        assert_eq!(cpu.r11, 0x10005, "R11 = Service");
        assert_eq!(cpu.rcx, 0xfc00, "exposes R10..R15");
        assert_eq!(cpu.r12, 0x8000_0001_0000, "R12 = the command buffer");
        assert_eq!(cpu.r13, 0x8000_0002_0000, "R13 = the response buffer");
        assert_eq!(cpu.r14, r14, "R14 = the notification");
        assert_eq!(cpu.r15, 1000, "R15 = the timeout");
        assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
    }
}

#[test]
fn tdvmcall_service_returns_the_vmm_error() {
    let (result, _) = once(
        |_, cpu| cpu.r10 = TdvmcallStatus::SUBFUNC_UNSUPPORTED.raw(),
        // SAFETY: the trap answers the instruction; no memory is touched.
        || unsafe {
            vmcall::tdvmcall_service(
                shared(0x8000_0001_0000),
                shared(0x8000_0002_0000),
                ServiceNotify::Blocking,
                ServiceTimeout::NONE,
            )
        },
    );
    let err = result.expect_err("R10 bit 63 is an error");
    assert_eq!(
        err.vmcall_status(),
        Some(TdvmcallStatus::SUBFUNC_UNSUPPORTED)
    );
}

/// Every catalog entry read in the peer crates is tested in this file.
#[test]
fn every_peer_entry_is_tested_here() {
    let peers: Vec<&str> = CATALOG
        .iter()
        .filter(|e| e.source == Source::Peers)
        .map(|e| e.wrapper)
        .collect();
    assert_eq!(
        peers,
        ["tdvmcall_wbinvd", "tdvmcall_pconfig", "tdvmcall_service"]
    );
}
