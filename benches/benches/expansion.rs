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
use tdx_benches::report;

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
        return;
    }
    match section(catalog.len()) {
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
