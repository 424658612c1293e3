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

/// Size of TDSYSINFO_STRUCT (`SIZE_OF_TDHSYSINFO_STRUCT_IN_BYTES`).
pub(crate) const SYS_INFO_BYTES: usize = 1024;
/// Entries of the CMR_INFO array TDH.SYS.INFO writes (`MAX_CMR`).
pub(crate) const MAX_CMR: usize = 32;
/// Bytes of one CMR_INFO entry (`cmr_info_entry_t`: base, size).
pub(crate) const CMR_INFO_ENTRY_BYTES: usize = 16;

/// TDSYSINFO_STRUCT as TDH.SYS.INFO fills it (`td_sys_info_t` in `include/tdx_api_defs.h`,
/// filled by `src/vmm_dispatcher/api_calls/tdh_sys_info.c`, intel/tdx-module@72d8cffb), with
/// the model's values, the same TDH.SYS.RD gives: attributes 0, vendor 0x8086, build date and
/// number 0, version 1.5, SYS_RD = 1 ("TDH.SYS.RD* should be used"), MAX_TDMRS,
/// MAX_RESERVED_PER_TDMR, PAMT_ENTRY_SIZE, TDCS / TDVPS base sizes, the fixed ATTRIBUTES and
/// XFAM bits, and the model's CPUID_CONFIG list; every reserved byte 0.
pub(crate) fn sys_info_struct(config: &Config) -> [u8; SYS_INFO_BYTES] {
    let mut out = [0u8; SYS_INFO_BYTES];
    let mut put = |at: usize, bytes: &[u8]| out[at..at + bytes.len()].copy_from_slice(bytes);
    // The u16 fields of the structure: a configured size that does not fit reads as the
    // largest value (the module's own sizes always fit).
    let u16_of = |value: u64| u16::try_from(value).unwrap_or(u16::MAX).to_le_bytes();
    put(4, &0x8086u32.to_le_bytes());
    put(14, &5u16.to_le_bytes()); // minor_version
    put(16, &1u16.to_le_bytes()); // major_version
    put(18, &[1]); // sys_rd
    put(32, &64u16.to_le_bytes()); // max_tdmrs
    put(34, &16u16.to_le_bytes()); // max_reserved_per_tdmr (MAX_RESERVED_AREAS)
    put(36, &16u16.to_le_bytes()); // pamt_entry_size: sizeof(pamt_entry_t)
    put(48, &u16_of(u64::from(config.tdcs_pages) * 4096)); // tdcs_base_size
    put(52, &u16_of(u64::from(config.tdvps_pages) * 4096)); // tdvps_base_size
    // tdvps_xfam_dependent_size (offset 54) = false.
    put(64, &ATTRIBUTES_FIXED0.to_le_bytes());
    put(72, &ATTRIBUTES_FIXED1.to_le_bytes());
    put(80, &XFAM_FIXED0.to_le_bytes());
    put(88, &XFAM_FIXED1.to_le_bytes());
    put(128, &(CPUID_LEAVES.len() as u32).to_le_bytes()); // num_cpuid_config
    for (i, ((leaf, subleaf), (low, high))) in CPUID_LEAVES.iter().zip(CPUID_VALUES).enumerate() {
        // cpuid_config_t: leaf, subleaf (u32 each), then EAX..EDX as two u64 (low, high).
        let at = 132 + 24 * i;
        put(at, &leaf.to_le_bytes());
        put(at + 4, &subleaf.to_le_bytes());
        put(at + 8, &low.to_le_bytes());
        put(at + 16, &high.to_le_bytes());
    }
    out
}

/// The CMR_INFO array TDH.SYS.INFO writes: `MAX_CMR` entries of (base, size), the model's
/// CMRs (its TDMRs) first, null entries (size 0) after them.
pub(crate) fn cmr_info(config: &Config) -> [u8; MAX_CMR * CMR_INFO_ENTRY_BYTES] {
    let mut out = [0u8; MAX_CMR * CMR_INFO_ENTRY_BYTES];
    for (entry, tdmr) in out
        .chunks_exact_mut(CMR_INFO_ENTRY_BYTES)
        .zip(&config.tdmrs)
    {
        entry[..8].copy_from_slice(&tdmr.base.to_le_bytes());
        entry[8..].copy_from_slice(&tdmr.size.to_le_bytes());
    }
    out
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
