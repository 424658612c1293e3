//! What is measured of one function: its symbol, its instructions and its callees.

use std::collections::BTreeSet;
use std::fmt::Write as _;

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
