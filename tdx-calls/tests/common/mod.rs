//! Shared by the tdx-calls tests: the trap recorder (as in `dsl.rs`) and the reference facts
//! of `tests/data/linux-abi.json` (derived from the project's reference, with sources).

#![allow(dead_code)]

use serde_json::Value;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::OnceLock;
use tdx_emu::{CpuState, Instruction, with_handler};

/// Run `f` with a handler that records every trap and answers it with `script`, called with
/// the attempt number (0-based) and the CPU state to edit.
pub fn trace<R>(
    mut script: impl FnMut(usize, &mut CpuState),
    f: impl FnOnce() -> R,
) -> (R, Vec<(Instruction, CpuState)>) {
    let seen = RefCell::new(Vec::new());
    let mut handler = |instruction: Instruction, cpu: &mut CpuState| {
        let attempt = seen.borrow().len();
        seen.borrow_mut().push((instruction, *cpu));
        script(attempt, cpu);
    };
    let result = with_handler(&mut handler, f);
    (result, seen.into_inner())
}

/// The 13 operand registers, in `struct tdx_module_args` order.
pub const REGS: [&str; 13] = [
    "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rbx", "rdi", "rsi",
];

/// The x86 GPR index of an operand register (its bit in the TDG.VP.VMCALL mask).
pub fn index(reg: &str) -> u8 {
    match reg {
        "rcx" => 1,
        "rdx" => 2,
        "rbx" => 3,
        "rsi" => 6,
        "rdi" => 7,
        "r8" => 8,
        "r9" => 9,
        "r10" => 10,
        "r11" => 11,
        "r12" => 12,
        "r13" => 13,
        "r14" => 14,
        "r15" => 15,
        other => panic!("not an operand register: {other}"),
    }
}

/// Register `reg` of a trapped CPU state.
pub fn get(cpu: &CpuState, reg: &str) -> u64 {
    match reg {
        "rax" => cpu.rax,
        "rcx" => cpu.rcx,
        "rdx" => cpu.rdx,
        "rbx" => cpu.rbx,
        "rsi" => cpu.rsi,
        "rdi" => cpu.rdi,
        "r8" => cpu.r8,
        "r9" => cpu.r9,
        "r10" => cpu.r10,
        "r11" => cpu.r11,
        "r12" => cpu.r12,
        "r13" => cpu.r13,
        "r14" => cpu.r14,
        "r15" => cpu.r15,
        other => panic!("not a register: {other}"),
    }
}

/// Set register `reg` of a CPU state.
pub fn set(cpu: &mut CpuState, reg: &str, value: u64) {
    let slot = match reg {
        "rax" => &mut cpu.rax,
        "rcx" => &mut cpu.rcx,
        "rdx" => &mut cpu.rdx,
        "rbx" => &mut cpu.rbx,
        "rsi" => &mut cpu.rsi,
        "rdi" => &mut cpu.rdi,
        "r8" => &mut cpu.r8,
        "r9" => &mut cpu.r9,
        "r10" => &mut cpu.r10,
        "r11" => &mut cpu.r11,
        "r12" => &mut cpu.r12,
        "r13" => &mut cpu.r13,
        "r14" => &mut cpu.r14,
        "r15" => &mut cpu.r15,
        other => panic!("not a register: {other}"),
    };
    *slot = value;
}

/// A distinct value to answer in register `reg` (and to recognize it by afterwards).
pub fn answer(reg: &str) -> u64 {
    0x0A55_0000_0000_0000 | (u64::from(index(reg)) << 32) | (0x1000 * u64::from(index(reg)))
}

/// One leaf or sub-function of `linux-abi.json`.
#[derive(Debug, Clone)]
pub struct Fact {
    /// `seamcall`, `tdcall` or `tdvmcall`.
    pub family: String,
    /// The spec name.
    pub name: String,
    /// The leaf number (sub-function for TDG.VP.VMCALL).
    pub leaf: u64,
    /// The version (bits 23:16 of RAX).
    pub version: u8,
    /// Input registers, as listed (RAX left out).
    pub inputs: Vec<String>,
    /// Output registers, as listed (RAX left out).
    pub outputs: Vec<String>,
    /// Outputs only meaningful on error.
    pub out_on_error: Vec<String>,
    /// Registers Linux loads with 0 as unused arguments.
    pub unused_zero: Vec<String>,
    /// Whether the reference marks the entry uncertain.
    pub uncertain: bool,
    /// The entry's sources.
    pub source: Vec<String>,
}

impl Fact {
    /// The input registers a wrapper binds: for a TDG.VP.VMCALL sub-function, those besides
    /// R10 and R11 (which `#[tdvmcall]` sets).
    pub fn bound_inputs(&self) -> Vec<String> {
        self.inputs
            .iter()
            .filter(|r| !(self.family == "tdvmcall" && (*r == "r10" || *r == "r11")))
            .cloned()
            .collect()
    }

    /// The output registers a wrapper reads on success: without the error-only ones, and for
    /// a TDG.VP.VMCALL sub-function without R10 (the status).
    pub fn success_outputs(&self) -> Vec<String> {
        self.outputs
            .iter()
            .filter(|r| !self.out_on_error.contains(r))
            .filter(|r| !(self.family == "tdvmcall" && *r == "r10"))
            .cloned()
            .collect()
    }

    /// RAX as the instruction must see it: `leaf | version << 16`, or 0 for TDG.VP.VMCALL.
    pub fn rax(&self) -> u64 {
        if self.family == "tdvmcall" {
            0
        } else {
            self.leaf | u64::from(self.version) << 16
        }
    }

    /// The TDG.VP.VMCALL exposed-register mask for the registers the reference names (every
    /// input and output but RAX and RCX).
    pub fn exposed_mask(&self) -> u64 {
        self.inputs
            .iter()
            .chain(&self.outputs)
            .filter(|r| *r != "rcx")
            .fold(0, |mask, r| mask | 1 << index(r))
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn keys(value: &Value) -> Vec<String> {
    value
        .as_object()
        .map(|o| o.keys().filter(|k| *k != "rax").cloned().collect())
        .unwrap_or_default()
}

/// `tests/data/linux-abi.json`, parsed.
pub fn linux_abi() -> &'static Value {
    static DATA: OnceLock<Value> = OnceLock::new();
    DATA.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/linux-abi.json");
        let text = std::fs::read_to_string(&path).expect("read tests/data/linux-abi.json");
        serde_json::from_str(&text).expect("linux-abi.json is JSON")
    })
}

/// Every leaf and sub-function of `linux-abi.json` (SEAMCALL, TDCALL, TDG.VP.VMCALL and the
/// vendor hypercall).
pub fn facts() -> &'static [Fact] {
    static FACTS: OnceLock<Vec<Fact>> = OnceLock::new();
    FACTS.get_or_init(|| {
        let data = linux_abi();
        let mut facts = Vec::new();
        for list in [
            "seamcall_leaves",
            "tdcall_leaves",
            "tdvmcall_subfunctions",
            "vendor_hypercalls",
        ] {
            for entry in data[list].as_array().expect("a list of leaves") {
                facts.push(Fact {
                    family: entry["family"].as_str().expect("family").to_owned(),
                    name: entry["name"].as_str().expect("name").to_owned(),
                    leaf: entry["leaf"].as_u64().expect("leaf number"),
                    version: entry["version"]
                        .as_u64()
                        .and_then(|v| u8::try_from(v).ok())
                        .expect("version"),
                    inputs: keys(&entry["in"]),
                    outputs: keys(&entry["out"]),
                    out_on_error: strings(&entry["out_on_error"]),
                    unused_zero: strings(&entry["unused_zero"]),
                    uncertain: entry["uncertain"].as_bool().unwrap_or(false),
                    source: strings(&entry["source"]),
                });
            }
        }
        facts
    })
}

/// The fact named `name`.
pub fn fact(name: &str) -> &'static Fact {
    facts()
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{name} is not in linux-abi.json"))
}

/// Check the register image one wrapper's instruction saw against the reference: the
/// instruction, RAX (leaf | version << 16, or 0 for TDG.VP.VMCALL), for TDG.VP.VMCALL the
/// mask in RCX, R10 = 0 and R11 = the sub-function, and that `expected` names exactly the
/// registers the reference lists as inputs, each holding the value given.
pub fn check_inputs(fact: &Fact, seen: &(Instruction, CpuState), expected: &[(&str, u64)]) {
    let (instruction, cpu) = seen;
    let name = &fact.name;
    let want = if fact.family == "seamcall" {
        Instruction::Seamcall
    } else {
        Instruction::Tdcall
    };
    assert_eq!(*instruction, want, "{name}: instruction");
    assert_eq!(
        cpu.rax,
        fact.rax(),
        "{name}: RAX = leaf {} version {} (source: {:?})",
        fact.leaf,
        fact.version,
        fact.source
    );
    if fact.family == "tdvmcall" {
        assert_eq!(cpu.rcx, fact.exposed_mask(), "{name}: RCX = exposed mask");
        assert_eq!(cpu.r10, 0, "{name}: R10 = 0 (GHCI standard)");
        assert_eq!(cpu.r11, fact.leaf, "{name}: R11 = sub-function");
    }
    let mut bound: Vec<&str> = expected.iter().map(|(r, _)| *r).collect();
    let mut reference: Vec<String> = fact.bound_inputs();
    bound.sort_unstable();
    reference.sort_unstable();
    assert_eq!(
        bound, reference,
        "{name}: the wrapper's inputs are the reference's (source: {:?})",
        fact.source
    );
    for (reg, value) in expected {
        assert_eq!(
            get(cpu, reg),
            *value,
            "{name}: {reg} carries the parameter the reference puts there"
        );
    }
}

/// Answer every success output register the reference names with [`answer`], RAX = 0 and,
/// for TDG.VP.VMCALL, R10 = 0 (success).
pub fn answer_outputs(fact: &Fact, cpu: &mut CpuState) {
    cpu.rax = 0;
    for reg in fact.success_outputs() {
        set(cpu, &reg, answer(&reg));
    }
    if fact.family == "tdvmcall" {
        cpu.r10 = 0;
    }
}

/// Check that the wrapper's output fields, given as `(register, raw value read)`, are exactly
/// the success outputs the reference names, each read from that register.
pub fn check_outputs(fact: &Fact, got: &[(&str, u64)]) {
    let name = &fact.name;
    let mut read: Vec<&str> = got.iter().map(|(r, _)| *r).collect();
    let mut reference = fact.success_outputs();
    read.sort_unstable();
    reference.sort_unstable();
    assert_eq!(
        read, reference,
        "{name}: the wrapper's outputs are the reference's"
    );
    for (reg, value) in got {
        assert_eq!(
            *value,
            answer(reg),
            "{name}: the output read from {reg} is the value the module put in {reg}"
        );
    }
}
