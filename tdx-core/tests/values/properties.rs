//! Properties over random registers: decoding is total and lossless.

use super::*;

/// Decoding a register as `Result<T, AddrError>` keeps the value either way.
fn addr_lossless<T: RegEncode>(decoded: Result<T, AddrError>, raw: u64) -> bool {
    match decoded {
        Ok(v) => v.to_reg() == raw,
        Err(e) => e.raw() == raw,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn reg_decode_is_total_and_lossless(raw in interesting_u64()) {
        prop_assert!(addr_lossless(<Result<Hpa, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<Hva, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<Gpa, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<SharedGpa, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<Gva, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<Page<Tdr>, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<Page<Guest>, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<SeptGpa, AddrError>>::from_reg(raw), raw));
        prop_assert!(addr_lossless(<Result<AcceptGpa, AddrError>>::from_reg(raw), raw));

        match <Result<PageSize, u64>>::from_reg(raw) {
            Ok(v) => prop_assert_eq!(v.to_reg(), raw),
            Err(r) => prop_assert_eq!(r, raw),
        }
        match <Result<SeptLevel, u64>>::from_reg(raw) {
            Ok(v) => prop_assert_eq!(v.to_reg(), raw),
            Err(r) => prop_assert_eq!(r, raw),
        }
        match <Result<Hkid, u64>>::from_reg(raw) {
            Ok(v) => prop_assert_eq!(v.to_reg(), raw),
            Err(r) => prop_assert_eq!(r, raw),
        }
        prop_assert_eq!(FieldId::from_reg(raw).raw(), raw);
        prop_assert_eq!(FieldId::from_reg(raw).to_reg(), raw);
        prop_assert_eq!(TdxStatus::from_reg(raw).raw(), raw);
        prop_assert_eq!(TdvmcallStatus::from_reg(raw).raw(), raw);
        prop_assert_eq!(SeptLevelState::from_reg(raw).raw(), raw);
        prop_assert_eq!(PageType::from_reg(raw).raw(), raw);

        // Formatting never panics, and statuses always print their value.
        let hex = format!("{raw:#018x}");
        let st = TdxStatus::from_raw(raw);
        let tail = format!("({hex})");
        let debug = format!("{st:?}");
        prop_assert!(st.to_string().ends_with(&tail));
        prop_assert!(debug.contains(&hex));
        prop_assert!(TdvmcallStatus::from_raw(raw).to_string().contains(&hex));
        let _ = format!("{:?} {}", SeptLevelState::from_raw(raw), SeptLevelState::from_raw(raw));
        let _ = format!("{:?} {}", PageType::from_raw(raw), FieldId::from_raw(raw));
        let _ = format!("{:?}", FieldId::from_raw(raw));
        if let Err(e) = Hpa::new(raw) { let _ = e.to_string(); }
        if let Err(e) = SeptGpa::from_raw(raw) { let _ = e.to_string(); }
    }

    #[test]
    fn address_constructors_accept_iff_invariant(raw in interesting_u64()) {
        let physical = raw < PHYS_LIMIT;
        prop_assert_eq!(Hpa::new(raw).is_ok(), physical);
        prop_assert_eq!(Gpa::new(raw).is_ok(), physical);
        prop_assert_eq!(Hva::new(raw).is_ok(), is_canonical(raw));
        prop_assert_eq!(Gva::new(raw).is_ok(), is_canonical(raw));
        prop_assert_eq!(Page::<Tdcx>::from_u64(raw).is_ok(), physical && raw % 4096 == 0);

        let shared47 = (1 << 47..1 << 48).contains(&raw);
        let shared51 = (1 << 51..PHYS_LIMIT).contains(&raw);
        prop_assert_eq!(SharedGpa::new(raw).is_ok(), shared47 || shared51);
        prop_assert_eq!(SharedGpa::new_shared(raw, 47).is_ok(), shared47);
        prop_assert_eq!(SharedGpa::new_shared(raw, 51).is_ok(), shared51);
        prop_assert_eq!(Gpa::new_private(raw, 47).is_ok(), raw < 1 << 47);
        prop_assert_eq!(Gpa::new_private(raw, 51).is_ok(), raw < 1 << 51);
        if let Ok(s) = SharedGpa::new(raw) {
            prop_assert_eq!(s.to_private().to_shared(s.shared_bit()), Ok(s));
            prop_assert_eq!(s.to_private().as_u64() | 1 << s.shared_bit(), raw);
        }
        if let Ok(g) = Gpa::new_private(raw, 47) {
            prop_assert_eq!(g.to_shared(47).map(SharedGpa::to_private), Ok(g));
        }

        // Packed GPAs: accepted iff code defined, GPA physical and aligned.
        for code in 0..3u64 {
            let bytes = PageSize::from_code(code).unwrap().bytes();
            let gpa = raw & !7;
            let packed = gpa | code;
            let valid = gpa < PHYS_LIMIT && gpa % bytes == 0;
            prop_assert_eq!(SeptGpa::from_raw(packed).is_ok(), valid);
            prop_assert_eq!(AcceptGpa::from_raw(packed).is_ok(), valid);
            if let Ok(g) = Gpa::new(gpa) {
                let level = SeptLevel::from_code(code).unwrap();
                prop_assert_eq!(SeptGpa::new(g, level).is_ok(), valid);
                if let Ok(op) = SeptGpa::new(g, level) {
                    prop_assert_eq!(op.as_u64(), packed);
                    prop_assert_eq!(op.gpa(), g);
                    prop_assert_eq!(op.level(), level);
                }
            }
        }
        for code in 5..8u64 {
            prop_assert_eq!(
                SeptGpa::from_raw((raw & !7) | code),
                Err(AddrError::UnknownLevel { raw: (raw & !7) | code })
            );
        }
    }

    #[test]
    fn checked_add_matches_invariant(raw in interesting_u64(), offset in interesting_u64()) {
        if let Ok(hpa) = Hpa::new(raw) {
            let expect = raw.checked_add(offset).filter(|&s| s < PHYS_LIMIT);
            prop_assert_eq!(hpa.checked_add(offset).map(Hpa::as_u64), expect);
        }
        if let Ok(hva) = Hva::new(raw) {
            let expect = raw.checked_add(offset).filter(|&s| is_canonical(s));
            prop_assert_eq!(hva.checked_add(offset).map(Hva::as_u64), expect);
        }
    }

    #[test]
    fn keyed_hpa_packs_like_linux(
        phys_bits in 1u8..=52,
        addr in any::<u64>(),
        hkid in any::<u16>(),
    ) {
        let hpa_raw = addr & ((1u64 << phys_bits) - 1);
        let hpa = Hpa::new(hpa_raw).unwrap();
        let fits = u128::from(hkid) << phys_bits < 1u128 << 52;
        match KeyedHpa::new(hpa, Hkid::new(hkid), phys_bits) {
            Ok(k) => {
                prop_assert!(fits);
                // Linux's mk_keyed_paddr: hpa | hkid << phys_bits.
                prop_assert_eq!(k.as_u64(), hpa_raw | u64::from(hkid) << phys_bits);
                prop_assert_eq!(k.to_reg(), k.as_u64());
                prop_assert_eq!(k.hpa(), hpa);
                prop_assert_eq!(k.hkid(), Hkid::new(hkid));
                prop_assert_eq!(k.phys_bits(), phys_bits);
                prop_assert_eq!(KeyedHpa::from_raw(k.as_u64(), phys_bits), Ok(k));
            }
            Err(e) => {
                prop_assert!(!fits);
                prop_assert_eq!(e, AddrError::HkidTooLarge {
                    raw: hpa_raw,
                    hkid: u64::from(hkid),
                    phys_bits,
                });
            }
        }
        // An address at or above phys_bits is rejected.
        if phys_bits < 52 {
            let above = Hpa::new(hpa_raw | 1 << phys_bits).unwrap();
            prop_assert_eq!(
                KeyedHpa::new(above, Hkid::new(hkid), phys_bits),
                Err(AddrError::AbovePhysBits { raw: hpa_raw | 1 << phys_bits, phys_bits })
            );
        }
    }

    #[test]
    fn status_accessors(raw in any::<u64>()) {
        let st = TdxStatus::from_raw(raw);
        prop_assert_eq!(st.is_error(), raw >> 63 == 1);
        prop_assert_eq!(st.is_non_recoverable(), (raw >> 62) & 1 == 1);
        prop_assert_eq!(st.class(), ((raw >> 40) & 0xff) as u8);
        prop_assert_eq!(st.operand(), (raw & 0xffff_ffff) as u32);
        prop_assert_eq!(st.code().raw(), raw & 0xffff_ffff_0000_0000);
        prop_assert_eq!(st.code().raw() | u64::from(st.operand()), raw);
        prop_assert_eq!(st.is_success_with_info(), raw >> 63 == 0 && raw != 0);
        prop_assert_eq!(st.is_busy(), raw >> 32 == 0x8000_0200);
    }
}
