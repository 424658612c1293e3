//! Metadata field IDs: the module's `md_field_id_t` layout (intel/tdx-module@72d8cffb
//! `include/tdx_api_defs.h`), written out here bit by bit rather than through the crate.

use super::*;
use tdx_core::metadata_fields::{global, vmcs};

#[test]
fn constructors_take_a_six_bit_class_and_a_24_bit_field_code() {
    let f = FieldId::new(0x11, 0x45_6789).unwrap();
    assert_eq!(f.raw(), 0x1100_0000_0045_6789);
    assert!(!f.is_non_arch());
    assert_eq!(f.class(), 0x11);
    assert_eq!(f.field(), 0x45_6789);
    assert!(!f.has_reserved_bits());
    let n = FieldId::new_non_arch(0x09, 1).unwrap();
    assert_eq!(n.raw(), 0x8900_0000_0000_0001);
    assert!(n.is_non_arch());
    assert_eq!(n.class(), 9);
    assert_eq!(FieldId::new(0x3f, 0).map(FieldId::raw), Some(0x3f << 56));
    assert_eq!(
        FieldId::new(0, 0xFF_FFFF).map(FieldId::raw),
        Some(0xFF_FFFF)
    );
    assert_eq!(FieldId::new(0x40, 0), None);
    assert_eq!(FieldId::new_non_arch(0xff, 0), None);
    // Bits 31:24 are reserved_0: Linux's BUILD_TDX_FIELD would keep them, the module refuses.
    assert_eq!(FieldId::new(0x11, 0x0100_0000), None);
    assert_eq!(FieldId::new(0x11, 0x2345_6789), None);
    assert_eq!(FieldId::new_non_arch(0x11, 0x8000_0000), None);
}

#[test]
fn raw_values_are_kept_and_read_field_by_field() {
    // Any raw value is kept, including reserved bits.
    let odd = FieldId::from_raw(0x4000_0003_2300_0005);
    assert_eq!(odd.raw(), 0x4000_0003_2300_0005);
    assert_eq!(odd.to_reg(), odd.raw());
    assert_eq!(odd.field(), 5);
    assert!(odd.has_reserved_bits());
    assert_eq!(
        FieldId::from_reg(0x9800_0001_0000_0062).raw(),
        0x9800_0001_0000_0062
    );
    // One reserved bit at a time: 31:24, 49:47, 55, 62.
    for bit in (24..32).chain(47..50).chain([55, 62]) {
        assert!(FieldId::from_raw(1 << bit).has_reserved_bits(), "bit {bit}");
    }
    for bit in (0..24)
        .chain(32..47)
        .chain([50, 51, 52, 53, 54, 56, 61, 63])
    {
        assert!(
            !FieldId::from_raw(1 << bit).has_reserved_bits(),
            "bit {bit}"
        );
    }
    // Element size code 33:32 and context code 54:52.
    for (code, bytes) in [(0u64, 1u8), (1, 2), (2, 4), (3, 8)] {
        assert_eq!(FieldId::from_raw(code << 32).element_size(), bytes);
    }
    assert_eq!(FieldId::from_raw(0b101 << 52).context(), 0b101);
    assert_eq!(global::NUM_PKGS.element_size(), 4);
    assert_eq!(global::BUILD_NUM.element_size(), 2);
}

#[test]
fn elements_step_by_one_code_or_two_with_inc_size() {
    // PKG_FMS is a row of 8 fields without INC_SIZE: consecutive codes.
    assert_eq!(global::PKG_FMS.raw() & (1 << 50), 0);
    assert_eq!(
        global::PKG_FMS.element(7).map(FieldId::raw),
        Some(global::PKG_FMS.raw() + 7)
    );
    // With INC_SIZE (bit 50) an element is two codes further on, the other bits kept.
    let wide = FieldId::from_raw(0x8004_0003_0000_2000);
    assert_eq!(
        wide.element(3).map(FieldId::raw),
        Some(0x8004_0003_0000_2006)
    );
    // Past 24 bits is None, never a carry into the reserved bits.
    assert_eq!(
        FieldId::new(0, 0xFF_FFFE)
            .unwrap()
            .element(1)
            .map(FieldId::field),
        Some(0xFF_FFFF)
    );
    assert_eq!(FieldId::new(0, 0xFF_FFFE).unwrap().element(2), None);
    assert_eq!(wide.element(u32::MAX), None);
    // The module's own VMCS rows of 64-bit fields carry INC_SIZE (0x681e, then 0x6820).
    assert_ne!(vmcs::GUEST_RIP.raw() & (1 << 50), 0);
    assert_eq!(
        vmcs::GUEST_RIP.element(1).map(FieldId::raw),
        Some(vmcs::GUEST_RIP.raw() + 2)
    );
}

proptest! {
    #[test]
    fn element_changes_only_the_field_code(raw in any::<u64>(), index in any::<u32>()) {
        let id = FieldId::from_raw(raw);
        let step = 1 + ((raw >> 50) & 1);
        let code = (raw & 0xFF_FFFF) + u64::from(index) * step;
        match id.element(index) {
            Some(e) => {
                prop_assert!(code <= 0xFF_FFFF);
                prop_assert_eq!(e.raw(), (raw & !0xFF_FFFF) | code);
            }
            None => prop_assert!(code > 0xFF_FFFF),
        }
    }

    #[test]
    fn new_accepts_exactly_the_ids_the_module_can_take(class in any::<u8>(), field in any::<u32>()) {
        let made = FieldId::new(class, field);
        prop_assert_eq!(made.is_some(), class <= 0x3F && field <= 0xFF_FFFF);
        if let Some(id) = made {
            prop_assert_eq!(id.raw(), (u64::from(class) << 56) | u64::from(field));
            prop_assert!(!id.has_reserved_bits());
            prop_assert_eq!((id.class(), id.field()), (class, field));
        }
    }
}
