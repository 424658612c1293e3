//! TD-partitioning (L2 VM) operands: L2 VM indices and masks, the per-VM Secure-EPT pages
//! of TDH.MEM.PAGE.DEMOTE, the GPA attributes of TDG.MEM.PAGE.ATTR.RD/WR, and the flags of
//! TDG.VP.ENTER / TDG.VP.INVVPID.
//!
//! Layouts: intel/tdx-module@72d8cffb (1.5.01) `include/tdx_api_defs.h` (`gpa_attr_t`,
//! `gla_list_info_t`), `src/common/data_structures/tdx_tdvps.h` (`attr_flags_t`),
//! `src/td_dispatcher/vm_exits/tdg_vp_invvpid.c` (`vm_and_flags_t`), `tdg_vp_invept.c`.
//! `src/td_transitions/tdg_vp_enter.c` (`vm_and_flags_t`, `l2_enter_guest_state_t`).
//! A TD has up to 3 L2 VMs (`MAX_VMS` = 4 with the L1 VM 0).

use crate::operand_error::OperandError;
use crate::page::{Page, Sept};
use crate::reg::{RegDecode, RegEncode};

/// `NULL_PA` (all ones): "no page" in a per-VM page register (`src/common/x86_defs/x86_defs.h`).
pub const NULL_PA: u64 = !0;

/// An L2 VM index, 1 ..= 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct L2Vm(u8);

impl L2Vm {
    /// L2 VM `index` (1 ..= 3; 0 is the L1 VM and is not an L2 VM).
    pub const fn new(index: u8) -> Result<Self, OperandError> {
        if index >= 1 && index <= 3 {
            Ok(L2Vm(index))
        } else {
            Err(OperandError {
                operand: "L2Vm",
                field: "index",
                value: index as u64,
                max: 3,
            })
        }
    }

    /// The index, 1 ..= 3.
    pub const fn index(self) -> u8 {
        self.0
    }
}

/// The Secure-EPT page of one L2 VM for TDH.MEM.PAGE.DEMOTE (R9–R11 for VMs 1–3):
/// a page, or none (`NULL_PA`), which the module accepts only for a VM that does not alias
/// the page being demoted (`TDX_L2_SEPT_PAGE_NOT_PROVIDED` otherwise). The module reads the
/// register only for the TD's existing L2 VMs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct L2SeptPage(Option<Page<Sept>>);

impl L2SeptPage {
    /// No page (`NULL_PA`).
    pub const NONE: L2SeptPage = L2SeptPage(None);

    /// `page` for this L2 VM.
    pub const fn new(page: Page<Sept>) -> Self {
        L2SeptPage(Some(page))
    }

    /// The page, if any.
    pub const fn page(self) -> Option<Page<Sept>> {
        self.0
    }
}

impl RegEncode for L2SeptPage {
    #[inline]
    fn to_reg(self) -> u64 {
        match self.0 {
            Some(page) => page.hpa().as_u64(),
            None => NULL_PA,
        }
    }
}

/// R9–R11 of TDH.MEM.PAGE.DEMOTE: the new Secure-EPT page of each L2 VM (1–3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct L2SeptPages {
    /// L2 VM 1 (R9).
    pub vm1: L2SeptPage,
    /// L2 VM 2 (R10).
    pub vm2: L2SeptPage,
    /// L2 VM 3 (R11).
    pub vm3: L2SeptPage,
}

impl L2SeptPages {
    /// No page for any L2 VM (a TD without L2 VMs).
    pub const NONE: L2SeptPages = L2SeptPages {
        vm1: L2SeptPage::NONE,
        vm2: L2SeptPage::NONE,
        vm3: L2SeptPage::NONE,
    };
}

/// R14 of TDH.EXPORT.MEM / TDH.IMPORT.MEM from module 1.5.16 on (public fork labels,
/// **unconfirmed**): the HPA of the L2 attribute list page, used only with a GPA list of
/// format 1 (`GPA_LIST_FORMAT_GPA_AND_ATTR`); `NONE` (`NULL_PA`) otherwise. Module 1.5.01
/// does not read the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct L2AttrList(u64);

impl L2AttrList {
    /// No list (`NULL_PA`).
    pub const NONE: L2AttrList = L2AttrList(NULL_PA);

    /// The list page at `hpa` (4 KiB aligned; the module requires a shared HPA).
    pub const fn new(hpa: crate::Hpa) -> Result<Self, crate::AddrError> {
        let raw = hpa.as_u64();
        if raw.is_multiple_of(4096) {
            Ok(L2AttrList(raw))
        } else {
            Err(crate::AddrError::Misaligned { raw, align: 4096 })
        }
    }
}

impl RegEncode for L2AttrList {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RCX of TDG.VP.INVEPT: the L2 VMs whose cached EPT translations to invalidate (bit `n`
/// for VM `n`; bit 0, the L1 VM, must be 0, and so must the bits of VMs the TD lacks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct L2VmMask(u64);

impl L2VmMask {
    /// No VM.
    pub const EMPTY: L2VmMask = L2VmMask(0);

    /// This mask with `vm` added.
    pub const fn with(self, vm: L2Vm) -> Self {
        L2VmMask(self.0 | 1 << vm.0)
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for L2VmMask {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// RCX of TDG.VP.INVVPID (`vm_and_flags_t`): bit 0 `list` (RDX is a GLA list descriptor,
/// else one GLA entry), bits 53:52 the L2 VM; every other bit reserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VmAndFlags(u64);

impl VmAndFlags {
    /// VM `vm`, RDX one GLA entry.
    pub const fn entry(vm: L2Vm) -> Self {
        VmAndFlags((vm.0 as u64) << 52)
    }

    /// VM `vm`, RDX a GLA list descriptor.
    pub const fn list(vm: L2Vm) -> Self {
        VmAndFlags((vm.0 as u64) << 52 | 1)
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for VmAndFlags {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// What TDG.VP.ENTER invalidates before entering the L2 VM (RCX bits 1:0, `do_invept`;
/// intel/tdx-module@72d8cffb `src/td_transitions/tdg_vp_enter.c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum L2Invalidate {
    /// 0: nothing.
    #[default]
    Nothing = 0,
    /// 1: every TLB entry and paging-structure translation of the VM (`flush_td_asid`).
    All = 1,
    /// 2: every TLB entry of the VM, not the EPxE (INVVPID single-context).
    TlbOnly = 2,
    /// 3: the VM's TLB entries except global translations (INVVPID single-context,
    /// retaining globals).
    NonGlobal = 3,
}

/// RCX of TDG.VP.ENTER (`vm_and_flags_t` of `tdg_vp_enter.c`): bits 1:0 the invalidation
/// ([`L2Invalidate`]), bits 53:52 the L2 VM to enter; bits 51:2 and 63:54 reserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct L2EnterFlags(u64);

impl L2EnterFlags {
    /// Enter `vm`, invalidating `invalidate` first.
    pub const fn new(vm: L2Vm, invalidate: L2Invalidate) -> Self {
        L2EnterFlags((vm.0 as u64) << 52 | invalidate as u64)
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for L2EnterFlags {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// The L2 vCPU register file TDG.VP.ENTER reads at entry and writes back at the L2 exit
/// (`l2_enter_guest_state_t`, intel/tdx-module@72d8cffb `include/tdx_api_defs.h`): its GPA
/// goes in RDX, 256-byte aligned, in this TD's private memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C, align(256))]
pub struct L2EnterGuestState {
    /// RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8–R15 (`gprs_state_t` order).
    pub gprs: [u64; 16],
    /// RFLAGS.
    pub rflags: u64,
    /// RIP.
    pub rip: u64,
    /// SSP (shadow-stack pointer).
    pub ssp: u64,
    /// The guest interrupt status (RVI 7:0, SVI 15:8).
    pub interrupt_status: u16,
}

impl L2EnterGuestState {
    /// An all-zero register file.
    pub const ZERO: L2EnterGuestState = L2EnterGuestState {
        gprs: [0; 16],
        rflags: 0,
        rip: 0,
        ssp: 0,
        interrupt_status: 0,
    };
}

const _: () = assert!(core::mem::size_of::<L2EnterGuestState>() == 256);
const _: () = assert!(core::mem::offset_of!(L2EnterGuestState, interrupt_status) == 152);

/// The GPA attributes of one page (`gpa_attr_t`): 16 bits per VM, VM `n` in bits
/// `16n+15 : 16n`; in each, R 0, W 1, XS 2, XU 3, VGP 4, PWA 5, SSS 6, SVE 7, bit 15 VALID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct GpaAttr(u64);

impl GpaAttr {
    /// From the register image (any value; the module checks the reserved bits).
    pub const fn from_raw(raw: u64) -> Self {
        GpaAttr(raw)
    }

    /// The 16 attribute bits of VM `vm` (0 = L1, 1 ..= 3 = L2).
    pub const fn vm(self, vm: u8) -> u16 {
        (self.0 >> (16 * (vm as u32 & 3))) as u16
    }

    /// This value with VM `vm`'s 16 bits set to `bits`.
    pub const fn with_vm(self, vm: L2Vm, bits: u16) -> Self {
        let shift = 16 * vm.0 as u32;
        GpaAttr(self.0 & !(0xFFFF << shift) | (bits as u64) << shift)
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for GpaAttr {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

impl RegDecode for GpaAttr {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        GpaAttr(raw)
    }
}

/// R8 of TDG.MEM.PAGE.ATTR.WR (`attr_flags_t`): 16 bits per VM; in each, bit 15 `do_invept`
/// and bits 14:0 the mask of attribute bits to write (the module's `attr_flags` uses the
/// `gpa_attr_t` layout for the mask).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AttrFlags(u64);

impl AttrFlags {
    /// For VM `vm`: write the attribute bits in `mask` (≤ 0x7FFF), and invalidate its EPT
    /// if `invept`.
    pub const fn with_vm(self, vm: L2Vm, mask: u16, invept: bool) -> Result<Self, OperandError> {
        if mask > 0x7FFF {
            return Err(OperandError {
                operand: "AttrFlags",
                field: "mask",
                value: mask as u64,
                max: 0x7FFF,
            });
        }
        let shift = 16 * vm.0 as u32;
        let bits = mask as u64 | (invept as u64) << 15;
        Ok(AttrFlags(self.0 & !(0xFFFF << shift) | bits << shift))
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for AttrFlags {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts() {
        let vm2 = L2Vm::new(2).unwrap();
        assert!(L2Vm::new(0).is_err() && L2Vm::new(4).is_err());
        assert_eq!(L2VmMask::EMPTY.with(vm2).raw(), 0b100);
        assert_eq!(VmAndFlags::list(vm2).raw(), 2 << 52 | 1);
        assert_eq!(L2SeptPage::NONE.to_reg(), !0);
        assert_eq!(
            L2EnterFlags::new(vm2, L2Invalidate::TlbOnly).raw(),
            2 << 52 | 2
        );
        let attr = GpaAttr::from_raw(0).with_vm(vm2, 0x8003);
        assert_eq!((attr.raw(), attr.vm(2)), (0x8003 << 32, 0x8003));
        assert!(AttrFlags::default().with_vm(vm2, 0x8000, false).is_err());
        assert_eq!(
            AttrFlags::default().with_vm(vm2, 3, true).unwrap().raw(),
            0x8003 << 32
        );
    }
}

/// R8 of TDH.MEM.SEPT.ADD version 1: the new Secure-EPT page of the L1 VM, or none
/// (`NULL_PA`): the L1 Secure-EPT page must then exist already (the parent entry non-leaf
/// and mapped), and only the L2 VMs' pages (R9–R11) are added. Version 0 refuses `NULL_PA`
/// (`TDX_OPERAND_INVALID` operand R8). intel/tdx-module@72d8cffb
/// `src/vmm_dispatcher/api_calls/tdh_mem_sept_add.c` (`process_l1_page`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct L1SeptPage(Option<Page<Sept>>);

impl L1SeptPage {
    /// No page (`NULL_PA`): the L1 Secure-EPT page exists already.
    pub const NONE: L1SeptPage = L1SeptPage(None);

    /// `page` for the L1 VM.
    pub const fn new(page: Page<Sept>) -> Self {
        L1SeptPage(Some(page))
    }

    /// The page, if any.
    pub const fn page(self) -> Option<Page<Sept>> {
        self.0
    }
}

impl RegEncode for L1SeptPage {
    #[inline]
    fn to_reg(self) -> u64 {
        match self.0 {
            Some(page) => page.hpa().as_u64(),
            None => NULL_PA,
        }
    }
}

/// R8–R11 of TDH.MEM.SEPT.ADD version 1: the new Secure-EPT page of the L1 VM and of each
/// L2 VM (1–3), each a page or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SeptAddPages {
    /// The L1 VM (R8).
    pub l1: L1SeptPage,
    /// L2 VMs 1–3 (R9–R11).
    pub l2: L2SeptPages,
}

/// RDX of TDH.MEM.SEPT.ADD version 1 (`td_handle_and_flags_t`): the TD's TDR page and, in
/// bit 0, `allow_existing`: a Secure-EPT page that exists already is not an error, and the
/// page given for it comes back unused ([`SeptAddPage::NotUsed`]). Bits 11:1 and 63:52 are
/// reserved (`TDX_OPERAND_INVALID` operand RDX). intel/tdx-module@72d8cffb
/// `include/tdx_api_defs.h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TdHandleAndFlags(u64);

impl TdHandleAndFlags {
    /// `tdr`, with `allow_existing` in bit 0.
    pub const fn new(tdr: Page<crate::Tdr>, allow_existing: bool) -> Self {
        TdHandleAndFlags(tdr.hpa().as_u64() | allow_existing as u64)
    }

    /// The `allow_existing` flag (bit 0).
    pub const fn allow_existing(self) -> bool {
        self.0 & 1 != 0
    }

    /// The register image.
    pub const fn raw(self) -> u64 {
        self.0
    }
}

impl RegEncode for TdHandleAndFlags {
    #[inline]
    fn to_reg(self) -> u64 {
        self.0
    }
}

/// What TDH.MEM.SEPT.ADD version 1 did with one page it was given (R8–R11 on return), from
/// the handler's `flagged_sept_page_pa` (intel/tdx-module@72d8cffb `tdh_mem_sept_add.c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SeptAddPage {
    /// `NULL_PA`: the page was added (it now belongs to the TD), or none was given.
    Added,
    /// Bit 63 set: a Secure-EPT page existed already (`allow_existing`); this page, the HPA
    /// with bit 63 cleared, was not used and is still the host's.
    NotUsed(u64),
    /// Neither: the call stopped before adding it (an error or `TDX_INTERRUPTED_RESUMABLE`);
    /// the page, this HPA, is still the host's.
    Pending(u64),
}

impl RegDecode for SeptAddPage {
    #[inline]
    fn from_reg(raw: u64) -> Self {
        if raw == NULL_PA {
            SeptAddPage::Added
        } else if raw & (1 << 63) != 0 {
            SeptAddPage::NotUsed(raw & !(1 << 63))
        } else {
            SeptAddPage::Pending(raw)
        }
    }
}
