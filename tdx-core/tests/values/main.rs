//! Value types of tdx-core: constructors reject exactly the invalid inputs, register
//! decoding is total and lossless, statuses decode as the reference table says.

mod addr;
mod args;
mod connect;
mod metadata;
mod properties;
mod scan;
mod sept;
mod status;

use proptest::prelude::*;
use tdx_core::reg::{RegDecode, RegEncode};
use tdx_core::{
    AcceptGpa, AddrError, FieldId, Gpa, Guest, Gva, Hkid, Hpa, Hva, KeyedHpa, ModuleArgs, Page,
    PageSize, Sept, SeptGpa, SeptLevel, SharedGpa, Tdcs, Tdcx, Tdr, TdvmcallStatus, Tdvpr,
    TdxStatus,
};
use tdx_core::{PageType, SeptEntryState, SeptLevelState};

pub(crate) const PHYS_LIMIT: u64 = 1 << 52;

/// Canonical for 4-level paging, written independently of the crate's sign-extension trick.
pub(crate) fn is_canonical(raw: u64) -> bool {
    raw <= 0x0000_7fff_ffff_ffff || raw >= 0xffff_8000_0000_0000
}

/// u64 values biased towards the interesting boundaries.
pub(crate) fn interesting_u64() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        0..PHYS_LIMIT,
        (PHYS_LIMIT - 4096)..(PHYS_LIMIT + 4096),
        0x0000_7fff_ffff_0000u64..0x0000_8000_0001_0000,
        0xffff_7fff_ffff_0000u64..0xffff_8000_0001_0000,
        0xffff_ffff_ffff_0000u64..=u64::MAX,
        (0u64..(1 << 40)).prop_map(|x| x | (1 << 47)),
        (0u64..(1 << 40)).prop_map(|x| x | (1 << 51)),
        (0u64..(1 << 52)).prop_map(|x| x & !0xfff),
        Just(0u64),
    ]
}
