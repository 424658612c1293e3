//! A disassembled binary: its symbols, instructions and GOT relocations, and the functions in
//! it with the functions they call.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Function, Insn, Symbol, parse_nm, parse_objdump, parse_relocs};

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
        mut symbols: Vec<Symbol>,
        insns: Vec<Insn>,
        got: HashMap<u64, u64>,
    ) -> Self {
        distinguish_instances(&mut symbols);
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

/// Give every function whose demangled name is shared by functions at other addresses (the
/// instances of one generic function: `nm -C` prints `tdx_core::cold::out_of_line` for each)
/// its address as a suffix, `name@0x…`, so that each instance is a callee of its own and is
/// counted. Symbols at one address (aliases, identical instances folded) stay one function.
fn distinguish_instances(symbols: &mut [Symbol]) {
    let mut addrs: HashMap<String, BTreeSet<u64>> = HashMap::new();
    for symbol in symbols.iter() {
        addrs
            .entry(symbol.name.clone())
            .or_default()
            .insert(symbol.addr);
    }
    for symbol in symbols.iter_mut() {
        if addrs.get(&symbol.name).is_some_and(|a| a.len() > 1) {
            symbol.name = format!("{}@{:#x}", symbol.name, symbol.addr);
        }
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

    #[test]
    fn instances_of_one_generic_function_are_counted_each() {
        let nm = "\
0000000000001000 0000000000000010 T tdx_fp_a_x
0000000000001010 0000000000000010 T tdx_fp_a_y
0000000000001020 0000000000000004 T tdx_core::cold::out_of_line
0000000000001030 0000000000000008 T tdx_core::cold::out_of_line
";
        let objdump = "\
0000000000001000 <tdx_fp_a_x>:
    1000:\tcall   1020 <tdx_core::cold::out_of_line>

0000000000001010 <tdx_fp_a_y>:
    1010:\tcall   1030 <tdx_core::cold::out_of_line>

0000000000001020 <tdx_core::cold::out_of_line>:
    1020:\tret

0000000000001030 <tdx_core::cold::out_of_line>:
    1030:\tnop
    1031:\tret
";
        let binary = Binary::from_parts(
            PathBuf::from("test"),
            parse_nm(nm),
            parse_objdump(objdump),
            HashMap::new(),
        );
        let x = binary.function("tdx_fp_a_x").expect("found");
        let y = binary.function("tdx_fp_a_y").expect("found");
        let shared = binary.shared_callees([&x, &y]);
        let names: Vec<&str> = shared.iter().map(|f| f.symbol.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "tdx_core::cold::out_of_line@0x1020",
                "tdx_core::cold::out_of_line@0x1030"
            ]
        );
        assert_eq!(shared.iter().map(Function::bytes).sum::<u64>(), 12);
    }
}
