//! Value types of tdx-core: constructors reject exactly the invalid inputs, register
//! decoding is total and lossless, statuses decode as the reference table says.

use proptest::prelude::*;
use tdx_core::reg::{RegDecode, RegEncode};
use tdx_core::{
    AcceptGpa, AddrError, FieldId, Gpa, Guest, Gva, Hkid, Hpa, Hva, KeyedHpa, ModuleArgs, Page,
    PageSize, Sept, SeptGpa, SeptLevel, SharedGpa, Tdcs, Tdcx, Tdr, TdvmcallStatus, Tdvpr,
    TdxStatus,
};
use tdx_core::{PageType, SeptEntryState, SeptLevelState};

const PHYS_LIMIT: u64 = 1 << 52;

/// Canonical for 4-level paging, written independently of the crate's sign-extension trick.
fn is_canonical(raw: u64) -> bool {
    raw <= 0x0000_7fff_ffff_ffff || raw >= 0xffff_8000_0000_0000
}

/// u64 values biased towards the interesting boundaries.
fn interesting_u64() -> impl Strategy<Value = u64> {
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

// ---------------------------------------------------------------- addresses

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

// ---------------------------------------------------------------- packed values

#[test]
fn levels_and_sizes() {
    assert_eq!(SeptLevel::Level4K.code(), 0);
    assert_eq!(SeptLevel::Level2M.code(), 1);
    assert_eq!(SeptLevel::Level1G.code(), 2);
    assert_eq!(PageSize::Size4K.bytes(), 4096);
    assert_eq!(PageSize::Size2M.bytes(), 2 * 1024 * 1024);
    assert_eq!(PageSize::Size1G.bytes(), 1024 * 1024 * 1024);
    for code in 0..3u64 {
        let level = SeptLevel::from_code(code).unwrap();
        let size = PageSize::from_code(code).unwrap();
        assert_eq!(level.page_size(), Some(size));
        assert_eq!(size.sept_level(), level);
        assert_eq!(level.bytes(), size.bytes());
        assert_eq!(level.to_reg(), code);
        assert_eq!(size.to_reg(), code);
        // TDX level = Linux pg_level - 1.
        assert_eq!(u64::from(level.pg_level()), code + 1);
        assert_eq!(SeptLevel::from_pg_level(level.pg_level()), Some(level));
    }
    assert_eq!(SeptLevel::from_code(3), Ok(SeptLevel::Level512G));
    assert_eq!(SeptLevel::from_code(4), Ok(SeptLevel::Level256T));
    assert_eq!(SeptLevel::Level512G.bytes(), 1 << 39);
    assert_eq!(SeptLevel::Level256T.bytes(), 1 << 48);
    assert_eq!(SeptLevel::Level512G.page_size(), None);
    for code in [5u64, 7, 8, u64::MAX] {
        assert_eq!(SeptLevel::from_code(code), Err(code));
        assert_eq!(PageSize::try_from(code), Err(code));
        assert_eq!(<Result<PageSize, u64>>::from_reg(code), Err(code));
    }
    assert_eq!(SeptLevel::from_pg_level(0), None);
    assert_eq!(SeptLevel::from_pg_level(4), Some(SeptLevel::Level512G));
    assert_eq!(SeptLevel::from_pg_level(5), None);
    assert_eq!(SeptLevel::Level2M.to_string(), "2M");
}

#[test]
fn sept_gpa() {
    let gpa = Gpa::new(0x4000_0000).unwrap();
    for level in [SeptLevel::Level4K, SeptLevel::Level2M, SeptLevel::Level1G] {
        let op = SeptGpa::new(gpa, level).unwrap();
        assert_eq!(op.as_u64(), 0x4000_0000 | u64::from(level.code()));
        assert_eq!(op.gpa(), gpa);
        assert_eq!(op.level(), level);
        assert_eq!(SeptGpa::from_raw(op.as_u64()), Ok(op));
        assert_eq!(op.to_reg(), op.as_u64());
    }
    // Misaligned for the level.
    let g = Gpa::new(0x20_1000).unwrap();
    assert!(SeptGpa::new(g, SeptLevel::Level4K).is_ok());
    assert_eq!(
        SeptGpa::new(g, SeptLevel::Level2M),
        Err(AddrError::Misaligned {
            raw: 0x20_1000,
            align: 0x20_0000
        })
    );
    assert_eq!(
        SeptGpa::new(Gpa::new(0x20_0000).unwrap(), SeptLevel::Level1G),
        Err(AddrError::Misaligned {
            raw: 0x20_0000,
            align: 0x4000_0000
        })
    );
    assert_eq!(
        SeptGpa::new(Gpa::new(0x800).unwrap(), SeptLevel::Level4K),
        Err(AddrError::Misaligned {
            raw: 0x800,
            align: 0x1000
        })
    );
    // Decoding: undefined codes, bits 11:3, bits 63:52.
    for code in 5..8u64 {
        assert_eq!(
            SeptGpa::from_raw(0x1000 | code),
            Err(AddrError::UnknownLevel { raw: 0x1000 | code })
        );
    }
    // Levels 3 and 4 exist for TDH.MEM.SEPT.ADD (non-leaf pages), aligned to what they cover.
    assert_eq!(
        SeptGpa::new(Gpa::new(1 << 39).unwrap(), SeptLevel::Level512G).map(SeptGpa::as_u64),
        Ok(1 << 39 | 3)
    );
    assert_eq!(
        SeptGpa::from_raw(0x1000 | 3),
        Err(AddrError::Misaligned {
            raw: 0x1003,
            align: 1 << 39
        })
    );
    assert_eq!(
        SeptGpa::from_raw(0x1008),
        Err(AddrError::Misaligned {
            raw: 0x1008,
            align: 0x1000
        })
    );
    assert_eq!(
        SeptGpa::from_raw(PHYS_LIMIT),
        Err(AddrError::NotPhysical { raw: PHYS_LIMIT })
    );
    assert_eq!(
        format!("{:?}", SeptGpa::from_raw(0x20_0001).unwrap()),
        "SeptGpa(0x200000 2M)"
    );
}

#[test]
fn accept_gpa() {
    let op = AcceptGpa::new(Gpa::new(0x20_0000).unwrap(), PageSize::Size2M).unwrap();
    assert_eq!(op.as_u64(), 0x20_0001);
    assert_eq!(op.size(), PageSize::Size2M);
    assert_eq!(op.gpa().as_u64(), 0x20_0000);
    assert_eq!(
        AcceptGpa::new(Gpa::new(0x1000).unwrap(), PageSize::Size2M),
        Err(AddrError::Misaligned {
            raw: 0x1000,
            align: 0x20_0000
        })
    );
    assert_eq!(
        AcceptGpa::from_raw(0x1003),
        Err(AddrError::UnknownLevel { raw: 0x1003 })
    );
    assert_eq!(
        <Result<AcceptGpa, AddrError>>::from_reg(0x4000_0002).map(AcceptGpa::size),
        Ok(PageSize::Size1G)
    );
}

#[test]
fn field_id() {
    let f = FieldId::new(0x11, 0x2345_6789).unwrap();
    assert_eq!(f.raw(), 0x1100_0000_2345_6789);
    assert!(!f.is_non_arch());
    assert_eq!(f.class(), 0x11);
    assert_eq!(f.field(), 0x2345_6789);
    let n = FieldId::new_non_arch(0x09, 1).unwrap();
    assert_eq!(n.raw(), 0x8900_0000_0000_0001);
    assert!(n.is_non_arch());
    assert_eq!(n.class(), 9);
    assert_eq!(FieldId::new(0x3f, 0).map(FieldId::raw), Some(0x3f << 56));
    assert_eq!(FieldId::new(0x40, 0), None);
    assert_eq!(FieldId::new_non_arch(0xff, 0), None);
    // Any raw value is kept, including bits the accessors do not cover.
    let odd = FieldId::from_raw(0x4000_0003_0000_0005);
    assert_eq!(odd.raw(), 0x4000_0003_0000_0005);
    assert_eq!(odd.to_reg(), odd.raw());
    assert_eq!(
        FieldId::from_reg(0x9800_0001_0000_0062).raw(),
        0x9800_0001_0000_0062
    );
}

#[test]
fn hkid() {
    assert_eq!(Hkid::new(0x1234).get(), 0x1234);
    assert_eq!(Hkid::new(0x1234).to_reg(), 0x1234);
    assert_eq!(<Result<Hkid, u64>>::from_reg(0xffff), Ok(Hkid::new(0xffff)));
    assert_eq!(<Result<Hkid, u64>>::from_reg(0x1_0000), Err(0x1_0000));
    assert_eq!(<Result<Hkid, u64>>::from_reg(u64::MAX), Err(u64::MAX));
}

#[test]
fn sept_level_state_and_page_type() {
    for (code, name) in [
        (0u8, "FREE"),
        (1, "BLOCKED"),
        (2, "PENDING"),
        (3, "PENDING_BLOCKED"),
        (4, "PRESENT"),
    ] {
        assert_eq!(SeptEntryState::new(code).name(), Some(name));
    }
    assert_eq!(SeptEntryState::PENDING_BLOCKED.code(), 3);
    assert_eq!(SeptEntryState::new(5).name(), None);

    let ls = SeptLevelState::new(SeptLevel::Level1G, SeptEntryState::BLOCKED);
    assert_eq!(ls.raw(), 0x0102);
    assert_eq!(ls.level(), Some(SeptLevel::Level1G));
    assert_eq!(ls.state(), SeptEntryState::BLOCKED);

    let odd = SeptLevelState::from_reg(0xdead_0000_0000_ff07);
    assert_eq!(odd.raw(), 0xdead_0000_0000_ff07);
    assert_eq!(odd.level(), None);
    assert_eq!(odd.level_code(), 7);
    assert_eq!(odd.state().code(), 0xff);
    assert_eq!(
        odd.to_string(),
        "unknown level 7, state unknown state 0xff (0xdead00000000ff07)"
    );

    assert_eq!(PageType::NDA.raw(), 0);
    assert_eq!(PageType::RSVD.raw(), 1);
    assert_eq!(PageType::from_reg(1).name(), Some("PT_RSVD"));
    assert_eq!(PageType::from_reg(3).name(), None);
    assert_eq!(PageType::from_reg(3).raw(), 3);
}

// ---------------------------------------------------------------- statuses

/// (constant, spec name, value (the TDX module's, 1.5+), class, error bit).
const STATUS_TABLE: &[(TdxStatus, &str, u64, u8, bool)] = &[
    (TdxStatus::SUCCESS, "TDX_SUCCESS", 0, 0x00, false),
    (
        TdxStatus::NON_RECOVERABLE_VCPU,
        "TDX_NON_RECOVERABLE_VCPU",
        0x4000000100000000,
        0x00,
        false,
    ),
    (
        TdxStatus::NON_RECOVERABLE_TD,
        "TDX_NON_RECOVERABLE_TD",
        0x6000000200000000,
        0x00,
        false,
    ),
    (
        TdxStatus::NON_RECOVERABLE_TD_NON_ACCESSIBLE,
        "TDX_NON_RECOVERABLE_TD_NON_ACCESSIBLE",
        0x6000000500000000,
        0x00,
        false,
    ),
    (
        TdxStatus::NON_RECOVERABLE_TD_WRONG_APIC_MODE,
        "TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE",
        0xE000000700000000,
        0x00,
        true,
    ),
    (
        TdxStatus::INTERRUPTED_RESUMABLE,
        "TDX_INTERRUPTED_RESUMABLE",
        0x8000000300000000,
        0x00,
        true,
    ),
    (
        TdxStatus::VCPU_NOT_ASSOCIATED,
        "TDX_VCPU_NOT_ASSOCIATED",
        0x8000070200000000,
        0x07,
        true,
    ),
    (
        TdxStatus::KEY_STATE_INCORRECT,
        "TDX_KEY_STATE_INCORRECT",
        0xC000081100000000,
        0x08,
        true,
    ),
    (
        TdxStatus::NO_HKID_READY_TO_WBCACHE,
        "TDX_NO_HKID_READY_TO_WBCACHE",
        0x0000082100000000,
        0x08,
        false,
    ),
    (
        TdxStatus::EPT_WALK_FAILED,
        "TDX_EPT_WALK_FAILED",
        0xC0000B0000000000,
        0x0B,
        true,
    ),
    (
        TdxStatus::METADATA_FIELD_NOT_READABLE,
        "TDX_METADATA_FIELD_NOT_READABLE",
        0xC0000C0200000000,
        0x0C,
        true,
    ),
    (
        TdxStatus::SEAMCALL_VMFAILINVALID,
        "TDX_SEAMCALL_VMFAILINVALID",
        0x8000FF00FFFF0000,
        0xFF,
        true,
    ),
    (
        TdxStatus::OPERAND_INVALID,
        "TDX_OPERAND_INVALID",
        0xC000010000000000,
        0x01,
        true,
    ),
    (
        TdxStatus::OPERAND_BUSY,
        "TDX_OPERAND_BUSY",
        0x8000020000000000,
        0x02,
        true,
    ),
    (
        TdxStatus::PREVIOUS_TLB_EPOCH_BUSY,
        "TDX_PREVIOUS_TLB_EPOCH_BUSY",
        0x8000020100000000,
        0x02,
        true,
    ),
    (
        TdxStatus::SYS_BUSY,
        "TDX_SYS_BUSY",
        0x8000020200000000,
        0x02,
        true,
    ),
    (
        TdxStatus::RND_NO_ENTROPY,
        "TDX_RND_NO_ENTROPY",
        0x8000020300000000,
        0x02,
        true,
    ),
    (
        TdxStatus::PAGE_METADATA_INCORRECT,
        "TDX_PAGE_METADATA_INCORRECT",
        0xC000030000000000,
        0x03,
        true,
    ),
    (
        TdxStatus::KEY_GENERATION_FAILED,
        "TDX_KEY_GENERATION_FAILED",
        0x8000080000000000,
        0x08,
        true,
    ),
    (
        TdxStatus::KEY_CONFIGURED,
        "TDX_KEY_CONFIGURED",
        0x0000081500000000,
        0x08,
        false,
    ),
    (
        TdxStatus::FLUSHVP_NOT_DONE,
        "TDX_FLUSHVP_NOT_DONE",
        0x8000082400000000,
        0x08,
        true,
    ),
    (
        TdxStatus::EPT_ENTRY_STATE_INCORRECT,
        "TDX_EPT_ENTRY_STATE_INCORRECT",
        0xC0000B0D00000000,
        0x0B,
        true,
    ),
    (
        TdxStatus::SW_ERROR,
        "TDX_SW_ERROR",
        0x8000FF0000000000,
        0xFF,
        true,
    ),
    (
        TdxStatus::SEAMCALL_GP,
        "TDX_SEAMCALL_GP",
        0x8000FF000000000D,
        0xFF,
        true,
    ),
    (
        TdxStatus::SEAMCALL_UD,
        "TDX_SEAMCALL_UD",
        0x8000FF0000000006,
        0xFF,
        true,
    ),
];

#[test]
fn every_named_status() {
    // The full list (every module code) is checked against data/status-codes.json in
    // tests/status_codes.rs; this table pins the constants the project used before it.
    for &(status, name, value, class, error) in STATUS_TABLE {
        assert_eq!(status.raw(), value, "{name}");
        assert_eq!(TdxStatus::from_raw(value), status, "{name}");
        assert_eq!(status.name(), Some(name), "{name}");
        assert_eq!(status.class(), class, "{name}");
        assert_eq!(status.is_error(), error, "{name}");
        assert_eq!(status.is_success(), value == 0, "{name}");
        assert_eq!(
            status.is_success_with_info(),
            !error && value != 0,
            "{name}"
        );
        assert_eq!(status.is_software(), class == 0xFF, "{name}");
        assert!(TdxStatus::NAMED.contains(&(status, name)), "{name}");
        assert_eq!(status.to_string(), format!("{name} ({value:#018x})"));
        assert_eq!(TdxStatus::from_reg(value), status);
    }
    // The masked names also match with any operand ID.
    for &(status, name, value, _, _) in STATUS_TABLE {
        if value & 0xFFFF_FFFF != 0 || value == 0 {
            continue;
        }
        for operand in [0x01u32, 0x80, 0x92, 0xa9, 0x1234_5678] {
            let st = status.with_operand(operand);
            assert_eq!(st.name(), Some(name), "{name} | {operand:#x}");
            assert_eq!(st.code(), status);
            assert_eq!(st.operand(), operand);
            assert!(st.matches(status));
            assert_eq!(st.raw(), value | u64::from(operand));
        }
    }
}

#[test]
fn status_bits() {
    assert_eq!(TdxStatus::STATUS_MASK, 0xFFFF_FFFF_0000_0000);
    assert_eq!(TdxStatus::ERROR_BIT, 1 << 63);
    assert_eq!(TdxStatus::NON_RECOVERABLE_BIT, 1 << 62);

    assert!(TdxStatus::KEY_CONFIGURED.is_success_with_info());
    assert!(!TdxStatus::KEY_CONFIGURED.is_error());
    assert!(TdxStatus::NO_HKID_READY_TO_WBCACHE.is_success_with_info());
    assert!(!TdxStatus::NO_HKID_READY_TO_WBCACHE.is_error());
    assert!(!TdxStatus::SUCCESS.is_success_with_info());

    assert!(TdxStatus::NON_RECOVERABLE_TD.is_non_recoverable());
    assert!(TdxStatus::NON_RECOVERABLE_TD_WRONG_APIC_MODE.is_non_recoverable());
    assert!(TdxStatus::OPERAND_INVALID.is_non_recoverable()); // 0xC000... has bit 62
    assert!(!TdxStatus::OPERAND_BUSY.is_non_recoverable());

    // Busy under the mask, as KVM tests it; siblings are not OPERAND_BUSY.
    assert!(TdxStatus::from_raw(0x8000_0200_0000_0001).is_busy());
    assert!(TdxStatus::from_raw(0x8000_0200_0000_0092).is_busy());
    assert!(TdxStatus::OPERAND_BUSY.is_busy());
    assert!(!TdxStatus::SYS_BUSY.is_busy());
    assert!(!TdxStatus::PREVIOUS_TLB_EPOCH_BUSY.is_busy());
    assert!(!TdxStatus::RND_NO_ENTROPY.is_busy());
    assert!(!TdxStatus::SUCCESS.is_busy());

    // The exact compare KVM does for SEPT errors keeps the operand.
    let st = TdxStatus::from_raw(0xC000_0B0D_0000_0001);
    assert_eq!(
        st,
        TdxStatus::EPT_ENTRY_STATE_INCORRECT.with_operand(TdxStatus::OPERAND_ID_RCX)
    );
    assert_ne!(st, TdxStatus::EPT_ENTRY_STATE_INCORRECT);
    assert_eq!(
        st.to_string(),
        "TDX_EPT_ENTRY_STATE_INCORRECT operand RCX (0xc0000b0d00000001)"
    );
}

#[test]
fn operand_ids() {
    assert_eq!(TdxStatus::OPERAND_ID_RCX, 0x01);
    assert_eq!(TdxStatus::OPERAND_ID_TDR, 0x80);
    assert_eq!(TdxStatus::OPERAND_ID_SEPT, 0x92);
    assert_eq!(TdxStatus::OPERAND_ID_TD_EPOCH, 0xa9);
    for (id, name) in [
        (0x01u32, "RCX"),
        (0x80, "TDR"),
        (0x92, "SEPT"),
        (0xa9, "TD_EPOCH"),
    ] {
        let st = TdxStatus::OPERAND_BUSY.with_operand(id);
        assert_eq!(st.operand_name(), Some(name));
        assert_eq!(
            st.to_string(),
            format!("TDX_OPERAND_BUSY operand {name} ({:#018x})", st.raw())
        );
    }
    let st = TdxStatus::OPERAND_INVALID.with_operand(0x42);
    assert_eq!(st.operand_name(), None);
    assert_eq!(
        st.to_string(),
        "TDX_OPERAND_INVALID operand 0x42 (0xc000010000000042)"
    );
    assert_eq!(
        format!("{:?}", TdxStatus::OPERAND_BUSY.with_operand(1)),
        "TdxStatus(TDX_OPERAND_BUSY operand RCX (0x8000020000000001))"
    );
}

#[test]
fn software_statuses() {
    // The SEAMCALL_* statuses are exact names; other class-0xFF errors are TDX_SW_ERROR.
    assert!(TdxStatus::SEAMCALL_VMFAILINVALID.matches(TdxStatus::SW_ERROR));
    assert_eq!(
        TdxStatus::SEAMCALL_VMFAILINVALID.to_string(),
        "TDX_SEAMCALL_VMFAILINVALID (0x8000ff00ffff0000)"
    );
    assert_eq!(
        TdxStatus::SEAMCALL_GP.to_string(),
        "TDX_SEAMCALL_GP (0x8000ff000000000d)"
    );
    let other = TdxStatus::from_raw(0x8000_FF00_0000_0005);
    assert!(other.is_software());
    assert_eq!(other.name(), Some("TDX_SW_ERROR"));
    assert_eq!(
        other.to_string(),
        "TDX_SW_ERROR detail 0x5 (0x8000ff0000000005)"
    );
    // Class 0xFF without the error bit is not a Linux software error.
    assert!(!TdxStatus::from_raw(0x0000_FF00_0000_0000).is_software());
}

#[test]
fn unknown_statuses_keep_their_value() {
    let st = TdxStatus::from_raw(0x8000_0900_0000_0000);
    assert_eq!(st.name(), None);
    assert_eq!(st.class(), 0x09);
    assert_eq!(
        st.to_string(),
        "unknown status class 0x09 (0x8000090000000000)"
    );
    // A zero code with detail in bits 31:0 (TDH.VP.ENTER's exit reason) is a success.
    let st = TdxStatus::from_raw(0x0000_0000_0000_004d);
    assert_eq!(st.name(), Some("TDX_SUCCESS"));
    assert!(st.is_success_with_info());
    assert_eq!(
        st.to_string(),
        "TDX_SUCCESS detail 0x4d (0x000000000000004d)"
    );
    assert_eq!(
        format!("{:?}", TdxStatus::from_raw(0xC000_0999_1234_5678)),
        "TdxStatus(unknown status class 0x09 (0xc000099912345678))"
    );
}

#[test]
fn tdvmcall_statuses() {
    for (st, name, value, error) in [
        (
            TdvmcallStatus::SUCCESS,
            "TDVMCALL_STATUS_SUCCESS",
            0u64,
            false,
        ),
        (TdvmcallStatus::RETRY, "TDVMCALL_STATUS_RETRY", 1, false),
        (
            TdvmcallStatus::INVALID_OPERAND,
            "TDVMCALL_STATUS_INVALID_OPERAND",
            0x8000000000000000,
            true,
        ),
        (
            TdvmcallStatus::ALIGN_ERROR,
            "TDVMCALL_STATUS_ALIGN_ERROR",
            0x8000000000000002,
            true,
        ),
        (
            TdvmcallStatus::SUBFUNC_UNSUPPORTED,
            "TDVMCALL_STATUS_SUBFUNC_UNSUPPORTED",
            0x8000000000000003,
            true,
        ),
    ] {
        assert_eq!(st.raw(), value);
        assert_eq!(TdvmcallStatus::from_reg(value), st);
        assert_eq!(st.name(), Some(name));
        assert_eq!(st.is_error(), error);
        assert_eq!(st.to_string(), format!("{name} ({value:#018x})"));
    }
    assert!(TdvmcallStatus::RETRY.is_retry());
    assert!(TdvmcallStatus::SUCCESS.is_success());
    // GHCI's GPA_INUSE (QEMU's TDG_VP_VMCALL_GPA_INUSE) is named; other values are kept.
    let inuse = TdvmcallStatus::from_raw(0x8000_0000_0000_0001);
    assert_eq!(inuse, TdvmcallStatus::GPA_INUSE);
    assert_eq!(inuse.name(), Some("TDVMCALL_STATUS_GPA_INUSE"));
    assert!(inuse.is_error());
    assert_eq!(
        inuse.to_string(),
        "TDVMCALL_STATUS_GPA_INUSE (0x8000000000000001)"
    );
    let unknown = TdvmcallStatus::from_raw(0x8000_0000_0000_0042);
    assert_eq!(unknown.name(), None);
    assert!(unknown.is_error());
    assert_eq!(
        unknown.to_string(),
        "unknown TDVMCALL status (0x8000000000000042)"
    );
}

// ---------------------------------------------------------------- ModuleArgs

#[test]
fn module_args_registers() {
    assert_eq!(std::mem::size_of::<ModuleArgs>(), 104);
    let mut args = ModuleArgs::default();
    assert_eq!(args, ModuleArgs::ZERO);
    let indices = [1u8, 2, 8, 9, 10, 11, 12, 13, 14, 15, 3, 7, 6];
    for (n, &index) in indices.iter().enumerate() {
        assert!(args.set(index, 0x100 + n as u64));
    }
    // Written through the index, read through the fields, in tdx_module_args order.
    let fields = [
        args.rcx, args.rdx, args.r8, args.r9, args.r10, args.r11, args.r12, args.r13, args.r14,
        args.r15, args.rbx, args.rdi, args.rsi,
    ];
    for (n, field) in fields.into_iter().enumerate() {
        assert_eq!(field, 0x100 + n as u64);
    }
    let names: Vec<_> = args.iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rbx", "rdi", "rsi"
        ]
    );
    assert!(args.iter().map(|(_, v)| v).eq(0x100..0x10d));
    for bad in [0u8, 4, 5, 16, 255] {
        assert_eq!(args.get(bad), None);
        let before = args;
        assert!(!args.set(bad, 1));
        assert_eq!(args, before);
    }
    // The memory image is the 13 registers in order.
    let words: [u64; 13] = words_by_offset(&args);
    assert_eq!(words[0], args.rcx);
    assert_eq!(words[10], args.rbx);
    assert_eq!(words[12], args.rsi);
}

/// The struct's words in memory order, read through `get` and the documented offsets.
fn words_by_offset(args: &ModuleArgs) -> [u64; 13] {
    let offsets = [
        (std::mem::offset_of!(ModuleArgs, rcx), 1u8),
        (std::mem::offset_of!(ModuleArgs, rdx), 2),
        (std::mem::offset_of!(ModuleArgs, r8), 8),
        (std::mem::offset_of!(ModuleArgs, r9), 9),
        (std::mem::offset_of!(ModuleArgs, r10), 10),
        (std::mem::offset_of!(ModuleArgs, r11), 11),
        (std::mem::offset_of!(ModuleArgs, r12), 12),
        (std::mem::offset_of!(ModuleArgs, r13), 13),
        (std::mem::offset_of!(ModuleArgs, r14), 14),
        (std::mem::offset_of!(ModuleArgs, r15), 15),
        (std::mem::offset_of!(ModuleArgs, rbx), 3),
        (std::mem::offset_of!(ModuleArgs, rdi), 7),
        (std::mem::offset_of!(ModuleArgs, rsi), 6),
    ];
    let mut words = [0u64; 13];
    for (offset, index) in offsets {
        assert_eq!(offset % 8, 0);
        words[offset / 8] = args.get(index).unwrap();
    }
    words
}

// ---------------------------------------------------------------- properties

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
