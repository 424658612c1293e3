//! The main job's steps (`examples/td_lifecycle`), compiled from the example's own files: the
//! platform once, then four TDs built and torn down on two threads at once, every page given
//! back, and the default single-TD run.

#[path = "../examples/td_lifecycle/log.rs"]
mod log;
#[path = "../examples/td_lifecycle/td.rs"]
mod td;

use std::collections::BTreeSet;

use tdx_emu::module::{Config, TdxModule};

use crate::log::{Log, run_traced};

/// Builds and tears down `tds` TDs on `threads` threads; returns each TD's MRTD.
fn lifecycle(tds: u64, threads: u64, vcpus: u64, pages: u64) -> (TdxModule, Vec<String>) {
    let module = TdxModule::new(Config::default());
    let m = &module;
    run_traced(m, false, || {
        td::platform(m, &mut Log::new(false, String::new()))
    })
    .expect("platform");
    let mrtds = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|thread| {
                scope.spawn(move || {
                    run_traced(m, true, || {
                        let mut log = Log::new(false, format!("[thread {thread}] "));
                        td::lp_init(&mut log).expect("LP.INIT");
                        (thread..tds)
                            .step_by(threads as usize)
                            .map(|index| {
                                td::build_and_tear_down(m, &mut log, index, vcpus, pages)
                                    .map(|run| {
                                        assert_eq!(run.vcpus as u64, vcpus);
                                        assert_eq!(run.measured_pages as u64, pages);
                                        // Levels 3..=1 above the pages (a 48-bit GPA width):
                                        // one page each for the first 2 MiB.
                                        assert_eq!(run.sept_pages, 3);
                                        run.mrtd
                                    })
                                    .unwrap_or_else(|error| panic!("TD {index}: {error}"))
                            })
                            .collect::<Vec<_>>()
                    })
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("worker"))
            .collect::<Vec<_>>()
    });
    (module, mrtds)
}

#[test]
fn four_tds_on_two_threads_leak_nothing() {
    let (module, mrtds) = lifecycle(4, 2, 2, 40);
    assert_eq!(mrtds.len(), 4);
    // Each TD measured its own contents.
    assert_eq!(mrtds.iter().collect::<BTreeSet<_>>().len(), 4);
    assert_eq!(module.leaked_pages(), Vec::new());
    assert!(module.tds().is_empty());
    module.check_invariants().expect("invariants");
}

#[test]
fn the_default_run_leaks_nothing_and_measures_as_before() {
    let (module, mrtds) = lifecycle(1, 1, 2, 16);
    // The MRTD the single-TD run printed before the example learned threads.
    assert_eq!(
        mrtds,
        [
            "5ffe583424b833ff30c3d31edd6b71825659b4be1accfc0b38bec4a8ca94da5301dfe861549fb5b57c511f442a04729e"
        ]
    );
    assert_eq!(module.leaked_pages(), Vec::new());
}
