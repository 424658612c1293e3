//! Leaf numbers (bits 15:0 of RAX; the whole RAX for the P-SEAMLDR leaves), from torvalds/linux
//! `arch/x86/virt/vmx/tdx/tdx.h@43db1111` (SEAMCALL) and
//! `arch/x86/include/asm/shared/tdx.h@702fdf35` (TDCALL).

use crate::Instruction;

/// TDH.VP.ENTER.
pub const TDH_VP_ENTER: u64 = 0;
/// TDH.MNG.ADDCX.
pub const TDH_MNG_ADDCX: u64 = 1;
/// TDH.MEM.PAGE.ADD.
pub const TDH_MEM_PAGE_ADD: u64 = 2;
/// TDH.MEM.SEPT.ADD.
pub const TDH_MEM_SEPT_ADD: u64 = 3;
/// TDH.VP.ADDCX.
pub const TDH_VP_ADDCX: u64 = 4;
/// TDH.MEM.PAGE.AUG.
pub const TDH_MEM_PAGE_AUG: u64 = 6;
/// TDH.MEM.RANGE.BLOCK.
pub const TDH_MEM_RANGE_BLOCK: u64 = 7;
/// TDH.MNG.KEY.CONFIG.
pub const TDH_MNG_KEY_CONFIG: u64 = 8;
/// TDH.MNG.CREATE.
pub const TDH_MNG_CREATE: u64 = 9;
/// TDH.VP.CREATE.
pub const TDH_VP_CREATE: u64 = 10;
/// TDH.MNG.RD.
pub const TDH_MNG_RD: u64 = 11;
/// TDH.MR.EXTEND.
pub const TDH_MR_EXTEND: u64 = 16;
/// TDH.MR.FINALIZE.
pub const TDH_MR_FINALIZE: u64 = 17;
/// TDH.VP.FLUSH.
pub const TDH_VP_FLUSH: u64 = 18;
/// TDH.MNG.VPFLUSHDONE.
pub const TDH_MNG_VPFLUSHDONE: u64 = 19;
/// TDH.MNG.KEY.FREEID.
pub const TDH_MNG_KEY_FREEID: u64 = 20;
/// TDH.MNG.INIT.
pub const TDH_MNG_INIT: u64 = 21;
/// TDH.VP.INIT (the model accepts only version 1).
pub const TDH_VP_INIT: u64 = 22;
/// TDH.PHYMEM.PAGE.RDMD.
pub const TDH_PHYMEM_PAGE_RDMD: u64 = 24;
/// TDH.VP.RD.
pub const TDH_VP_RD: u64 = 26;
/// TDH.PHYMEM.PAGE.RECLAIM.
pub const TDH_PHYMEM_PAGE_RECLAIM: u64 = 28;
/// TDH.MEM.PAGE.REMOVE.
pub const TDH_MEM_PAGE_REMOVE: u64 = 29;
/// TDH.SYS.KEY.CONFIG.
pub const TDH_SYS_KEY_CONFIG: u64 = 31;
/// TDH.SYS.INIT.
pub const TDH_SYS_INIT: u64 = 33;
/// TDH.SYS.RD.
pub const TDH_SYS_RD: u64 = 34;
/// TDH.SYS.LP.INIT.
pub const TDH_SYS_LP_INIT: u64 = 35;
/// TDH.SYS.TDMR.INIT.
pub const TDH_SYS_TDMR_INIT: u64 = 36;
/// TDH.MEM.TRACK.
pub const TDH_MEM_TRACK: u64 = 38;
/// TDH.PHYMEM.CACHE.WB.
pub const TDH_PHYMEM_CACHE_WB: u64 = 40;
/// TDH.PHYMEM.PAGE.WBINVD.
pub const TDH_PHYMEM_PAGE_WBINVD: u64 = 41;
/// TDH.VP.WR.
pub const TDH_VP_WR: u64 = 43;
/// TDH.SYS.CONFIG.
pub const TDH_SYS_CONFIG: u64 = 45;
/// TDH.SYS.SHUTDOWN (number uncertain in the reference).
pub const TDH_SYS_SHUTDOWN: u64 = 52;
/// TDH.SYS.UPDATE (number uncertain in the reference).
pub const TDH_SYS_UPDATE: u64 = 53;
/// TDH.SYS.DISABLE (number uncertain in the reference).
pub const TDH_SYS_DISABLE: u64 = 69;
/// P-SEAMLDR INFO.
pub const P_SEAMLDR_INFO: u64 = 1 << 63;
/// P-SEAMLDR INSTALL.
pub const P_SEAMLDR_INSTALL: u64 = (1 << 63) | 1;

/// TDG.VP.VMCALL.
pub const TDG_VP_VMCALL: u64 = 0;
/// TDG.VP.INFO.
pub const TDG_VP_INFO: u64 = 1;
/// TDG.MR.RTMR.EXTEND.
pub const TDG_MR_RTMR_EXTEND: u64 = 2;
/// TDG.VP.VEINFO.GET.
pub const TDG_VP_VEINFO_GET: u64 = 3;
/// TDG.MR.REPORT.
pub const TDG_MR_REPORT: u64 = 4;
/// TDG.MEM.PAGE.ACCEPT.
pub const TDG_MEM_PAGE_ACCEPT: u64 = 6;
/// TDG.VM.RD.
pub const TDG_VM_RD: u64 = 7;
/// TDG.VM.WR.
pub const TDG_VM_WR: u64 = 8;

/// The VMX exit reason of a TD exit for TDG.VP.VMCALL (`EXIT_REASON_TDCALL`).
pub const EXIT_REASON_TDCALL: u32 = 77;

/// The spec name of a leaf the model knows.
pub const fn name(instruction: Instruction, leaf: u64) -> Option<&'static str> {
    Some(match instruction {
        Instruction::Seamcall => match leaf {
            TDH_VP_ENTER => "TDH.VP.ENTER",
            TDH_MNG_ADDCX => "TDH.MNG.ADDCX",
            TDH_MEM_PAGE_ADD => "TDH.MEM.PAGE.ADD",
            TDH_MEM_SEPT_ADD => "TDH.MEM.SEPT.ADD",
            TDH_VP_ADDCX => "TDH.VP.ADDCX",
            TDH_MEM_PAGE_AUG => "TDH.MEM.PAGE.AUG",
            TDH_MEM_RANGE_BLOCK => "TDH.MEM.RANGE.BLOCK",
            TDH_MNG_KEY_CONFIG => "TDH.MNG.KEY.CONFIG",
            TDH_MNG_CREATE => "TDH.MNG.CREATE",
            TDH_VP_CREATE => "TDH.VP.CREATE",
            TDH_MNG_RD => "TDH.MNG.RD",
            TDH_MR_EXTEND => "TDH.MR.EXTEND",
            TDH_MR_FINALIZE => "TDH.MR.FINALIZE",
            TDH_VP_FLUSH => "TDH.VP.FLUSH",
            TDH_MNG_VPFLUSHDONE => "TDH.MNG.VPFLUSHDONE",
            TDH_MNG_KEY_FREEID => "TDH.MNG.KEY.FREEID",
            TDH_MNG_INIT => "TDH.MNG.INIT",
            TDH_VP_INIT => "TDH.VP.INIT",
            TDH_PHYMEM_PAGE_RDMD => "TDH.PHYMEM.PAGE.RDMD",
            TDH_VP_RD => "TDH.VP.RD",
            TDH_PHYMEM_PAGE_RECLAIM => "TDH.PHYMEM.PAGE.RECLAIM",
            TDH_MEM_PAGE_REMOVE => "TDH.MEM.PAGE.REMOVE",
            TDH_SYS_KEY_CONFIG => "TDH.SYS.KEY.CONFIG",
            TDH_SYS_INIT => "TDH.SYS.INIT",
            TDH_SYS_RD => "TDH.SYS.RD",
            TDH_SYS_LP_INIT => "TDH.SYS.LP.INIT",
            TDH_SYS_TDMR_INIT => "TDH.SYS.TDMR.INIT",
            TDH_MEM_TRACK => "TDH.MEM.TRACK",
            TDH_PHYMEM_CACHE_WB => "TDH.PHYMEM.CACHE.WB",
            TDH_PHYMEM_PAGE_WBINVD => "TDH.PHYMEM.PAGE.WBINVD",
            TDH_VP_WR => "TDH.VP.WR",
            TDH_SYS_CONFIG => "TDH.SYS.CONFIG",
            TDH_SYS_SHUTDOWN => "TDH.SYS.SHUTDOWN",
            TDH_SYS_UPDATE => "TDH.SYS.UPDATE",
            TDH_SYS_DISABLE => "TDH.SYS.DISABLE",
            P_SEAMLDR_INFO => "P-SEAMLDR.INFO",
            P_SEAMLDR_INSTALL => "P-SEAMLDR.INSTALL",
            _ => return None,
        },
        Instruction::Tdcall => match leaf {
            TDG_VP_VMCALL => "TDG.VP.VMCALL",
            TDG_VP_INFO => "TDG.VP.INFO",
            TDG_MR_RTMR_EXTEND => "TDG.MR.RTMR.EXTEND",
            TDG_VP_VEINFO_GET => "TDG.VP.VEINFO.GET",
            TDG_MR_REPORT => "TDG.MR.REPORT",
            TDG_MEM_PAGE_ACCEPT => "TDG.MEM.PAGE.ACCEPT",
            TDG_VM_RD => "TDG.VM.RD",
            TDG_VM_WR => "TDG.VM.WR",
            _ => return None,
        },
    })
}

/// Whether SEAMCALL `leaf` is a platform leaf (TDH.SYS.*): it may change the platform state
/// the other leaves check.
pub(crate) const fn is_platform(leaf: u64) -> bool {
    matches!(
        leaf,
        TDH_SYS_INIT
            | TDH_SYS_RD
            | TDH_SYS_LP_INIT
            | TDH_SYS_TDMR_INIT
            | TDH_SYS_CONFIG
            | TDH_SYS_KEY_CONFIG
            | TDH_SYS_SHUTDOWN
            | TDH_SYS_UPDATE
            | TDH_SYS_DISABLE
    )
}
