//! What the TDX module's own handlers check, through the real `tdcall` instruction with every
//! register explicit (`tdx-emu`'s `regs = args` helpers), against intel/tdx-module@72d8cff
//! (TDX 1.5.01): `tdg_vm_rd_wr.c`, `tdg_vp_veinfo_get.c`, `tdg_vp_vmcall.c`,
//! `tdx_td_dispatcher.c`.

mod common;

use common::*;
use tdx_core::metadata_fields;
use tdx_core::{ModuleArgs, TdxStatus};
use tdx_emu::module::{TdParams, TdxModule};

/// `TDX_OPERAND_INVALID` with operand RCX.
const OPERAND_INVALID_RCX: TdxStatus = TdxStatus::from_raw(0xC000_0100_0000_0001);
const METADATA_FIELD_ID_INCORRECT: TdxStatus = TdxStatus::from_raw(0xC000_0C00_0000_0000);
const METADATA_FIELD_VALUE_NOT_VALID: TdxStatus = TdxStatus::from_raw(0xC000_0C03_0000_0000);
const NO_VALID_VE_INFO: TdxStatus = TdxStatus::from_raw(0xC000_0704_0000_0000);
/// `MD_FIELD_ID_NA`.
const FIELD_ID_NA: u64 = u64::MAX;

/// Runs `f` as the vCPU of a finalized TD built with `params`.
fn in_guest(params: TdParams, f: impl FnOnce(&TdxModule)) {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let td = create_td(&m, HKID, &params);
        let vp = create_vcpu(&m, &td, 0);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
        m.as_guest(vp.tdvpr, || f(&m));
    });
}

fn status(result: Result<TdxStatus, tdx_core::TdxError>) -> TdxStatus {
    match result {
        Ok(status) => status,
        Err(error) => error.status(),
    }
}

fn vm_rd(args: &mut ModuleArgs) -> TdxStatus {
    // SAFETY: see the `common` module docs; `args` is live.
    status(unsafe { raw::tdg_vm_rd_regs(args) })
}

fn vm_rd_v1(args: &mut ModuleArgs) -> TdxStatus {
    // SAFETY: as above.
    status(unsafe { raw::tdg_vm_rd_v1_regs(args) })
}

fn vm_wr(args: &mut ModuleArgs) -> TdxStatus {
    // SAFETY: as above.
    status(unsafe { raw::tdg_vm_wr_regs(args) })
}

/// A TD whose guest may change TD_CTLS.PENDING_VE_DISABLE (CONFIG_FLAGS.FLEXIBLE_PENDING_VE).
fn flexible() -> TdParams {
    TdParams {
        config_flags: TdParams::CONFIG_FLEXIBLE_PENDING_VE,
        ..TdParams::default()
    }
}

#[test]
fn vm_rd_and_vm_wr_reject_a_non_zero_vm_id_in_rcx() {
    in_guest(flexible(), |_| {
        let mut args = ModuleArgs {
            rdx: metadata_fields::td::MAX_VCPUS.raw(),
            ..ModuleArgs::default()
        };
        assert_eq!(vm_rd(&mut args), TdxStatus::SUCCESS);
        let mut args = ModuleArgs {
            rcx: 1,
            rdx: metadata_fields::td::MAX_VCPUS.raw(),
            ..ModuleArgs::default()
        };
        assert_eq!(vm_rd(&mut args), OPERAND_INVALID_RCX);
        assert_eq!(args.r8, 0, "R8 is cleared before the checks");

        // A write with a non-zero mask succeeds with RCX = 0 and fails with RCX != 0.
        let write = |rcx: u64| ModuleArgs {
            rcx,
            rdx: metadata_fields::td::TD_CTLS.raw(),
            r8: 1,
            r9: 1,
            ..ModuleArgs::default()
        };
        assert_eq!(vm_wr(&mut write(0)), TdxStatus::SUCCESS);
        assert_eq!(vm_wr(&mut write(2)), OPERAND_INVALID_RCX);
    });
}

#[test]
fn vm_rd_writes_the_next_field_id_only_for_version_1() {
    in_guest(TdParams::default(), |_| {
        let mut args = ModuleArgs {
            rdx: metadata_fields::td::MAX_VCPUS.raw(),
            ..ModuleArgs::default()
        };
        assert_eq!(vm_rd(&mut args), TdxStatus::SUCCESS);
        assert_eq!(
            args.rdx,
            metadata_fields::td::MAX_VCPUS.raw(),
            "version 0 leaves RDX alone"
        );

        let mut args = ModuleArgs {
            rdx: metadata_fields::td::MAX_VCPUS.raw(),
            ..ModuleArgs::default()
        };
        assert_eq!(vm_rd_v1(&mut args), TdxStatus::SUCCESS);
        assert_eq!(args.r8, 4);
        assert_ne!(
            args.rdx,
            metadata_fields::td::MAX_VCPUS.raw(),
            "version 1 returns the next field ID"
        );
        assert_ne!(args.rdx, FIELD_ID_NA);

        // A failing version-1 read leaves MD_FIELD_ID_NA in RDX.
        let mut args = ModuleArgs {
            rdx: 0x1110_0003_0000_0300,
            ..ModuleArgs::default()
        };
        assert_eq!(vm_rd_v1(&mut args), METADATA_FIELD_ID_INCORRECT);
        assert_eq!(args.rdx, FIELD_ID_NA);
    });
}

#[test]
fn unknown_field_ids_are_metadata_field_id_incorrect() {
    in_guest(TdParams::default(), |_| {
        let mut args = ModuleArgs {
            rdx: 0x1110_0003_0000_0300,
            ..ModuleArgs::default()
        };
        assert_eq!(vm_rd(&mut args), METADATA_FIELD_ID_INCORRECT);
        let mut args = ModuleArgs {
            rdx: 0x1110_0003_0000_0300,
            r8: 1,
            r9: 1,
            ..ModuleArgs::default()
        };
        assert_eq!(vm_wr(&mut args), METADATA_FIELD_ID_INCORRECT);
    });
}

#[test]
fn a_write_mask_may_cover_read_only_bits_only_if_they_keep_their_value() {
    in_guest(flexible(), |_| {
        // TD_CTLS: the guest may write bit 0 only. Bit 40 in the mask with the current value
        // (0) is narrowed away; with a different value it is a forbidden change.
        let mut args = ModuleArgs {
            rdx: metadata_fields::td::TD_CTLS.raw(),
            r8: 1,
            r9: 1 | (1 << 40),
            ..ModuleArgs::default()
        };
        assert_eq!(vm_wr(&mut args), TdxStatus::SUCCESS);
        let mut args = ModuleArgs {
            rdx: metadata_fields::td::TD_CTLS.raw(),
            r8: 1 | (1 << 40),
            r9: 1 | (1 << 40),
            ..ModuleArgs::default()
        };
        assert_eq!(vm_wr(&mut args), METADATA_FIELD_VALUE_NOT_VALID);
    });
}

#[test]
fn veinfo_get_with_nothing_pending_is_no_valid_ve_info() {
    in_guest(TdParams::default(), |_| {
        let mut args = ModuleArgs::default();
        // SAFETY: see the `common` module docs; `args` is live.
        let result = unsafe { raw::tdg_vp_veinfo_get_regs(&mut args) };
        assert_eq!(status(result), NO_VALID_VE_INFO);
    });
}

/// TDG.VP.VMCALL with RCX = `control`; R11 = 12 (GetTdVmCallInfo) if exposed.
fn vmcall(control: u64) -> TdxStatus {
    let mut args = ModuleArgs {
        rcx: control,
        r11: 12,
        ..ModuleArgs::default()
    };
    // SAFETY: see the `common` module docs; `args` is live.
    status(unsafe { raw::tdg_vp_vmcall(&mut args) })
}

#[test]
fn the_vmcall_control_is_checked_as_the_module_does() {
    // Default TD_PARAMS set NO_RBP_MOD: RBP (bit 5) may not be exposed.
    in_guest(TdParams::default(), |_| {
        for bad in [1 << 0, 1 << 1, 1 << 4, 1 << 5, 1 << 32, 1 << 63] {
            assert_eq!(vmcall(0x0C00 | bad), OPERAND_INVALID_RCX, "bit {bad:#x}");
        }
        // R10/R11 are a GHCI convention: the module accepts a mask without them, and
        // XMM_SELECT bits (31:16).
        assert_eq!(vmcall(1 << 12), TdxStatus::SUCCESS);
        assert_eq!(vmcall(0), TdxStatus::SUCCESS);
        assert_eq!(vmcall(0x0C00 | (0xFF << 16)), TdxStatus::SUCCESS);
    });
    // Without NO_RBP_MOD, bit 5 is allowed.
    let params = TdParams {
        config_flags: 0,
        ..TdParams::default()
    };
    in_guest(params, |_| {
        assert_eq!(vmcall(0x0C00 | (1 << 5)), TdxStatus::SUCCESS);
        assert_eq!(vmcall(0x0C00 | (1 << 4)), OPERAND_INVALID_RCX);
    });
}

#[test]
fn only_vm_rd_takes_a_tdcall_version() {
    in_guest(TdParams::default(), |_| {
        let id = metadata_fields::td::MAX_VCPUS.raw();
        let mut args = ModuleArgs {
            rdx: id,
            ..ModuleArgs::default()
        };
        assert_eq!(vm_rd_v1(&mut args), TdxStatus::SUCCESS);
        // Version 1 of any other leaf: OPERAND_INVALID on RAX (operand 0), before the leaf runs.
        let mut args = ModuleArgs::default();
        // SAFETY: see the `common` module docs; `args` is live.
        let result = unsafe { raw::tdg_vp_veinfo_get_v1_regs(&mut args) };
        assert_eq!(status(result), TdxStatus::OPERAND_INVALID);
    });
}
