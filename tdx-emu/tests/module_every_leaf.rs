//! Every leaf of the ABI table (`tdx_core::abi::leaves()`) issued through the trap against
//! `TdxModule`: a leaf the model answers gets a TDX module status (success or a module error,
//! never a software status), every other leaf gets exactly `NOT_MODELLED`, and a number that is
//! no leaf at all gets `TDX_OPERAND_INVALID` as from the module. The table of
//! `docs/emulator.md` ("Every leaf") is generated from the same list
//! (`TDX_BLESS=1 cargo test -p tdx-emu --test module_every_leaf` rewrites it).

mod common;

use std::arch::asm;
use std::collections::BTreeSet;
use std::path::Path;

use common::{bring_up, create_td, create_vcpu, module, raw};
use tdx_core::abi::{self, Family, Leaf, LeafData};
use tdx_core::{Gpa, Page, Tdr, Tdvpr, TdxStatus};
use tdx_emu::Instruction;
use tdx_emu::module::{NOT_MODELLED, TdParams, TdxModule, leaf};

/// Executes SEAMCALL (`tdcall` false) or TDCALL with RAX = `rax`, RCX = RDX = `operand`, every
/// other register 0; returns RAX.
fn issue(tdcall: bool, rax: u64, operand: u64) -> u64 {
    let mut rax = rax;
    // SAFETY: the instruction traps into the module, which writes only the registers named
    // here (all inout or clobbered) and RBX, which the block saves and restores on the stack.
    unsafe {
        if tdcall {
            asm!(
                "push rbx", "xor ebx, ebx", ".byte 0x66, 0x0f, 0x01, 0xcc", "pop rbx",
                inout("rax") rax, inout("rcx") operand => _, inout("rdx") operand => _,
                inout("rsi") 0u64 => _, inout("rdi") 0u64 => _, inout("r8") 0u64 => _,
                inout("r9") 0u64 => _, inout("r10") 0u64 => _, inout("r11") 0u64 => _,
                inout("r12") 0u64 => _, inout("r13") 0u64 => _, inout("r14") 0u64 => _,
                inout("r15") 0u64 => _,
            );
        } else {
            asm!(
                "push rbx", "xor ebx, ebx", ".byte 0x66, 0x0f, 0x01, 0xcf", "pop rbx",
                inout("rax") rax, inout("rcx") operand => _, inout("rdx") operand => _,
                inout("rsi") 0u64 => _, inout("rdi") 0u64 => _, inout("r8") 0u64 => _,
                inout("r9") 0u64 => _, inout("r10") 0u64 => _, inout("r11") 0u64 => _,
                inout("r12") 0u64 => _, inout("r13") 0u64 => _, inout("r14") 0u64 => _,
                inout("r15") 0u64 => _,
            );
        }
    }
    rax
}

/// The SEAMCALL and TDCALL leaves of the table, each once (TDG.VP.VMCALL's sub-functions and
/// vendor forms are TDCALL leaf 0).
fn leaves() -> Vec<&'static LeafData> {
    let mut seen = BTreeSet::new();
    abi::leaves()
        .filter(|l| l.info.family != Family::Tdvmcall)
        .filter(|l| seen.insert((l.info.family == Family::Tdcall, l.info.number)))
        .collect()
}

fn instruction(data: &LeafData) -> Instruction {
    if data.info.family == Family::Tdcall {
        Instruction::Tdcall
    } else {
        Instruction::Seamcall
    }
}

/// A TD with one vCPU, finalized: the TDCALL leaves run as that vCPU. Returns (TDR, TDVPR).
fn runnable_td(m: &TdxModule) -> (Page<Tdr>, Page<Tdvpr>) {
    bring_up(m);
    let td = create_td(m, common::HKID, &TdParams::default());
    let vp = create_vcpu(m, &td, 0);
    // SAFETY: see `common`.
    unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
    (td.tdr, vp.tdvpr)
}

#[test]
fn every_leaf_is_answered_by_the_model_or_with_not_modelled() {
    let m = module();
    let leaves = leaves();
    let (modelled, not_modelled): (Vec<&&LeafData>, Vec<&&LeafData>) = leaves
        .iter()
        .partition(|l| leaf::modelled(instruction(l), l.info.number));
    m.run(|| {
        let (tdr, tdvpr) = runnable_td(&m);
        let rax = |l: &LeafData| l.info.number | (u64::from(l.info.version) << 16);
        // The guest's leaves first, while the TD runs; the platform leaves that end the
        // module (TDH.SYS.SHUTDOWN, TDH.SYS.DISABLE) come among the SEAMCALLs, after which a
        // modelled SEAMCALL fails with VMfailInvalid (RAX untouched), still no NOT_MODELLED.
        let (tdcalls, seamcalls): (Vec<&&LeafData>, Vec<&&LeafData>) = leaves
            .iter()
            .partition(|l| instruction(l) == Instruction::Tdcall);
        let mut answers = Vec::new();
        m.as_guest(tdvpr, || {
            for l in &tdcalls {
                answers.push((**l, issue(true, rax(l), 0)));
            }
        });
        for l in &seamcalls {
            answers.push((**l, issue(false, rax(l), tdr.as_u64())));
        }
        for (l, answer) in answers {
            let name = l.info.name;
            let status = TdxStatus::from_raw(answer);
            if leaf::modelled(instruction(l), l.info.number) {
                assert_ne!(status, NOT_MODELLED, "{name} is modelled");
                assert!(
                    !status.is_software() || answer == rax(l),
                    "{name}: a modelled leaf answers with a module status, not {status}"
                );
            } else {
                assert_eq!(status, NOT_MODELLED, "{name} is not modelled: {status}");
            }
        }
        // A number that is no leaf of the table: the module's answer, not NOT_MODELLED.
        m.as_guest(tdvpr, || {
            assert_eq!(
                TdxStatus::from_raw(issue(true, 0x7F, 0)),
                TdxStatus::OPERAND_INVALID
            );
        });
    });
    assert!(modelled.len() >= 46, "modelled: {}", modelled.len());
    assert!(!not_modelled.is_empty());
    // The status is one of its own: a software status no Linux code and no module code is.
    assert!(NOT_MODELLED.is_software());
    assert!(!NOT_MODELLED.matches(TdxStatus::SW_ERROR));
    assert_eq!(NOT_MODELLED.operand(), 0);
}

#[test]
fn a_not_modelled_leaf_is_counted_as_an_error_and_changes_nothing() {
    let m = module();
    let export_mem = &abi::TdhExportMem::DATA;
    m.run(|| {
        let (tdr, _) = runnable_td(&m);
        let before = m.td(tdr).expect("the TD");
        let status = issue(false, export_mem.info.number, tdr.as_u64());
        assert_eq!(TdxStatus::from_raw(status), NOT_MODELLED);
        let after = m.td(tdr).expect("the TD");
        assert_eq!(
            (after.op_state, after.lifecycle, after.epoch),
            (before.op_state, before.lifecycle, before.epoch)
        );
    });
    let counts = m.call_counts();
    let count = counts
        .iter()
        .find(|c| c.name == Some("TDH.EXPORT.MEM"))
        .expect("counted");
    assert_eq!((count.calls, count.errors), (1, 1));
}

/// What the docs say of a modelled leaf beyond the general [Deviations](#deviations).
fn note(name: &str) -> &'static str {
    match name {
        "TDH.VP.ENTER" => "the guest is a closure (`set_guest`)",
        "TDH.VP.INIT" => "version 1 only",
        "TDH.SYS.SHUTDOWN" | "TDH.SYS.UPDATE" | "P-SEAMLDR.INSTALL" => {
            "an update keeps the TDs; the install params page is not parsed"
        }
        "TDH.SYS.DISABLE" => "later SEAMCALLs fail with VMfailInvalid",
        "TDH.SYS.INFO" => {
            "the model's values, as TDH.SYS.RD; its 4 CPUID_CONFIG entries (see \"Deviations\")"
        }
        "TDH.SERVTD.PREBIND" | "TDH.SERVTD.BIND" => "one binding slot (`MAX_SERVTDS` 1)",
        "TDG.SERVTD.RD" | "TDG.SERVTD.WR" => {
            "no cross-TD trap: the status goes to the guest (see \"Deviations\")"
        }
        "TDH.SYS.LP.SHUTDOWN" | "TDH.MNG.KEY.RECLAIMID" => {
            "a no-op returning success, as in 1.5.01"
        }
        "TDG.VP.VMCALL" => "answered by the `Vmm` (`set_vmm`)",
        "TDH.MEM.SEPT.RD" => "no L2 VMs: the L2 attributes (RDX bit 0, R8) read 0",
        "TDG.MEM.PAGE.ATTR.RD" => "a TD without L2 VMs; no EPT-violation exit (see \"Deviations\")",
        "TDG.VP.INVEPT" | "TDG.VP.INVVPID" => "a TD without L2 VMs",
        "TDG.VP.CPUIDVE.SET" => "stored only (CPUID raises no #VE in the model)",
        "TDG.MR.KEY.GET" => "a platform without sealing: `TDX_OPERAND_INVALID`",
        "TDG.MR.VERIFYREPORT" => "the model's MAC, CPUSVN 0 (see \"Deviations\")",
        "TDH.SYS.RD" | "TDH.SYS.RDALL" | "TDG.SYS.RD" | "TDG.SYS.RDALL" | "TDH.MNG.RD"
        | "TDH.MNG.WR" | "TDG.VM.RD" | "TDG.VM.WR" | "TDH.VP.RD" | "TDH.VP.WR" | "TDG.VP.RD"
        | "TDG.VP.WR" => "every field of the module's table (see \"Metadata\")",
        _ => "",
    }
}

/// The "Every leaf" table of docs/emulator.md.
fn table() -> String {
    let mut out =
        String::from("| leaf | instruction | # | modelled | deviations |\n|---|---|---|---|---|\n");
    for l in leaves() {
        let instruction = instruction(l);
        let modelled = leaf::modelled(instruction, l.info.number);
        let number = if l.info.number >> 63 != 0 {
            format!("{:#x}", l.info.number)
        } else {
            l.info.number.to_string()
        };
        let deviations = if modelled {
            note(l.info.name).to_string()
        } else {
            "`NOT_MODELLED`".to_string()
        };
        out.push_str(&format!(
            "| {} | {} | {number} | {} | {deviations} |\n",
            l.info.name,
            if instruction == Instruction::Tdcall {
                "TDCALL"
            } else {
                "SEAMCALL"
            },
            if modelled { "yes" } else { "no" },
        ));
    }
    out
}

#[test]
fn the_docs_list_every_leaf_with_what_the_model_does() {
    const BEGIN: &str =
        "<!-- every-leaf table: generated by tdx-emu/tests/module_every_leaf.rs -->\n";
    const END: &str = "<!-- end of the every-leaf table -->\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/emulator.md");
    let doc = std::fs::read_to_string(&path).expect("docs/emulator.md");
    let (Some(begin), Some(end)) = (doc.find(BEGIN), doc.find(END)) else {
        panic!("docs/emulator.md has no every-leaf table markers");
    };
    let regenerated = format!("{}{BEGIN}{}{}", &doc[..begin], table(), &doc[end..]);
    tdx_bless::check_or_bless(
        &path,
        &regenerated,
        "TDX_BLESS=1 cargo test -p tdx-emu --test module_every_leaf",
    );
}

#[test]
fn tdg_sys_rd_reads_the_fields_the_modules_table_lets_the_guest_read() {
    use tdx_core::ModuleArgs;
    use tdx_core::metadata_fields::global;
    let m = module();
    m.run(|| {
        let (_, tdvpr) = runnable_td(&m);
        let read = |id: u64| {
            let mut args = ModuleArgs {
                rdx: id,
                ..ModuleArgs::default()
            };
            (
                m.tdcall(tdvpr, leaf::TDG_SYS_RD, &mut args),
                args.rdx,
                args.r8,
            )
        };
        // The versions the guest may read (`guest_rd_mask` of global_sys_fields_lookup.c) ...
        for id in [global::MINOR_VERSION, global::MAJOR_VERSION] {
            // SAFETY: see `common`.
            let host = unsafe { raw::tdh_sys_rd(id) }.expect("SYS.RD");
            let (status, _, value) = read(id.raw());
            assert_eq!((status, value), (TdxStatus::SUCCESS, host.value));
        }
        // ... MINOR_VERSION's next guest-readable field is MAJOR_VERSION ...
        assert_eq!(
            read(global::MINOR_VERSION.raw()).1,
            global::MAJOR_VERSION.raw()
        );
        // ... and a field only the host may read is refused to the guest.
        let (status, next, value) = read(global::TDCS_BASE_SIZE.raw());
        assert_eq!(status, TdxStatus::METADATA_FIELD_NOT_READABLE);
        assert_eq!((next, value), (u64::MAX, 0));
        // The null field ID (any context code): the first field, and the module's status.
        let (status, first, value) = read(u64::MAX);
        assert_eq!(status, TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT);
        assert_eq!(value, 0);
        assert_eq!(read(first).0, TdxStatus::SUCCESS);
        // A field no context has: the module's status, RDX = MD_FIELD_ID_NA, R8 = 0.
        let (status, next, value) = read(0x0800_0001_0000_7777);
        assert_eq!(status, TdxStatus::METADATA_FIELD_ID_INCORRECT);
        assert_eq!((next, value), (u64::MAX, 0));
    });
}

#[test]
fn tdh_mem_range_unblock_undoes_a_tracked_block() {
    use common::{gpa, map_sept, sept_gpa};
    use tdx_core::{Guest, Page, SeptLevel};
    use tdx_emu::module::SeptState;
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, common::HKID, &TdParams::default());
        create_vcpu(&m, &td, 0);
        let at = 0x5000;
        map_sept(&m, &td, at);
        let page: Page<Guest> = m.alloc_page();
        let source: Page<Guest> = m.alloc_page();
        let tdr = td.tdr;
        let entry = sept_gpa(at, SeptLevel::Level4K);
        // SAFETY: see `common`.
        unsafe {
            raw::tdh_mem_page_add(gpa(at), td.tdr, page, source.hpa()).expect("PAGE.ADD");
            raw::tdh_mr_finalize(td.tdr).expect("MR.FINALIZE");
            raw::tdh_mem_range_block(entry, td.tdr).expect("BLOCK");
        }
        assert_eq!(
            m.sept_leaf(tdr, Gpa::new(at).expect("GPA"))
                .map(|l| l.state),
            Some(SeptState::Blocked)
        );
        let unblock = || {
            let mut args = tdx_core::ModuleArgs {
                rcx: entry.as_u64(),
                rdx: tdr.as_u64(),
                ..Default::default()
            };
            m.seamcall(leaf::TDH_MEM_RANGE_UNBLOCK, &mut args).status
        };
        // The block is not tracked yet, and the TD is runnable: the module names the Secure-EPT
        // tree (OPERAND_ID_SEPT_TREE, `tdh_mem_range_unblock.c`@72d8cffb line 182).
        assert_eq!(
            unblock(),
            TdxStatus::from_raw(0xC000_0B08_0000_0000).with_operand(0x92),
            "TDX_TLB_TRACKING_NOT_DONE on the Secure-EPT tree"
        );
        assert_eq!(
            m.sept_leaf(tdr, Gpa::new(at).expect("GPA"))
                .map(|l| l.state),
            Some(SeptState::Blocked)
        );
        // SAFETY: see `common`.
        unsafe { raw::tdh_mem_track(td.tdr) }.expect("TRACK");
        assert_eq!(unblock(), TdxStatus::SUCCESS);
        assert_eq!(
            m.sept_leaf(tdr, Gpa::new(at).expect("GPA"))
                .map(|l| l.state),
            Some(SeptState::Present)
        );
        // Not blocked any more: the module's table refuses it.
        assert!(unblock().matches(TdxStatus::EPT_ENTRY_STATE_INCORRECT));
    });
    m.check_invariants().expect("consistent");
}
