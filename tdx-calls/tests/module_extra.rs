//! Behaviour of the module-1.5 wrappers beyond their register image: the extended-error
//! decoder on the new Secure-EPT leaves, and the reserved RCX of TDG.VP.RD.

mod module_common;

use module_common::*;
use tdx_calls::guest;
use tdx_calls::host::{self, TdxErrorExt};
use tdx_core::SeptLevelState;

#[test]
fn a_failed_demote_returns_its_secure_ept_detail() {
    // TDX_GPA_RANGE_NOT_BLOCKED (0xC0000B06..., 1.5.01 `tdx_error_codes_defs.h`) | operand RCX, with the entry and level/state in RCX/RDX.
    let status = 0xC000_0B06_0000_0001;
    let (result, _) = trace(
        |_, cpu| {
            cpu.rax = status;
            cpu.rcx = 0x1234_5007;
            cpu.rdx = 0x0101;
        },
        || {
            with_td(|td| {
                // SAFETY: the trap answers the instruction; no memory is touched.
                unsafe {
                    host::tdh_mem_page_demote(
                        td,
                        sept_gpa(),
                        page::<Sept>(SEPT),
                        L2SeptPages::NONE,
                        DynamicPamt::NONE,
                    )
                }
            })
        },
    );
    let err = result.expect_err("the module failed");
    assert_eq!(err.status().raw(), status);
    let detail = err.sept_error().expect("DEMOTE is a Secure-EPT leaf");
    assert_eq!(detail.entry, 0x1234_5007);
    assert_eq!(detail.level_state, SeptLevelState::from_raw(0x0101));
}

#[test]
fn tdg_vp_rd_sends_rcx_zero() {
    let (result, seen) = run(&["rdx", "r8"], || {
        guest::tdg_vp_rd(FieldId::from_raw(FIELD))
    });
    assert_eq!(seen.1.rcx, 0, "the module rejects RCX != 0");
    assert_eq!(result.expect("success").value, answer("r8"));
}
