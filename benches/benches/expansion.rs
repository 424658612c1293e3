//! Expansion: time to expand one wrapper (`tdx_codegen::expand`, what the attribute macro runs)
//! and the whole catalog, against the floor for any attribute macro: syn parsing the same item
//! and printing it back (`syn::parse2::<ForeignItemFn>` + `ToTokens`: the item is a bodiless
//! signature with a visibility, `[attrs] [vis] sig ;`, which is syn's `ForeignItemFn`).
//!
//! ```text
//! cargo bench -p tdx-benches --bench expansion
//! TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench expansion   # also docs/benchmarks.md
//! ```
//!
//! The token streams are built once, from the catalog's source (`tdx-calls/src`), and cloned
//! outside the timed region; the timed region is the call, as the compiler makes it.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion};
use tdx_benches::expansion::{self, Decl, parse_and_print};
use tdx_benches::{build, report};

const GROUP: &str = "expansion";
/// The wrapper timed alone: the design's example.
const ONE: &str = "tdh_phymem_page_reclaim";

fn benches(c: &mut Criterion, catalog: &[Decl]) {
    let one = catalog
        .iter()
        .find(|d| d.name == ONE)
        .expect("the catalog declares tdh_phymem_page_reclaim");
    let mut group = c.benchmark_group(GROUP);
    group.bench_function("one_expand", |b| {
        b.iter_batched(
            || (one.args.clone(), one.item.clone()),
            |(args, item)| black_box(tdx_codegen::expand(one.family, args, item)),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("one_parse_print", |b| {
        b.iter_batched(
            || one.item.clone(),
            |item| black_box(parse_and_print(item)),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("catalog_expand", |b| {
        b.iter_batched(
            || catalog.to_vec(),
            |decls| {
                for decl in decls {
                    black_box(tdx_codegen::expand(decl.family, decl.args, decl.item));
                }
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("catalog_parse_print", |b| {
        b.iter_batched(
            || catalog.to_vec(),
            |decls| {
                for decl in decls {
                    black_box(parse_and_print(decl.item));
                }
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

fn section(n: usize) -> Result<String, String> {
    let get = |id: &str| report::read_estimate(GROUP, id);
    let (one_expand, one_floor) = (get("one_expand")?, get("one_parse_print")?);
    let (all_expand, all_floor) = (get("catalog_expand")?, get("catalog_parse_print")?);
    let one_ratio = one_expand.mean / one_floor.mean;
    let all_ratio = all_expand.mean / all_floor.mean;
    let verdict = |ratio: f64| if ratio <= 5.0 { "met" } else { "**missed**" };
    let ns = report::format_ns;
    Ok(format!(
        "## Expansion\n\n\
         Command: `TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench expansion` (criterion: \
         warm-up 1 s, measurement 3 s, 30 samples; inputs cloned outside the timed region; time \
         is criterion's estimate per iteration).\n\n\
         Machine: {}.\n\n\
         Input: the {n} declarations of `tdx-calls/src/**/*.rs`, split into attribute \
         arguments and item as the compiler hands them to the macro. Floor: \
         `syn::parse2::<syn::ForeignItemFn>(item)` and `ToTokens` back, what any attribute macro \
         must at least do with the same item (a bodiless `pub` signature is neither an `ItemFn` \
         nor a `TraitItemFn`; `ForeignItemFn` is syn's type for `[attrs] [vis] sig ;`).\n\n\
         | benchmark | what | time | 95% CI | median | per wrapper |\n\
         |---|---|--:|--:|--:|--:|\n\
         | `one_expand` | `tdx_codegen::expand` of `{ONE}` | {} | {} – {} | {} | {} |\n\
         | `one_parse_print` | floor, same item | {} | {} – {} | {} | {} |\n\
         | `catalog_expand` | `tdx_codegen::expand` of all {n} | {} | {} – {} | {} | {} |\n\
         | `catalog_parse_print` | floor, all {n} | {} | {} – {} | {} | {} |\n\n\
         | target | measured | verdict |\n|---|---|---|\n\
         | expansion ≤ 5 × parse-and-print, per wrapper (`{ONE}`) | {one_ratio:.2} × | {} |\n\
         | the same over the whole catalog | {all_ratio:.2} × | {} |\n",
        report::machine(),
        ns(one_expand.mean),
        ns(one_expand.low),
        ns(one_expand.high),
        ns(one_expand.median),
        ns(one_expand.mean),
        ns(one_floor.mean),
        ns(one_floor.low),
        ns(one_floor.high),
        ns(one_floor.median),
        ns(one_floor.mean),
        ns(all_expand.mean),
        ns(all_expand.low),
        ns(all_expand.high),
        ns(all_expand.median),
        ns(all_expand.mean / n as f64),
        ns(all_floor.mean),
        ns(all_floor.low),
        ns(all_floor.high),
        ns(all_floor.median),
        ns(all_floor.mean / n as f64),
        verdict(one_ratio),
        verdict(all_ratio),
    ))
}

/// The compile time of the catalog with the macro against its pre-expanded source.
fn compile_section(reps: usize) -> Result<String, String> {
    let t = build::compile_time(reps)?;
    let secs = |d: Duration| d.as_secs_f64();
    let with: Vec<Duration> = t.runs.iter().map(|r| r.0).collect();
    let without: Vec<Duration> = t.runs.iter().map(|r| r.1).collect();
    let (m, e) = (build::median(&with), build::median(&without));
    let list = |v: &[Duration]| {
        v.iter()
            .map(|d| format!("{:.2}", secs(*d)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(format!(
        "### The macro as the compiler runs it\n\n\
         Command: part of `cargo bench -p tdx-benches --bench expansion` (`tdx_benches::build::compile_time`). \
         A scratch workspace holds two copies of `tdx-calls/src`: `catalog-macro` as it is, and \
         `catalog-expanded` where each of the {} declarations is replaced by the output of \
         `tdx_codegen::expand` (generated in this run, so it is whatever the macro emits today). \
         Both depend on the real tdx-core; after one full `cargo build` (dependencies and the proc \
         macro, built unoptimized as cargo builds proc macros by default), each crate is rebuilt \
         alone {reps} times (`lib.rs` touched, `cargo build -p …`, dev profile, order alternating). \
         The difference is what the macro costs the compiler (loading it, running it unoptimized, \
         and the token round trip); both variants compile the same expanded code.\n\n\
         | variant | median | runs (s) |\n|---|--:|---|\n\
         | `catalog-macro` (declarations, the macro runs) | {:.3} s | {} |\n\
         | `catalog-expanded` (the macro's output, no macro) | {:.3} s | {} |\n\n\
         Ratio (macro / pre-expanded, medians): **{:.2} ×**; the macro adds {:.0} ms per build, \
         {:.1} ms per declaration.\n",
        t.declarations,
        secs(m),
        list(&with),
        secs(e),
        list(&without),
        secs(m) / secs(e),
        (secs(m) - secs(e)) * 1e3,
        (secs(m) - secs(e)) * 1e3 / t.declarations as f64,
    ))
}

/// The clean build of tdx-core before and after the syn trim (opt-in: `TDX_BENCH_BUILD_COST=1`).
fn build_cost_section(reps: usize) -> Result<String, String> {
    let cost = build::build_cost(reps)?;
    let before: Vec<Duration> = cost.runs.iter().map(|r| r.0).collect();
    let after: Vec<Duration> = cost.runs.iter().map(|r| r.1).collect();
    let (b, a) = (build::median(&before), build::median(&after));
    let list = |v: &[Duration]| {
        v.iter()
            .map(|d| format!("{:.2}", d.as_secs_f64()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let gain = 1.0 - a.as_secs_f64() / b.as_secs_f64();
    let verdict = if gain >= 0.10 { "met" } else { "**missed**" };
    Ok(format!(
        "## Build cost\n\n\
         Command: `TDX_BENCH_WRITE=1 TDX_BENCH_BUILD_COST=1 cargo bench -p tdx-benches --bench expansion` \
         (opt-in, it takes a few minutes: `tdx_benches::build::build_cost`). The workspace is copied \
         twice; in one copy the workspace `syn` line is put back as it was before the trim. Then, \
         {reps} times, alternating which goes first, each copy runs `cargo build -p tdx-core --offline` \
         with a fresh, empty `CARGO_TARGET_DIR` (dev profile: syn, quote, proc-macro2, x86_64, \
         tdx-codegen, tdx-macros, tdx-core).\n\n\
         Machine: {}.\n\n\
         | workspace `syn` line | median | runs (s) |\n|---|--:|---|\n\
         | before: `{}` | {:.2} s | {} |\n\
         | after: `{}` | {:.2} s | {} |\n\n\
         | target | measured | verdict |\n|---|---|---|\n\
         | clean `cargo build -p tdx-core` ≥ 10% faster after the trim | {:.1}% faster ({:.2} s → {:.2} s) | {verdict} |\n",
        report::machine(),
        build::SYN_BEFORE,
        b.as_secs_f64(),
        list(&before),
        cost.after_line,
        a.as_secs_f64(),
        list(&after),
        gain * 100.0,
        b.as_secs_f64(),
        a.as_secs_f64(),
    ))
}

fn main() {
    let catalog = expansion::catalog();
    assert!(
        catalog.iter().any(|d| d.name == ONE),
        "no catalog declarations found under tdx-calls/src"
    );
    let mut c = Criterion::default()
        .output_directory(&report::criterion_dir())
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
        .configure_from_args();
    benches(&mut c, &catalog);
    c.final_summary();
    if !report::bench_mode() {
        // Quick mode: the pre-expanded crate is generated (and every declaration replaced), not
        // built.
        match build::compile_time_workspace() {
            Ok((dir, n)) if n == catalog.len() => {
                println!(
                    "expansion smoke test: {n} declarations pre-expanded in {}",
                    dir.display()
                );
                let _ = std::fs::remove_dir_all(dir);
            }
            Ok((_, n)) => panic!("{n} of {} declarations pre-expanded", catalog.len()),
            Err(error) => panic!("{error}"),
        }
        return;
    }
    if std::env::var_os("TDX_BENCH_BUILD_COST").is_some_and(|v| v == "1") {
        match build_cost_section(3) {
            Ok(section) => {
                println!("{section}");
                report::write_section("build-cost", &section);
            }
            Err(error) => {
                eprintln!("build cost: {error}");
                std::process::exit(1);
            }
        }
    }
    match section(catalog.len()).and_then(|s| Ok(format!("{s}\n{}", compile_section(5)?))) {
        Ok(section) => {
            println!("{section}");
            report::write_section("expansion", &section);
        }
        Err(error) => {
            eprintln!("expansion: {error}");
            std::process::exit(1);
        }
    }
}
