//! Calls: time per call through the tdx-emu trap, for (a) the macro's wrapper, (b) the
//! hand-written floor and (c) the Linux-style path, against a bare trap round trip (an `asm!`
//! block holding only the instruction). The trap handler does the minimum: RAX = 0.
//!
//! ```text
//! cargo bench -p tdx-benches --bench calls
//! TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench calls    # also docs/benchmarks.md
//! ```
//!
//! Every figure includes the trap (a signal delivery and return, microseconds), so the ratios
//! show what the wrapper adds on top of the instruction, not how fast a real TDX module is.

use core::arch::asm;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};
use tdx_benches::check::Sample;
use tdx_benches::report::{self, Estimate};
use tdx_benches::subjects::{
    tdg_vm_rd, tdh_mng_create, tdh_phymem_page_reclaim, tdh_vp_enter, tdvmcall_map_gpa,
};
use tdx_calls::handles::{TdxTd, TdxVp};
use tdx_core::outputs::MapGpaTarget;
use tdx_core::{FieldId, Hkid, Hpa, ModuleArgs};
use tdx_emu::{CpuState, Instruction, with_handler};

const GROUP: &str = "calls";

/// The floor of every figure: the instruction alone.
#[inline(never)]
fn bare_seamcall() -> u64 {
    let rax: u64;
    // SAFETY: under `with_handler`, the trap answers SEAMCALL and changes only RAX (and CF,
    // which the block does not promise to preserve).
    unsafe { asm!("seamcall", inout("rax") 0u64 => rax, options(nostack)) };
    rax
}

/// The same for TDCALL.
#[inline(never)]
fn bare_tdcall() -> u64 {
    let rax: u64;
    // SAFETY: as `bare_seamcall`.
    unsafe { asm!("tdcall", inout("rax") 0u64 => rax, options(nostack)) };
    rax
}

/// Time `routine` with the minimal handler installed for this thread.
fn bench<R>(c: &mut Group<'_>, id: &str, mut routine: impl FnMut() -> R) {
    let mut handler = |_: Instruction, cpu: &mut CpuState| cpu.rax = 0;
    with_handler(&mut handler, || {
        c.bench_function(id, |b| b.iter(&mut routine));
    });
}

type Group<'a> = BenchmarkGroup<'a, WallTime>;

/// One leaf's three subjects, and the bare round trip they are compared with.
struct Leaf {
    name: &'static str,
    bare: &'static str,
}

const LEAVES: [Leaf; 5] = [
    Leaf {
        name: "tdh_phymem_page_reclaim",
        bare: "bare_seamcall",
    },
    Leaf {
        name: "tdh_mng_create",
        bare: "bare_seamcall",
    },
    Leaf {
        name: "tdh_vp_enter",
        bare: "bare_seamcall",
    },
    Leaf {
        name: "tdg_vm_rd",
        bare: "bare_tdcall",
    },
    Leaf {
        name: "tdvmcall_map_gpa",
        bare: "bare_tdcall",
    },
];

const SETS: [(&str, &str); 3] = [
    ("a_macro", "(a) macro"),
    ("b_floor", "(b) floor"),
    ("c_linux", "(c) Linux-style"),
];

/// The three subjects of `leaf`, called with `args` (evaluated inside the timed closure).
macro_rules! three {
    ($c:ident, $leaf:ident($($arg:expr),*)) => {
        bench($c, concat!(stringify!($leaf), "_a_macro"), || {
            // SAFETY: under the trap handler, which answers the instruction; nothing is
            // accessed through the sample operands, and `ModuleArgs` arguments are live.
            unsafe { $leaf::a($(black_box($arg)),*) }
        });
        bench($c, concat!(stringify!($leaf), "_b_floor"), || {
            // SAFETY: as above.
            unsafe { $leaf::b($(black_box($arg)),*) }
        });
        bench($c, concat!(stringify!($leaf), "_c_linux"), || {
            // SAFETY: as above.
            unsafe { $leaf::c($(black_box($arg)),*) }
        });
    };
}

fn benches(c: &mut Group<'_>) {
    bench(c, "bare_seamcall", bare_seamcall);
    bench(c, "bare_tdcall", bare_tdcall);

    let page = Hpa::sample(1);
    three!(c, tdh_phymem_page_reclaim(page));

    let td: &TdxTd<'_> = Sample::sample(1);
    let hkid = Hkid::sample(2);
    three!(c, tdh_mng_create(td, hkid));

    let vp: &TdxVp<'_> = Sample::sample(3);
    let mut args = ModuleArgs::default();
    three!(c, tdh_vp_enter(vp, &mut args));

    let field = FieldId::sample(4);
    three!(c, tdg_vm_rd(field));

    let start = MapGpaTarget::sample(5);
    three!(c, tdvmcall_map_gpa(start, 0x1000));
}

fn row(out: &mut String, id: &str, label: &str, e: Estimate, bare: Estimate, target: bool) {
    let ratio = e.mean / bare.mean;
    let verdict = match (target, ratio <= 1.25) {
        (false, _) => "",
        (true, true) => "met",
        (true, false) => "**missed**",
    };
    let _ = writeln!(
        out,
        "| `{id}` | {label} | {} | {} – {} | {} | {ratio:.3} | {verdict} |",
        report::format_ns(e.mean),
        report::format_ns(e.low),
        report::format_ns(e.high),
        report::format_ns(e.median),
    );
}

fn section() -> Result<String, String> {
    let mut out = format!(
        "## Calls\n\n\
         Command: `TDX_BENCH_WRITE=1 cargo bench -p tdx-benches --bench calls` (criterion: \
         warm-up 1 s, measurement 3 s, 30 samples per benchmark; the tdx-emu handler sets \
         RAX = 0 and nothing else).\n\n\
         Machine: {}.\n\n\
         Target: (a) at most 1.25 × the bare trap round trip of its instruction. Every figure \
         is dominated by the trap itself (SIGILL delivery, handler, `sigreturn`). Time is \
         criterion's estimate per call (the slope of its linear regression).\n\n\
         | benchmark | subject | time | 95% CI | median | ratio to bare | target |\n\
         |---|---|--:|--:|--:|--:|---|\n",
        report::machine()
    );
    let mut widest: f64 = 0.0;
    let seam = report::read_estimate(GROUP, "bare_seamcall")?;
    let td = report::read_estimate(GROUP, "bare_tdcall")?;
    for bare in [seam, td] {
        widest = widest.max((bare.high - bare.low) / bare.mean);
    }
    row(
        &mut out,
        "bare_seamcall",
        "`asm!(\"seamcall\")`",
        seam,
        seam,
        false,
    );
    row(&mut out, "bare_tdcall", "`asm!(\"tdcall\")`", td, td, false);
    for leaf in &LEAVES {
        let bare = if leaf.bare == "bare_seamcall" {
            seam
        } else {
            td
        };
        for (suffix, label) in SETS {
            let id = format!("{}_{suffix}", leaf.name);
            let e = report::read_estimate(GROUP, &id)?;
            widest = widest.max((e.high - e.low) / e.mean);
            let label = format!("{label} (vs `{}`)", leaf.bare);
            row(&mut out, &id, &label, e, bare, suffix == "a_macro");
        }
    }
    let _ = writeln!(
        out,
        "\nThe widest 95% confidence interval above is {:.1}% of its estimate: ratios closer to 1 \
         than that are noise of the trap, not a cost of the wrapper.",
        widest * 100.0
    );
    Ok(out)
}

fn main() {
    let mut c = Criterion::default()
        .output_directory(&report::criterion_dir())
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
        .configure_from_args();
    let mut group = c.benchmark_group(GROUP);
    benches(&mut group);
    group.finish();
    c.final_summary();
    if !report::bench_mode() {
        return;
    }
    match section() {
        Ok(section) => {
            println!("{section}");
            report::write_section("calls", &section);
        }
        Err(error) => {
            eprintln!("calls: {error}");
            std::process::exit(1);
        }
    }
}
