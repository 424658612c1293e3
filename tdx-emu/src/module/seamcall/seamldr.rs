//! The P-SEAMLDR leaves (SEAMCALL with RAX bit 63 set): INFO and INSTALL.

use super::{SUCCESS, physical};
use crate::module::pamt::PAGE_4K;
use crate::module::status::{Outcome, invalid, operand as op};
use crate::module::{Call, Phase};

pub(super) fn p_seamldr_info(call: &mut Call<'_>) -> Outcome {
    let pa = call.cpu.rcx;
    if !pa.is_multiple_of(8) || !physical(call, pa) {
        return Err(invalid(op::RCX));
    }
    // struct p_seamldr_info: version, attributes, vendor_id, build_date (u32 each), build_num,
    // minor, major, update (u16 each), 4 reserved bytes, num_remaining_updates (u32), zeroes.
    let mut info = [0u8; 256];
    info[8..12].copy_from_slice(&0x8086u32.to_le_bytes());
    info[12..16].copy_from_slice(&20_250_101u32.to_le_bytes());
    info[16..18].copy_from_slice(&1u16.to_le_bytes());
    info[20..22].copy_from_slice(&2u16.to_le_bytes());
    info[28..32].copy_from_slice(&16u32.to_le_bytes());
    call.mem.write(pa, &info);
    SUCCESS
}

pub(super) fn p_seamldr_install(call: &mut Call<'_>) -> Outcome {
    let pa = call.cpu.rcx;
    if !pa.is_multiple_of(PAGE_4K) || pa == 0 || !physical(call, pa) {
        return Err(invalid(op::RCX));
    }
    if call.st.g.sys.phase != Phase::Shutdown {
        return Err(invalid(op::SYS));
    }
    call.st.g.sys.phase = Phase::UpdatePending;
    call.st.g.sys.update_version = call.st.g.sys.update_version.wrapping_add(1);
    call.st.g.sys.lp_init.clear();
    SUCCESS
}
