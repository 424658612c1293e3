//! The packed values: Secure-EPT levels, sizes and packed GPAs, HKIDs, PAMT page types.

use super::*;

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
