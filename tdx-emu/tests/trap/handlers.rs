//! Which handler answers: each thread's own, the global one for threads without one, and nested
//! `with_handler` scopes, restored on return and after a panic.

use std::arch::asm;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

use tdx_emu::{CpuState, Instruction};

use crate::seamcall_rax;

#[test]
fn each_thread_sees_only_its_own_handler() {
    const THREADS: u64 = 8;
    const ITERATIONS: u64 = 2000;
    let barrier = Barrier::new(THREADS as usize);
    thread::scope(|scope| {
        for id in 0..THREADS {
            let barrier = &barrier;
            scope.spawn(move || {
                let before = tdx_emu::thread_trap_count();
                let mut calls = 0u64;
                let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
                    assert_eq!(instruction, Instruction::Seamcall);
                    calls += 1;
                    cpu.rax = (id << 32) | (cpu.rax + 1);
                };
                tdx_emu::with_handler(&mut handler, || {
                    barrier.wait();
                    for iteration in 0..ITERATIONS {
                        assert_eq!(seamcall_rax(iteration), (id << 32) | (iteration + 1));
                    }
                });
                assert_eq!(calls, ITERATIONS);
                assert_eq!(tdx_emu::thread_trap_count() - before, ITERATIONS);
            });
        }
    });
}

/// The global handler: echoes RCX + 1 in RAX, and counts its calls.
static GLOBAL_CALLS: AtomicU64 = AtomicU64::new(0);
fn global_module(instruction: Instruction, cpu: &mut CpuState) {
    assert_eq!(instruction, Instruction::Seamcall);
    GLOBAL_CALLS.fetch_add(1, Ordering::Relaxed);
    cpu.rax = 0x6106_A100_0000_0000 | (cpu.rcx + 1);
}

/// Serialises the tests that use the (process-wide) global handler.
static GLOBAL_LOCK: Mutex<()> = Mutex::new(());

#[test]
fn threads_without_a_handler_use_the_global_handler() {
    let _lock = GLOBAL_LOCK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let previous = tdx_emu::set_global_handler(&global_module).expect("install");
    assert!(previous.is_none());
    assert!(tdx_emu::global_handler().is_some());
    let calls_before = GLOBAL_CALLS.load(Ordering::Relaxed);

    const THREADS: u64 = 4;
    const ITERATIONS: u64 = 500;
    thread::scope(|scope| {
        // Threads with no per-thread handler: answered by the global one, concurrently.
        for id in 0..THREADS {
            scope.spawn(move || {
                for iteration in 0..ITERATIONS {
                    let rcx = (id << 16) | iteration;
                    let mut rax = 0;
                    // SAFETY: the global handler changes only RAX (inout) and flags.
                    unsafe {
                        asm!(seamcall_bytes!(), inout("rax") rax, in("rcx") rcx, options(nostack))
                    };
                    assert_eq!(rax, 0x6106_A100_0000_0000 | (rcx + 1));
                }
                assert_eq!(tdx_emu::thread_trap_count(), ITERATIONS);
            });
        }
        // Meanwhile a thread with its own handler still gets its own answers.
        scope.spawn(|| {
            let mut own = |_: Instruction, cpu: &mut CpuState| cpu.rax = 0x0000_0A11;
            tdx_emu::with_handler(&mut own, || {
                for _ in 0..ITERATIONS {
                    assert_eq!(seamcall_rax(7), 0x0000_0A11);
                }
            });
        });
    });
    assert_eq!(
        GLOBAL_CALLS.load(Ordering::Relaxed) - calls_before,
        THREADS * ITERATIONS,
        "only the threads without a handler reached the global one"
    );

    assert!(tdx_emu::clear_global_handler().is_some());
    assert!(tdx_emu::global_handler().is_none());
    assert!(tdx_emu::clear_global_handler().is_none());
}

#[test]
fn with_handler_nests_restores_and_counts() {
    let process_before = tdx_emu::trap_count();
    let thread_before = tdx_emu::thread_trap_count();
    let mut outer_calls = 0;
    let mut inner_calls = 0;
    let mut outer = |_: Instruction, cpu: &mut CpuState| {
        outer_calls += 1;
        cpu.rax = u64::MAX;
    };
    tdx_emu::with_handler(&mut outer, || {
        assert_eq!(seamcall_rax(0), u64::MAX);
        let mut inner = |_: Instruction, cpu: &mut CpuState| {
            inner_calls += 1;
            cpu.rax = 2;
        };
        tdx_emu::with_handler(&mut inner, || {
            assert_eq!(seamcall_rax(0), 2);
            assert_eq!(seamcall_rax(0), 2);
        });
        assert_eq!(seamcall_rax(0), u64::MAX, "the outer handler is back");

        // Also after the inner closure panics.
        let mut panicking_scope = |_: Instruction, cpu: &mut CpuState| cpu.rax = 3;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            tdx_emu::with_handler(&mut panicking_scope, || {
                assert_eq!(seamcall_rax(0), 3);
                panic!("the closure (not the handler) panics");
            })
        }));
        assert!(result.is_err());
        assert_eq!(
            seamcall_rax(0),
            u64::MAX,
            "the outer handler is back after a panic"
        );
    });
    assert_eq!(outer_calls, 3);
    assert_eq!(inner_calls, 2);
    assert_eq!(tdx_emu::thread_trap_count() - thread_before, 6);
    // Other tests trap concurrently, so the process count grew by at least ours.
    assert!(tdx_emu::trap_count() - process_before >= 6);
}
