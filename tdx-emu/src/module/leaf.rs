//! Leaf numbers (bits 15:0 of RAX; the whole RAX for the P-SEAMLDR leaves), taken from the ABI
//! table (`tdx_core::abi`, checked there against the TDX module source): the model has no leaf
//! numbers of its own. Every leaf of [`tdx_core::abi::leaves`] the model does not answer gets
//! [`NOT_MODELLED`](crate::module::NOT_MODELLED) (see [`modelled`]).

use crate::Instruction;
use tdx_core::abi::{self, Family, Leaf, LeafData};

macro_rules! leaves {
    ($($(#[$doc:meta])* $name:ident = $ty:ident;)*) => {
        $($(#[$doc])* pub const $name: u64 = abi::$ty::INFO.number;)*
    };
}

leaves! {
    /// TDH.VP.ENTER.
    TDH_VP_ENTER = TdhVpEnter;
    /// TDH.MNG.ADDCX.
    TDH_MNG_ADDCX = TdhMngAddcx;
    /// TDH.MEM.PAGE.ADD.
    TDH_MEM_PAGE_ADD = TdhMemPageAdd;
    /// TDH.MEM.SEPT.ADD.
    TDH_MEM_SEPT_ADD = TdhMemSeptAdd;
    /// TDH.VP.ADDCX.
    TDH_VP_ADDCX = TdhVpAddcx;
    /// TDH.MEM.PAGE.AUG.
    TDH_MEM_PAGE_AUG = TdhMemPageAug;
    /// TDH.MEM.RANGE.BLOCK.
    TDH_MEM_RANGE_BLOCK = TdhMemRangeBlock;
    /// TDH.MEM.RANGE.UNBLOCK.
    TDH_MEM_RANGE_UNBLOCK = TdhMemRangeUnblock;
    /// TDH.MNG.KEY.CONFIG.
    TDH_MNG_KEY_CONFIG = TdhMngKeyConfig;
    /// TDH.MNG.CREATE.
    TDH_MNG_CREATE = TdhMngCreate;
    /// TDH.VP.CREATE.
    TDH_VP_CREATE = TdhVpCreate;
    /// TDH.MNG.RD.
    TDH_MNG_RD = TdhMngRd;
    /// TDH.MNG.WR.
    TDH_MNG_WR = TdhMngWr;
    /// TDH.MR.EXTEND.
    TDH_MR_EXTEND = TdhMrExtend;
    /// TDH.MR.FINALIZE.
    TDH_MR_FINALIZE = TdhMrFinalize;
    /// TDH.VP.FLUSH.
    TDH_VP_FLUSH = TdhVpFlush;
    /// TDH.MNG.VPFLUSHDONE.
    TDH_MNG_VPFLUSHDONE = TdhMngVpflushdone;
    /// TDH.MNG.KEY.FREEID.
    TDH_MNG_KEY_FREEID = TdhMngKeyFreeid;
    /// TDH.MNG.INIT.
    TDH_MNG_INIT = TdhMngInit;
    /// TDH.VP.INIT (the model accepts only version 1).
    TDH_VP_INIT = TdhVpInit;
    /// TDH.PHYMEM.PAGE.RDMD.
    TDH_PHYMEM_PAGE_RDMD = TdhPhymemPageRdmd;
    /// TDH.VP.RD.
    TDH_VP_RD = TdhVpRd;
    /// TDH.PHYMEM.PAGE.RECLAIM.
    TDH_PHYMEM_PAGE_RECLAIM = TdhPhymemPageReclaim;
    /// TDH.MEM.PAGE.REMOVE.
    TDH_MEM_PAGE_REMOVE = TdhMemPageRemove;
    /// TDH.SYS.KEY.CONFIG.
    TDH_SYS_KEY_CONFIG = TdhSysKeyConfig;
    /// TDH.SYS.INIT.
    TDH_SYS_INIT = TdhSysInit;
    /// TDH.SYS.RD.
    TDH_SYS_RD = TdhSysRd;
    /// TDH.SYS.RDALL.
    TDH_SYS_RDALL = TdhSysRdall;
    /// TDH.SYS.LP.INIT.
    TDH_SYS_LP_INIT = TdhSysLpInit;
    /// TDH.SYS.TDMR.INIT.
    TDH_SYS_TDMR_INIT = TdhSysTdmrInit;
    /// TDH.MEM.TRACK.
    TDH_MEM_TRACK = TdhMemTrack;
    /// TDH.MEM.SEPT.RD.
    TDH_MEM_SEPT_RD = TdhMemSeptRd;
    /// TDH.MEM.RD.
    TDH_MEM_RD = TdhMemRd;
    /// TDH.MEM.WR.
    TDH_MEM_WR = TdhMemWr;
    /// TDH.MEM.SEPT.REMOVE.
    TDH_MEM_SEPT_REMOVE = TdhMemSeptRemove;
    /// TDH.MEM.PAGE.RELOCATE.
    TDH_MEM_PAGE_RELOCATE = TdhMemPageRelocate;
    /// TDH.MEM.PAGE.DEMOTE.
    TDH_MEM_PAGE_DEMOTE = TdhMemPageDemote;
    /// TDH.MEM.PAGE.PROMOTE.
    TDH_MEM_PAGE_PROMOTE = TdhMemPagePromote;
    /// TDH.PHYMEM.CACHE.WB.
    TDH_PHYMEM_CACHE_WB = TdhPhymemCacheWb;
    /// TDH.PHYMEM.PAGE.WBINVD.
    TDH_PHYMEM_PAGE_WBINVD = TdhPhymemPageWbinvd;
    /// TDH.VP.WR.
    TDH_VP_WR = TdhVpWr;
    /// TDH.SYS.CONFIG.
    TDH_SYS_CONFIG = TdhSysConfig;
    /// TDH.SYS.SHUTDOWN.
    TDH_SYS_SHUTDOWN = TdhSysShutdown;
    /// TDH.SYS.UPDATE.
    TDH_SYS_UPDATE = TdhSysUpdate;
    /// TDH.SYS.DISABLE.
    TDH_SYS_DISABLE = TdhSysDisable;
    /// TDH.SYS.LP.SHUTDOWN (a no-op kept for legacy VMMs in module 1.5).
    TDH_SYS_LP_SHUTDOWN = TdhSysLpShutdown;
    /// TDH.SYS.INFO (the module 1.0 enumeration: TDSYSINFO_STRUCT and CMR_INFO).
    TDH_SYS_INFO = TdhSysInfo;
    /// TDH.SERVTD.PREBIND.
    TDH_SERVTD_PREBIND = TdhServtdPrebind;
    /// TDH.SERVTD.BIND.
    TDH_SERVTD_BIND = TdhServtdBind;
    /// TDH.MNG.KEY.RECLAIMID (a no-op kept for backward compatibility in module 1.5).
    TDH_MNG_KEY_RECLAIMID = TdhMngKeyReclaimid;
    /// P-SEAMLDR INFO.
    P_SEAMLDR_INFO = PSeamldrInfo;
    /// P-SEAMLDR INSTALL.
    P_SEAMLDR_INSTALL = PSeamldrInstall;

    /// TDG.VP.VMCALL.
    TDG_VP_VMCALL = TdgVpVmcall;
    /// TDG.VP.INFO.
    TDG_VP_INFO = TdgVpInfo;
    /// TDG.MR.RTMR.EXTEND.
    TDG_MR_RTMR_EXTEND = TdgMrRtmrExtend;
    /// TDG.VP.VEINFO.GET.
    TDG_VP_VEINFO_GET = TdgVpVeinfoGet;
    /// TDG.MR.REPORT.
    TDG_MR_REPORT = TdgMrReport;
    /// TDG.MEM.PAGE.ACCEPT.
    TDG_MEM_PAGE_ACCEPT = TdgMemPageAccept;
    /// TDG.VM.RD.
    TDG_VM_RD = TdgVmRd;
    /// TDG.VM.WR.
    TDG_VM_WR = TdgVmWr;
    /// TDG.SYS.RD.
    TDG_SYS_RD = TdgSysRd;
    /// TDG.SYS.RDALL.
    TDG_SYS_RDALL = TdgSysRdall;
    /// TDG.VP.RD.
    TDG_VP_RD = TdgVpRd;
    /// TDG.VP.WR.
    TDG_VP_WR = TdgVpWr;
    /// TDG.MEM.PAGE.ATTR.RD.
    TDG_MEM_PAGE_ATTR_RD = TdgMemPageAttrRd;
    /// TDG.VP.INVEPT.
    TDG_VP_INVEPT = TdgVpInvept;
    /// TDG.VP.INVVPID.
    TDG_VP_INVVPID = TdgVpInvvpid;
    /// TDG.VP.CPUIDVE.SET.
    TDG_VP_CPUIDVE_SET = TdgVpCpuidveSet;
    /// TDG.SERVTD.RD.
    TDG_SERVTD_RD = TdgServtdRd;
    /// TDG.SERVTD.WR.
    TDG_SERVTD_WR = TdgServtdWr;
    /// TDG.MR.VERIFYREPORT.
    TDG_MR_VERIFYREPORT = TdgMrVerifyreport;
    /// TDG.MR.KEY.GET (module 1.5.34 on; the model's platform has no sealing).
    TDG_MR_KEY_GET = TdgMrKeyGet;
}

/// The VMX exit reason of a TD exit for TDG.VP.VMCALL (`EXIT_REASON_TDCALL`).
pub const EXIT_REASON_TDCALL: u32 = 77;

/// The ABI table's entry for `leaf` of `instruction` (TDG.VP.VMCALL's sub-functions are not
/// TDCALL leaves of their own: TDCALL leaf 0 is TDG.VP.VMCALL).
pub fn data(instruction: Instruction, leaf: u64) -> Option<&'static LeafData> {
    let family = match instruction {
        Instruction::Seamcall => Family::Seamcall,
        Instruction::Tdcall => Family::Tdcall,
    };
    if instruction == Instruction::Tdcall && leaf == TDG_VP_VMCALL {
        return Some(&abi::TdgVpVmcall::DATA);
    }
    abi::leaves().find(|l| l.info.family == family && l.info.number == leaf)
}

/// The spec name of a leaf of the ABI table.
pub fn name(instruction: Instruction, leaf: u64) -> Option<&'static str> {
    data(instruction, leaf).map(|l| l.info.name)
}

/// Whether the model answers `leaf` of `instruction` (a leaf of the ABI table it does not
/// answer gets [`NOT_MODELLED`](crate::module::NOT_MODELLED); a number that is no leaf at all
/// gets `TDX_OPERAND_INVALID`, as from the module).
pub fn modelled(instruction: Instruction, leaf: u64) -> bool {
    match instruction {
        Instruction::Seamcall => leaf == TDH_VP_ENTER || crate::module::seamcall::handles(leaf),
        Instruction::Tdcall => leaf == TDG_VP_VMCALL || crate::module::tdcall::handles(leaf),
    }
}

/// Whether SEAMCALL `leaf` is a platform leaf (TDH.SYS.*): it may change the platform state
/// the other leaves check.
pub(crate) const fn is_platform(leaf: u64) -> bool {
    matches!(
        leaf,
        TDH_SYS_INIT
            | TDH_SYS_RD
            | TDH_SYS_RDALL
            | TDH_SYS_LP_INIT
            | TDH_SYS_TDMR_INIT
            | TDH_SYS_CONFIG
            | TDH_SYS_KEY_CONFIG
            | TDH_SYS_SHUTDOWN
            | TDH_SYS_UPDATE
            | TDH_SYS_DISABLE
    )
}
