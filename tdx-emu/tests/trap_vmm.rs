//! A VMM (the TDG.VP.VMCALL handler the software module calls) that calls back into the module
//! (issue 11, item 6.4). A TDCALL from the VMM used to deadlock on the module's VMM lock when it
//! was itself a TDG.VP.VMCALL; now the module refuses it with a panic naming the cause (which,
//! inside the trap, aborts the process after the message). Other TDCALLs from the VMM work.
//!
//! Each scenario runs in a child process (this test binary re-executed with `TDX_EMU_CHILD`
//! set) that the test waits for with a timeout, so that a deadlock fails the test.

mod common;

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::*;
use tdx_core::{ModuleArgs, Page, Tdvpr, TdxStatus};
use tdx_emu::module::{TdParams, TdxModule, VmcallInfo, leaf};

const CHILD_ENV: &str = "TDX_EMU_CHILD";
const TIMEOUT: Duration = Duration::from_secs(20);

fn is_child(scenario: &str) -> bool {
    std::env::var(CHILD_ENV).is_ok_and(|value| value == scenario)
}

/// Re-runs test `test` of this binary in a child with `CHILD_ENV = test`; waits at most
/// [`TIMEOUT`] (then kills it and fails). Returns its exit status and stderr.
fn run_child(test: &str) -> (ExitStatus, String) {
    let exe = std::env::current_exe().expect("current_exe");
    let mut child = Command::new(exe)
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, test)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the test binary");
    let mut pipe = child.stderr.take().expect("stderr is piped");
    let reader = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let stderr = reader.join().unwrap_or_default();
            panic!("child {test:?} still running after {TIMEOUT:?} (deadlock?)\n{stderr}");
        }
        thread::sleep(Duration::from_millis(10));
    };
    (status, reader.join().expect("stderr reader"))
}

/// A finalized TD with one vCPU, built through the instruction (call under `m.run`). Returns
/// the vCPU's TDVPR.
fn guest_vcpu(m: &TdxModule) -> Page<Tdvpr> {
    bring_up(m);
    let td = create_td(m, HKID, &TdParams::default());
    let vp = create_vcpu(m, &td, 0);
    // SAFETY: see the `common` module docs.
    unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
    vp.tdvpr
}

/// TDG.VP.VMCALL<CPUID> arguments (R10, R11, R12, R13 exposed).
fn cpuid_args() -> ModuleArgs {
    ModuleArgs {
        rcx: 0x3C00,
        r10: 0,
        r11: 10,
        r12: 0x4000_0000,
        ..ModuleArgs::default()
    }
}

/// Runs a guest TDG.VP.VMCALL through the instruction on a vCPU of `m`, whose VMM is `vmm`.
fn guest_vmcall(m: &TdxModule, vmm: impl FnMut(&VmcallInfo, &mut ModuleArgs) + Send + 'static) {
    m.set_vmm(vmm);
    m.run(|| {
        let tdvpr = guest_vcpu(m);
        m.as_guest(tdvpr, || {
            let mut args = cpuid_args();
            // SAFETY: see the `common` module docs; `args` is live.
            unsafe { raw::tdg_vp_vmcall(&mut args) }.expect("TDG.VP.VMCALL");
        });
    });
}

/// Checks that a child died of the refused re-entrant VMCALL, with the message naming it.
fn check_refused(status: ExitStatus, stderr: &str) {
    let describe = || format!("status {status:?}\n--- stderr\n{stderr}");
    assert_eq!(status.signal(), Some(libc::SIGABRT), "{}", describe());
    assert!(
        stderr.contains("TDG.VP.VMCALL") && stderr.contains("re-entrant"),
        "{}",
        describe()
    );
}

#[test]
fn a_vmm_that_makes_a_vmcall_in_software_is_refused_not_deadlocked() {
    const NAME: &str = "a_vmm_that_makes_a_vmcall_in_software_is_refused_not_deadlocked";
    if is_child(NAME) {
        let m = module();
        let inner = m.clone();
        guest_vmcall(&m, move |info: &VmcallInfo, regs: &mut ModuleArgs| {
            let mut args = cpuid_args();
            inner.tdcall(info.tdvpr, leaf::TDG_VP_VMCALL, &mut args);
            regs.r10 = 0;
        });
        unreachable!("the re-entrant VMCALL should have been refused");
    }
    let (status, stderr) = run_child(NAME);
    check_refused(status, &stderr);
}

#[test]
fn a_vmm_that_executes_a_vmcall_instruction_is_refused_not_deadlocked() {
    const NAME: &str = "a_vmm_that_executes_a_vmcall_instruction_is_refused_not_deadlocked";
    if is_child(NAME) {
        // The outer VMCALL is answered in software (no trap), so the VMM's own `tdcall`
        // instruction is not a nested trap: it reaches the module, which must refuse it.
        let m = module();
        m.set_vmm(|_: &VmcallInfo, regs: &mut ModuleArgs| {
            let mut args = cpuid_args();
            // SAFETY: see the `common` module docs; `args` is live.
            let _ = unsafe { raw::tdg_vp_vmcall(&mut args) };
            regs.r10 = 0;
        });
        m.run(|| {
            let tdvpr = guest_vcpu(&m);
            m.as_guest(tdvpr, || {
                let mut args = cpuid_args();
                m.tdcall(tdvpr, leaf::TDG_VP_VMCALL, &mut args);
            });
        });
        unreachable!("the re-entrant VMCALL should have been refused");
    }
    let (status, stderr) = run_child(NAME);
    check_refused(status, &stderr);
}

#[test]
fn a_vmm_may_make_other_tdcalls() {
    const NAME: &str = "a_vmm_may_make_other_tdcalls";
    if is_child(NAME) {
        let m = module();
        let inner = m.clone();
        let (sender, receiver) = std::sync::mpsc::channel();
        guest_vmcall(&m, move |info: &VmcallInfo, regs: &mut ModuleArgs| {
            let mut args = ModuleArgs::default();
            let status = inner.tdcall(info.tdvpr, leaf::TDG_VP_INFO, &mut args);
            sender.send((status, args.r8)).expect("send");
            regs.r10 = 0;
        });
        let (status, vcpus) = receiver.recv().expect("the VMM ran");
        assert_eq!(status, TdxStatus::SUCCESS);
        assert_eq!(vcpus & 0xFFFF_FFFF, 1, "TDG.VP.INFO R8: one vCPU");
        eprintln!("child: scenario passed");
        std::process::exit(0);
    }
    let (status, stderr) = run_child(NAME);
    assert!(
        status.code() == Some(0) && stderr.contains("child: scenario passed"),
        "status {status:?}\n--- stderr\n{stderr}"
    );
}

#[test]
fn a_vmm_that_replaces_itself_is_refused_not_deadlocked() {
    const NAME: &str = "a_vmm_that_replaces_itself_is_refused_not_deadlocked";
    if is_child(NAME) {
        // In software end to end (no trap), so the panic reaches this code.
        let m = module();
        let inner = m.clone();
        m.set_vmm(move |_: &VmcallInfo, _: &mut ModuleArgs| {
            inner.set_vmm(|_: &VmcallInfo, _: &mut ModuleArgs| {});
        });
        let tdvpr = m.run(|| guest_vcpu(&m));
        let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut args = cpuid_args();
            m.tdcall(tdvpr, leaf::TDG_VP_VMCALL, &mut args)
        }));
        assert!(refused.is_err(), "set_vmm inside the VMM must panic");
        // The module is still usable: the VMM lock is free again.
        m.set_vmm(|_: &VmcallInfo, regs: &mut ModuleArgs| regs.r10 = 0);
        let mut args = cpuid_args();
        assert_eq!(
            m.tdcall(tdvpr, leaf::TDG_VP_VMCALL, &mut args),
            TdxStatus::SUCCESS
        );
        eprintln!("child: scenario passed");
        std::process::exit(0);
    }
    let (status, stderr) = run_child(NAME);
    assert!(
        status.code() == Some(0)
            && stderr.contains("set_vmm from inside this TdxModule's VMM")
            && stderr.contains("child: scenario passed"),
        "status {status:?}\n--- stderr\n{stderr}"
    );
}
