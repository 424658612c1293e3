//! The footprint as the bench prints it and `docs/benchmarks.md` records it: the markdown tables
//! (per leaf, shared callees, totals, targets) and one leaf's disassemblies.

use std::fmt::Write as _;

use super::{Binary, Footprint, Set};

impl Footprint {
    /// The per-leaf table (markdown).
    pub fn leaf_table(&self) -> String {
        let mut out = String::from(
            "| leaf | family | (a) bytes | (a) insns | (a) to first `ret`: bytes / insns | (b) bytes | (b) insns | (c) bytes | (c) insns | a/b bytes | a/c bytes | (a) − (b) insns | (c) calls |\n\
             |---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n",
        );
        for row in &self.rows {
            let [a, b, c] = &row.sets;
            let calls: Vec<&str> = c.callees.iter().map(String::as_str).collect();
            let (hot_bytes, hot_insns) = a.to_first_ret();
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {hot_bytes} / {hot_insns} | {} | {} | {} | {} | {:.2} | {:.2} | {:+} | {} |",
                row.leaf,
                row.family,
                a.bytes(),
                a.count(),
                b.bytes(),
                b.count(),
                c.bytes(),
                c.count(),
                a.bytes() as f64 / b.bytes() as f64,
                a.bytes() as f64 / c.bytes() as f64,
                a.count() as i64 - b.count() as i64,
                calls.join(", ")
            );
        }
        out
    }

    /// The shared callees of each set (markdown).
    pub fn shared_table(&self) -> String {
        let mut out = String::from(
            "| set | shared function (counted once) | bytes | insns |\n|---|---|--:|--:|\n",
        );
        for (index, set) in Set::ALL.iter().enumerate() {
            if self.shared[index].is_empty() {
                let _ = writeln!(out, "| {} | (none) | 0 | 0 |", set.label());
            }
            for function in &self.shared[index] {
                let _ = writeln!(
                    out,
                    "| {} | `{}` | {} | {} |",
                    set.label(),
                    function.symbol.name,
                    function.bytes(),
                    function.count()
                );
            }
        }
        out
    }

    /// The totals (markdown).
    pub fn totals_table(&self) -> String {
        let mut out = String::from(
            "| set | per-leaf bytes | per-leaf insns | shared bytes | shared insns | total bytes | total insns | per-leaf, up to the first `ret`: bytes | insns |\n\
             |---|--:|--:|--:|--:|--:|--:|--:|--:|\n",
        );
        for (index, set) in Set::ALL.iter().enumerate() {
            let t = self.total(index);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | **{}** | **{}** | {} | {} |",
                set.label(),
                t.bytes,
                t.insns,
                t.shared_bytes,
                t.shared_insns,
                t.all_bytes(),
                t.all_insns(),
                t.hot_bytes,
                t.hot_insns
            );
        }
        out
    }

    /// Every target, with the figure and whether it is met (markdown).
    pub fn targets_table(&self) -> String {
        let [a, b, c] = [0, 1, 2].map(|i| self.total(i));
        let ab = a.all_bytes() as f64 / b.all_bytes() as f64;
        let ac = a.all_bytes() as f64 / c.all_bytes() as f64;
        let same = self.same_count();
        let n = self.rows.len();
        let verdict = |ok: bool| if ok { "met" } else { "**missed**" };
        let mut out = String::from("| target | measured | verdict |\n|---|---|---|\n");
        let _ = writeln!(
            out,
            "| total bytes of (a) within 2% of (b) | (a) {} / (b) {} = {ab:.3} ({:+.1}%) | {} |",
            a.all_bytes(),
            b.all_bytes(),
            (ab - 1.0) * 100.0,
            verdict((ab - 1.0).abs() <= 0.02)
        );
        let _ = writeln!(
            out,
            "| same instruction count as (b) for ≥ 90% of leaves | {same} of {n} leaves ({:.0}%) | {} |",
            same as f64 * 100.0 / n as f64,
            verdict(same * 10 >= n * 9)
        );
        let _ = writeln!(
            out,
            "| total bytes of (a) ≤ 0.6 × (c) | (a) {} / (c) {} = {ac:.3} | {} |",
            a.all_bytes(),
            c.all_bytes(),
            verdict(ac <= 0.6)
        );
        out
    }

    /// The three disassemblies of `leaf`, one after another, with the shared functions they
    /// call.
    pub fn show(&self, binary: &Binary, leaf: &str) -> Option<String> {
        let row = self.rows.iter().find(|r| r.leaf == leaf)?;
        let mut out = String::new();
        for (set, function) in Set::ALL.iter().zip(&row.sets) {
            let _ = writeln!(out, "==== {}: {}", set.label(), function.listing());
        }
        let shared = binary.shared_callees(row.sets.iter());
        for function in shared {
            let _ = writeln!(out, "==== shared, counted once: {}", function.listing());
        }
        Some(out)
    }
}
