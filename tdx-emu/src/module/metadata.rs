//! Metadata fields: the global fields of TDH.SYS.RD, the TD-scope fields of TDH.MNG.RD and
//! TDG.VM.RD/WR, and the vCPU fields of TDH.VP.RD/WR.
//!
//! A field ID is matched on its class (bits 61:56) and field code (bits 23:0) only, as Linux
//! compares them ("other bits in metadata IDs cannot be used for comparison"): the non-arch bit,
//! element size, context and write-mask-valid bits of the caller's ID are ignored. So the TD
//! field `CONFIG_FLAGS` is found both as `0x1110000300000016` (the ID Linux's guest uses) and as
//! `0x9110000300000016` (the TDX module 1.5 table's ID).
//!
//! The IDs are the TDX module's, generated into [`tdx_core::metadata_fields`] from its field
//! tables (`*_fields_lookup.c`). The values of the global fields are the model's (see
//! [`Config`] and `docs/emulator.md`).

use tdx_core::FieldId;

use super::Config;

/// The bits that identify a field: class (61:56) and field code (23:0).
pub(crate) const KEY_MASK: u64 = (0x3F << 56) | 0x00FF_FFFF;

/// The comparison key of a field ID.
pub(crate) const fn key(id: u64) -> u64 {
    id & KEY_MASK
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
    use tdx_core::metadata_fields::global::*;
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
        fields.push((FieldId::from_raw(CMR_BASE.raw() + i as u64), tdmr.base));
    }
    for (i, tdmr) in config.tdmrs.iter().enumerate() {
        fields.push((FieldId::from_raw(CMR_SIZE.raw() + i as u64), tdmr.size));
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
            FieldId::from_raw(CPUID_CONFIG_LEAVES.raw() + i as u64),
            u64::from(*leaf) | (u64::from(*subleaf) << 32),
        ));
    }
    for (i, (low, high)) in CPUID_VALUES.iter().enumerate() {
        fields.push((
            FieldId::from_raw(CPUID_CONFIG_VALUES.raw() + 2 * i as u64),
            *low,
        ));
        fields.push((
            FieldId::from_raw(CPUID_CONFIG_VALUES.raw() + 2 * i as u64 + 1),
            *high,
        ));
    }
    fields
        .into_iter()
        .map(|(id, value)| GlobalField {
            id: id.raw(),
            value,
        })
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
