//! A table leaf number must fit bits 15:0 of RAX: 0x10016 would silently set version 1.
tdx_core::abi_table! {
    /// TDH.VP.INIT with its version folded into the number by mistake.
    pub seamcall TdhVpInitV1 = 0x10016, version 0, "TDH.VP.INIT" {
        in {}
        out {}
    }
}

fn main() {}
