//! Measure functions in a built binary: their size in bytes from the symbol table
//! (`nm -S`), their instructions from `objdump -d --no-show-raw-insn -M intel`, and the
//! functions they call (directly, through the GOT, or by a tail `jmp`), so that a shared
//! callee (a trampoline, the cold error constructor) can be counted once per set.
//!
//! [`Binary`] (`binary.rs`) reads a binary with the parsers of `parse.rs` and finds its
//! [`Function`]s (`function.rs`) and their callees; [`Footprint`] here measures the three sets of
//! every subject, and `tables.rs` renders the result as markdown.

mod binary;
mod function;
mod parse;
mod tables;

pub use binary::Binary;
pub use function::{Function, Insn, Symbol};
pub use parse::{parse_nm, parse_objdump, parse_relocs};

use crate::Subject;

/// The three sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    /// (a) the macro's wrapper.
    Macro,
    /// (b) the hand-written floor.
    Floor,
    /// (c) the Linux-style path.
    Linux,
}

impl Set {
    /// All three, in order.
    pub const ALL: [Set; 3] = [Set::Macro, Set::Floor, Set::Linux];

    /// `a`, `b` or `c`.
    pub const fn letter(self) -> char {
        match self {
            Set::Macro => 'a',
            Set::Floor => 'b',
            Set::Linux => 'c',
        }
    }

    /// What the set is.
    pub const fn label(self) -> &'static str {
        match self {
            Set::Macro => "(a) macro",
            Set::Floor => "(b) hand-written floor",
            Set::Linux => "(c) Linux-style",
        }
    }

    /// The exported symbol of `leaf`'s subject in this set.
    pub fn symbol(self, leaf: &str) -> String {
        format!("tdx_fp_{}_{leaf}", self.letter())
    }
}

/// One leaf's three functions.
pub struct Row {
    /// The leaf's wrapper name.
    pub leaf: &'static str,
    /// `seamcall`, `tdcall` or `tdvmcall`.
    pub family: &'static str,
    /// (a), (b), (c).
    pub sets: [Function; 3],
}

/// The footprint of every subject in a binary.
pub struct Footprint {
    /// One row per leaf.
    pub rows: Vec<Row>,
    /// Per set: the shared callees, each counted once.
    pub shared: [Vec<Function>; 3],
}

/// Totals of one set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Total {
    /// Bytes of the per-leaf functions.
    pub bytes: u64,
    /// Instructions of the per-leaf functions.
    pub insns: usize,
    /// Bytes of the shared callees, once each.
    pub shared_bytes: u64,
    /// Instructions of the shared callees, once each.
    pub shared_insns: usize,
    /// Bytes of the per-leaf functions up to their first `ret`.
    pub hot_bytes: u64,
    /// Instructions of the per-leaf functions up to their first `ret`.
    pub hot_insns: usize,
}

impl Total {
    /// Bytes with the shared callees.
    pub fn all_bytes(self) -> u64 {
        self.bytes + self.shared_bytes
    }
    /// Instructions with the shared callees.
    pub fn all_insns(self) -> usize {
        self.insns + self.shared_insns
    }
}

impl Footprint {
    /// Measure every subject in `binary`.
    pub fn measure(binary: &Binary, subjects: &[Subject]) -> Result<Self, String> {
        let mut rows = Vec::new();
        for subject in subjects {
            let get = |name: &str| {
                binary
                    .function(name)
                    .ok_or_else(|| format!("{name} not found in {}", binary.path.display()))
            };
            // (a): the catalog wrapper's own symbol, which the shim tail-calls; the shim itself
            // only if the wrapper was inlined into it.
            let macro_set = match binary.function_at(subject.wrapper) {
                Some(wrapper) => wrapper,
                None => get(&Set::Macro.symbol(subject.name))?,
            };
            rows.push(Row {
                leaf: subject.name,
                family: subject.family(),
                sets: [
                    macro_set,
                    get(&Set::Floor.symbol(subject.name))?,
                    get(&Set::Linux.symbol(subject.name))?,
                ],
            });
        }
        let shared = [0, 1, 2].map(|i| binary.shared_callees(rows.iter().map(|r| &r.sets[i])));
        Ok(Footprint { rows, shared })
    }

    /// The totals of set `index` (0 = a).
    pub fn total(&self, index: usize) -> Total {
        Total {
            bytes: self.rows.iter().map(|r| r.sets[index].bytes()).sum(),
            insns: self.rows.iter().map(|r| r.sets[index].count()).sum(),
            shared_bytes: self.shared[index].iter().map(Function::bytes).sum(),
            shared_insns: self.shared[index].iter().map(Function::count).sum(),
            hot_bytes: self
                .rows
                .iter()
                .map(|r| r.sets[index].to_first_ret().0)
                .sum(),
            hot_insns: self
                .rows
                .iter()
                .map(|r| r.sets[index].to_first_ret().1)
                .sum(),
        }
    }

    /// Leaves whose (a) has as many instructions as (b).
    pub fn same_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.sets[0].count() == r.sets[1].count())
            .count()
    }
}
