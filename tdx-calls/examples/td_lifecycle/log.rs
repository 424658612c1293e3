//! How the example prints its calls: each call with its typed inputs and outputs (addresses in
//! hex with their type, statuses and page types by name), the raw registers of every call with
//! `--verbose`, and a retry of the calls another thread's TD made busy.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use tdx_calls::host::{PageReclaim, SysRd, TdmrInit};
use tdx_core::abi::{self, Family};
use tdx_core::reg::RegSet;
use tdx_core::{TdxError, TdxStatus};
use tdx_emu::module::{PamtType, TdxModule};
use tdx_emu::{CpuState, Instruction};

/// How many calls were repeated because a lock of the module was taken by another thread.
pub static BUSY_RETRIES: AtomicU64 = AtomicU64::new(0);

/// A busy call is tried again at most this often before the example gives up.
const MAX_BUSY_RETRIES: u32 = 100_000;

thread_local! {
    /// The register lines of the calls made since the last printed call (`--verbose`).
    static REGISTERS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with `module` answering this thread's TDX instructions; with `verbose`, every
/// call's registers (in and out) are recorded for [`Log::call`] to print under the call.
pub fn run_traced<R>(module: &TdxModule, verbose: bool, f: impl FnOnce() -> R) -> R {
    if !verbose {
        return module.run(f);
    }
    let mut inner = module.clone();
    let mut handler = move |instruction: Instruction, cpu: &mut CpuState| {
        let before = *cpu;
        tdx_emu::TrapHandler::handle(&mut inner, instruction, cpu);
        // The registers the ABI table says the leaf reads and writes (every operand register
        // for a leaf it does not know).
        let family = match instruction {
            Instruction::Seamcall => Family::Seamcall,
            Instruction::Tdcall => Family::Tdcall,
        };
        let number = if before.rax >> 63 != 0 {
            before.rax
        } else {
            before.rax & 0xFFFF
        };
        let leaf = abi::leaves().find(|l| l.info.family == family && l.info.number == number);
        let (name, reads, writes) = match leaf {
            Some(leaf) => (leaf.info.name, leaf.loaded(), leaf.writes),
            None => (
                "an unknown leaf",
                RegSet::ALL_OPERANDS,
                RegSet::ALL_OPERANDS,
            ),
        };
        let line = format!(
            "{name}: in {} / out {}",
            registers(&before, reads),
            registers(cpu, writes)
        );
        REGISTERS.with(|lines| lines.borrow_mut().push(line));
    };
    tdx_emu::with_handler(&mut handler, f)
}

/// RAX and the registers of `set`, in hex.
fn registers(cpu: &CpuState, set: RegSet) -> String {
    let named = [
        (1, "RCX", cpu.rcx),
        (2, "RDX", cpu.rdx),
        (3, "RBX", cpu.rbx),
        (6, "RSI", cpu.rsi),
        (7, "RDI", cpu.rdi),
        (8, "R8", cpu.r8),
        (9, "R9", cpu.r9),
        (10, "R10", cpu.r10),
        (11, "R11", cpu.r11),
        (12, "R12", cpu.r12),
        (13, "R13", cpu.r13),
        (14, "R14", cpu.r14),
        (15, "R15", cpu.r15),
    ];
    let mut out = format!("RAX={:#x}", cpu.rax);
    for (index, name, value) in named {
        if set.contains(index) {
            out.push_str(&format!(" {name}={value:#x}"));
        }
    }
    if cpu.cf {
        out.push_str(" CF");
    }
    out
}

/// A call's output, as the example prints it.
pub trait Show {
    /// One line: statuses by name, addresses in hex with their type, page types by name.
    fn show(&self) -> String;
}

impl Show for TdxStatus {
    fn show(&self) -> String {
        match self.name() {
            Some(name) if self.operand() == 0 => name.to_string(),
            Some(name) => format!("{name} (operand {:#x})", self.operand()),
            None => format!("{:#018x}", self.raw()),
        }
    }
}

impl Show for SysRd {
    fn show(&self) -> String {
        format!("{}, value={:#x}", self.status.show(), self.value)
    }
}

impl Show for TdmrInit {
    fn show(&self) -> String {
        match self.next {
            Ok(next) => format!("{}, next={next:?}", self.status.show()),
            Err(error) => format!("{}, next=invalid ({error:?})", self.status.show()),
        }
    }
}

impl Show for PageReclaim {
    fn show(&self) -> String {
        let page_type = match PamtType::from_code(self.page_type.raw()) {
            Some(known) => known.name().to_string(),
            None => format!("{:?}", self.page_type),
        };
        let owner = match self.owner {
            Ok(tdr) => format!("{tdr:?} (its TDR)"),
            Err(error) => format!("invalid ({error:?})"),
        };
        format!(
            "{}, page_type={page_type}, owner={owner}, page_size={:?}",
            self.status.show(),
            self.page_size
        )
    }
}

/// Prints each call with its inputs and outputs: every call when the phase is small or the
/// run is `--verbose`, otherwise the first few of each phase and a progress line.
pub struct Log {
    /// Print every call, with its registers.
    pub verbose: bool,
    /// Put before every line (`"[td 2] "` when several TDs run).
    pub prefix: String,
    phase: &'static str,
    in_phase: u64,
    total_in_phase: u64,
}

impl Log {
    /// A phase of at most this many calls is printed whole.
    const SMALL_PHASE: u64 = 400;
    /// How many calls of a longer phase are printed before the progress lines.
    const SHOWN_PER_PHASE: u64 = 6;

    pub fn new(verbose: bool, prefix: String) -> Self {
        Log {
            verbose,
            prefix,
            phase: "",
            in_phase: 0,
            total_in_phase: 0,
        }
    }

    pub fn phase(&mut self, name: &'static str, calls: u64) {
        println!("\n{}== {name}", self.prefix);
        self.phase = name;
        self.in_phase = 0;
        self.total_in_phase = calls;
    }

    /// A line of its own (an explanation under a call).
    pub fn note(&self, text: &str) {
        println!("{}    {text}", self.prefix);
    }

    /// Makes the call `f` (again while a lock it needs is held by another thread's call:
    /// `TDX_OPERAND_BUSY` or `TDX_SYS_BUSY`, as KVM's callers retry) and prints it.
    pub fn call<T: Show>(
        &mut self,
        call: &str,
        mut f: impl FnMut() -> Result<T, TdxError>,
    ) -> Result<T, TdxError> {
        let mut result = f();
        let mut retries = 0;
        while let Err(error) = &result {
            let status = error.status();
            if !(status.is_busy() || status.matches(TdxStatus::SYS_BUSY))
                || retries == MAX_BUSY_RETRIES
            {
                break;
            }
            retries += 1;
            BUSY_RETRIES.fetch_add(1, Ordering::Relaxed);
            std::thread::yield_now();
            result = f();
        }
        self.print(call, &result);
        result
    }

    fn print<T: Show>(&mut self, call: &str, result: &Result<T, TdxError>) {
        self.in_phase += 1;
        let registers = REGISTERS.with(|lines| std::mem::take(&mut *lines.borrow_mut()));
        let shown = self.verbose
            || self.total_in_phase <= Self::SMALL_PHASE
            || self.in_phase <= Self::SHOWN_PER_PHASE
            || result.is_err();
        let prefix = &self.prefix;
        match result {
            Ok(value) if shown => println!("{prefix}  {call} -> {}", value.show()),
            Err(error) => println!("{prefix}  {call} -> error: {error}"),
            Ok(_) => {
                let step = (self.total_in_phase / 10).max(1);
                if self.in_phase.is_multiple_of(step) {
                    println!(
                        "{prefix}  … {}: {} of about {} calls",
                        self.phase, self.in_phase, self.total_in_phase
                    );
                }
            }
        }
        if shown {
            for line in registers {
                println!("{prefix}      registers: {line}");
            }
        }
    }
}
