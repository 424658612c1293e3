//! TDX and TDG.VP.VMCALL statuses.

use super::*;

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
