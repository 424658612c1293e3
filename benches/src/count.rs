//! Exact instruction counts by single-stepping (ptrace): a forked child runs one subject once
//! under a scripted trap ([`crate::script`]); the parent single-steps it and counts the
//! instructions executed from the subject's entry (the address of its symbol) until it returns
//! (RIP at the return address found at entry, RSP back above it), callees included (the shared
//! cold routine, a trampoline, `memcpy`), the emulator excluded: when the trapped instruction
//! raises SIGILL/SIGSEGV, the instruction is counted once and counting pauses until the handler
//! returns to the same stack pointer just after it.
//!
//! The addresses come from the binary's symbol table (`nm`, [`crate::footprint`]): the (a)
//! entry is the catalog wrapper's own symbol (the shim tail-jumps to it), so the count is the
//! wrapper's whatever the macro emits; the load address is found from one exported subject.

use std::fmt::Write as _;

use crate::footprint::{Binary, Set};
use crate::script::Script;
use crate::subjects::SUBJECTS;

/// Instructions counted, or why not.
pub type Count = Result<Run, String>;

/// What one counted run did: the instructions executed from the subject's entry to its return,
/// and how many of them were a trapped TDX instruction (2 when a run retried once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Instructions executed, the trapped ones included once each.
    pub instructions: u64,
    /// TDX instructions executed (each one trapped to the scripted module).
    pub traps: u64,
}

fn check(ret: libc::c_long, what: &str) -> Result<libc::c_long, String> {
    if ret == -1 {
        Err(format!("{what}: {}", std::io::Error::last_os_error()))
    } else {
        Ok(ret)
    }
}

enum State {
    Before,
    Counting,
    Trapped { rip: u64, rsp: u64 },
}

/// Fork, run `run` in the child under ptrace, and count the instructions executed from `entry`
/// to its return.
pub fn count(entry: u64, run: impl FnOnce()) -> Count {
    // SAFETY: the process is single-threaded when the counter runs (the `--count` mode of
    // `footprint_subjects`), so the child may run arbitrary code after `fork`.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: PTRACE_TRACEME takes no pointers; the child stops itself so that the parent
        // is waiting for it before it runs anything to be counted.
        unsafe {
            libc::ptrace(libc::PTRACE_TRACEME, 0, 0, 0);
            libc::raise(libc::SIGSTOP);
        }
        run();
        // SAFETY: ends the child without running the parent's exit handlers.
        unsafe { libc::_exit(0) };
    }
    check(pid.into(), "fork")?;
    let result = trace(pid, entry);
    // SAFETY: `pid` is our child; it is killed and reaped whatever happened.
    unsafe {
        libc::kill(pid, libc::SIGKILL);
        libc::waitpid(pid, core::ptr::null_mut(), 0);
    }
    result
}

fn wait(pid: libc::pid_t) -> Result<libc::c_int, String> {
    let mut status = 0;
    // SAFETY: `status` is a valid pointer for the call.
    let ret = unsafe { libc::waitpid(pid, &mut status, 0) };
    check(ret.into(), "waitpid")?;
    Ok(status)
}

fn trace(pid: libc::pid_t, entry: u64) -> Count {
    let status = wait(pid)?;
    if !libc::WIFSTOPPED(status) {
        return Err(format!("child did not stop (status {status:#x})"));
    }
    let mut state = State::Before;
    let (mut ret, mut ret_rsp) = (0u64, 0u64);
    let mut pending = 0;
    let mut counted = 0u64;
    let mut traps = 0u64;
    for _ in 0..50_000_000u64 {
        // SAFETY: `regs` is a valid `user_regs_struct` for PTRACE_GETREGS of a stopped tracee.
        let mut regs: libc::user_regs_struct = unsafe { core::mem::zeroed() };
        // SAFETY: as above.
        let got = unsafe { libc::ptrace(libc::PTRACE_GETREGS, pid, 0, &mut regs) };
        check(got, "PTRACE_GETREGS")?;
        let (rip, rsp) = (regs.rip, regs.rsp);
        match state {
            State::Before if rip == entry => {
                // SAFETY: PTRACE_PEEKDATA reads one word of the stopped tracee.
                let word = unsafe { libc::ptrace(libc::PTRACE_PEEKDATA, pid, rsp, 0) };
                ret = word as u64;
                ret_rsp = rsp + 8;
                state = State::Counting;
            }
            State::Counting if rip == ret && rsp == ret_rsp => {
                return Ok(Run {
                    instructions: counted,
                    traps,
                });
            }
            State::Trapped { rip: at, rsp: sp } if rsp == sp && rip > at && rip <= at + 15 => {
                state = State::Counting;
            }
            _ => {}
        }
        if matches!(state, State::Counting) && pending == 0 {
            counted += 1;
        }
        // SAFETY: single-step the stopped tracee, delivering the signal it stopped on, if any.
        let stepped = unsafe { libc::ptrace(libc::PTRACE_SINGLESTEP, pid, 0, pending) };
        check(stepped, "PTRACE_SINGLESTEP")?;
        pending = 0;
        let status = wait(pid)?;
        if libc::WIFEXITED(status) || libc::WIFSIGNALED(status) {
            return Err(format!(
                "child ended before the subject returned ({status:#x})"
            ));
        }
        let signal = libc::WSTOPSIG(status);
        if signal != libc::SIGTRAP {
            pending = signal;
            if matches!(state, State::Counting) {
                traps += 1;
                state = State::Trapped { rip, rsp };
            }
        }
    }
    Err("too many steps".into())
}

/// The scripts each leaf is counted on.
pub const SCRIPTS: [Script; 3] = [Script::Success, Script::EntropyOnce, Script::Error];

/// Count `leaves` (all if empty): every set, every script of [`SCRIPTS`]; print one line each
/// (`leaf set script count`).
pub fn count_all(leaves: &[String]) -> Result<(), String> {
    let exe = std::fs::read_link("/proc/self/exe").map_err(|e| e.to_string())?;
    let binary = Binary::load(&exe)?;
    // The load address: an exported subject's runtime address against its symbol.
    let runtime = crate::subjects::tdh_vp_enter::a as *const () as usize as u64;
    let symbol = binary
        .function(&Set::Macro.symbol("tdh_vp_enter"))
        .ok_or("probe symbol not found")?;
    let slide = runtime.wrapping_sub(symbol.symbol.addr);
    let mut out = String::new();
    for subject in SUBJECTS {
        if !leaves.is_empty() && !leaves.iter().any(|l| l == subject.name) {
            continue;
        }
        let shaped = crate::shaped::SHAPED
            .iter()
            .find(|s| s.name == subject.name);
        let sets: [(&str, Option<String>); 4] = [
            ("a", Some(subject.wrapper.to_string())),
            ("b", Some(Set::Floor.symbol(subject.name))),
            ("b'", shaped.map(|_| format!("tdx_fp_bp_{}", subject.name))),
            ("c", Some(Set::Linux.symbol(subject.name))),
        ];
        for (set, name) in sets {
            let Some(name) = name else { continue };
            let inlined = (set == "a").then(|| binary.function(&Set::Macro.symbol(subject.name)));
            let function = binary
                .function(&name)
                .or_else(|| inlined.flatten())
                .ok_or_else(|| format!("{name} not found"))?;
            let entry = function.symbol.addr.wrapping_add(slide);
            for script in SCRIPTS {
                let count = count(entry, || match (set, shaped) {
                    ("b'", Some(shaped)) => (shaped.run)(script),
                    _ => (subject.run)(set.chars().next().unwrap_or('a'), script),
                });
                let shown = count.map_or_else(
                    |e| format!("error: {e}"),
                    |run| format!("{}\t{}", run.instructions, run.traps),
                );
                let _ = writeln!(out, "{}\t{set}\t{script:?}\t{shown}", subject.name);
            }
        }
    }
    print!("{out}");
    Ok(())
}

/// Parse the output of [`count_all`].
pub fn parse(text: &str) -> Vec<(String, String, String, Count)> {
    text.lines()
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (leaf, set, script, count) = (f.next()?, f.next()?, f.next()?, f.next()?);
            let traps = f.next();
            let run = match (count.parse::<u64>(), traps.map(str::parse::<u64>)) {
                (Ok(instructions), Some(Ok(traps))) => Ok(Run {
                    instructions,
                    traps,
                }),
                _ => Err(count.to_string()),
            };
            Some((leaf.into(), set.into(), script.into(), run))
        })
        .collect()
}
