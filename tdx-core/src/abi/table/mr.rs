//! The ABI table: TDH.MR.*: the TD measurement.
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module; 1.0.00
//! @9359de5c, 1.5.01 @72d8cffb, 1.5.34 @9fd3c8b1, 2.0.18 @e69a4391), as extracted in
//! `tdx-core/tests/data/module-abi.json`, which `tests/module_abi.rs` checks every entry
//! against. How Linux issues each leaf: torvalds/linux `arch/x86/virt/vmx/tdx/tdx.c@0eaed89c`,
//! `arch/x86/kvm/vmx/tdx.c@3829d81b`.

use crate::{Gpa, Page, Tdr};

crate::abi_table! {
    list LEAVES;

    /// TDH.MR.EXTEND (leaf 16): extend the TD measurement with a 256-byte chunk.
    /// RCX = GPA of the chunk, RDX = TDR. On error RCX/RDX hold the entry and level/state.
    pub seamcall TdhMrExtend = 16, version 0, "TDH.MR.EXTEND" {
        since { 0: (1, 0, 0) }
        in { rcx: Gpa, rdx: Page<Tdr> }
        out {}
        err { rcx, rdx }
        no_info;
    }

    /// TDH.MR.FINALIZE (leaf 17): finalize the TD measurement. RCX = TDR.
    pub seamcall TdhMrFinalize = 17, version 0, "TDH.MR.FINALIZE" {
        since { 0: (1, 0, 0) }
        in { rcx: Page<Tdr> }
        out {}
        no_info;
    }
}
