//! The project's main job: build TDs from scratch through the software TDX module, with every
//! call made by a catalog wrapper executing the real `seamcall` instruction (trapped by
//! tdx-emu), and tear them down again, reclaiming every page.
//!
//! ```sh
//! cargo run --release -p tdx-calls --example td_lifecycle                      # 1 TD, 2 vCPUs, 16 pages
//! cargo run --release -p tdx-calls --example td_lifecycle -- --vcpus 8 --pages 4096
//! cargo run --release -p tdx-calls --example td_lifecycle -- --tds 4 --threads 2 --vcpus 4 --pages 500
//! cargo run --release -p tdx-calls --example td_lifecycle -- --verbose         # every call's registers too
//! ```
//!
//! Each call is printed with its typed inputs and outputs (a long run prints the first calls
//! of each phase and a progress line); the run ends with each TD's MRTD, the number of
//! SEAMCALLs the trap executed, and the number of pages leaked (zero). With `--threads N`,
//! the platform is initialized once, then N threads (each a logical processor with its own
//! TDH.SYS.LP.INIT) build and tear down the TDs at the same time, TD `i` on thread
//! `i % N`; a call that finds one of the module's locks taken by another thread's call
//! (`TDX_OPERAND_BUSY`, `TDX_SYS_BUSY`) is made again, and the retries are counted.

mod log;
mod td;

use std::process::ExitCode;
use std::sync::atomic::Ordering;

use tdx_emu::module::{Config, TdxModule};

use crate::log::{BUSY_RETRIES, Log, run_traced};
use crate::td::{GLOBAL_KEYID, TdRun};

struct Options {
    tds: u64,
    threads: u64,
    vcpus: u64,
    pages: u64,
    verbose: bool,
}

const USAGE: &str = "usage: td_lifecycle [--tds N (1..=31)] [--threads N (1..=tds)] \
                     [--vcpus N (1..=32)] [--pages N] [--verbose (every call, with its registers)]";

fn options() -> Result<Options, String> {
    let mut options = Options {
        tds: 1,
        threads: 1,
        vcpus: 2,
        pages: 16,
        verbose: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|value| value.parse().ok())
                .filter(|&value| value > 0)
                .ok_or_else(|| format!("{name} takes a positive number"))
        };
        match arg.as_str() {
            "--tds" => options.tds = number("--tds")?.min(31),
            "--threads" => options.threads = number("--threads")?.min(64),
            "--vcpus" => options.vcpus = number("--vcpus")?.min(32),
            "--pages" => options.pages = number("--pages")?.min(200_000),
            "--verbose" => options.verbose = true,
            "--help" | "-h" => return Err(USAGE.into()),
            other => return Err(format!("unknown option `{other}` (try --help)")),
        }
    }
    options.threads = options.threads.min(options.tds);
    Ok(options)
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let module = TdxModule::new(Config::default());
    let free_hkids = module.config().hkids.end.saturating_sub(GLOBAL_KEYID + 1);
    if options.tds > u64::from(free_hkids) {
        eprintln!("--tds: the module has HKIDs for {free_hkids} TDs");
        return ExitCode::FAILURE;
    }
    match run(&module, &options) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("td_lifecycle failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The platform on this thread, then the TDs on `options.threads` threads; returns the number
/// of leaked pages.
fn run(m: &TdxModule, options: &Options) -> Result<usize, String> {
    let traps_before = tdx_emu::trap_count();
    let several = options.tds > 1;
    run_traced(m, options.verbose, || {
        td::platform(m, &mut Log::new(options.verbose, String::new()))
    })
    .map_err(|error| error.to_string())?;

    let runs: Vec<(u64, Result<TdRun, String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..options.threads)
            .map(|thread| {
                scope.spawn(move || {
                    run_traced(m, options.verbose, || {
                        let prefix = |td: u64| {
                            if several {
                                format!("[thread {thread}, td {td}] ")
                            } else {
                                String::new()
                            }
                        };
                        let mut results = Vec::new();
                        // Every thread is a logical processor of its own.
                        let lp_prefix = if several {
                            format!("[thread {thread}] ")
                        } else {
                            String::new()
                        };
                        if let Err(error) = td::lp_init(&mut Log::new(options.verbose, lp_prefix)) {
                            results.push((thread, Err(error.to_string())));
                            return results;
                        }
                        for index in (thread..options.tds).step_by(options.threads as usize) {
                            let mut log = Log::new(options.verbose, prefix(index));
                            let run = td::build_and_tear_down(
                                m,
                                &mut log,
                                index,
                                options.vcpus,
                                options.pages,
                            );
                            results.push((index, run.map_err(|error| error.to_string())));
                        }
                        results
                    })
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| vec![(u64::MAX, Err("a thread panicked".into()))])
            })
            .collect()
    });

    let leaked = m.leaked_pages();
    let traps = tdx_emu::trap_count() - traps_before;
    println!("\n== done");
    let mut failed = None;
    for (index, run) in &runs {
        match run {
            Ok(run) => {
                println!(
                    "  TD {index}: vCPUs: {}, measured pages: {}, Secure-EPT pages: {}",
                    run.vcpus, run.measured_pages, run.sept_pages
                );
                println!(
                    "    MRTD (SHA-384, checked against an independent computation): {}",
                    run.mrtd
                );
            }
            Err(error) => {
                println!("  TD {index}: failed: {error}");
                failed.get_or_insert_with(|| format!("TD {index}: {error}"));
            }
        }
    }
    println!(
        "  TDs: {} on {} thread(s); calls repeated after TDX_OPERAND_BUSY / TDX_SYS_BUSY: {}",
        options.tds,
        options.threads,
        BUSY_RETRIES.load(Ordering::Relaxed)
    );
    println!(
        "  TDX instructions executed and trapped: {traps} (module calls counted: {})",
        m.total_calls()
    );
    println!("  pages leaked: {}", leaked.len());
    for page in &leaked {
        println!("    still owned by the module: {page:?}");
    }
    match failed {
        Some(error) => Err(error),
        None => Ok(leaked.len()),
    }
}
