//! The catalog as data: one [`CatalogEntry`] per wrapper ([`CATALOG`]: the leaves Linux
//! uses; [`MODULE_CATALOG`]: the other module-1.5 leaves; [`entries`]: both), whose leaf
//! number, version, spec name and registers are read from the ABI table ([`tdx_core::abi`]),
//! never typed twice.
//!
//! `cargo run -p tdx-calls --example abi -- --json` prints [`write_json`]'s output, one JSON
//! object per wrapper per line; `-- --markdown` prints [`write_markdown`]'s, committed as
//! `docs/catalog.md`. The tests check both against the table, against Linux's facts
//! (`tests/data/linux-abi.json`), against the module's
//! (`tests/data/module-1.5-leaves.json`) and against the committed expansion of every wrapper
//! (`expanded/`).
//!
//! ```
//! use tdx_calls::catalog::CATALOG;
//! let aug = CATALOG.iter().find(|e| e.wrapper == "tdh_mem_page_aug").expect("in the catalog");
//! assert_eq!((aug.leaf.name, aug.leaf.number), ("TDH.MEM.PAGE.AUG", 6));
//! assert_eq!(aug.inputs.to_string(), "rcx rdx r8");
//! ```

use core::fmt;

use tdx_core::abi::{self, Family, Leaf, LeafInfo, ModuleVersion};
use tdx_core::reg::RegSet;

/// One wrapper of the catalog and the ABI-table leaf it issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogEntry {
    /// The module of `tdx_calls` that holds the wrapper (`"host"`).
    pub module: &'static str,
    /// The wrapper's name (`"tdh_mem_page_aug"`).
    pub wrapper: &'static str,
    /// The leaf's type in [`tdx_core::abi`] (`"TdhMemPageAug"`).
    pub leaf_type: &'static str,
    /// Family, spec name, number and version, from the table.
    pub leaf: LeafInfo,
    /// Every register the wrapper loads, from the table: the bound inputs and the reserved
    /// ones it loads with 0 (for a TDG.VP.VMCALL sub-function, those besides RCX, R10 and
    /// R11).
    pub inputs: RegSet,
    /// The reserved inputs among them, which the wrapper loads with a fixed 0.
    pub zeroed: RegSet,
    /// The first TDX module release that accepts the leaf at this version (`None` for the
    /// GHCI sub-functions and the P-SEAMLDR leaves, which the module does not define, and for
    /// TDH.SYS.DISABLE, which no published release has).
    pub min_module: Option<ModuleVersion>,
    /// The registers the leaf returns on success, from the table (for a TDG.VP.VMCALL
    /// sub-function, those besides R10, the TDVMCALL status).
    pub outputs: RegSet,
}

macro_rules! catalog {
    ($(#[$doc:meta])* $name:ident: $($module:ident :: $wrapper:ident => $leaf:ident;)*) => {
        $(#[$doc])*
        pub const $name: &[CatalogEntry] = &[$(
            CatalogEntry {
                module: stringify!($module),
                wrapper: stringify!($wrapper),
                leaf_type: stringify!($leaf),
                leaf: <abi::$leaf as Leaf>::INFO,
                inputs: <abi::$leaf as Leaf>::DATA.loaded(),
                zeroed: <abi::$leaf as Leaf>::ZEROED,
                min_module: <abi::$leaf as Leaf>::DATA.min_module(),
                outputs: <abi::$leaf as Leaf>::OUTPUTS,
            },
        )*];

        // Every wrapper named above exists.
        const _: () = {
            $(let _ = crate::$module::$wrapper;)*
        };
    };
}

catalog! {
    /// The wrappers of the leaves Linux uses (the first catalog), module by module, in leaf
    /// order. The benches keep a footprint subject for each of these.
    CATALOG:
    host::tdh_vp_enter => TdhVpEnter;
    host::tdh_mng_addcx => TdhMngAddcx;
    host::tdh_mem_page_add => TdhMemPageAdd;
    host::tdh_mem_sept_add => TdhMemSeptAdd;
    host::tdh_vp_addcx => TdhVpAddcx;
    host::tdh_mem_page_aug => TdhMemPageAug;
    host::tdh_mem_range_block => TdhMemRangeBlock;
    host::tdh_mng_key_config => TdhMngKeyConfig;
    host::tdh_mng_create => TdhMngCreate;
    host::tdh_vp_create => TdhVpCreate;
    host::tdh_mng_rd => TdhMngRd;
    host::tdh_mr_extend => TdhMrExtend;
    host::tdh_mr_finalize => TdhMrFinalize;
    host::tdh_vp_flush => TdhVpFlush;
    host::tdh_mng_vpflushdone => TdhMngVpflushdone;
    host::tdh_mng_key_freeid => TdhMngKeyFreeid;
    host::tdh_mng_init => TdhMngInit;
    host::tdh_vp_init => TdhVpInit;
    host::tdh_phymem_page_rdmd => TdhPhymemPageRdmd;
    host::tdh_vp_rd => TdhVpRd;
    host::tdh_phymem_page_reclaim => TdhPhymemPageReclaim;
    host::tdh_mem_page_remove => TdhMemPageRemove;
    host::tdh_sys_key_config => TdhSysKeyConfig;
    host::tdh_sys_init => TdhSysInit;
    host::tdh_sys_rd => TdhSysRd;
    host::tdh_sys_lp_init => TdhSysLpInit;
    host::tdh_sys_tdmr_init => TdhSysTdmrInit;
    host::tdh_mem_track => TdhMemTrack;
    host::tdh_phymem_cache_wb => TdhPhymemCacheWb;
    host::tdh_phymem_page_wbinvd => TdhPhymemPageWbinvd;
    host::tdh_vp_wr => TdhVpWr;
    host::tdh_sys_config => TdhSysConfig;
    host::tdh_sys_shutdown => TdhSysShutdown;
    host::tdh_sys_update => TdhSysUpdate;
    host::tdh_sys_disable => TdhSysDisable;
    seamldr::p_seamldr_info => PSeamldrInfo;
    seamldr::p_seamldr_install => PSeamldrInstall;
    guest::tdg_vp_vmcall => TdgVpVmcall;
    guest::tdg_vp_info => TdgVpInfo;
    guest::tdg_mr_rtmr_extend => TdgMrRtmrExtend;
    guest::tdg_vp_veinfo_get => TdgVpVeinfoGet;
    guest::tdg_mr_report => TdgMrReport;
    guest::tdg_mem_page_accept => TdgMemPageAccept;
    guest::tdg_vm_rd => TdgVmRd;
    guest::tdg_vm_wr => TdgVmWr;
    vmcall::tdvmcall_cpuid => TdvmcallCpuid;
    vmcall::tdvmcall_hlt => TdvmcallHlt;
    vmcall::tdvmcall_io => TdvmcallIo;
    vmcall::tdvmcall_rdmsr => TdvmcallRdmsr;
    vmcall::tdvmcall_wrmsr => TdvmcallWrmsr;
    vmcall::tdvmcall_request_mmio => TdvmcallRequestMmio;
    vmcall::tdvmcall_get_td_vm_call_info => TdvmcallGetTdVmCallInfo;
    vmcall::tdvmcall_map_gpa => TdvmcallMapGpa;
    vmcall::tdvmcall_get_quote => TdvmcallGetQuote;
    vmcall::tdvmcall_report_fatal_error => TdvmcallReportFatalError;
    vmcall::tdvmcall_setup_event_notify_interrupt => TdvmcallSetupEventNotifyInterrupt;
    vmcall::tdvmcall_kvm_hypercall => TdgVpVmcallKvm;
}

catalog! {
    /// The wrappers of the other leaves module 1.5 dispatches, read in the TDX module source
    /// (intel/tdx-module@72d8cffb), module by module, in leaf order.
    MODULE_CATALOG:
    host::tdh_mem_page_relocate => TdhMemPageRelocate;
    host::tdh_mem_rd => TdhMemRd;
    host::tdh_mng_wr => TdhMngWr;
    host::tdh_mem_wr => TdhMemWr;
    host::tdh_mem_page_demote => TdhMemPageDemote;
    host::tdh_mem_page_promote => TdhMemPagePromote;
    host::tdh_mem_sept_rd => TdhMemSeptRd;
    host::tdh_mng_key_reclaimid => TdhMngKeyReclaimid;
    host::tdh_mem_sept_remove => TdhMemSeptRemove;
    host::tdh_sys_info => TdhSysInfo;
    host::tdh_sys_rdall => TdhSysRdall;
    host::tdh_mem_range_unblock => TdhMemRangeUnblock;
    host::tdh_sys_lp_shutdown => TdhSysLpShutdown;
    host::tdh_servtd_bind => TdhServtdBind;
    host::tdh_servtd_prebind => TdhServtdPrebind;
    host::tdh_phymem_pamt_add => TdhPhymemPamtAdd;
    host::tdh_phymem_pamt_remove => TdhPhymemPamtRemove;
    host::tdh_export_abort => TdhExportAbort;
    host::tdh_export_blockw => TdhExportBlockw;
    host::tdh_export_restore => TdhExportRestore;
    host::tdh_export_mem => TdhExportMem;
    host::tdh_export_pause => TdhExportPause;
    host::tdh_export_track => TdhExportTrack;
    host::tdh_export_state_immutable => TdhExportStateImmutable;
    host::tdh_export_state_td => TdhExportStateTd;
    host::tdh_export_state_vp => TdhExportStateVp;
    host::tdh_export_unblockw => TdhExportUnblockw;
    host::tdh_import_abort => TdhImportAbort;
    host::tdh_import_end => TdhImportEnd;
    host::tdh_import_commit => TdhImportCommit;
    host::tdh_import_mem => TdhImportMem;
    host::tdh_import_track => TdhImportTrack;
    host::tdh_import_state_immutable => TdhImportStateImmutable;
    host::tdh_import_state_td => TdhImportStateTd;
    host::tdh_import_state_vp => TdhImportStateVp;
    host::tdh_mig_stream_create => TdhMigStreamCreate;
    guest::tdg_vp_cpuidve_set => TdgVpCpuidveSet;
    guest::tdg_vp_rd => TdgVpRd;
    guest::tdg_vp_wr => TdgVpWr;
    guest::tdg_sys_rd => TdgSysRd;
    guest::tdg_sys_rdall => TdgSysRdall;
    guest::tdg_servtd_rd => TdgServtdRd;
    guest::tdg_servtd_wr => TdgServtdWr;
    guest::tdg_mr_verifyreport => TdgMrVerifyreport;
    guest::tdg_mem_page_attr_rd => TdgMemPageAttrRd;
    guest::tdg_mem_page_attr_wr => TdgMemPageAttrWr;
    guest::tdg_vp_enter => TdgVpEnter;
    guest::tdg_vp_invept => TdgVpInvept;
    guest::tdg_vp_invvpid => TdgVpInvvpid;
}

/// Every wrapper: [`CATALOG`], then [`MODULE_CATALOG`].
pub fn entries() -> impl Iterator<Item = &'static CatalogEntry> {
    CATALOG.iter().chain(MODULE_CATALOG)
}

/// A leaf the TDX module enumerates (or a later module version adds) that the catalog does
/// not wrap, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotWrapped {
    /// `"seamcall"` or `"tdcall"`.
    pub family: &'static str,
    /// The spec name.
    pub name: &'static str,
    /// The leaf number.
    pub number: u64,
    /// Why there is no wrapper, with the source checked.
    pub reason: &'static str,
}

/// The leaves of the module's enums without a wrapper.
pub const NOT_WRAPPED: &[NotWrapped] = &[
    NotWrapped {
        family: "seamcall",
        name: "TDH.MEM.SEPT.WR",
        number: 42,
        reason: "enumerated (`TDH_MEM_SEPT_WR_LEAF = 42` in `include/tdx_api_defs.h`) but never \
                 dispatched: intel/tdx-module@72d8cffb (1.5.01) `tdx_vmm_dispatcher.c` has no \
                 case for it, so the module answers TDX_OPERAND_INVALID (operand RAX); the \
                 module reference reports the same for 1.0.00 through 2.0.18",
    },
    NotWrapped {
        family: "seamcall",
        name: "TDH.MEM.SCAN.RANGE / .COMP / .CONFIG / .RESET",
        number: 92,
        reason: "leaves 92-95, first in module 1.5.34 (intel 9fd3c8b, enum read online by the \
                 reference); the public fork's 1.5.25 tree (murrowow/tdx-concurrency@c71d4f6) \
                 has handler files but neither enum entries nor dispatcher cases, so the \
                 registers could not be confirmed",
    },
    NotWrapped {
        family: "seamcall",
        name: "TDH.SERVTD.REBIND",
        number: 97,
        reason: "in the 1.5.34 and 2.0.18 enums; no dispatcher case in 2.0.18 (the module \
                 reference; 1.5.34 not checked)",
    },
    NotWrapped {
        family: "tdcall",
        name: "TDG.MR.KEY.GET",
        number: 29,
        reason: "first in module 1.5.34 (enum only read); handler not read",
    },
    NotWrapped {
        family: "tdcall",
        name: "TDG.SERVTD.REBIND.APPROVE",
        number: 33,
        reason: "in the 1.5.34 and 2.0.18 enums; no dispatcher case in 2.0.18 (the module \
                 reference; 1.5.34 not checked)",
    },
];

/// A register set as a JSON array: `["rcx","rdx","r8"]`.
struct JsonRegs(RegSet);

impl fmt::Display for JsonRegs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (i, name) in self.0.names().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "\"{name}\"")?;
        }
        f.write_str("]")
    }
}

/// A module release as a JSON string (`"1.5.05"`), or `null`.
struct JsonModule(Option<ModuleVersion>);

impl fmt::Display for JsonModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(version) => write!(f, "\"{version}\""),
            None => f.write_str("null"),
        }
    }
}

/// A string as a JSON string literal.
struct JsonStr<'a>(&'a str);

impl fmt::Display for JsonStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
                c => write!(f, "{c}")?,
            }
        }
        f.write_str("\"")
    }
}

/// Registers as words for the Markdown table (`-` for none).
struct MdRegs(RegSet);

impl fmt::Display for MdRegs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("–");
        }
        write!(f, "{}", self.0)
    }
}

/// A module release for the Markdown table (`–` for none).
struct MdModule(Option<ModuleVersion>);

impl fmt::Display for MdModule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(version) => write!(f, "{version}"),
            None => f.write_str("–"),
        }
    }
}

/// Loaded registers for the Markdown table, the zeroed ones as `rcx=0`.
struct MdInputs(RegSet, RegSet);

impl fmt::Display for MdInputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("–");
        }
        for (i, (name, index)) in tdx_core::reg::OPERAND_REGS
            .into_iter()
            .filter(|&(_, index)| self.0.contains(index))
            .enumerate()
        {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(name)?;
            if self.1.contains(index) {
                f.write_str("=0")?;
            }
        }
        Ok(())
    }
}

impl CatalogEntry {
    /// The entry as one JSON object (no newline): `{"family": "seamcall", "name":
    /// "TDH.MEM.PAGE.AUG", "leaf": 6, "version": 0, "inputs": ["rcx","rdx","r8"],
    /// "zeroed": [], "outputs": [], "min_module": "1.0.00", "wrapper":
    /// "host::tdh_mem_page_aug"}`. `inputs` is every register the wrapper loads, `zeroed`
    /// those it loads with a fixed 0, `min_module` the first module release that accepts the
    /// leaf at this version (`null` where the module does not define it). For a TDG.VP.VMCALL
    /// sub-function, `leaf` is the sub-function and the registers are those besides RCX, R10
    /// and R11.
    pub fn write_json(&self, out: &mut impl fmt::Write) -> fmt::Result {
        write!(
            out,
            "{{\"family\": {}, \"name\": {}, \"leaf\": {}, \"version\": {}, \"inputs\": {}, \
             \"zeroed\": {}, \"outputs\": {}, \"min_module\": {}, \"wrapper\": \"{}::{}\"}}",
            JsonStr(self.leaf.family.name()),
            JsonStr(self.leaf.name),
            self.leaf.number,
            self.leaf.version,
            JsonRegs(self.inputs),
            JsonRegs(self.zeroed),
            JsonRegs(self.outputs),
            JsonModule(self.min_module),
            self.module,
            self.wrapper,
        )
    }

    /// The leaf number as the Markdown table shows it: decimal, or hexadecimal for the
    /// P-SEAMLDR leaves and the sub-functions from 0x10000 up.
    fn number(&self) -> LeafNumber {
        LeafNumber(self.leaf.number)
    }
}

struct LeafNumber(u64);

impl fmt::Display for LeafNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 >= 0x1_0000 {
            write!(f, "{:#x}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// Every entry ([`entries`]) as JSON, one object per line.
pub fn write_json(out: &mut impl fmt::Write) -> fmt::Result {
    for entry in entries() {
        entry.write_json(out)?;
        out.write_str("\n")?;
    }
    Ok(())
}

/// Every entry ([`entries`]) as a Markdown page (`docs/catalog.md`).
pub fn write_markdown(out: &mut impl fmt::Write) -> fmt::Result {
    out.write_str(
        "# The catalog\n\
         \n\
         Every wrapper of `tdx-calls`, with the leaf it issues. Generated from\n\
         `tdx_calls::catalog::entries()`, whose numbers and registers come from the ABI table\n\
         (`tdx_core::abi`), by `cargo run -p tdx-calls --example abi -- --markdown`; `cargo test\n\
         -p tdx-calls --test catalog` fails when this page is stale (`TDX_BLESS=1` rewrites it).\n\
         Do not edit it by hand.\n\
         \n\
         * Leaf: bits 15:0 of RAX (bit 63 for the P-SEAMLDR leaves); for a TDG.VP.VMCALL\n  \
         sub-function, the sub-function number in R11 (RAX is 0). Version: bits 23:16 of RAX.\n\
         * Inputs: every register the wrapper loads (reserved ones, loaded with 0, marked `=0`);\n  \
         outputs: the registers it returns on success. Module: the first TDX module release\n  \
         that accepts the leaf at this version (– where the module does not define it).\n  \
         For a TDG.VP.VMCALL sub-function, these are the registers besides RCX (the exposed\n  \
         mask), R10 (0 in, the TDVMCALL status out) and R11 (the sub-function), which\n  \
         `#[tdvmcall]` sets itself.\n\
         * The vendor-specific (KVM) hypercall is TDCALL leaf 0 with a non-zero R10.\n\
         \n",
    )?;
    for (family, title) in [
        (Family::Seamcall, "SEAMCALL (host → TDX module)"),
        (
            Family::Tdcall,
            "TDCALL (guest → TDX module; the KVM hypercall form included)",
        ),
        (
            Family::Tdvmcall,
            "TDG.VP.VMCALL sub-functions (guest → VMM)",
        ),
    ] {
        let count = entries().filter(|e| e.leaf.family == family).count();
        write!(out, "## {title}: {count}\n\n")?;
        out.write_str("| name | leaf | version | module | inputs | outputs | wrapper |\n")?;
        out.write_str("|---|---|---|---|---|---|---|\n")?;
        for entry in entries().filter(|e| e.leaf.family == family) {
            writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} | `{}::{}` |",
                entry.leaf.name,
                entry.number(),
                entry.leaf.version,
                MdModule(entry.min_module),
                MdInputs(entry.inputs, entry.zeroed),
                MdRegs(entry.outputs),
                entry.module,
                entry.wrapper,
            )?;
        }
        out.write_str("\n")?;
    }
    writeln!(out, "{} wrappers in all.\n", entries().count())?;
    out.write_str(
        "## Leaves without a wrapper\n\
         \n\
         Module 1.5.01 (intel/tdx-module@72d8cffb) dispatches 68 SEAMCALL and 21 TDCALL leaves;\n\
         every one has a wrapper above. These are the others of the module's enums:\n\
         \n\
         | family | name | leaf | why |\n\
         |---|---|---|---|\n",
    )?;
    for leaf in NOT_WRAPPED {
        writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            leaf.family, leaf.name, leaf.number, leaf.reason
        )?;
    }
    Ok(())
}
