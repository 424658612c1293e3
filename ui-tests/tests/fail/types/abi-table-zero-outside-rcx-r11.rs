//! Reserved inputs are loaded inside the wrapper's `asm!` block: RCX–R11 only.
tdx_core::abi_table! {
    /// A leaf with a reserved R12.
    pub seamcall TdhVendorReserved = 0x7B, version 0, "TDH.VENDOR.RESERVED" {
        in {}
        zero { r12 }
        out {}
    }
}

fn main() {}
