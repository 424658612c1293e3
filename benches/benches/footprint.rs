//! Footprint: bytes and instructions of (a) the macro's wrapper, (b) a hand-written minimal
//! `asm!` wrapper and (c) the Linux-style path, for every catalog leaf, measured in the release
//! build of the `footprint_subjects` binary.
//!
//! ```text
//! cargo bench -p tdx-benches --bench footprint                      # table and totals
//! cargo bench -p tdx-benches --bench footprint -- --show LEAF       # the three disassemblies
//! TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench footprint    # also docs/benchmarks.md
//! ```
//!
//! Under `cargo test` (no `--bench` flag) it is a smoke test: the same measurement on the debug
//! build of the subjects, checking only that every symbol is found.

use std::path::PathBuf;
use std::process::Command;

use tdx_benches::footprint::{Binary, Footprint, Set};
use tdx_benches::report;
use tdx_benches::sites::Sites;
use tdx_benches::subjects::SUBJECTS;

const BIN: &str = "footprint_subjects";

/// Run the subjects' own check (the three agree under the trap) on the binary measured.
fn check(binary: &std::path::Path) -> Result<(), String> {
    let output = Command::new(binary)
        .arg("--check")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} --check failed:\n{}{}",
            binary.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The catalog wrappers meant to have footprint subjects (`subjects::has_subjects`) that
/// have none.
fn missing_subjects() -> Vec<&'static str> {
    tdx_benches::subjects::subject_catalog()
        .map(|entry| entry.wrapper)
        .filter(|wrapper| !SUBJECTS.iter().any(|s| s.name == *wrapper))
        .collect()
}

/// `cargo test`: measure the debug build, only checking that everything is found.
fn smoke() -> Result<(), String> {
    let path = PathBuf::from(env!("CARGO_BIN_EXE_footprint_subjects"));
    let binary = Binary::load(&path)?;
    let footprint = Footprint::measure(&binary, SUBJECTS)?;
    for row in &footprint.rows {
        for (set, function) in Set::ALL.iter().zip(&row.sets) {
            if function.count() == 0 {
                return Err(format!("{} {}: no instructions", row.leaf, set.label()));
            }
        }
    }
    let missing = missing_subjects();
    if !missing.is_empty() {
        return Err(format!("catalog wrappers without subjects: {missing:?}"));
    }
    let sites = Sites::measure(&binary, &footprint);
    let shaped = sites.shaped.iter().flatten().count();
    if shaped != tdx_benches::shaped::SHAPED.len() {
        return Err(format!(
            "{shaped} (b') symbols found of {}",
            tdx_benches::shaped::SHAPED.len()
        ));
    }
    for (row, callers) in footprint.rows.iter().zip(&sites.callers) {
        if callers[0].is_none() || callers[3].is_none() {
            return Err(format!("{}: a call-site symbol is missing", row.leaf));
        }
    }
    println!(
        "footprint smoke test: {} leaves measured in the debug build ({}); run `cargo bench -p tdx-benches --bench footprint` for the figures",
        footprint.rows.len(),
        path.display()
    );
    Ok(())
}

fn section(binary: &Binary, footprint: &Footprint, sites: &Sites) -> String {
    let n = footprint.rows.len();
    let missing = missing_subjects();
    let without = tdx_benches::subjects::WITHOUT_SUBJECTS;
    let coverage = if missing.is_empty() && without.is_empty() {
        format!(
            "{n} of the {} wrappers of `tdx_calls::catalog::CATALOG`: every catalog leaf",
            tdx_calls::catalog::CATALOG.len(),
        )
    } else if missing.is_empty() {
        format!(
            "{n} of the {} wrappers of `tdx_calls::catalog::CATALOG`; without subjects yet: {}",
            tdx_calls::catalog::CATALOG.len(),
            without.join(", ")
        )
    } else {
        format!(
            "{n} wrappers; **missing from the subjects**: {}",
            missing.join(", ")
        )
    };
    format!(
        "## Footprint\n\n\
         Command: `TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench footprint` (builds \
         `cargo build --release -p tdx-benches --bin {BIN}`, runs its `--check`, then reads \
         `nm -S` and `objdump -d --no-show-raw-insn -M intel` of `{}`).\n\n\
         Machine: {}.\n\n\
         Leaves: {coverage}. Shared functions (the trampolines of (c), the cold error \
         constructor `tdx_core::__private::call_failed` of (a)) are counted once per set, in \
         the totals.\n\n\
         (b') is `tdx_fp_bp_<leaf>` (`benches/src/shaped/`): the same semantics as (a), the \
         retry and the error capture in one shared cold routine per family and shape; it exists \
         for every SEAMCALL leaf that is not a `regs = …` wrapper and for the TDCALL leaves of \
         Linux, TDX Connect, TDG.MR.KEY.GET and TDG.VM.RD version 1. The call sites are \
         `tdx_cs_{{a,b,bp,c}}_<leaf>`: an `#[inline(never)]` function that takes the leaf's \
         parameters, calls the subject and returns whether it succeeded (`is_ok()`; for (b) and \
         (c) the same rule on the raw status).\n\n\
         ### Targets\n\n{}\n### Totals\n\n{}\n{}\n### Shared functions\n\n{}\n### Per leaf\n\n{}\n\
         ### Per leaf: (b') and the call sites\n\n{}",
        binary
            .path
            .strip_prefix(std::env::var("CARGO_TARGET_DIR").unwrap_or_default())
            .map_or_else(
                |_| binary.path.display().to_string(),
                |p| format!("$CARGO_TARGET_DIR/{}", p.display())
            ),
        report::machine(),
        sites.targets(footprint),
        footprint.totals_table(),
        sites.totals(footprint),
        footprint.shared_table(),
        footprint.leaf_table(),
        sites.table(footprint),
    )
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args
        .iter()
        .position(|a| a == "--show")
        .map(|i| args.get(i + 1).cloned().ok_or("--show needs a leaf name"))
        .transpose()?;
    if show.is_none() && !report::bench_mode() {
        return smoke();
    }
    let path = report::build_release(BIN)?;
    check(&path)?;
    let binary = Binary::load(&path)?;
    let footprint = Footprint::measure(&binary, SUBJECTS)?;
    let sites = Sites::measure(&binary, &footprint);
    if let Some(leaf) = show {
        let listing = footprint.show(&binary, &leaf).ok_or_else(|| {
            let names: Vec<&str> = footprint.rows.iter().map(|r| r.leaf).collect();
            format!("no leaf {leaf}; leaves: {}", names.join(" "))
        })?;
        print!("{listing}{}", sites.show(&footprint, &leaf));
        return Ok(());
    }
    let section = section(&binary, &footprint, &sites);
    println!("{section}");
    report::write_section("footprint", &section);
    Ok(())
}

fn main() {
    if let Err(error) = run() {
        eprintln!("footprint: {error}");
        std::process::exit(1);
    }
}
