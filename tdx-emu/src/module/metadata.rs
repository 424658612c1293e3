//! Metadata fields: the global fields of TDH.SYS.RD, the TD-scope fields of TDH.MNG.RD and
//! TDG.VM.RD/WR, and the vCPU fields of TDH.VP.RD/WR.
//!
//! A field ID is matched on its class (bits 61:56) and field code (bits 23:0) only, as Linux
//! compares them ("other bits in metadata IDs cannot be used for comparison"): the non-arch bit,
//! element size, context and write-mask-valid bits of the caller's ID are ignored. So the TD
//! field `CONFIG_FLAGS` is found both as `0x1110000300000016` (the ID Linux's guest uses) and as
//! `0x9110000300000016` (the TDX module 1.5 table's ID).
//!
//! The IDs are Linux's (`tdx_global_metadata.c`, `tdx_arch.h`, `coco/tdx/tdx.c`) and, for the
//! TDR/TDCS fields Linux does not read, the TDX module's (`tdr_tdcs_fields_lookup.c`). The
//! values of the global fields are the model's (see [`Config`] and
//! `docs/emulator.md`).

use super::Config;

/// The bits that identify a field: class (61:56) and field code (23:0).
pub(crate) const KEY_MASK: u64 = (0x3F << 56) | 0x00FF_FFFF;

/// The comparison key of a field ID.
pub(crate) const fn key(id: u64) -> u64 {
    id & KEY_MASK
}

/// Global metadata field IDs (TDH.SYS.RD).
pub mod global {
    /// MINOR_VERSION (16 bits).
    pub const MINOR_VERSION: u64 = 0x0800_0001_0000_0003;
    /// MAJOR_VERSION (16 bits).
    pub const MAJOR_VERSION: u64 = 0x0800_0001_0000_0004;
    /// UPDATE_VERSION (16 bits).
    pub const UPDATE_VERSION: u64 = 0x0800_0001_0000_0005;
    /// SYS_ATTRIBUTES (32 bits).
    pub const SYS_ATTRIBUTES: u64 = 0x0A00_0002_0000_0000;
    /// TDX_FEATURES0 (64 bits; bit 18 = NO_RBP_MOD).
    pub const TDX_FEATURES0: u64 = 0x0A00_0003_0000_0008;
    /// MODULE_HV: the handoff version TDH.SYS.SHUTDOWN takes in RCX.
    pub const MODULE_HV: u64 = 0x8900_0001_0000_0000;
    /// NUM_CMRS.
    pub const NUM_CMRS: u64 = 0x9000_0001_0000_0000;
    /// CMR_BASE\[i\] is `CMR_BASE + i`.
    pub const CMR_BASE: u64 = 0x9000_0003_0000_0080;
    /// CMR_SIZE\[i\] is `CMR_SIZE + i`.
    pub const CMR_SIZE: u64 = 0x9000_0003_0000_0100;
    /// MAX_TDMRS.
    pub const MAX_TDMRS: u64 = 0x9100_0001_0000_0008;
    /// MAX_RESERVED_PER_TDMR.
    pub const MAX_RESERVED_PER_TDMR: u64 = 0x9100_0001_0000_0009;
    /// PAMT_4K_ENTRY_SIZE.
    pub const PAMT_4K_ENTRY_SIZE: u64 = 0x9100_0001_0000_0010;
    /// PAMT_2M_ENTRY_SIZE.
    pub const PAMT_2M_ENTRY_SIZE: u64 = 0x9100_0001_0000_0011;
    /// PAMT_1G_ENTRY_SIZE.
    pub const PAMT_1G_ENTRY_SIZE: u64 = 0x9100_0001_0000_0012;
    /// TDR_BASE_SIZE (bytes).
    pub const TDR_BASE_SIZE: u64 = 0x9800_0001_0000_0000;
    /// TDCS_BASE_SIZE (bytes): TDH.MNG.ADDCX is called `TDCS_BASE_SIZE / 4096` times.
    pub const TDCS_BASE_SIZE: u64 = 0x9800_0001_0000_0100;
    /// TDVPS_BASE_SIZE (bytes): a vCPU has `TDVPS_BASE_SIZE / 4096 - 1` TDCX pages.
    pub const TDVPS_BASE_SIZE: u64 = 0x9800_0001_0000_0200;
    /// ATTRIBUTES_FIXED0: TD attribute bits that may be 1.
    pub const ATTRIBUTES_FIXED0: u64 = 0x1900_0003_0000_0000;
    /// ATTRIBUTES_FIXED1: TD attribute bits that must be 1.
    pub const ATTRIBUTES_FIXED1: u64 = 0x1900_0003_0000_0001;
    /// XFAM_FIXED0: XFAM bits that may be 1.
    pub const XFAM_FIXED0: u64 = 0x1900_0003_0000_0002;
    /// XFAM_FIXED1: XFAM bits that must be 1.
    pub const XFAM_FIXED1: u64 = 0x1900_0003_0000_0003;
    /// NUM_CPUID_CONFIG.
    pub const NUM_CPUID_CONFIG: u64 = 0x9900_0001_0000_0004;
    /// MAX_VCPUS_PER_TD.
    pub const MAX_VCPUS_PER_TD: u64 = 0x9900_0001_0000_0008;
    /// CPUID_CONFIG_LEAVES\[i\] is `CPUID_CONFIG_LEAVES + i`.
    pub const CPUID_CONFIG_LEAVES: u64 = 0x9900_0003_0000_0400;
    /// CPUID_CONFIG_VALUES\[i\]\[j\] is `CPUID_CONFIG_VALUES + 2 * i + j`.
    pub const CPUID_CONFIG_VALUES: u64 = 0x9900_0003_0000_0500;
}

/// TD-scope metadata field IDs (TDH.MNG.RD, TDG.VM.RD/WR).
pub mod td {
    /// TDR.NUM_TDCX.
    pub const NUM_TDCX: u64 = 0x8010_0002_0000_0002;
    /// TDR.CHLDCNT.
    pub const CHLDCNT: u64 = 0x8010_0003_0000_0004;
    /// TDR.LIFECYCLE_STATE.
    pub const LIFECYCLE_STATE: u64 = 0x8010_0002_0000_0005;
    /// TDR.HKID.
    pub const HKID: u64 = 0x8110_0001_0000_0001;
    /// TDR.PKG_CONFIG_BITMAP.
    pub const PKG_CONFIG_BITMAP: u64 = 0x8110_0003_0000_0002;
    /// TDCS.NUM_VCPUS.
    pub const NUM_VCPUS: u64 = 0x9010_0002_0000_0001;
    /// TDCS.OP_STATE.
    pub const OP_STATE: u64 = 0x9010_0002_0000_0004;
    /// TDCS.ATTRIBUTES.
    pub const ATTRIBUTES: u64 = 0x1110_0003_0000_0000;
    /// TDCS.XFAM.
    pub const XFAM: u64 = 0x1110_0003_0000_0001;
    /// TDCS.MAX_VCPUS.
    pub const MAX_VCPUS: u64 = 0x1110_0002_0000_0002;
    /// TDCS.GPAW.
    pub const GPAW: u64 = 0x1110_0000_0000_0003;
    /// TDCS.EPTP.
    pub const EPTP: u64 = 0x1110_0003_0000_0004;
    /// TDCS.TSC_OFFSET (KVM: `TD_TDCS_EXEC_TSC_OFFSET`).
    pub const TSC_OFFSET: u64 = 0x1110_0003_0000_000A;
    /// TDCS.TSC_MULTIPLIER.
    pub const TSC_MULTIPLIER: u64 = 0x1110_0003_0000_000B;
    /// TDCS.TSC_FREQUENCY.
    pub const TSC_FREQUENCY: u64 = 0x1110_0001_0000_000C;
    /// TDCS.NOTIFY_ENABLES (guest read/write, bit 0).
    pub const NOTIFY_ENABLES: u64 = 0x9100_0000_0000_0010;
    /// TDCS.CONFIG_FLAGS.
    pub const CONFIG_FLAGS: u64 = 0x1110_0003_0000_0016;
    /// TDCS.TD_CTLS (guest read/write, mask `0x800000000000001F`).
    pub const TD_CTLS: u64 = 0x1110_0003_0000_0017;
    /// TDCS.TOPOLOGY_ENUM_CONFIGURED.
    pub const TOPOLOGY_ENUM_CONFIGURED: u64 = 0x9100_0000_0000_0019;
    /// TDCS CPUID values (`TD_MD_FIELD_ID_CPUID_VALUES`): field codes 0..=0xFF of this class.
    pub const CPUID_VALUES: u64 = 0x9410_0003_0000_0000;
}

/// vCPU-scope (TDVPS) metadata field IDs (TDH.VP.RD/WR), built as Linux builds them
/// (`class << 56 | field`).
pub mod vp {
    /// TD VMCS POSTED_INTR_NV (writable, 16 bits).
    pub const POSTED_INTR_NV: u64 = 0x0002;
    /// TD VMCS TSC_OFFSET (read only).
    pub const TSC_OFFSET: u64 = 0x2010;
    /// TD VMCS POSTED_INTR_DESC_ADDR (writable, 64-byte aligned).
    pub const POSTED_INTR_DESC_ADDR: u64 = 0x2016;
    /// TD VMCS SHARED_EPT_POINTER (writable, 4 KiB aligned).
    pub const SHARED_EPT_POINTER: u64 = 0x203C;
    /// TD VMCS PIN_BASED_VM_EXEC_CONTROL (bit 7, posted interrupts, writable).
    pub const PIN_BASED_VM_EXEC_CONTROL: u64 = 0x4000;
    /// TD VMCS GUEST_CR0 (debug TDs only).
    pub const GUEST_CR0: u64 = 0x6800;
    /// TD VMCS GUEST_CR4 (debug TDs only).
    pub const GUEST_CR4: u64 = 0x6804;
    /// TD VMCS GUEST_RSP (debug TDs only).
    pub const GUEST_RSP: u64 = 0x681C;
    /// TD VMCS GUEST_RIP (debug TDs only).
    pub const GUEST_RIP: u64 = 0x681E;
    /// TD VMCS GUEST_RFLAGS (debug TDs only).
    pub const GUEST_RFLAGS: u64 = 0x6820;
    /// Guest GPR `n` (RAX = 0 ... R15 = 15) is `GUEST_GPR + n` (debug TDs only).
    pub const GUEST_GPR: u64 = 0x1000_0000_0000_0000;
    /// VCPU_STATE_DETAILS (read only; bit 0 = interrupt pending).
    pub const STATE_DETAILS: u64 = 0x9100_0000_0000_0100;
    /// PEND_NMI (management class; writable bit 0).
    pub const PEND_NMI: u64 = 0xA000_0000_0000_000B;
}

/// One global field and its value.
pub(crate) struct GlobalField {
    pub(crate) id: u64,
    pub(crate) value: u64,
}

/// CPUID leaves the model lists as configurable: (leaf, sub-leaf or `u32::MAX`).
const CPUID_LEAVES: [(u32, u32); 4] =
    [(0x1, u32::MAX), (0x7, 0), (0xD, 1), (0x8000_0008, u32::MAX)];

/// Configurable bits of each CPUID leaf: (EBX:EAX, EDX:ECX).
const CPUID_VALUES: [(u64, u64); 4] = [
    (0x0000_0000_0FFF_3FFF, 0xFFFF_FFFF_FFFF_FFFF),
    (0x0000_0000_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF),
    (0x0000_0000_0000_000F, 0x0000_0000_0000_0000),
    (0x0000_0000_0000_00FF, 0x0000_0000_0000_0000),
];

/// TD attribute bits a TD may set: DEBUG, SEPT_VE_DISABLE, PKS, KL, PERFMON.
pub(crate) const ATTRIBUTES_FIXED0: u64 = (1 << 0) | (1 << 28) | (1 << 30) | (1 << 31) | (1 << 63);
/// TD attribute bits a TD must set: none.
pub(crate) const ATTRIBUTES_FIXED1: u64 = 0;
/// XFAM bits a TD may set: x87, SSE, AVX, AVX-512 (3 bits), PKRU, AMX (2 bits).
pub(crate) const XFAM_FIXED0: u64 = 0x0006_02E7;
/// XFAM bits a TD must set: x87, SSE.
pub(crate) const XFAM_FIXED1: u64 = 0x3;
/// The handoff version of this "module".
pub(crate) const MODULE_HV: u64 = 0x1;

/// Every global field, in the order TDH.SYS.RD enumerates them.
pub(crate) fn global_fields(config: &Config, update_version: u16) -> Vec<GlobalField> {
    use global::*;
    let mut fields = vec![
        (MINOR_VERSION, 5),
        (MAJOR_VERSION, 1),
        (UPDATE_VERSION, u64::from(update_version)),
        (SYS_ATTRIBUTES, 0),
        (TDX_FEATURES0, 1 << 18),
        (MODULE_HV, self::MODULE_HV),
        (NUM_CMRS, config.tdmrs.len() as u64),
    ];
    for (i, tdmr) in config.tdmrs.iter().enumerate() {
        fields.push((CMR_BASE + i as u64, tdmr.base));
    }
    for (i, tdmr) in config.tdmrs.iter().enumerate() {
        fields.push((CMR_SIZE + i as u64, tdmr.size));
    }
    fields.extend([
        (MAX_TDMRS, 64),
        (MAX_RESERVED_PER_TDMR, 16),
        (PAMT_4K_ENTRY_SIZE, 16),
        (PAMT_2M_ENTRY_SIZE, 16),
        (PAMT_1G_ENTRY_SIZE, 16),
        (TDR_BASE_SIZE, 4096),
        (TDCS_BASE_SIZE, u64::from(config.tdcs_pages) * 4096),
        (TDVPS_BASE_SIZE, u64::from(config.tdvps_pages) * 4096),
        (ATTRIBUTES_FIXED0, self::ATTRIBUTES_FIXED0),
        (ATTRIBUTES_FIXED1, self::ATTRIBUTES_FIXED1),
        (XFAM_FIXED0, self::XFAM_FIXED0),
        (XFAM_FIXED1, self::XFAM_FIXED1),
        (NUM_CPUID_CONFIG, CPUID_LEAVES.len() as u64),
    ]);
    for (i, (leaf, subleaf)) in CPUID_LEAVES.iter().enumerate() {
        fields.push((
            CPUID_CONFIG_LEAVES + i as u64,
            u64::from(*leaf) | (u64::from(*subleaf) << 32),
        ));
    }
    for (i, (low, high)) in CPUID_VALUES.iter().enumerate() {
        fields.push((CPUID_CONFIG_VALUES + 2 * i as u64, *low));
        fields.push((CPUID_CONFIG_VALUES + 2 * i as u64 + 1, *high));
    }
    fields
        .into_iter()
        .map(|(id, value)| GlobalField { id, value })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_fields_are_unique() {
        let fields = global_fields(&Config::default(), 6);
        let mut keys: Vec<u64> = fields.iter().map(|f| key(f.id)).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), fields.len());
    }
}
