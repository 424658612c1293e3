//! [`Raw`]: the register an output value was decoded from, so that (a)'s typed outputs compare
//! with the raw registers (b) and (c) return.

use tdx_core::PageType;
use tdx_core::reg::RegEncode;
use tdx_core::{
    AddrError, ExitReason, GpaAttr, GpaListInfo, GpaWidth, PamtPageSize, TdAttributes,
    TdvmcallStatus, TdxStatus, VeInstruction,
};

/// The raw register of an output value.
pub trait Raw {
    /// The 64-bit register it was decoded from.
    fn raw(&self) -> u64;
}
impl Raw for u64 {
    fn raw(&self) -> u64 {
        *self
    }
}
impl Raw for PageType {
    fn raw(&self) -> u64 {
        PageType::raw(*self)
    }
}
impl Raw for TdxStatus {
    fn raw(&self) -> u64 {
        TdxStatus::raw(*self)
    }
}
impl Raw for TdvmcallStatus {
    fn raw(&self) -> u64 {
        TdvmcallStatus::raw(*self)
    }
}
macro_rules! raw_via_raw {
    ($($ty:ty),*) => {$(
        impl Raw for $ty {
            fn raw(&self) -> u64 {
                <$ty>::raw(*self)
            }
        }
    )*};
}
raw_via_raw!(
    GpaWidth,
    TdAttributes,
    ExitReason,
    VeInstruction,
    PamtPageSize,
    GpaAttr
);
/// A decoded address: its register, or `u64::MAX` if it did not decode (samples always do).
impl<T: RegEncode> Raw for Result<T, AddrError> {
    fn raw(&self) -> u64 {
        self.map_or(u64::MAX, RegEncode::to_reg)
    }
}
impl Raw for GpaListInfo {
    fn raw(&self) -> u64 {
        self.to_reg()
    }
}
