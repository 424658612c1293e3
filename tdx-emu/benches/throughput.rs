//! Emulator throughput: calls per second through `TdxModule` (in software, no trap) with one
//! thread, and with two threads each driving its own TD, reported as the 2-thread/1-thread
//! ratio of one run.
//!
//! The workload is a VMM's steady state on a running TD, one round of 7 calls: TDH.VP.ENTER
//! (the guest exits at once with TDG.VP.VMCALL<HLT>), TDH.MNG.RD and TDH.VP.RD (metadata),
//! and a private page's life (TDH.MEM.PAGE.AUG at a fault, TDH.MEM.RANGE.BLOCK,
//! TDH.MEM.TRACK, TDH.MEM.PAGE.REMOVE when it is converted back). The TDs' pages come from
//! one host allocator, one after the other, so both TDs' guest pages lie in the same 2 MiB
//! and 1 GiB ranges: every PAGE.AUG of either TD takes those PAMT entries' locks shared, one
//! cache line each that both threads write, as the module's PAMT walk does on hardware. Nothing
//! else on this path is common to the two TDs (`src/module/scaling.rs` tests that).
//!
//! Printed: calls/s for 1 and 2 threads and their ratio, the CPU time per call of the
//! workers (the same in both phases when the threads share nothing; it does not depend on
//! what else the machine runs), and the machine's own ratio for pure arithmetic measured the
//! same way (what the ratio can reach while other processes use the cores).
//!
//! `cargo bench -p tdx-emu --bench throughput` measures (8 alternating pairs of 250 ms
//! phases); `cargo test` runs it in a quick mode (50 rounds per thread, no figures claimed,
//! nothing asserted about speed) to check that the workload runs and every call succeeds.

use std::time::{Duration, Instant};

use tdx_core::metadata_fields;
use tdx_core::{ModuleArgs, TdxStatus};
use tdx_emu::module::{Config, TdParams, TdxModule, leaf};

/// One TD with a vCPU, finalized, with the Secure-EPT pages for GPA 0 mapped.
struct Td {
    tdr: u64,
    tdvpr: u64,
    page: u64,
}

fn ok(m: &TdxModule, rax: u64, args: &mut ModuleArgs) {
    let done = m.seamcall(rax, args);
    assert!(
        !done.cf && !done.status.is_error(),
        "leaf {rax:#x}: {:?}",
        done.status
    );
}

fn args(rcx: u64, rdx: u64, r8: u64) -> ModuleArgs {
    ModuleArgs {
        rcx,
        rdx,
        r8,
        ..ModuleArgs::default()
    }
}

fn build_td(m: &TdxModule, hkid: u16) -> Td {
    let tdr = m.alloc_page::<tdx_core::Tdr>().as_u64();
    ok(m, leaf::TDH_MNG_CREATE, &mut args(tdr, u64::from(hkid), 0));
    ok(m, leaf::TDH_MNG_KEY_CONFIG, &mut args(tdr, 0, 0));
    for _ in 0..m.config().tdcx_per_td() {
        let page = m.alloc_page::<tdx_core::Tdcs>().as_u64();
        ok(m, leaf::TDH_MNG_ADDCX, &mut args(page, tdr, 0));
    }
    let params = m.alloc_page::<tdx_core::Guest>();
    m.write_memory(params.hpa(), &TdParams::default().to_bytes());
    let params = params.as_u64();
    ok(m, leaf::TDH_MNG_INIT, &mut args(tdr, params, 0));
    let tdvpr = m.alloc_page::<tdx_core::Tdvpr>().as_u64();
    ok(m, leaf::TDH_VP_CREATE, &mut args(tdvpr, tdr, 0));
    for _ in 0..m.config().tdcx_per_vcpu() {
        let page = m.alloc_page::<tdx_core::Tdcx>().as_u64();
        ok(m, leaf::TDH_VP_ADDCX, &mut args(page, tdvpr, 0));
    }
    ok(m, leaf::TDH_VP_INIT | (1 << 16), &mut args(tdvpr, 0, 0));
    for level in (1..=3u64).rev() {
        let sept = m.alloc_page::<tdx_core::Sept>().as_u64();
        ok(m, leaf::TDH_MEM_SEPT_ADD, &mut args(level, tdr, sept));
    }
    ok(m, leaf::TDH_MR_FINALIZE, &mut args(tdr, 0, 0));
    // VP.INIT associated the vCPU with this thread's LP: flush it so a worker can take it.
    ok(m, leaf::TDH_VP_FLUSH, &mut args(tdvpr, 0, 0));
    let page = m.alloc_page::<tdx_core::Guest>().as_u64();
    Td { tdr, tdvpr, page }
}

/// One round of the workload on `td`: 7 calls.
fn round(m: &TdxModule, td: &Td) -> u64 {
    ok(m, leaf::TDH_VP_ENTER, &mut args(td.tdvpr, 0, 0));
    let read = |rax: u64, rcx: u64, field: u64| {
        let done = m.seamcall(rax, &mut args(rcx, field, 0));
        assert_eq!(done.status, TdxStatus::SUCCESS, "read {rax}");
    };
    read(leaf::TDH_MNG_RD, td.tdr, metadata_fields::td::HKID.raw());
    read(
        leaf::TDH_VP_RD,
        td.tdvpr,
        metadata_fields::vmcs::POSTED_INTERRUPT_NOTIFICATION_VECTOR.raw(),
    );
    ok(m, leaf::TDH_MEM_PAGE_AUG, &mut args(0, td.tdr, td.page));
    ok(m, leaf::TDH_MEM_RANGE_BLOCK, &mut args(0, td.tdr, 0));
    ok(m, leaf::TDH_MEM_TRACK, &mut args(td.tdr, 0, 0));
    ok(m, leaf::TDH_MEM_PAGE_REMOVE, &mut args(0, td.tdr, 0));
    7
}

/// The calling thread's CPU time.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock ID is a constant Linux knows.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs the workload on `tds.len()` threads at once (one TD each) for `how_long` or `rounds`
/// rounds, whichever ends first. Returns (calls, elapsed, CPU time of the workers).
fn run(m: &TdxModule, tds: &[Td], how_long: Duration, rounds: u64) -> (u64, Duration, Duration) {
    let start = Instant::now();
    let (calls, cpu): (u64, Duration) = std::thread::scope(|s| {
        let workers: Vec<_> = tds
            .iter()
            .map(|td| {
                s.spawn(move || {
                    let _ = m.lp_init();
                    let cpu = thread_cpu_time();
                    let mut calls = 0;
                    for _ in 0..rounds {
                        calls += round(m, td);
                        if start.elapsed() >= how_long {
                            break;
                        }
                    }
                    // Leave the vCPU free for the next phase's thread (another LP).
                    let cpu = thread_cpu_time() - cpu;
                    ok(m, leaf::TDH_VP_FLUSH, &mut args(td.tdvpr, 0, 0));
                    (calls, cpu)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a worker failed"))
            .fold((0, Duration::ZERO), |(n, t), (dn, dt)| (n + dn, t + dt))
    });
    (calls, start.elapsed(), cpu)
}

/// The machine's own 2-thread/1-thread ratio for pure arithmetic over `pairs` alternating
/// phases (what the emulator's ratio can at best reach while other processes use the cores).
fn machine_ratio(pairs: u32, how_long: Duration) -> f64 {
    let spin = |threads: usize| {
        let start = Instant::now();
        let work: u64 = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(move || {
                        let (mut x, mut n) = (1u64, 0u64);
                        while start.elapsed() < how_long {
                            for _ in 0..1000 {
                                x = std::hint::black_box(x.wrapping_mul(6364136223846793005) + 1);
                            }
                            n += 1;
                        }
                        n
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
        });
        work as f64 / start.elapsed().as_secs_f64()
    };
    let (mut one, mut two) = (0.0, 0.0);
    for _ in 0..pairs {
        one += spin(1);
        two += spin(2);
    }
    two / one
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    // Measuring: 8 alternating pairs of 1-thread and 2-thread phases of 250 ms (alternating
    // evens out other load on the machine); quick mode: one pair of 50 rounds per thread.
    let (pairs, how_long, rounds) = if measuring {
        (8, Duration::from_millis(250), u64::MAX)
    } else {
        (1, Duration::from_secs(60), 50)
    };
    let m = TdxModule::new(Config::default());
    m.bring_up().expect("platform");
    let tds = [build_td(&m, 33), build_td(&m, 34)];
    run(&m, &tds[..1], how_long, rounds); // warm-up
    let (mut calls_1, mut time_1, mut calls_2, mut time_2) = (0, Duration::ZERO, 0, Duration::ZERO);
    let (mut cpu_1, mut cpu_2) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..pairs {
        let (calls, time, cpu) = run(&m, &tds[..1], how_long, rounds);
        (calls_1, time_1, cpu_1) = (calls_1 + calls, time_1 + time, cpu_1 + cpu);
        let (calls, time, cpu) = run(&m, &tds, how_long, rounds);
        (calls_2, time_2, cpu_2) = (calls_2 + calls, time_2 + time, cpu_2 + cpu);
    }
    m.check_invariants().expect("consistent after the run");
    let per_second_1 = calls_1 as f64 / time_1.as_secs_f64();
    let per_second_2 = calls_2 as f64 / time_2.as_secs_f64();
    if measuring {
        println!("emulator throughput (calls/s through TdxModule, independent TDs):");
        println!("  1 thread:  {per_second_1:.0}");
        println!("  2 threads: {per_second_2:.0}");
        println!("  ratio 2/1: {:.2}x", per_second_2 / per_second_1);
        let ns = |cpu: Duration, calls: u64| cpu.as_nanos() as f64 / calls as f64;
        println!(
            "  CPU time per call: {:.0} ns (1 thread), {:.0} ns (2 threads)",
            ns(cpu_1, calls_1),
            ns(cpu_2, calls_2)
        );
        println!(
            "  (the machine's own 2/1 ratio for pure arithmetic, measured the same way just after: {:.2}x)",
            machine_ratio(pairs, how_long)
        );
    } else {
        println!("throughput (quick mode): {calls_1} + {calls_2} calls, all succeeded");
    }
}
