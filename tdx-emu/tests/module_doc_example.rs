//! The worked example of `docs/emulator.md`, compiled and run so that it cannot go stale.

use tdx_core::{FieldId, Hkid, Page, Tdr, TdxError, TdxStatus, abi, metadata_fields, seamcall};
use tdx_emu::module::{Config, Fault, FaultKind, PamtType, TdxModule, leaf};

// Your wrappers, declared with the DSL as in your crate (or use the tdx-calls catalog).
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;

#[seamcall(leaf = abi::TdhMngRd, in(rcx = tdr, rdx = field), out(r8 = value: u64))]
unsafe fn tdh_mng_rd(tdr: Page<Tdr>, field: FieldId) -> Result<MngRd, TdxError>;

#[test]
fn creating_a_td_and_the_errors_my_code_must_handle() {
    let module = TdxModule::new(Config::default());
    module.bring_up().expect("platform");
    let tdr: Page<Tdr> = module.alloc_page(); // a free page inside the TDMRs
    module.run(|| {
        // SAFETY: under `run` the instruction traps into `module`, which touches only its own
        // state; the HPA is one of the model's, not real memory.
        unsafe {
            assert_eq!(tdh_mng_create(tdr, Hkid::new(33)), Ok(TdxStatus::SUCCESS));
            // The same page again: PAGE_METADATA_INCORRECT on RCX, the register that carried it.
            let error = tdh_mng_create(tdr, Hkid::new(34)).unwrap_err();
            assert_eq!(
                error.status(),
                TdxStatus::PAGE_METADATA_INCORRECT.with_operand(1)
            );
            // TDR fields can be read right away (TDCS fields need the keys configured).
            let hkid = tdh_mng_rd(tdr, metadata_fields::td::HKID).unwrap();
            assert_eq!(hkid.value, 33);

            // Make the module run out of entropy: the wrapper's default retry (as Linux's
            // sc_retry) gives up after 10 attempts.
            module.inject(Fault::on_seamcall::<abi::TdhMngRd>(FaultKind::NoEntropy));
            let before = tdx_emu::thread_trap_count();
            let error = tdh_mng_rd(tdr, metadata_fields::td::HKID).unwrap_err();
            assert_eq!(error.status(), TdxStatus::RND_NO_ENTROPY);
            assert_eq!(tdx_emu::thread_trap_count() - before, 10);
            module.clear_faults();
        }
    });
    // The PAMT: a TDR page, owned by itself.
    let info = module.page(tdr.hpa()).expect("inside a TDMR");
    assert_eq!((info.page_type, info.owner), (PamtType::Tdr, Some(tdr)));
    assert_eq!(
        module.calls(tdx_emu::Instruction::Seamcall, leaf::TDH_MNG_CREATE),
        2
    );
}
