//! Measure functions in a built binary: their size in bytes from the symbol table
//! (`nm -S`), their instructions from `objdump -d --no-show-raw-insn -M intel`, and the
//! functions they call (directly, through the GOT, or by a tail `jmp`), so that a shared
//! callee (a trampoline, the cold error constructor) can be counted once per set.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Subject;

/// One instruction as objdump prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insn {
    /// Its address.
    pub addr: u64,
    /// Mnemonic and operands, whitespace collapsed.
    pub text: String,
}

/// A function symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The (demangled) name.
    pub name: String,
    /// Its address.
    pub addr: u64,
    /// Its size in bytes (`st_size`: the code, without the alignment padding after it).
    pub size: u64,
}

/// A function's measurements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// The symbol.
    pub symbol: Symbol,
    /// Its instructions.
    pub insns: Vec<Insn>,
    /// The functions it calls or tail-jumps to (by name; `?` for an unresolved indirect call).
    pub callees: BTreeSet<String>,
}

impl Function {
    /// Size in bytes.
    pub fn bytes(&self) -> u64 {
        self.symbol.size
    }

    /// Number of instructions.
    pub fn count(&self) -> usize {
        self.insns.len()
    }

    /// Bytes and instructions from the entry up to and including the first `ret` (or tail
    /// `jmp` out of the function): the path a call that succeeds at once falls through, where
    /// the compiler laid the code out that way (it puts the cold error path after it).
    pub fn to_first_ret(&self) -> (u64, usize) {
        let end = self.symbol.addr + self.symbol.size;
        let inside = |text: &str| {
            text.strip_prefix("jmp ")
                .and_then(|t| u64::from_str_radix(t.split(' ').next()?, 16).ok())
                .is_some_and(|target| (self.symbol.addr..end).contains(&target))
        };
        for (index, insn) in self.insns.iter().enumerate() {
            let leaves =
                insn.text == "ret" || (insn.text.starts_with("jmp ") && !inside(&insn.text));
            if leaves {
                let next = self.insns.get(index + 1).map_or(end, |i| i.addr);
                return (next - self.symbol.addr, index + 1);
            }
        }
        (self.bytes(), self.count())
    }

    /// The disassembly, one instruction per line, addresses relative to the function.
    pub fn listing(&self) -> String {
        let mut out = format!(
            "{} ({} bytes, {} instructions)\n",
            self.symbol.name,
            self.bytes(),
            self.count()
        );
        for insn in &self.insns {
            let _ = writeln!(
                out,
                "  {:>4x}:  {}",
                insn.addr - self.symbol.addr,
                insn.text
            );
        }
        out
    }
}

/// A disassembled binary.
pub struct Binary {
    /// Where it is.
    pub path: PathBuf,
    symbols: Vec<Symbol>,
    by_name: HashMap<String, usize>,
    insns: Vec<Insn>,
    got: HashMap<u64, u64>,
}

fn run(program: &str, args: &[&str], path: &Path) -> Result<String, String> {
    let output = Command::new(program)
        .args(args)
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{program} {args:?} {} failed: {}",
            path.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    String::from_utf8(output.stdout).map_err(|e| format!("{program}: {e}"))
}

/// Parse `nm -S --defined-only -C` output: the text symbols that have a size.
pub fn parse_nm(text: &str) -> Vec<Symbol> {
    let mut symbols = Vec::new();
    for line in text.lines() {
        let mut fields = line.splitn(4, ' ');
        let (Some(addr), Some(size), Some(kind), Some(name)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue; // no size: not a function we measure
        };
        if !matches!(kind, "T" | "t" | "W" | "w") {
            continue;
        }
        let (Ok(addr), Ok(size)) = (u64::from_str_radix(addr, 16), u64::from_str_radix(size, 16))
        else {
            continue;
        };
        symbols.push(Symbol {
            name: name.trim().to_string(),
            addr,
            size,
        });
    }
    symbols.sort_by_key(|s| (s.addr, std::cmp::Reverse(s.size)));
    symbols
}

/// Parse `objdump -d --no-show-raw-insn` output: every instruction line.
pub fn parse_objdump(text: &str) -> Vec<Insn> {
    let mut insns = Vec::new();
    for line in text.lines() {
        let Some((addr, rest)) = line.split_once(":\t") else {
            continue;
        };
        let addr = addr.trim();
        if addr.is_empty() || addr.contains(' ') {
            continue;
        }
        let Ok(addr) = u64::from_str_radix(addr, 16) else {
            continue;
        };
        let text = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || text == "..." {
            continue;
        }
        insns.push(Insn { addr, text });
    }
    insns.sort_by_key(|i| i.addr);
    insns
}

/// Parse `objdump -R` output: GOT slot -> target, for `R_X86_64_RELATIVE` relocations.
pub fn parse_relocs(text: &str) -> HashMap<u64, u64> {
    let mut got = HashMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if let [slot, "R_X86_64_RELATIVE", value] = fields.as_slice()
            && let Some(addend) = value.strip_prefix("*ABS*+0x")
            && let (Ok(slot), Ok(target)) = (
                u64::from_str_radix(slot, 16),
                u64::from_str_radix(addend, 16),
            )
        {
            got.insert(slot, target);
        }
    }
    got
}

impl Binary {
    /// Read the symbols, the disassembly and the GOT relocations of `path`.
    pub fn load(path: &Path) -> Result<Self, String> {
        let symbols = parse_nm(&run("nm", &["-S", "--defined-only", "-C"], path)?);
        let insns = parse_objdump(&run(
            "objdump",
            &["-d", "--no-show-raw-insn", "-M", "intel", "-C", "-w"],
            path,
        )?);
        let got = parse_relocs(&run("objdump", &["-R"], path).unwrap_or_default());
        Ok(Self::from_parts(path.to_path_buf(), symbols, insns, got))
    }

    /// A binary from already parsed parts (for tests).
    pub fn from_parts(
        path: PathBuf,
        symbols: Vec<Symbol>,
        insns: Vec<Insn>,
        got: HashMap<u64, u64>,
    ) -> Self {
        let mut by_name = HashMap::new();
        for (index, symbol) in symbols.iter().enumerate() {
            by_name.entry(symbol.name.clone()).or_insert(index);
        }
        Binary {
            path,
            symbols,
            by_name,
            insns,
            got,
        }
    }

    /// The function symbol at `addr`, if one starts there.
    fn symbol_at(&self, addr: u64) -> Option<&Symbol> {
        let index = self.symbols.partition_point(|s| s.addr < addr);
        self.symbols.get(index).filter(|s| s.addr == addr)
    }

    /// The target of a GOT slot named in an instruction's `# addr <...>` comment.
    fn got_target(&self, insn: &Insn) -> Option<u64> {
        let slot = insn.text.split("# ").nth(1)?.split_whitespace().next()?;
        self.got.get(&u64::from_str_radix(slot, 16).ok()?).copied()
    }

    /// The functions `insns` (the body of `symbol`) call or tail-jump to: direct targets,
    /// calls through a GOT slot, and calls through a register loaded from a GOT slot.
    fn callees_of(&self, symbol: &Symbol, insns: &[Insn]) -> BTreeSet<String> {
        let inside = |addr: u64| (symbol.addr..symbol.addr + symbol.size).contains(&addr);
        let name = |target: u64| {
            self.symbol_at(target)
                .map_or_else(|| format!("{target:#x}"), |s| s.name.clone())
        };
        let mut loaded: HashMap<String, u64> = HashMap::new();
        let mut out = BTreeSet::new();
        for insn in insns {
            let Some((mnemonic, operand)) = insn.text.split_once(' ') else {
                continue;
            };
            let first = operand.split([',', ' ']).next().unwrap_or_default();
            if mnemonic == "mov" && operand.contains("PTR [rip+") {
                match self.got_target(insn) {
                    Some(target) => loaded.insert(first.to_string(), target),
                    None => loaded.remove(first),
                };
                continue;
            }
            if mnemonic != "call" && mnemonic != "jmp" {
                continue;
            }
            let target = if operand.contains("PTR [rip+") {
                self.got_target(insn)
            } else if let Ok(addr) = u64::from_str_radix(first, 16) {
                Some(addr)
            } else {
                loaded.get(first).copied()
            };
            match target {
                Some(target) if inside(target) => {}
                Some(target) => {
                    out.insert(name(target));
                }
                // An indirect jump inside the function (a jump table) is not a call.
                None if mnemonic == "call" => {
                    out.insert("?".into());
                }
                None => {}
            }
        }
        out
    }

    /// The function named `name`.
    pub fn function(&self, name: &str) -> Option<Function> {
        let symbol = self.symbols[*self.by_name.get(name)?].clone();
        let start = self.insns.partition_point(|i| i.addr < symbol.addr);
        let end = self
            .insns
            .partition_point(|i| i.addr < symbol.addr + symbol.size);
        let insns = self.insns[start..end].to_vec();
        let callees = self.callees_of(&symbol, &insns);
        Some(Function {
            symbol,
            insns,
            callees,
        })
    }

    /// The function whose name is `path`, or failing that the one function of the same crate
    /// whose name ends with `path`'s last segment: the catalog re-exports its wrappers from
    /// the class modules, so `tdx_calls::host::tdh_mng_addcx` is defined (and named in the
    /// binary) as `tdx_calls::host::mng::tdh_mng_addcx`.
    pub fn function_at(&self, path: &str) -> Option<Function> {
        if let Some(function) = self.function(path) {
            return Some(function);
        }
        let krate = format!("{}::", path.split("::").next()?);
        let last = format!("::{}", path.rsplit("::").next()?);
        let mut found = self
            .by_name
            .keys()
            .filter(|name| name.starts_with(&krate) && name.ends_with(&last));
        let only = found.next()?.clone();
        if found.next().is_some() {
            return None;
        }
        self.function(&only)
    }

    /// `names`' callees and theirs, transitively, excluding `names` themselves.
    pub fn shared_callees<'a>(
        &self,
        functions: impl IntoIterator<Item = &'a Function>,
    ) -> Vec<Function> {
        let functions: Vec<&Function> = functions.into_iter().collect();
        let roots: BTreeSet<&str> = functions.iter().map(|f| f.symbol.name.as_str()).collect();
        let mut seen = BTreeSet::new();
        let mut todo: Vec<String> = functions
            .iter()
            .flat_map(|f| f.callees.iter().cloned())
            .collect();
        let mut out = Vec::new();
        while let Some(name) = todo.pop() {
            if roots.contains(name.as_str()) || !seen.insert(name.clone()) {
                continue;
            }
            if let Some(function) = self.function(&name) {
                todo.extend(function.callees.iter().cloned());
                out.push(function);
            }
        }
        out.sort_by(|a, b| a.symbol.name.cmp(&b.symbol.name));
        out
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    const NM: &str = "\
0000000000014170 00000000000000be T tdx_fp_a_x
00000000000142b0 0000000000000042 T tdx_core::__private::call_failed
0000000000014300 T no_size
0000000000052938 0000000000000040 D some_data
";

    const OBJDUMP: &str = "\
0000000000014170 <tdx_fp_a_x>:
   14170:\tpush   r14
   14198:\tseamcall
   1419c:\tjae    141a8 <tdx_fp_a_x+0x38>
   14223:\tcall   QWORD PTR [rip+0x405e7]        # 54810 <_DYNAMIC+0x248>
   1422c:\tjmp    141d0 <tdx_fp_a_x+0x60>

00000000000142b0 <tdx_core::__private::call_failed>:
   142b0:\tret
";

    const RELOCS: &str = "\
OFFSET           TYPE              VALUE
0000000000054810 R_X86_64_RELATIVE  *ABS*+0x00000000000142b0
";

    #[test]
    fn parses_and_resolves_calls_through_the_got() {
        let binary = Binary::from_parts(
            PathBuf::from("test"),
            parse_nm(NM),
            parse_objdump(OBJDUMP),
            parse_relocs(RELOCS),
        );
        let f = binary.function("tdx_fp_a_x").expect("found");
        assert_eq!(f.bytes(), 0xbe);
        assert_eq!(f.count(), 5);
        assert_eq!(f.insns[1].text, "seamcall");
        assert_eq!(
            f.callees.iter().collect::<Vec<_>>(),
            ["tdx_core::__private::call_failed"]
        );
        let shared = binary.shared_callees([&f]);
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].count(), 1);
        assert!(binary.function("no_size").is_none());
        assert!(binary.function("some_data").is_none());
    }
}
