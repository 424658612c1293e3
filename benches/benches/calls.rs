//! Calls: the exact number of instructions each wrapper executes, counted by single-stepping it
//! with ptrace (`tdx_benches::count`), on the success path, the retry path (one
//! `TDX_RND_NO_ENTROPY`, then success) and the error path, for (a) the macro's wrapper, (b) the
//! floor, (b') the hand-written wrapper with (a)'s semantics and (c) the Linux-style path. No
//! timer: a time through the ~µs trap cannot show a few instructions, a count can.
//!
//! ```text
//! cargo bench -p tdx-benches --bench calls
//! TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench calls    # also docs/benchmarks.md
//! ```
//!
//! Under `cargo test` it counts two leaves in the debug build (a smoke test of the counter).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use tdx_benches::count::{Count, Run, parse};
use tdx_benches::report;
use tdx_benches::subjects::SUBJECTS;

const BIN: &str = "footprint_subjects";
const SETS: [&str; 4] = ["a", "b", "b'", "c"];

type Counts = BTreeMap<(String, String, String), Count>;

fn counts(binary: &Path, leaves: &[&str]) -> Result<Counts, String> {
    let output = Command::new(binary)
        .arg("--count")
        .args(leaves)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    if !output.status.success() {
        return Err(format!(
            "{} --count failed: {}",
            binary.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(parse(&text)
        .into_iter()
        .map(|(leaf, set, script, count)| ((leaf, set, script), count))
        .collect())
}

fn counted(counts: &Counts, leaf: &str, set: &str, script: &str) -> Option<Run> {
    counts
        .get(&(leaf.to_string(), set.to_string(), script.to_string()))
        .and_then(|c| c.as_ref().ok().copied())
}

/// Instructions executed by `leaf`'s `set` subject on `script`.
fn get(counts: &Counts, leaf: &str, set: &str, script: &str) -> Option<u64> {
    counted(counts, leaf, set, script).map(|r| r.instructions)
}

fn smoke() -> Result<(), String> {
    let binary = Path::new(env!("CARGO_BIN_EXE_footprint_subjects"));
    let counts = counts(binary, &["tdh_mng_addcx", "tdg_vm_rd"])?;
    if let Some((key, Err(e))) = counts.iter().find(|(_, c)| c.is_err()) {
        return Err(format!("{key:?}: {e}"));
    }
    for set in ["a", "b'", "c"] {
        let ok = get(&counts, "tdh_mng_addcx", set, "Success").ok_or("no success count")?;
        let retry = get(&counts, "tdh_mng_addcx", set, "EntropyOnce").ok_or("no retry count")?;
        if retry <= ok {
            return Err(format!(
                "({set}) retry path {retry} not longer than success {ok}"
            ));
        }
    }
    // The traps counted: one instruction on success; two when (a) retries one
    // TDX_RND_NO_ENTROPY; one for the floor, which does not retry.
    let traps = |set, script| counted(&counts, "tdh_mng_addcx", set, script).map(|r| r.traps);
    for (set, script, expected) in [
        ("a", "Success", 1),
        ("a", "EntropyOnce", 2),
        ("a", "Error", 1),
        ("b", "EntropyOnce", 1),
    ] {
        if traps(set, script) != Some(expected) {
            return Err(format!(
                "({set}) {script}: {:?} TDX instructions counted, {expected} expected",
                traps(set, script)
            ));
        }
    }
    println!(
        "calls smoke test: {} counts in the debug build; run `cargo bench -p tdx-benches --bench calls` for the figures",
        counts.len()
    );
    Ok(())
}

fn cell(v: Option<u64>) -> String {
    v.map_or("—".into(), |v| v.to_string())
}

fn section(counts: &Counts, binary: &Path) -> String {
    let mut table = String::from(
        "| leaf | (a) ok | (b) ok | (b') ok | (c) ok | (a) − (b) ok | (a) retry +/attempt | (b') retry +/attempt | (c) retry +/attempt | (a) error | (b') error | (c) error |\n\
         |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n",
    );
    let (mut within, mut n) = (0, 0);
    let mut worst: Option<(i64, &str)> = None;
    let mut totals = [0u64; 4];
    for subject in SUBJECTS {
        let leaf = subject.name;
        let ok = SETS.map(|set| get(counts, leaf, set, "Success"));
        for (total, v) in totals.iter_mut().zip(ok) {
            *total += v.unwrap_or(0);
        }
        let retry = |set: &str| {
            let (once, ok) = (
                get(counts, leaf, set, "EntropyOnce"),
                get(counts, leaf, set, "Success"),
            );
            // A set retried when its run on one TDX_RND_NO_ENTROPY issued the instruction twice;
            // one that does not retry returned the status after one.
            let retries = counted(counts, leaf, set, "EntropyOnce").is_some_and(|r| r.traps == 2);
            match (once, ok) {
                (Some(once), Some(ok)) if retries => format!("+{}", once as i64 - ok as i64),
                (Some(_), Some(_)) => "no retry".into(),
                _ => "—".into(),
            }
        };
        let diff = match (ok[0], ok[1]) {
            (Some(a), Some(b)) => {
                let d = a as i64 - b as i64;
                n += 1;
                if d <= 3 {
                    within += 1;
                }
                if worst.is_none_or(|(w, _)| d > w) {
                    worst = Some((d, leaf));
                }
                format!("{d:+}")
            }
            _ => "—".into(),
        };
        let _ = writeln!(
            table,
            "| `{leaf}` | {} | {} | {} | {} | {diff} | {} | {} | {} | {} | {} | {} |",
            cell(ok[0]),
            cell(ok[1]),
            cell(ok[2]),
            cell(ok[3]),
            retry("a"),
            retry("b'"),
            retry("c"),
            cell(get(counts, leaf, "a", "Error")),
            cell(get(counts, leaf, "b'", "Error")),
            cell(get(counts, leaf, "c", "Error")),
        );
    }
    let failed: Vec<String> = counts
        .iter()
        .filter_map(|(k, c)| c.as_ref().err().map(|e| format!("{k:?}: {e}")))
        .collect();
    let verdict = if within == n { "met" } else { "**missed**" };
    let worst = worst.map_or(String::new(), |(d, leaf)| format!("; worst `{leaf}` {d:+}"));
    format!(
        "## Calls\n\n\
         Command: `TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench calls` (builds \
         `cargo build --release -p tdx-benches --bin {BIN}` and runs `{} --count`).\n\n\
         Machine: {}.\n\n\
         Exact instruction counts, no timer. `tdx_benches::count` forks a child that calls the \
         subject once under a scripted tdx-emu trap handler (`tdx_benches::script`), and \
         single-steps it with `PTRACE_SINGLESTEP`: it counts from the subject's entry (its symbol \
         in the binary's symbol table; for (a) the catalog wrapper itself) until it returns to the \
         return address found at entry, callees included (the shared cold routine, the \
         trampolines, `memcpy`). The trapped SEAMCALL/TDCALL counts as one instruction; the \
         emulator's signal handler is not counted (counting pauses at the SIGILL/SIGSEGV stop and \
         resumes when RIP is back just after the instruction at the same RSP). Paths: **ok** = \
         `TDX_SUCCESS` (TDG.VP.VMCALL: RAX = R10 = 0; \
         TDH.VP.ENTER: exit reason 77), **retry** = one `TDX_RND_NO_ENTROPY` then success, shown \
         as the instructions added by the extra attempt (\"no retry\" where that run issued the \
         instruction once: the counter also counts the trapped instructions), **error** = `TDX_OPERAND_INVALID` \
         (TDG.VP.VMCALL: the VMM's `TDG.VP.VMCALL_INVALID_OPERAND` in R10). (b) never retries and \
         never captures, so its three paths are the same length.\n\n\
         | target | measured | verdict |\n|---|---|---|\n\
         | every leaf: (a)'s success path within 3 instructions of (b) | {within} of {n} leaves{worst} | {verdict} |\n\n\
         Success path, all {} leaves: (a) {} instructions, (b) {}, (b') {} (over the {} leaves \
         that have one), (c) {}.\n\n{table}{}",
        binary.display(),
        report::machine(),
        SUBJECTS.len(),
        totals[0],
        totals[1],
        totals[2],
        tdx_benches::shaped::SHAPED.len(),
        totals[3],
        if failed.is_empty() {
            String::new()
        } else {
            format!("\nNot counted: {}\n", failed.join("; "))
        }
    )
}

fn run() -> Result<(), String> {
    if !report::bench_mode() {
        return smoke();
    }
    let binary = report::build_release(BIN)?;
    let counts = counts(&binary, &[])?;
    let section = section(&counts, &binary);
    println!("{section}");
    report::write_section("calls", &section);
    Ok(())
}

fn main() {
    if let Err(error) = run() {
        eprintln!("calls: {error}");
        std::process::exit(1);
    }
}
