//! The catalog's TDG.VM.WR against the model (issue: TDG.VM.RD/WR sent the write mask in RCX):
//! `tdx_calls::guest::tdg_vm_wr` with a non-zero mask succeeds, because the wrapper loads the
//! reserved RCX (`vm_id`) with 0 whatever the caller left there, and the same leaf issued with
//! RCX forced non-zero gets `TDX_OPERAND_INVALID` operand RCX, as the module answers
//! (intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_vm_rd_wr.c` line 65).

mod common;

use common::*;
use tdx_core::metadata_fields;
use tdx_core::{ModuleArgs, TdxStatus};
use tdx_emu::module::TdParams;

#[test]
fn the_catalog_tdg_vm_wr_succeeds_with_a_mask_and_rcx_forced_non_zero_is_refused() {
    let m = module();
    m.run(|| {
        bring_up(&m);
        // TD_CTLS.PENDING_VE_DISABLE (bit 0) is the guest's to change only with
        // CONFIG_FLAGS.FLEXIBLE_PENDING_VE (`md_td_write_element`).
        let params = TdParams {
            config_flags: TdParams::CONFIG_FLEXIBLE_PENDING_VE,
            ..TdParams::default()
        };
        let td = create_td(&m, HKID, &params);
        let vp = create_vcpu(&m, &td, 0);
        // SAFETY: see the `common` module docs.
        unsafe {
            tdx_calls::host::tdh_mr_finalize(&tdx_calls::TdxTd {
                tdr: td.tdr,
                tdcs: &[],
            })
        }
        .expect("MR.FINALIZE");
        m.as_guest(vp.tdvpr, || {
            let ctls = metadata_fields::td::TD_CTLS;
            // Leave a non-zero value in RCX right before the call, as the mask once was.
            // SAFETY: only writes RCX, which the block declares.
            unsafe { core::arch::asm!("mov ecx, 1", out("rcx") _) };
            // SAFETY: the model answers the instruction; a metadata write touches no memory.
            let written = unsafe { tdx_calls::guest::tdg_vm_wr(ctls, 0b1, 0b1) };
            assert_eq!(
                written.map(|w| w.old),
                Ok(0),
                "mask 0b1: the old value in R8"
            );
            assert_eq!(
                tdx_calls::guest::tdg_vm_rd(ctls).map(|r| r.value),
                Ok(1),
                "the write took effect"
            );
            // SAFETY: as above.
            let cleared = unsafe { tdx_calls::guest::tdg_vm_wr(ctls, 0, 0b1) };
            assert_eq!(
                cleared.map(|w| w.old),
                Ok(1),
                "the second write returns the first's value"
            );

            let mut forced = ModuleArgs {
                rcx: 1,
                rdx: ctls.raw(),
                r8: 0,
                r9: 0b1,
                ..ModuleArgs::default()
            };
            // SAFETY: as above; `forced` is live.
            let refused = unsafe { raw::tdg_vm_wr_regs(&mut forced) }.expect_err("RCX != 0");
            assert_eq!(refused.status(), TdxStatus::from_raw(0xC000_0100_0000_0001));
            assert_eq!(refused.status().operand_name(), Some("RCX"));
        });
    });
}
