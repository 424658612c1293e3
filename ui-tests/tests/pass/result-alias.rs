//! Kernel and firmware crates define `type Result<T> = core::result::Result<T, Error>;`: the
//! wrappers take the alias, and the error converts through `From<TdxError>` as usual.
use tdx_core::{Hpa, TdxError, TdxStatus, abi, seamcall, tdcall};

/// This crate's error.
#[derive(Debug)]
pub struct Error(pub TdxError);

impl From<TdxError> for Error {
    fn from(error: TdxError) -> Self {
        Error(error)
    }
}

/// This crate's result.
pub type Result<T> = core::result::Result<T, Error>;

/// Take a page back from the TDX module.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
pub unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim>;

/// Initialize this logical processor.
#[seamcall(leaf = abi::TdhSysLpInit, clobber())]
pub unsafe fn tdh_sys_lp_init() -> Result<TdxStatus>;

/// The TD execution environment.
#[tdcall(leaf = abi::TdgVpInfo, out(rcx = gpa_width, rdx = attributes))]
pub fn tdg_vp_info() -> Result<VpInfo>;

fn main() {
    use tdx_emu::{CpuState, Instruction, with_handler};
    let mut handler = |_: Instruction, cpu: &mut CpuState| {
        cpu.rax = if cpu.rax == 35 { 0x8000_0200_0000_0000 } else { 0 }; // LP.INIT: busy
        cpu.rcx = 3;
        cpu.rdx = 0x7000_0000;
        cpu.r8 = 1;
    };
    with_handler(&mut handler, || {
        let page = Hpa::new(0x1234_5000).expect("an HPA");
        // SAFETY: the trap answers the instruction; no memory is touched.
        let out = unsafe { tdh_phymem_page_reclaim(page) }.expect("reclaimed");
        assert_eq!(out.owner, Hpa::new(0x7000_0000));
        // SAFETY: as above.
        let Err(Error(error)) = (unsafe { tdh_sys_lp_init() }) else {
            panic!("busy is an error");
        };
        assert!(error.is_busy());
        assert_eq!(tdg_vp_info().expect("info").gpa_width.width(), 3);
    });
}
