//! Parsers of the `nm` and `objdump` output that [`Binary::load`](super::Binary::load) reads.

use std::collections::HashMap;

use super::{Insn, Symbol};

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
