//! The ABI table: TDH.SERVTD.*: service-TD binding (SEAMCALL).
//!
//! Numbers, versions and registers: the Intel TDX module source (intel/tdx-module@72d8cffb,
//! 1.5.01), checked by `tests/module_abi.rs` against `tdx-core/tests/data/module-abi.json`.

use crate::{Hpa, Page, ServtdAttributes, ServtdHandle, ServtdSlot, ServtdType, Tdr};

crate::abi_table! {
    list LEAVES;

    // ---------------------------------------------- module 1.5 leaves (from the catalog)

    /// TDH.SERVTD.BIND (leaf 48): bind a service TD (e.g. a migration TD) to a target TD. RCX = the
    /// TD's TDR; RDX = the service TD's TDR; R8 = the binding slot; R9 = the service-TD type; R10 =
    /// the binding attributes. Returns RCX = the binding handle, for TDG.SERVTD.RD/WR; R10 = the
    /// target TD's TD_UUID, bits 63:0; R11 = TD_UUID bits 127:64; R12 = TD_UUID bits 191:128; R13 =
    /// TD_UUID bits 255:192. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_servtd_bind.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhServtdBind = 48, version 0, "TDH.SERVTD.BIND" {
        since { 0: (1, 5, 1) }
        in {
            rcx: Page<Tdr>,
            rdx: Page<Tdr>,
            r8: ServtdSlot,
            r9: ServtdType,
            r10: ServtdAttributes,
        }
        out { rcx: ServtdHandle, r10: u64, r11: u64, r12: u64, r13: u64 }
    }

    /// TDH.SERVTD.PREBIND (leaf 49): pre-bind a service TD to a target TD by its TDINFO hash,
    /// before the service TD exists. RCX = the TD's TDR; RDX = shared HPA (64-byte aligned) of the
    /// 48-byte SERVTD_INFO_HASH; R8 = the binding slot; R9 = the service-TD type; R10 = the binding
    /// attributes. Source: intel/tdx-module@72d8cffb
    /// `src/vmm_dispatcher/migration_api_calls/tdh_servtd_prebind.c` and the dispatcher (added with
    /// the catalog's module-1.5 leaves).
    pub seamcall TdhServtdPrebind = 49, version 0, "TDH.SERVTD.PREBIND" {
        since { 0: (1, 5, 1) }
        in {
            rcx: Page<Tdr>,
            rdx: Hpa,
            r8: ServtdSlot,
            r9: ServtdType,
            r10: ServtdAttributes,
        }
        out {}
    }
}
