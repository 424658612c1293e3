//! Addresses and pages.

use super::*;

#[test]
fn hpa_boundaries() {
    assert_eq!(Hpa::new(0).map(Hpa::as_u64), Ok(0));
    assert_eq!(
        Hpa::new(PHYS_LIMIT - 1).map(Hpa::as_u64),
        Ok(PHYS_LIMIT - 1)
    );
    assert_eq!(
        Hpa::new(PHYS_LIMIT),
        Err(AddrError::NotPhysical { raw: PHYS_LIMIT })
    );
    assert_eq!(
        Hpa::new(u64::MAX),
        Err(AddrError::NotPhysical { raw: u64::MAX })
    );
    assert_eq!(
        Hpa::new(1 << 63),
        Err(AddrError::NotPhysical { raw: 1 << 63 })
    );
}

#[test]
fn canonical_boundaries() {
    for (raw, ok) in [
        (0u64, true),
        (0x0000_7fff_ffff_ffff, true),
        (0x0000_8000_0000_0000, false),
        (0x0001_0000_0000_0000, false),
        (0x00ff_8000_0000_0000, false),
        (0x8000_0000_0000_0000, false),
        (0xffff_7fff_ffff_ffff, false),
        (0xffff_8000_0000_0000, true),
        (u64::MAX, true),
    ] {
        let expect = if ok {
            Ok(raw)
        } else {
            Err(AddrError::NonCanonical { raw })
        };
        assert_eq!(Hva::new(raw).map(Hva::as_u64), expect, "hva {raw:#x}");
        assert_eq!(Gva::new(raw).map(Gva::as_u64), expect, "gva {raw:#x}");
    }
}

#[test]
fn gpa_private_and_shared() {
    // new only checks bits 63:52.
    assert!(Gpa::new(1 << 47).is_ok());
    assert_eq!(
        Gpa::new(PHYS_LIMIT),
        Err(AddrError::NotPhysical { raw: PHYS_LIMIT })
    );

    // new_private: shared bit and everything above clear.
    assert!(Gpa::new_private((1 << 47) - 1, 47).is_ok());
    assert_eq!(
        Gpa::new_private(1 << 47, 47),
        Err(AddrError::SharedBitSet {
            raw: 1 << 47,
            shared_bit: 47
        })
    );
    assert_eq!(
        Gpa::new_private(1 << 48, 47),
        Err(AddrError::AboveSharedBit {
            raw: 1 << 48,
            shared_bit: 47
        })
    );
    assert!(Gpa::new_private(1 << 48, 51).is_ok());
    assert!(Gpa::new_private((1 << 51) - 1, 51).is_ok());
    assert_eq!(
        Gpa::new_private(1 << 51, 51),
        Err(AddrError::SharedBitSet {
            raw: 1 << 51,
            shared_bit: 51
        })
    );
    assert_eq!(
        Gpa::new_private(PHYS_LIMIT, 51),
        Err(AddrError::NotPhysical { raw: PHYS_LIMIT })
    );
    for bad in [0u8, 12, 46, 48, 50, 52, 63, 64, 255] {
        assert_eq!(
            Gpa::new_private(0x1000, bad),
            Err(AddrError::InvalidSharedBit {
                raw: 0x1000,
                shared_bit: bad
            })
        );
    }

    // to_shared / to_private.
    let gpa = Gpa::new(0x1234_5000).unwrap();
    let s47 = gpa.to_shared(47).unwrap();
    assert_eq!(s47.as_u64(), 0x1234_5000 | 1 << 47);
    assert_eq!(s47.shared_bit(), 47);
    assert_eq!(s47.to_private(), gpa);
    let s51 = gpa.to_shared(51).unwrap();
    assert_eq!(s51.as_u64(), 0x1234_5000 | 1 << 51);
    assert_eq!(s51.shared_bit(), 51);
    assert_eq!(s51.to_private(), gpa);
    assert!(s47.to_private().to_shared(47).is_ok());
    assert_eq!(
        Gpa::new(1 << 47).unwrap().to_shared(47),
        Err(AddrError::SharedBitSet {
            raw: 1 << 47,
            shared_bit: 47
        })
    );
    assert!(gpa.to_shared(48).is_err());
}

#[test]
fn shared_gpa_boundaries() {
    assert_eq!(SharedGpa::new(0), Err(AddrError::NotShared { raw: 0 }));
    assert_eq!(
        SharedGpa::new((1 << 47) - 1),
        Err(AddrError::NotShared { raw: (1 << 47) - 1 })
    );
    assert!(SharedGpa::new(1 << 47).is_ok());
    assert!(SharedGpa::new((1 << 48) - 1).is_ok());
    // Bit 48..50 set without bit 51: beyond a 48-bit GPA, private for a 52-bit one.
    assert_eq!(
        SharedGpa::new(1 << 48 | 1 << 47),
        Err(AddrError::NotShared {
            raw: 1 << 48 | 1 << 47
        })
    );
    assert!(SharedGpa::new(1 << 51).is_ok());
    assert!(SharedGpa::new(PHYS_LIMIT - 1).is_ok());
    assert_eq!(
        SharedGpa::new(PHYS_LIMIT | 1 << 51),
        Err(AddrError::NotPhysical {
            raw: PHYS_LIMIT | 1 << 51
        })
    );

    assert!(SharedGpa::new_shared(1 << 47, 47).is_ok());
    assert_eq!(
        SharedGpa::new_shared(1 << 51, 47),
        Err(AddrError::AboveSharedBit {
            raw: 1 << 51,
            shared_bit: 47
        })
    );
    assert_eq!(
        SharedGpa::new_shared(1 << 47, 51),
        Err(AddrError::SharedBitClear {
            raw: 1 << 47,
            shared_bit: 51
        })
    );

    // checked_add keeps the shared bit.
    let top47 = SharedGpa::new((1 << 48) - 0x1000).unwrap();
    assert_eq!(top47.checked_add(0x1000), None);
    assert_eq!(
        top47.checked_add(0xfff).map(SharedGpa::as_u64),
        Some((1 << 48) - 1)
    );
}

#[test]
fn checked_add_and_align() {
    let hpa = Hpa::new(PHYS_LIMIT - 0x1000).unwrap();
    assert_eq!(
        hpa.checked_add(0xfff).map(Hpa::as_u64),
        Some(PHYS_LIMIT - 1)
    );
    assert_eq!(hpa.checked_add(0x1000), None);
    assert_eq!(hpa.checked_add(u64::MAX), None);

    let low_top = Hva::new(0x0000_7fff_ffff_f000).unwrap();
    assert_eq!(low_top.checked_add(0x1000), None);
    let high_top = Hva::new(u64::MAX).unwrap();
    assert_eq!(high_top.checked_add(1), None);
    assert_eq!(
        Gva::new(0xffff_8000_0000_0000)
            .unwrap()
            .checked_add(0x10)
            .map(Gva::as_u64),
        Some(0xffff_8000_0000_0010)
    );

    let a = Hpa::new(0x12_3456).unwrap();
    assert!(!a.is_aligned(0x1000));
    assert!(a.is_aligned(2));
    assert!(!a.is_aligned(0));
    assert!(!a.is_aligned(3));
    assert_eq!(a.align_down(0x1000).map(Hpa::as_u64), Some(0x12_3000));
    assert_eq!(a.align_down(0), None);
    assert_eq!(a.align_down(0x3000), None);
    assert_eq!(a.align_down(1 << 63).map(Hpa::as_u64), Some(0));

    // Rounding a high-half address down past bit 47 leaves the canonical range.
    let hi = Hva::new(0xffff_8000_0000_1000).unwrap();
    assert_eq!(
        hi.align_down(0x1000).map(Hva::as_u64),
        Some(0xffff_8000_0000_1000)
    );
    assert_eq!(hi.align_down(1 << 48), None);
    assert_eq!(
        hi.align_down(1 << 47).map(Hva::as_u64),
        Some(0xffff_8000_0000_0000)
    );
}

#[test]
fn address_formatting() {
    let hpa = Hpa::new(0xdead_b000).unwrap();
    assert_eq!(format!("{hpa}"), "0xdeadb000");
    assert_eq!(format!("{hpa:?}"), "Hpa(0xdeadb000)");
    assert_eq!(format!("{hpa:x}"), "deadb000");
    assert_eq!(format!("{hpa:#018x}"), "0x00000000deadb000");
    assert_eq!(format!("{hpa:X}"), "DEADB000");
    let hva = Hva::new(0xffff_8000_0000_0000).unwrap();
    assert_eq!(format!("{hva:?}"), "Hva(0xffff800000000000)");
    assert_eq!(format!("{:?}", Gpa::new(0x1000).unwrap()), "Gpa(0x1000)");
    assert_eq!(
        format!("{:?}", SharedGpa::new(1 << 47).unwrap()),
        "SharedGpa(0x800000000000)"
    );
    assert_eq!(format!("{:?}", Gva::new(0x10).unwrap()), "Gva(0x10)");
    assert_eq!(
        AddrError::NonCanonical {
            raw: 0x0000_8000_0000_0000
        }
        .to_string(),
        "0x800000000000 is not a canonical address: bits 63:47 must all be equal"
    );
}

#[test]
fn x86_64_interop() {
    let phys = x86_64::PhysAddr::new(0x1234_5000);
    let hpa = Hpa::from(phys);
    assert_eq!(hpa.as_u64(), 0x1234_5000);
    assert_eq!(hpa.to_x86_64(), phys);
    assert_eq!(x86_64::PhysAddr::from(hpa), phys);
    let max = x86_64::PhysAddr::new(PHYS_LIMIT - 1);
    assert_eq!(Hpa::from(max).as_u64(), PHYS_LIMIT - 1);

    for raw in [0u64, 0x0000_7fff_ffff_ffff, 0xffff_8000_0000_0000, u64::MAX] {
        let virt = x86_64::VirtAddr::new(raw);
        let hva = Hva::from(virt);
        assert_eq!(hva.as_u64(), raw);
        assert_eq!(hva.to_x86_64(), virt);
        assert_eq!(x86_64::VirtAddr::from(hva), virt);
    }

    let local = 7u32;
    let hva = Hva::from_ptr(&local).unwrap();
    assert_eq!(hva.as_ptr::<u32>(), &local as *const u32);
}

#[test]
fn keyed_hpa_errors() {
    let hpa = Hpa::new(0x1000).unwrap();
    for bad in [0u8, 53, 64, 255] {
        assert_eq!(
            KeyedHpa::new(hpa, Hkid::new(1), bad),
            Err(AddrError::PhysBitsOutOfRange {
                raw: 0x1000,
                phys_bits: bad
            })
        );
    }
    // The HPA must be below phys_bits.
    let at = Hpa::new(1 << 46).unwrap();
    assert_eq!(
        KeyedHpa::new(at, Hkid::new(1), 46),
        Err(AddrError::AbovePhysBits {
            raw: 1 << 46,
            phys_bits: 46
        })
    );
    assert!(KeyedHpa::new(Hpa::new((1 << 46) - 1).unwrap(), Hkid::new(1), 46).is_ok());
    // The HKID must fit below bit 52: with phys_bits 46 that is 6 bits.
    assert!(KeyedHpa::new(hpa, Hkid::new(63), 46).is_ok());
    assert_eq!(
        KeyedHpa::new(hpa, Hkid::new(64), 46),
        Err(AddrError::HkidTooLarge {
            raw: 0x1000,
            hkid: 64,
            phys_bits: 46
        })
    );
    // phys_bits 52 leaves no room for a key.
    assert!(KeyedHpa::new(hpa, Hkid::new(0), 52).is_ok());
    assert!(KeyedHpa::new(hpa, Hkid::new(1), 52).is_err());
    // A 16-bit HKID at a small width.
    let k = KeyedHpa::new(Hpa::new(0xabc).unwrap(), Hkid::new(u16::MAX), 12).unwrap();
    assert_eq!(k.as_u64(), 0xabc | (0xffff << 12));
    assert_eq!(k.hkid(), Hkid::new(u16::MAX));
    assert_eq!(
        format!("{k:?}"),
        "KeyedHpa(0xffffabc: hpa 0xabc, hkid 65535, phys_bits 12)"
    );

    // from_raw: the key must fit 16 bits.
    assert_eq!(
        KeyedHpa::from_raw(1 << 40, 12),
        Err(AddrError::HkidTooLarge {
            raw: 1 << 40,
            hkid: 1 << 28,
            phys_bits: 12
        })
    );
    assert_eq!(
        KeyedHpa::from_raw(PHYS_LIMIT, 46),
        Err(AddrError::NotPhysical { raw: PHYS_LIMIT })
    );

    // Arithmetic stays on the address part.
    let k = KeyedHpa::new(Hpa::new(0x1234).unwrap(), Hkid::new(3), 40).unwrap();
    assert_eq!(k.align_down(0x1000).map(|k| k.hpa().as_u64()), Some(0x1000));
    assert_eq!(k.align_down(0x1000).map(KeyedHpa::hkid), Some(Hkid::new(3)));
    assert!(!k.is_aligned(0x1000));
    assert_eq!(
        k.checked_add(0x10).map(|k| k.as_u64()),
        Some(0x1244 | 3 << 40)
    );
    assert_eq!(k.checked_add((1 << 40) - 0x1234), None);
    assert_eq!(k.to_reg(), 0x1234 | 3 << 40);
}

// ---------------------------------------------------------------- pages

#[test]
fn pages() {
    let hpa = Hpa::new(0x20_0000).unwrap();
    let tdr = Page::<Tdr>::new(hpa).unwrap();
    assert_eq!(tdr.hpa(), hpa);
    assert_eq!(tdr.as_u64(), 0x20_0000);
    assert_eq!(tdr.to_reg(), 0x20_0000);
    assert_eq!(format!("{tdr:?}"), "Page<Tdr>(0x200000)");
    assert_eq!(
        format!("{:?}", Page::<Tdcs>::from_u64(0x1000).unwrap()),
        "Page<Tdcs>(0x1000)"
    );
    assert_eq!(
        format!("{:?}", Page::<Tdvpr>::from_u64(0x1000).unwrap()),
        "Page<Tdvpr>(0x1000)"
    );
    assert_eq!(
        format!("{:?}", Page::<Tdcx>::from_u64(0x1000).unwrap()),
        "Page<Tdcx>(0x1000)"
    );
    assert_eq!(
        format!("{:?}", Page::<Sept>::from_u64(0x1000).unwrap()),
        "Page<Sept>(0x1000)"
    );
    assert_eq!(
        format!("{:?}", Page::<Guest>::from_u64(0x1000).unwrap()),
        "Page<Guest>(0x1000)"
    );

    for bad in [0x1u64, 0x800, 0xfff, 0x20_0008] {
        assert_eq!(
            Page::<Tdr>::new(Hpa::new(bad).unwrap()),
            Err(AddrError::Misaligned {
                raw: bad,
                align: 4096
            })
        );
    }
    assert_eq!(
        Page::<Guest>::from_u64(PHYS_LIMIT),
        Err(AddrError::NotPhysical { raw: PHYS_LIMIT })
    );
    assert!(Page::<Guest>::from_u64(PHYS_LIMIT - 4096).is_ok());

    // Copy / Eq / Ord / Hash without bounds on the kind.
    let a = Page::<Sept>::from_u64(0x1000).unwrap();
    let b = a;
    assert_eq!(a, b);
    assert!(a < Page::<Sept>::from_u64(0x2000).unwrap());
    let mut set = std::collections::HashSet::new();
    set.insert(a);
    assert!(set.contains(&b));

    // x86_64 frames.
    let frame =
        x86_64::structures::paging::PhysFrame::containing_address(x86_64::PhysAddr::new(0x5000));
    let page = Page::<Guest>::from(frame);
    assert_eq!(page.as_u64(), 0x5000);
    assert_eq!(page.to_phys_frame(), frame);
}
