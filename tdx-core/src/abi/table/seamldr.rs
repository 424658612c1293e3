//! The ABI table: the P-SEAMLDR leaves (bit 63 of RAX), answered by the loader, not the module.
//!
//! Source: intel/tdx-loader@f4779881 (branch `tdx-loader-1.5`) and torvalds/linux
//! `arch/x86/virt/vmx/tdx/seamldr.c@b2128290`. The loader dispatches on the whole RAX, so
//! these leaves have no versions.

use crate::Hpa;

crate::abi_table! {
    list LEAVES;

    /// P-SEAMLDR.INFO (P-SEAMLDR leaf 0x8000000000000000): RCX = physical address of a
    /// `struct seamldr_info` the loader fills in.
    pub seamldr PSeamldrInfo = 0, version 0, "P-SEAMLDR.INFO" {
        in { rcx: Hpa }
        out {}
    }

    /// P-SEAMLDR.INSTALL (P-SEAMLDR leaf 0x8000000000000001): RCX = physical address of a
    /// 4 KiB `struct seamldr_params`.
    pub seamldr PSeamldrInstall = 1, version 0, "P-SEAMLDR.INSTALL" {
        in { rcx: Hpa }
        out {}
    }
}
