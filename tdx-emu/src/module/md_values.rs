//! The values behind the metadata fields ([`md`](super::md)): the fields the model keeps state
//! of are read from (and written to) that state, by the row's name in the module's table; every
//! other element is stored per TD ([`Td::md`]) or per vCPU ([`Vcpu::md`]), zero until written,
//! as the module's TDR, TDCS and TDVPS pages start out zeroed. A stored value, once written,
//! wins over the derived one, so every writable field reads back what was written.
//!
//! Global fields: [`global_fields`](super::metadata::global_fields) (the model's values),
//! every other global field reads 0.

use super::md::Element;
use super::measure::Digest48;
use super::td::{Td, Vcpu};

/// Element `i` (little-endian 8-byte words) of a 48-byte digest.
fn word(digest: &Digest48, i: u64) -> u64 {
    let i = (i as usize).min(5) * 8;
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[i..i + 8]);
    u64::from_le_bytes(bytes)
}

/// The value of a TDR/TDCS element, from the model's state.
fn td_derived(td: &Td, e: &Element) -> Option<u64> {
    let p = td.params.unwrap_or_default();
    let i = e.index;
    Some(match e.row.name.as_str() {
        "NUM_TDCX" => td.tdcs.len() as u64,
        "CHLDCNT" => td.child_count,
        "LIFECYCLE_STATE" => td.lifecycle.code(),
        "TDCX_PA" => td.tdcs.get(i as usize).copied().unwrap_or(0),
        "HKID" => u64::from(td.hkid),
        "PKG_CONFIG_BITMAP" => td.pkg_configured,
        "NUM_VCPUS" => td.vcpus.len() as u64,
        "OP_STATE" => td.op.code(),
        "ATTRIBUTES" => p.attributes,
        "XFAM" => p.xfam,
        "MAX_VCPUS" => u64::from(p.max_vcpus),
        "GPAW" => u64::from(td.gpaw == 52),
        "EPTP" => p.eptp_controls,
        "TSC_MULTIPLIER" => 1 << 48,
        "TSC_FREQUENCY" => u64::from(p.tsc_frequency),
        "CONFIG_FLAGS" => p.config_flags,
        "NOTIFY_ENABLES" => td.notify_enables,
        "TD_CTLS" => td.td_ctls,
        "TD_EPOCH" => td.epoch,
        "MRTD" => word(&td.mrtd_final.unwrap_or([0; 48]), i),
        "MRCONFIGID" => word(&p.mrconfigid, i),
        "MROWNER" => word(&p.mrowner, i),
        "MROWNERCONFIG" => word(&p.mrownerconfig, i),
        "RTMR" => word(&td.rtmr[(i / 6).min(3) as usize], i % 6),
        "TD_UUID" => td.uuid[(i as usize).min(3)],
        "SERVTD_NUM" => u64::from(td.servtd_num),
        "SERVTD_BINDINGS_TABLE" => td.servtd.element(i),
        _ => return None,
    })
}

/// The value of a TDR/TDCS element.
pub(crate) fn td_get(td: &Td, e: &Element) -> u64 {
    td.md
        .get(&e.key())
        .copied()
        .or_else(|| td_derived(td, e))
        .unwrap_or(0)
}

/// Stores a TDR/TDCS element (after [`md::write`](super::md::write) allowed it).
pub(crate) fn td_set(td: &mut Td, e: &Element, value: u64) {
    match e.row.name.as_str() {
        "NOTIFY_ENABLES" => td.notify_enables = value,
        "TD_CTLS" => td.td_ctls = value,
        _ => {
            td.md.insert(e.key(), value);
        }
    }
}

/// The guest GPR a TDVPS GPR row names (class 0x10, field code = the register number).
fn gpr(e: &Element) -> Option<usize> {
    ((e.row.id >> 56) & 0x3F == 0x10 && e.row.name != "RSP_PLACEHOLDER")
        .then_some((e.row.id & 0xF) as usize)
}

/// The value of a TD VMCS or TDVPS element, from the model's state.
fn vp_derived(td: &Td, vcpu: &Vcpu, e: &Element) -> Option<u64> {
    if let Some(n) = gpr(e) {
        return Some(vcpu.gprs[n]);
    }
    let tdvps_page = |i: u64| match i {
        0 => Some(vcpu.tdvpr),
        i => vcpu.tdcx.get(i as usize - 1).copied(),
    };
    Some(match e.row.name.as_str() {
        // TD VMCS.
        "POSTED_INTERRUPT_NOTIFICATION_VECTOR" => vcpu.posted_intr_nv,
        "POSTED_INTERRUPT_DESCRIPTOR_ADDRESS" => vcpu.posted_intr_desc,
        "SHARED_EPTP" => vcpu.shared_eptp,
        "PIN_BASED_VM_EXECTION_CONTROLS" => vcpu.pin_based,
        "GUEST_CR0" => vcpu.cr0,
        "GUEST_CR4" => vcpu.cr4,
        "GUEST_RSP" => vcpu.gprs[4],
        "GUEST_RIP" => vcpu.rip,
        "GUEST_RFLAGS" => vcpu.rflags,
        "TD_HKID" => u64::from(td.hkid),
        // TDVPS.
        "VCPU_INDEX" => u64::from(vcpu.index),
        "NUM_TDVPS_PAGES" => vcpu.tdcx.len() as u64 + 1,
        "TDVPS_PAGE_PA" => tdvps_page(e.index).unwrap_or(0),
        "PEND_NMI" => vcpu.pend_nmi,
        "XFAM" => td.params.map_or(0, |p| p.xfam),
        _ => return None,
    })
}

/// The value of a TD VMCS or TDVPS element.
pub(crate) fn vp_get(td: &Td, vcpu: &Vcpu, e: &Element) -> u64 {
    vcpu.md
        .get(&e.key())
        .copied()
        .or_else(|| vp_derived(td, vcpu, e))
        .unwrap_or(0)
}

/// Stores a TD VMCS or TDVPS element.
pub(crate) fn vp_set(vcpu: &mut Vcpu, e: &Element, value: u64) {
    if let Some(n) = gpr(e) {
        vcpu.gprs[n] = value;
        return;
    }
    let slot = match e.row.name.as_str() {
        "POSTED_INTERRUPT_NOTIFICATION_VECTOR" => &mut vcpu.posted_intr_nv,
        "POSTED_INTERRUPT_DESCRIPTOR_ADDRESS" => &mut vcpu.posted_intr_desc,
        "SHARED_EPTP" => &mut vcpu.shared_eptp,
        "PIN_BASED_VM_EXECTION_CONTROLS" => &mut vcpu.pin_based,
        "GUEST_CR0" => &mut vcpu.cr0,
        "GUEST_CR4" => &mut vcpu.cr4,
        "GUEST_RSP" => &mut vcpu.gprs[4],
        "GUEST_RIP" => &mut vcpu.rip,
        "GUEST_RFLAGS" => &mut vcpu.rflags,
        "PEND_NMI" => &mut vcpu.pend_nmi,
        _ => {
            vcpu.md.insert(e.key(), value);
            return;
        }
    };
    *slot = value;
}
