//! The footprint of (b') (`tdx_fp_bp_<leaf>`, [`crate::shaped`]) and of the call sites
//! (`tdx_cs_{a,b,bp,c}_<leaf>`: an `#[inline(never)]` caller that calls the subject and tests
//! its result), read from the same binary as [`crate::footprint`], and the targets of issue 12.

use std::fmt::Write as _;

use crate::footprint::{Binary, Footprint, Function};

/// Call-site sets, in column order.
pub const CALLERS: [&str; 4] = ["a", "b", "bp", "c"];

/// (b') and the callers of every leaf of a footprint.
pub struct Sites {
    /// Per row of the footprint: (b'), if the leaf has one.
    pub shaped: Vec<Option<Function>>,
    /// The shared callees of all (b'), each once.
    pub shaped_shared: Vec<Function>,
    /// Per row: the callers of (a), (b), (b'), (c).
    pub callers: Vec<[Option<Function>; 4]>,
}

fn ratio(x: u64, y: u64) -> f64 {
    x as f64 / y as f64
}

impl Sites {
    /// Measure them in `binary` for the rows of `footprint`.
    pub fn measure(binary: &Binary, footprint: &Footprint) -> Self {
        let shaped: Vec<Option<Function>> = footprint
            .rows
            .iter()
            .map(|r| binary.function(&format!("tdx_fp_bp_{}", r.leaf)))
            .collect();
        let shaped_shared = binary.shared_callees(shaped.iter().flatten());
        let callers = footprint
            .rows
            .iter()
            .map(|r| CALLERS.map(|set| binary.function(&format!("tdx_cs_{set}_{}", r.leaf))))
            .collect();
        Sites {
            shaped,
            shaped_shared,
            callers,
        }
    }

    /// Targets of issue 12 that the footprint measures (markdown rows, no header).
    pub fn targets(&self, footprint: &Footprint) -> String {
        let verdict = |ok: bool| if ok { "met" } else { "**missed**" };
        let (a, c) = (footprint.total(0), footprint.total(2));
        let ac = ratio(a.all_bytes(), c.all_bytes());
        let mut out = String::from("| target | measured | verdict |\n|---|---|---|\n");
        let _ = writeln!(
            out,
            "| total bytes of (a) ≤ 0.9 × (c) | (a) {} / (c) {} = {ac:.3} | {} |",
            a.all_bytes(),
            c.all_bytes(),
            verdict(ac <= 0.9)
        );
        let _ = writeln!(
            out,
            "| stretch: total bytes of (a) ≤ 0.75 × (c) | {ac:.3} | {} |",
            verdict(ac <= 0.75)
        );
        let (mut within, mut n, mut worst) = (0, 0, (1.0f64, ""));
        for (row, shaped) in footprint.rows.iter().zip(&self.shaped) {
            if let Some(shaped) = shaped {
                let r = ratio(row.sets[0].bytes(), shaped.bytes());
                n += 1;
                if (r - 1.0).abs() <= 0.02 {
                    within += 1;
                }
                if (r - 1.0).abs() > (worst.0 - 1.0f64).abs() {
                    worst = (r, row.leaf);
                }
            }
        }
        let _ = writeln!(
            out,
            "| every leaf: (a) within 2% of (b') in bytes | {within} of {n} leaves with a (b'); furthest `{}` at {:.2} × | {} |",
            worst.1,
            worst.0,
            verdict(within == n)
        );
        let (mut ok, mut m) = (0, 0);
        for callers in &self.callers {
            if let (Some(a), Some(c)) = (&callers[0], &callers[3]) {
                m += 1;
                if a.bytes() <= c.bytes() {
                    ok += 1;
                }
            }
        }
        let _ = writeln!(
            out,
            "| every leaf: call-site bytes of (a) ≤ (c)'s | {ok} of {m} leaves | {} |",
            verdict(ok == m)
        );
        out.push_str(
            "| every leaf: (a)'s success path within 3 instructions of (b) | see [Calls](#calls) (instruction counts) | |\n\
             | clean `cargo build -p tdx-core` ≥ 10% faster after the syn trim | see [Build cost](#build-cost) | |\n",
        );
        out
    }

    /// (b') and call-site totals (markdown).
    pub fn totals(&self, footprint: &Footprint) -> String {
        let mut a_same = 0;
        let mut bp = 0;
        for (row, shaped) in footprint.rows.iter().zip(&self.shaped) {
            if let Some(shaped) = shaped {
                a_same += row.sets[0].bytes();
                bp += shaped.bytes();
            }
        }
        let shared: u64 = self.shaped_shared.iter().map(Function::bytes).sum();
        let a_shared: u64 = footprint.shared[0].iter().map(Function::bytes).sum();
        let n = self.shaped.iter().flatten().count();
        let names: Vec<String> = self
            .shaped_shared
            .iter()
            .map(|f| format!("`{}` {}", f.symbol.name, f.bytes()))
            .collect();
        let mut out = format!(
            "Over the {n} leaves that have a (b'): (a) {a_same} bytes per leaf + {a_shared} shared = **{}**; \
             (b') {bp} per leaf + {shared} shared ({}) = **{}** ({:.3} ×).\n\n",
            a_same + a_shared,
            names.join(", "),
            bp + shared,
            ratio(a_same + a_shared, bp + shared)
        );
        out.push_str("| call site of | total bytes | total insns |\n|---|--:|--:|\n");
        for (index, set) in CALLERS.iter().enumerate() {
            let fns: Vec<&Function> = self
                .callers
                .iter()
                .filter_map(|c| c[index].as_ref())
                .collect();
            let _ = writeln!(
                out,
                "| ({}) over {} leaves | {} | {} |",
                if *set == "bp" { "b'" } else { set },
                fns.len(),
                fns.iter().map(|f| f.bytes()).sum::<u64>(),
                fns.iter().map(|f| f.count()).sum::<usize>()
            );
        }
        out
    }

    /// Per leaf: (a) against (b'), and the call sites (markdown).
    pub fn table(&self, footprint: &Footprint) -> String {
        let mut out = String::from(
            "| leaf | (a) bytes | (b') bytes | (b') insns | a/b' bytes | call site (a) bytes | (b) | (b') | (c) | (a) − (c) call site |\n\
             |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n",
        );
        let cell =
            |f: &Option<Function>| f.as_ref().map_or("—".into(), |f| f.bytes().to_string());
        for ((row, shaped), callers) in footprint.rows.iter().zip(&self.shaped).zip(&self.callers) {
            let a = row.sets[0].bytes();
            let (bp, bp_insns, ab) = match shaped {
                Some(s) => (
                    s.bytes().to_string(),
                    s.count().to_string(),
                    format!("{:.2}", ratio(a, s.bytes())),
                ),
                None => ("—".into(), "—".into(), "—".into()),
            };
            let diff = match (&callers[0], &callers[3]) {
                (Some(x), Some(y)) => format!("{:+}", x.bytes() as i64 - y.bytes() as i64),
                _ => "—".into(),
            };
            let _ = writeln!(
                out,
                "| `{}` | {a} | {bp} | {bp_insns} | {ab} | {} | {} | {} | {} | {diff} |",
                row.leaf,
                cell(&callers[0]),
                cell(&callers[1]),
                cell(&callers[2]),
                cell(&callers[3]),
            );
        }
        out
    }

    /// (b') of `leaf` and the four callers, disassembled.
    pub fn show(&self, footprint: &Footprint, leaf: &str) -> String {
        let mut out = String::new();
        if let Some(index) = footprint.rows.iter().position(|r| r.leaf == leaf) {
            if let Some(shaped) = &self.shaped[index] {
                let _ = writeln!(out, "==== (b') same semantics: {}", shaped.listing());
            }
            for (set, caller) in CALLERS.iter().zip(&self.callers[index]) {
                if let Some(caller) = caller {
                    let _ = writeln!(out, "==== call site of ({set}): {}", caller.listing());
                }
            }
        }
        for function in &self.shaped_shared {
            let _ = writeln!(
                out,
                "==== (b') shared, counted once: {}",
                function.listing()
            );
        }
        out
    }
}
