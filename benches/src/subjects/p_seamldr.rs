//! The footprint subjects of the P-SEAMLDR SEAMCALL leaves, in catalog order.

use super::*;

// The entry syntax: see `seamcall.rs`.
subjects! {
    // ================================================================ SEAMCALL (P-SEAMLDR)

    p_seamldr_info(info: Hpa) => Seamcall {
        catalog seamldr::p_seamldr_info -> TdxStatus;
        floor seamcall(0x8000_0000_0000_0000) [
            inout("rcx") info.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(0x8000_0000_0000_0000) { rcx: info.to_reg() } -> [];
    }

    p_seamldr_install(params: Hpa) => Seamcall {
        catalog seamldr::p_seamldr_install -> TdxStatus;
        floor seamcall(0x8000_0000_0000_0001) [
            inout("rcx") params.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(0x8000_0000_0000_0001) { rcx: params.to_reg() } -> [];
    }
}
