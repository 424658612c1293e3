//! The catalog as data: one [`CatalogEntry`] per wrapper, all in [`CATALOG`] (the leaves
//! Linux uses, the other module-1.5 leaves and the GHCI sub-functions of the peer crates, told
//! apart by [`CatalogEntry::source`]), whose leaf number, version, spec name, registers and
//! register types are read from the ABI table ([`tdx_core::abi`]), never typed twice.
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
    /// Where the leaf's registers were read: Linux, the TDX module source, or the peer guest
    /// crates (for GHCI sub-functions Linux does not issue).
    pub source: Source,
    /// Family, spec name, number and version, from the table.
    pub leaf: LeafInfo,
    /// Each input register the wrapper binds, with its Rust type as the ABI table writes it
    /// (`("rcx", "Page<Tdr>")`).
    pub input_types: &'static [(&'static str, &'static str)],
    /// Each output register, with its Rust type as the ABI table writes it.
    pub output_types: &'static [(&'static str, &'static str)],
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

/// Where a catalog entry's leaf comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// A leaf Linux issues (KVM host or TDX guest): checked against Linux's facts
    /// (`tests/data/linux-abi.json`).
    Linux,
    /// A leaf module 1.5 dispatches that Linux does not issue: checked against the module's
    /// facts (`tests/data/module-1.5-leaves.json`).
    Module,
    /// A GHCI sub-function Linux does not issue, read in the peer guest crates (Intel's
    /// `tdx-guest`, td-shim's `tdx-tdcall`).
    Peers,
}

impl Source {
    /// `"linux"`, `"module"` or `"peers"`.
    pub const fn name(self) -> &'static str {
        match self {
            Source::Linux => "linux",
            Source::Module => "module",
            Source::Peers => "peers",
        }
    }
}

macro_rules! catalog {
    ($(#[$doc:meta])* $name:ident: $($source:ident $module:ident :: $wrapper:ident => $leaf:ident;)*) => {
        $(#[$doc])*
        pub const $name: &[CatalogEntry] = &[$(
            CatalogEntry {
                module: stringify!($module),
                wrapper: stringify!($wrapper),
                leaf_type: stringify!($leaf),
                source: catalog!(@source $source),
                leaf: <abi::$leaf as Leaf>::INFO,
                input_types: <abi::$leaf as Leaf>::DATA.input_types,
                output_types: <abi::$leaf as Leaf>::DATA.output_types,
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
    (@source linux) => { Source::Linux };
    (@source module) => { Source::Module };
    (@source peers) => { Source::Peers };
}

catalog! {
    /// Every wrapper, module by module (`host`, `seamldr`, `guest`, `vmcall`); within a
    /// module, the leaves Linux uses first (the first catalog, in its order), then the other
    /// leaves module 1.5 dispatches, read in the TDX module source (intel/tdx-module@72d8cffb),
    /// in leaf order, then the leaves of module 1.5.34 (@9fd3c8b1) and the version-1 forms,
    /// in leaf order. [`CatalogEntry::source`] says which is which.
    CATALOG:
    linux host::tdh_vp_enter => TdhVpEnter;
    linux host::tdh_mng_addcx => TdhMngAddcx;
    linux host::tdh_mem_page_add => TdhMemPageAdd;
    linux host::tdh_mem_sept_add => TdhMemSeptAdd;
    linux host::tdh_vp_addcx => TdhVpAddcx;
    linux host::tdh_mem_page_aug => TdhMemPageAug;
    linux host::tdh_mem_range_block => TdhMemRangeBlock;
    linux host::tdh_mng_key_config => TdhMngKeyConfig;
    linux host::tdh_mng_create => TdhMngCreate;
    linux host::tdh_vp_create => TdhVpCreate;
    linux host::tdh_mng_rd => TdhMngRd;
    linux host::tdh_mr_extend => TdhMrExtend;
    linux host::tdh_mr_finalize => TdhMrFinalize;
    linux host::tdh_vp_flush => TdhVpFlush;
    linux host::tdh_mng_vpflushdone => TdhMngVpflushdone;
    linux host::tdh_mng_key_freeid => TdhMngKeyFreeid;
    linux host::tdh_mng_init => TdhMngInit;
    linux host::tdh_vp_init => TdhVpInit;
    linux host::tdh_phymem_page_rdmd => TdhPhymemPageRdmd;
    linux host::tdh_vp_rd => TdhVpRd;
    linux host::tdh_phymem_page_reclaim => TdhPhymemPageReclaim;
    linux host::tdh_mem_page_remove => TdhMemPageRemove;
    linux host::tdh_sys_key_config => TdhSysKeyConfig;
    linux host::tdh_sys_init => TdhSysInit;
    linux host::tdh_sys_rd => TdhSysRd;
    linux host::tdh_sys_lp_init => TdhSysLpInit;
    linux host::tdh_sys_tdmr_init => TdhSysTdmrInit;
    linux host::tdh_mem_track => TdhMemTrack;
    linux host::tdh_phymem_cache_wb => TdhPhymemCacheWb;
    linux host::tdh_phymem_page_wbinvd => TdhPhymemPageWbinvd;
    linux host::tdh_vp_wr => TdhVpWr;
    linux host::tdh_sys_config => TdhSysConfig;
    linux host::tdh_sys_shutdown => TdhSysShutdown;
    linux host::tdh_sys_update => TdhSysUpdate;
    linux host::tdh_sys_disable => TdhSysDisable;
    module host::tdh_mem_page_relocate => TdhMemPageRelocate;
    module host::tdh_mem_rd => TdhMemRd;
    module host::tdh_mng_wr => TdhMngWr;
    module host::tdh_mem_wr => TdhMemWr;
    module host::tdh_mem_page_demote => TdhMemPageDemote;
    module host::tdh_mem_page_promote => TdhMemPagePromote;
    module host::tdh_mem_sept_rd => TdhMemSeptRd;
    module host::tdh_mng_key_reclaimid => TdhMngKeyReclaimid;
    module host::tdh_mem_sept_remove => TdhMemSeptRemove;
    module host::tdh_sys_info => TdhSysInfo;
    module host::tdh_sys_rdall => TdhSysRdall;
    module host::tdh_mem_range_unblock => TdhMemRangeUnblock;
    module host::tdh_sys_lp_shutdown => TdhSysLpShutdown;
    module host::tdh_servtd_bind => TdhServtdBind;
    module host::tdh_servtd_prebind => TdhServtdPrebind;
    module host::tdh_phymem_pamt_add => TdhPhymemPamtAdd;
    module host::tdh_phymem_pamt_remove => TdhPhymemPamtRemove;
    module host::tdh_export_abort => TdhExportAbort;
    module host::tdh_export_blockw => TdhExportBlockw;
    module host::tdh_export_restore => TdhExportRestore;
    module host::tdh_export_mem => TdhExportMem;
    module host::tdh_export_pause => TdhExportPause;
    module host::tdh_export_track => TdhExportTrack;
    module host::tdh_export_state_immutable => TdhExportStateImmutable;
    module host::tdh_export_state_td => TdhExportStateTd;
    module host::tdh_export_state_vp => TdhExportStateVp;
    module host::tdh_export_unblockw => TdhExportUnblockw;
    module host::tdh_import_abort => TdhImportAbort;
    module host::tdh_import_end => TdhImportEnd;
    module host::tdh_import_commit => TdhImportCommit;
    module host::tdh_import_mem => TdhImportMem;
    module host::tdh_import_track => TdhImportTrack;
    module host::tdh_import_state_immutable => TdhImportStateImmutable;
    module host::tdh_import_state_td => TdhImportStateTd;
    module host::tdh_import_state_vp => TdhImportStateVp;
    module host::tdh_mig_stream_create => TdhMigStreamCreate;
    module host::tdh_mem_scan_range => TdhMemScanRange;
    module host::tdh_mem_scan_comp => TdhMemScanComp;
    module host::tdh_mem_scan_config => TdhMemScanConfig;
    module host::tdh_mem_scan_reset => TdhMemScanReset;
    module host::tdh_mem_sept_add_v1 => TdhMemSeptAddV1;
    module host::tdh_mng_rd_v1 => TdhMngRdV1;
    module host::tdh_mem_page_promote_v1 => TdhMemPagePromoteV1;
    module host::tdh_vp_rd_v1 => TdhVpRdV1;
    module host::tdh_mem_sept_remove_v1 => TdhMemSeptRemoveV1;
    module host::tdh_export_mem_v1 => TdhExportMemV1;
    module host::tdh_import_mem_v1 => TdhImportMemV1;
    module host::tdh_sys_init_v1 => TdhSysInitV1;
    module host::tdh_sys_config_v1 => TdhSysConfigV1;
    module host::tdh_sys_update_v1 => TdhSysUpdateV1;
    module host::tdh_export_blockw_v1 => TdhExportBlockwV1;
    module host::tdh_export_restore_v1 => TdhExportRestoreV1;
    module host::tdh_iommu_setreg => TdhIommuSetreg;
    module host::tdh_iommu_getreg => TdhIommuGetreg;
    module host::tdh_spdm_create => TdhSpdmCreate;
    module host::tdh_spdm_delete => TdhSpdmDelete;
    module host::tdh_ide_stream_create => TdhIdeStreamCreate;
    module host::tdh_ide_stream_block => TdhIdeStreamBlock;
    module host::tdh_ide_stream_delete => TdhIdeStreamDelete;
    module host::tdh_ide_stream_idekmreq => TdhIdeStreamIdekmreq;
    module host::tdh_ide_stream_idekmrsp => TdhIdeStreamIdekmrsp;
    module host::tdh_devif_create => TdhDevifCreate;
    module host::tdh_devif_remove => TdhDevifRemove;
    module host::tdh_devif_request => TdhDevifRequest;
    module host::tdh_devif_response => TdhDevifResponse;
    module host::tdh_devif_mt_add => TdhDevifMtAdd;
    module host::tdh_devif_mt_remove => TdhDevifMtRemove;
    module host::tdh_devif_mt_rd => TdhDevifMtRd;
    module host::tdh_dmar_add => TdhDmarAdd;
    module host::tdh_dmar_block => TdhDmarBlock;
    module host::tdh_dmar_read => TdhDmarRead;
    module host::tdh_dmar_remove => TdhDmarRemove;
    module host::tdh_mmio_mt_add => TdhMmioMtAdd;
    module host::tdh_mmio_mt_set => TdhMmioMtSet;
    module host::tdh_mmio_mt_rd => TdhMmioMtRd;
    module host::tdh_mmio_mt_remove => TdhMmioMtRemove;
    module host::tdh_mmio_map => TdhMmioMap;
    module host::tdh_mmio_block => TdhMmioBlock;
    module host::tdh_mmio_unmap => TdhMmioUnmap;
    module host::tdh_iq_inv_request => TdhIqInvRequest;
    module host::tdh_iq_inv_process => TdhIqInvProcess;
    module host::tdh_mem_shared_sept_wr => TdhMemSharedSeptWr;
    linux seamldr::p_seamldr_info => PSeamldrInfo;
    linux seamldr::p_seamldr_install => PSeamldrInstall;
    linux guest::tdg_vp_vmcall => TdgVpVmcall;
    linux guest::tdg_vp_info => TdgVpInfo;
    linux guest::tdg_mr_rtmr_extend => TdgMrRtmrExtend;
    linux guest::tdg_vp_veinfo_get => TdgVpVeinfoGet;
    linux guest::tdg_mr_report => TdgMrReport;
    linux guest::tdg_mem_page_accept => TdgMemPageAccept;
    linux guest::tdg_vm_rd => TdgVmRd;
    linux guest::tdg_vm_wr => TdgVmWr;
    module guest::tdg_vp_cpuidve_set => TdgVpCpuidveSet;
    module guest::tdg_vp_rd => TdgVpRd;
    module guest::tdg_vp_wr => TdgVpWr;
    module guest::tdg_sys_rd => TdgSysRd;
    module guest::tdg_sys_rdall => TdgSysRdall;
    module guest::tdg_servtd_rd => TdgServtdRd;
    module guest::tdg_servtd_wr => TdgServtdWr;
    module guest::tdg_mr_verifyreport => TdgMrVerifyreport;
    module guest::tdg_mem_page_attr_rd => TdgMemPageAttrRd;
    module guest::tdg_mem_page_attr_wr => TdgMemPageAttrWr;
    module guest::tdg_vp_enter => TdgVpEnter;
    module guest::tdg_vp_invept => TdgVpInvept;
    module guest::tdg_vp_invvpid => TdgVpInvvpid;
    module guest::tdg_mr_key_get => TdgMrKeyGet;
    module guest::tdg_vm_rd_v1 => TdgVmRdV1;
    module guest::tdg_spdm_tpa_set => TdgSpdmTpaSet;
    module guest::tdg_spdm_tpa_get => TdgSpdmTpaGet;
    module guest::tdg_devif_validate => TdgDevifValidate;
    module guest::tdg_devif_rd => TdgDevifRd;
    module guest::tdg_devif_request => TdgDevifRequest;
    module guest::tdg_devif_response => TdgDevifResponse;
    module guest::tdg_dmar_accept => TdgDmarAccept;
    module guest::tdg_tdi_mmio_accept => TdgTdiMmioAccept;
    module guest::tdg_iq_inv_request => TdgIqInvRequest;
    linux vmcall::tdvmcall_cpuid => TdvmcallCpuid;
    linux vmcall::tdvmcall_hlt => TdvmcallHlt;
    linux vmcall::tdvmcall_io => TdvmcallIo;
    linux vmcall::tdvmcall_rdmsr => TdvmcallRdmsr;
    linux vmcall::tdvmcall_wrmsr => TdvmcallWrmsr;
    linux vmcall::tdvmcall_request_mmio => TdvmcallRequestMmio;
    peers vmcall::tdvmcall_wbinvd => TdvmcallWbinvd;
    peers vmcall::tdvmcall_pconfig => TdvmcallPconfig;
    linux vmcall::tdvmcall_get_td_vm_call_info => TdvmcallGetTdVmCallInfo;
    linux vmcall::tdvmcall_map_gpa => TdvmcallMapGpa;
    linux vmcall::tdvmcall_get_quote => TdvmcallGetQuote;
    linux vmcall::tdvmcall_report_fatal_error => TdvmcallReportFatalError;
    linux vmcall::tdvmcall_setup_event_notify_interrupt => TdvmcallSetupEventNotifyInterrupt;
    peers vmcall::tdvmcall_service => TdvmcallService;
    linux vmcall::tdvmcall_kvm_hypercall => TdgVpVmcallKvm;
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
        name: "TDH.SERVTD.REBIND",
        number: 97,
        reason: "enumerated (`TDH_SERVTD_REBIND_LEAF = 97`, 1.5.34 and 2.0.18) but never \
                 dispatched: intel/tdx-module@9fd3c8b1 (1.5.34) `tdx_vmm_dispatcher.c`, read \
                 in full, has no case for it (nor has 2.0.18, e69a4391), so the module answers \
                 TDX_OPERAND_INVALID (operand RAX)",
    },
    NotWrapped {
        family: "tdcall",
        name: "TDG.SERVTD.REBIND.APPROVE",
        number: 33,
        reason: "enumerated (`TDG_SERVTD_REBIND_APPROVE_LEAF = 33`, 1.5.34 and 2.0.18) but \
                 never dispatched: intel/tdx-module@e69a4391 (2.0.18) `tdx_td_dispatcher.c` has \
                 no case for it, so the module answers TDX_OPERAND_INVALID (operand RAX); the \
                 1.5.34 TDCALL dispatcher was not read",
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

/// Registers with their Rust types for the Markdown table: `` `rcx`: `Page<Tdcs>` ``, the
/// reserved inputs as `` `r8` = 0 ``, in register order (`–` for none).
struct MdTyped<'a> {
    regs: RegSet,
    zeroed: RegSet,
    types: &'a [(&'a str, &'a str)],
}

impl fmt::Display for MdTyped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.regs.is_empty() {
            return f.write_str("–");
        }
        for (i, (name, index)) in tdx_core::reg::OPERAND_REGS
            .into_iter()
            .filter(|&(_, index)| self.regs.contains(index))
            .enumerate()
        {
            if i > 0 {
                f.write_str("<br>")?;
            }
            if self.zeroed.contains(index) {
                write!(f, "`{name}` = 0")?;
                continue;
            }
            match self.types.iter().find(|(reg, _)| *reg == name) {
                Some((_, ty)) => write!(f, "`{name}`: `{}`", MdType(ty))?,
                None => write!(f, "`{name}`")?,
            }
        }
        Ok(())
    }
}

/// A type as `stringify!` wrote it (`Page < Tdr >`), with the spaces around `<`, `>` and
/// `::` taken out and `|` escaped for a Markdown table.
struct MdType<'a>(&'a str);

impl fmt::Display for MdType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars().peekable();
        let mut prev = ' ';
        while let Some(c) = chars.next() {
            let next = chars.peek().copied().unwrap_or(' ');
            if c == ' '
                && (matches!(prev, '<' | ':' | '&') || matches!(next, '<' | '>' | ':' | ','))
            {
                continue;
            }
            if c == '|' {
                f.write_str("\\|")?;
            } else {
                write!(f, "{c}")?;
            }
            prev = c;
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

/// Every entry of [`CATALOG`] as JSON, one object per line.
pub fn write_json(out: &mut impl fmt::Write) -> fmt::Result {
    for entry in CATALOG {
        entry.write_json(out)?;
        out.write_str("\n")?;
    }
    Ok(())
}

/// Every entry of [`CATALOG`] as a Markdown page (`docs/catalog.md`).
pub fn write_markdown(out: &mut impl fmt::Write) -> fmt::Result {
    out.write_str(
        "# The catalog\n\
         \n\
         Every wrapper of `tdx-calls`, with the leaf it issues. Generated from\n\
         `tdx_calls::catalog::CATALOG`, whose numbers, registers and types come from the ABI table\n\
         (`tdx_core::abi`), by `cargo run -p tdx-calls --example abi -- --markdown`; `cargo test\n\
         -p tdx-calls --test catalog` fails when this page is stale (`TDX_BLESS=1` rewrites it).\n\
         Do not edit it by hand.\n\
         \n\
         * Leaf: bits 15:0 of RAX (bit 63 for the P-SEAMLDR leaves); for a TDG.VP.VMCALL\n  \
         sub-function, the sub-function number in R11 (RAX is 0). Version: bits 23:16 of RAX.\n\
         * Inputs: every register the wrapper loads, with its Rust type (reserved ones, loaded\n  \
         with 0, marked `= 0`); outputs: the registers it returns on success, with the type of\n  \
         the output field. Module: the first TDX module release\n  \
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
        let count = CATALOG.iter().filter(|e| e.leaf.family == family).count();
        write!(out, "## {title}: {count}\n\n")?;
        out.write_str("| name | leaf | version | module | inputs | outputs | wrapper |\n")?;
        out.write_str("|---|---|---|---|---|---|---|\n")?;
        for entry in CATALOG.iter().filter(|e| e.leaf.family == family) {
            writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} | `{}::{}` |",
                entry.leaf.name,
                entry.number(),
                entry.leaf.version,
                MdModule(entry.min_module),
                MdTyped {
                    regs: entry.inputs,
                    zeroed: entry.zeroed,
                    types: entry.input_types,
                },
                MdTyped {
                    regs: entry.outputs,
                    zeroed: RegSet::EMPTY,
                    types: entry.output_types,
                },
                entry.module,
                entry.wrapper,
            )?;
        }
        out.write_str("\n")?;
    }
    writeln!(out, "{} wrappers in all.\n", CATALOG.len())?;
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
