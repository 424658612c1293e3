//! The generated code, run for real: every wrapper below is expanded by the macros, and the
//! `seamcall` / `tdcall` instruction it emits traps into a recording handler (tdx-emu), which
//! checks the exact register image the instruction saw and scripts what it returns.

use std::cell::RefCell;
use std::hint::black_box;
use tdx_core::abi::{self, Leaf};
use tdx_core::reg;
use tdx_core::{
    FieldId, Gpa, Hkid, Hpa, MapGpaTarget, ModuleArgs, Page, Sept, SeptGpa, SeptLevel, Tdcs, Tdr,
    TdvmcallStatus, Tdvpr, TdxError, TdxStatus, seamcall, tdcall, tdvmcall,
};
use tdx_emu::{CpuState, Instruction, with_handler};

// ------------------------------------------------------------------ wrappers under test

#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhVpInit, in(rcx = tdvpr, rdx = initial_rcx, r8 = x2apic_id))]
unsafe fn tdh_vp_init(
    tdvpr: Page<Tdvpr>,
    initial_rcx: u64,
    x2apic_id: u64,
) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhMngRd, version = 3, in(rcx = tdr, rdx = field), out(r8 = value: u64))]
unsafe fn tdh_mng_rd_v3(tdr: Page<Tdr>, field: FieldId) -> Result<MngRd, TdxError>;

/// A TD handle as the catalog passes it: wrappers bind its fields.
struct Td {
    tdr: Page<Tdr>,
}

#[seamcall(leaf = abi::TdhMngAddcx, in(rcx = tdcs, rdx = td.tdr))]
unsafe fn tdh_mng_addcx(td: &Td, tdcs: Page<Tdcs>) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhMemSeptAdd, in(rcx = gpa, rdx = tdr, r8 = page), retry(busy = 3))]
unsafe fn tdh_mem_sept_add(
    gpa: SeptGpa,
    tdr: Page<Tdr>,
    page: Page<Sept>,
) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhSysLpInit, retry(none))]
unsafe fn tdh_sys_lp_init_no_retry() -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhSysLpInit, retry(entropy = 2))]
unsafe fn tdh_sys_lp_init_two_retries() -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhSysLpInit)]
unsafe fn tdh_sys_lp_init() -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(none))]
unsafe fn tdh_vp_enter(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhVpEnter, regs = args, retry(entropy = 1))]
unsafe fn tdh_vp_enter_retry(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = 0x42, version = 2, in(rcx = a, rbx = b, rdi = c, rsi = d, r12 = e, r15 = f), out(rbx = b_out: u64, r12 = e_out: u64, r9 = r9_out: u64), retry(none))]
unsafe fn raw_leaf(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) -> Result<RawOut, TdxError>;

#[seamcall(leaf = 0x8000000000000001, in(rcx = params))]
unsafe fn p_seamldr_install(params: Hpa) -> Result<TdxStatus, TdxError>;

#[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpa_width, rdx = attributes))]
fn tdg_vp_info() -> Result<VpInfo, TdxError>;

#[tdcall(leaf = abi::TdgMrReport, in(rcx = report, rdx = data, r8 = subtype), retry(busy = 1))]
unsafe fn tdg_mr_report(report: Gpa, data: Gpa, subtype: u64) -> Result<TdxStatus, TdxError>;

#[tdcall(leaf = abi::TdgVpVmcall, regs = args)]
unsafe fn tdg_vp_vmcall(args: &mut ModuleArgs) -> Result<TdxStatus, TdxError>;

#[tdvmcall(subfn = abi::TdvmcallMapGpa, in(r12 = start, r13 = size), out(r11 = resume))]
unsafe fn tdvmcall_map_gpa(start: MapGpaTarget, size: u64) -> Result<MapGpa, TdxError>;

#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r12 = eax, r13 = ebx, r14 = ecx, r15 = edx))]
fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError>;

#[tdvmcall(subfn = 0x10003, in(r12 = code, rbx = msg1, rdi = msg2, rsi = msg3, rdx = msg4))]
unsafe fn report_fatal_error(
    code: u64,
    msg1: u64,
    msg2: u64,
    msg3: u64,
    msg4: u64,
) -> Result<TdvmcallStatus, TdxError>;

// ---------------------------------------------------------------------------- harness

/// Run `f` with a handler that records every trap and answers it with `script`, called with
/// the attempt number (0-based) and the CPU state to edit.
fn trace<R>(
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

fn private(raw: u64) -> MapGpaTarget {
    MapGpaTarget::Private(Gpa::new(raw).expect("valid test GPA"))
}
fn hpa(raw: u64) -> Hpa {
    Hpa::new(raw).expect("valid test HPA")
}
fn page<K: tdx_core::PageKind>(raw: u64) -> Page<K> {
    Page::new(hpa(raw)).expect("aligned test page")
}

const NO_ENTROPY: u64 = TdxStatus::RND_NO_ENTROPY.raw();
const BUSY_RCX: u64 = TdxStatus::OPERAND_BUSY.raw() | 1;

// ------------------------------------------------------------------------------ tests

#[test]
fn inputs_land_in_their_registers_and_outputs_come_from_theirs() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rcx = 3; // page type
            cpu.rdx = 0x7000_0000; // owner
            cpu.r8 = 1; // page size
            cpu.r9 = 0x999;
        },
        // SAFETY: the trap answers the instruction; no memory is touched.
        || unsafe { tdh_phymem_page_reclaim(hpa(0x1234_5000)) },
    );
    let [(instruction, cpu)] = seen.as_slice() else {
        panic!("one trap expected: {seen:?}")
    };
    assert_eq!(*instruction, Instruction::Seamcall);
    assert_eq!(cpu.rax, 28, "RAX = TDH.PHYMEM.PAGE.RECLAIM, version 0");
    assert_eq!(cpu.rcx, 0x1234_5000, "RCX = the page");
    let out = result.expect("success");
    assert_eq!(out.status, TdxStatus::SUCCESS);
    assert_eq!(out.page_type.raw(), 3, "page_type from RCX");
    assert_eq!(
        out.owner,
        Hpa::new(0x7000_0000),
        "owner (the TDR's HPA) from RDX"
    );
    assert_eq!(out.page_size.raw(), 1, "page_size from R8");
}

#[test]
fn typed_operands_are_encoded_whole() {
    let (result, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_create(page(0x4000_0000), Hkid::new(0x1f)) }
        },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.rdx),
        (9, 0x4000_0000, 0x1f)
    );
}

#[test]
fn version_goes_to_rax_bits_23_16() {
    let (_, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_vp_init(page(0x5000), 0xabc, 7) }
        },
    );
    let cpu = seen[0].1;
    assert_eq!(
        cpu.rax, 0x1_0016,
        "TDH.VP.INIT is leaf 22 version 1 in the table"
    );
    assert_eq!((cpu.rcx, cpu.rdx, cpu.r8), (0x5000, 0xabc, 7));

    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r8 = 0xfeed;
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_rd_v3(page(0x6000), FieldId::from_raw(0x9100_0000_0000_0010)) }
        },
    );
    assert_eq!(
        seen[0].1.rax,
        11 | 3 << 16,
        "`version = 3` overrides the table"
    );
    assert_eq!(seen[0].1.rdx, 0x9100_0000_0000_0010);
    assert_eq!(result.map(|out| out.value), Ok(0xfeed));
}

#[test]
fn field_bindings_load_the_field() {
    let td = Td { tdr: page(0x8000) };
    let (_, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_addcx(&td, page(0x9000)) }
        },
    );
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.rdx),
        (1, 0x9000, 0x8000)
    );
}

#[test]
fn cf_set_means_vmfailinvalid_whatever_rax_holds() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.cf = true;
            cpu.rax = 0; // stale: must not be taken for success
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdh_sys_lp_init() },
    );
    assert_eq!(seen.len(), 1, "VMfailInvalid is not retried");
    let error = result.expect_err("CF=1 is a failure");
    assert_eq!(error.status(), TdxStatus::SEAMCALL_VMFAILINVALID);
    assert_eq!(error.status().raw(), 0x8000_FF00_FFFF_0000);
}

#[test]
fn success_with_information_is_kept_not_an_error() {
    let info = 0x0000_0815_0000_0000; // TDX_KEY_CONFIGURED: bit 63 clear
    let (result, _) = trace(
        |_, cpu| cpu.rax = info,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mng_create(page(0x4000_0000), Hkid::new(1)) }
        },
    );
    let status = result.expect("bit 63 clear is success");
    assert_eq!(status.raw(), info);
    assert!(status.is_success_with_info());

    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = info;
            cpu.rcx = 2;
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_phymem_page_reclaim(hpa(0x1000)) }
        },
    );
    assert_eq!(
        result.map(|out| out.status.raw()),
        Ok(info),
        "kept in the output struct too"
    );
}

#[test]
fn entropy_retries_stop_at_linux_bound() {
    // Default: at most 10 attempts, as Linux's sc_retry (RDRAND_RETRY_LOOPS).
    let (result, seen) = trace(
        |_, cpu| cpu.rax = NO_ENTROPY,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init() }
        },
    );
    assert_eq!(seen.len(), 10);
    assert_eq!(result.map_err(|e| e.status().raw()), Err(NO_ENTROPY));

    let (result, seen) = trace(
        |_, cpu| cpu.rax = NO_ENTROPY,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init_two_retries() }
        },
    );
    assert_eq!(
        seen.len(),
        3,
        "retry(entropy = 2): one call and two retries"
    );
    assert!(result.is_err());

    let (result, seen) = trace(
        |_, cpu| cpu.rax = NO_ENTROPY,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init_no_retry() }
        },
    );
    assert_eq!(seen.len(), 1, "retry(none)");
    assert!(result.is_err());

    // A retry that succeeds returns Ok, and the inputs are reloaded each time.
    let (result, seen) = trace(
        |attempt, cpu| cpu.rax = if attempt < 4 { NO_ENTROPY } else { 0 },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdh_mng_create(page(0x2000), Hkid::new(5)) },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(seen.len(), 5);
    assert!(
        seen.iter()
            .all(|(_, cpu)| cpu.rax == 9 && cpu.rcx == 0x2000 && cpu.rdx == 5)
    );
}

#[test]
fn busy_retries_compare_under_the_status_mask_and_stop_at_their_bound() {
    let gpa = SeptGpa::new(Gpa::new(0x20_0000).expect("gpa"), SeptLevel::Level2M).expect("aligned");
    let (result, seen) = trace(
        |_, cpu| cpu.rax = BUSY_RCX,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_mem_sept_add(gpa, page(0x3000), page(0x4000)) }
        },
    );
    assert_eq!(seen.len(), 4, "retry(busy = 3): one call and three retries");
    let error = result.expect_err("still busy");
    assert_eq!(error.status().raw(), BUSY_RCX, "the operand ID is kept");
    assert!(error.is_busy());
    assert_eq!(seen[0].1.rcx, 0x20_0000 | 1, "GPA | level 1 (2M)");

    // Busy is not retried where the wrapper did not opt in.
    let (result, seen) = trace(
        |_, cpu| cpu.rax = BUSY_RCX,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init() }
        },
    );
    assert_eq!(seen.len(), 1);
    assert!(result.expect_err("busy").is_busy());
}

#[test]
fn a_failed_call_keeps_leaf_status_and_every_returned_register() {
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = BUSY_RCX;
            cpu.rcx = 0x11;
            cpu.rdx = 0x22;
            cpu.r8 = 0x33;
            cpu.r9 = 0x44;
            cpu.r10 = 0x55;
            cpu.r11 = 0x66;
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdh_phymem_page_reclaim(hpa(0x1000)) },
    );
    let error = result.expect_err("busy is an error");
    assert_eq!(error.leaf(), abi::TdhPhymemPageReclaim::INFO);
    assert_eq!(error.reg::<reg::Rcx>(), Some(0x11));
    assert_eq!(error.reg::<reg::R11>(), Some(0x66));
    assert_eq!(
        error.reg::<reg::R12>(),
        None,
        "R12 is not returned by this leaf"
    );
    assert_eq!(
        error.to_string(),
        "TDH.PHYMEM.PAGE.RECLAIM (leaf 28) failed: TDX_OPERAND_BUSY operand RCX \
         (0x8000020000000001); rcx=0x11 rdx=0x22 r8=0x33 r9=0x44 r10=0x55 r11=0x66"
    );
}

#[test]
fn unknown_status_codes_are_kept() {
    let strange = 0xC0DE_0042_0000_0007;
    let (result, _) = trace(
        |_, cpu| cpu.rax = strange,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdh_sys_lp_init() }
        },
    );
    let error = result.expect_err("bit 63 set");
    assert_eq!(error.status().raw(), strange);
    assert!(error.to_string().contains("0xc0de004200000007"), "{error}");
}

#[test]
fn rbx_rdi_rsi_and_callee_saved_registers_are_carried_and_survive() {
    let keep: [u64; 8] = black_box([1, 2, 3, 4, 5, 6, 7, 8]);
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rbx = 0xb0b0; // an output: must come back through the swap
            cpu.r12 = 0x1212;
            cpu.r9 = 0x99;
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { raw_leaf(0xa, 0xb, 0xc, 0xd, 0xe, 0xf) },
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rax, 0x42 | 2 << 16);
    assert_eq!(
        (cpu.rcx, cpu.rbx, cpu.rdi, cpu.rsi, cpu.r12, cpu.r15),
        (0xa, 0xb, 0xc, 0xd, 0xe, 0xf)
    );
    let out = result.expect("success");
    assert_eq!((out.b_out, out.e_out, out.r9_out), (0xb0b0, 0x1212, 0x99));
    assert_eq!(
        black_box(keep),
        [1, 2, 3, 4, 5, 6, 7, 8],
        "live values survive the call"
    );
}

#[test]
fn p_seamldr_leaves_keep_bit_63() {
    let (_, seen) = trace(
        |_, cpu| cpu.rax = 0,
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { p_seamldr_install(hpa(0x7000)) }
        },
    );
    assert_eq!(seen[0].1.rax, 0x8000_0000_0000_0001);
}

#[test]
fn regs_form_moves_all_13_registers_through_module_args() {
    let mut args = ModuleArgs {
        rcx: 0x1000,
        rdx: 2,
        r8: 3,
        r9: 4,
        r10: 5,
        r11: 6,
        r12: 7,
        r13: 8,
        r14: 9,
        r15: 10,
        rbx: 11,
        rdi: 12,
        rsi: 13,
    };
    let keep: [u64; 6] = black_box([21, 22, 23, 24, 25, 26]);
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 77; // TDX_SUCCESS with exit reason 77 (TDCALL) in bits 31:0
            cpu.rcx = 101;
            cpu.rdx = 102;
            cpu.r8 = 103;
            cpu.r9 = 104;
            cpu.r10 = 105;
            cpu.r11 = 106;
            cpu.r12 = 107;
            cpu.r13 = 108;
            cpu.r14 = 109;
            cpu.r15 = 110;
            cpu.rbx = 111;
            cpu.rdi = 112;
            cpu.rsi = 113;
        },
        // SAFETY: the trap answers the instruction; `args` is live.
        || unsafe { tdh_vp_enter(&mut args) },
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rax, 0);
    assert_eq!(
        [
            cpu.rcx, cpu.rdx, cpu.r8, cpu.r9, cpu.r10, cpu.r11, cpu.r12, cpu.r13, cpu.r14, cpu.r15,
            cpu.rbx, cpu.rdi, cpu.rsi
        ],
        [0x1000, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    );
    let status = result.expect("success");
    assert_eq!(status.operand(), 77, "the exit reason is RAX bits 31:0");
    assert_eq!(
        args,
        ModuleArgs {
            rcx: 101,
            rdx: 102,
            r8: 103,
            r9: 104,
            r10: 105,
            r11: 106,
            r12: 107,
            r13: 108,
            r14: 109,
            r15: 110,
            rbx: 111,
            rdi: 112,
            rsi: 113
        }
    );
    assert_eq!(black_box(keep), [21, 22, 23, 24, 25, 26]);

    // CF=1: VMfailInvalid, and (as Linux) nothing is written back.
    let before = args;
    let (result, _) = trace(
        |_, cpu| {
            cpu.cf = true;
            cpu.rcx = 0xdead;
        },
        || {
            // SAFETY: the trap answers the instruction; `args` is live.
            unsafe { tdh_vp_enter(&mut args) }
        },
    );
    assert_eq!(
        result.map_err(|e| e.status()),
        Err(TdxStatus::SEAMCALL_VMFAILINVALID)
    );
    assert_eq!(args, before);
}

#[test]
fn regs_form_retries_with_the_original_inputs() {
    let mut args = ModuleArgs {
        rcx: 0x1000,
        r12: 0x12,
        ..ModuleArgs::default()
    };
    let (result, seen) = trace(
        |attempt, cpu| {
            cpu.rax = if attempt == 0 { NO_ENTROPY } else { 0 };
            cpu.rcx = 0xbad;
            cpu.r12 = 0xbad;
        },
        // SAFETY: the trap answers the instruction; `args` is live.
        || unsafe { tdh_vp_enter_retry(&mut args) },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(seen.len(), 2);
    assert_eq!(
        (seen[1].1.rcx, seen[1].1.r12),
        (0x1000, 0x12),
        "inputs restored for the retry"
    );
}

#[test]
fn tdcall_leaf_and_outputs() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.rcx = 52;
            cpu.rdx = 0x1000_0000;
        },
        tdg_vp_info,
    );
    assert_eq!(seen[0].0, Instruction::Tdcall);
    assert_eq!(seen[0].1.rax, 1);
    let info = result.expect("success");
    assert_eq!(
        (info.gpa_width.raw(), info.attributes.raw()),
        (52, 0x1000_0000)
    );

    // TDCALL has no CF check: CF is ignored and RAX is the status.
    let (result, seen) = trace(
        |attempt, cpu| {
            cpu.rax = if attempt == 0 {
                TdxStatus::OPERAND_BUSY.raw()
            } else {
                0
            }
        },
        // SAFETY: the trap answers the instruction.
        || unsafe {
            tdg_mr_report(
                Gpa::new(0x1000).expect("gpa"),
                Gpa::new(0x2000).expect("gpa"),
                0,
            )
        },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(seen.len(), 2, "retry(busy = 1)");
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.rdx, seen[0].1.r8),
        (4, 0x1000, 0x2000, 0)
    );
}

#[test]
fn tdcall_regs_form() {
    let mut args = ModuleArgs {
        rcx: 0xfc00,
        r10: 0,
        r11: 0x10001,
        r12: 0x5000,
        r13: 0x1000,
        ..ModuleArgs::default()
    };
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = 1;
            cpu.r11 = 0x5800;
        },
        || {
            // SAFETY: the trap answers the instruction; `args` is live.
            unsafe { tdg_vp_vmcall(&mut args) }
        },
    );
    assert_eq!(result, Ok(TdxStatus::SUCCESS));
    assert_eq!(
        (seen[0].1.rax, seen[0].1.rcx, seen[0].1.r11, seen[0].1.r12),
        (0, 0xfc00, 0x10001, 0x5000)
    );
    assert_eq!((args.r10, args.r11), (1, 0x5800));
}

#[test]
fn tdvmcall_sets_mask_r10_r11_and_reads_r10_status() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = TdvmcallStatus::RETRY.raw();
            cpu.r11 = 0x8000;
        },
        // SAFETY: the trap answers the instruction.
        || unsafe { tdvmcall_map_gpa(private(0x4000), 0x2000) },
    );
    let cpu = seen[0].1;
    assert_eq!(seen[0].0, Instruction::Tdcall);
    assert_eq!(cpu.rax, 0, "TDG.VP.VMCALL is TDCALL leaf 0");
    assert_eq!(cpu.rcx, 0x3c00, "exposed: R10 R11 R12 R13");
    assert_eq!(cpu.r10, 0, "GHCI standard");
    assert_eq!(cpu.r11, 0x10001, "MapGPA");
    assert_eq!((cpu.r12, cpu.r13), (0x4000, 0x2000));
    let out = result.expect("RETRY is not an error");
    assert_eq!(out.status, TdvmcallStatus::RETRY);
    assert_eq!(out.resume, 0x8000);
}

#[test]
fn tdvmcall_output_only_exposed_registers_go_in_as_zero_and_survive_being_written() {
    let keep: [u64; 6] = black_box([31, 32, 33, 34, 35, 36]);
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = 0;
            cpu.r12 = 0xa;
            cpu.r13 = 0xb;
            cpu.r14 = 0xc;
            cpu.r15 = 0xd;
        },
        || tdvmcall_cpuid(0x4000_0000, 0),
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rcx, 0xfc00, "R10-R15 exposed");
    assert_eq!(
        (cpu.r12, cpu.r13, cpu.r14, cpu.r15),
        (0x4000_0000, 0, 0, 0),
        "no stale value leaks"
    );
    let out = result.expect("success");
    assert_eq!((out.eax, out.ebx, out.ecx, out.edx), (0xa, 0xb, 0xc, 0xd));
    assert_eq!(black_box(keep), [31, 32, 33, 34, 35, 36]);
}

#[test]
fn tdvmcall_failures_name_the_right_status() {
    // The VMM refused: R10 has bit 63 set.
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = TdvmcallStatus::INVALID_OPERAND.raw();
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdvmcall_map_gpa(private(0x4000), 0x1000) }
        },
    );
    let error = result.expect_err("VMM error");
    assert_eq!(error.vmcall_status(), Some(TdvmcallStatus::INVALID_OPERAND));
    assert_eq!(error.status(), TdxStatus::SUCCESS);
    // The TDCALL itself failed: RAX non-zero.
    let (result, _) = trace(
        |_, cpu| cpu.rax = TdxStatus::OPERAND_INVALID.raw(),
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { tdvmcall_map_gpa(private(0x4000), 0x1000) }
        },
    );
    assert_eq!(
        result.map_err(|e| e.status()),
        Err(TdxStatus::OPERAND_INVALID)
    );
}

#[test]
fn tdvmcall_with_rbx_rdi_rsi_rdx() {
    let (result, seen) = trace(
        |_, cpu| {
            cpu.rax = 0;
            cpu.r10 = 0;
            cpu.rbx = 0xffff;
        },
        || {
            // SAFETY: the trap answers the instruction.
            unsafe { report_fatal_error(0, 0x11, 0x22, 0x33, 0x44) }
        },
    );
    let cpu = seen[0].1;
    assert_eq!(cpu.rcx, 0x1ccc, "RDX RBX RSI RDI R10 R11 R12");
    assert_eq!(
        (cpu.r11, cpu.r12, cpu.rbx, cpu.rdi, cpu.rsi, cpu.rdx),
        (0x10003, 0, 0x11, 0x22, 0x33, 0x44)
    );
    assert_eq!(result, Ok(TdvmcallStatus::SUCCESS));
}

#[test]
fn parallel_threads_each_see_their_own_calls() {
    std::thread::scope(|scope| {
        for t in 0..4u64 {
            scope.spawn(move || {
                for i in 0..200u64 {
                    let (result, seen) = trace(
                        |_, cpu| {
                            cpu.rax = 0;
                            cpu.r8 = cpu.rdx * 2;
                        },
                        || {
                            // SAFETY: the trap answers the instruction.
                            unsafe { tdh_mng_rd_v3(page(0x1000 * (t + 1)), FieldId::from_raw(i)) }
                        },
                    );
                    assert_eq!(seen[0].1.rcx, 0x1000 * (t + 1));
                    assert_eq!(result.map(|out| out.value), Ok(i * 2));
                }
            });
        }
    });
}
