//! Run macro-generated TDX wrappers for real: the `seamcall` / `tdcall` instruction each one
//! emits traps into a small scripted handler (tdx-emu), which prints the register image the
//! instruction saw and answers it.
//!
//! `cargo run --release -p tdx-calls --example trap_demo`

use tdx_core::{
    Gpa, Hkid, Hpa, MapGpaTarget, Page, Tdr, TdxError, TdxStatus, abi, seamcall, tdvmcall,
};
use tdx_emu::{CpuState, Instruction, with_handler};

/// Take a page back from the TDX module.
#[seamcall(leaf = abi::TdhPhymemPageReclaim, in(rcx = page), out(rcx = page_type, rdx = owner, r8 = page_size))]
unsafe fn tdh_phymem_page_reclaim(page: Hpa) -> Result<PageReclaim, TdxError>;

/// Create a TD on a TDR page with a private HKID.
#[seamcall(leaf = abi::TdhMngCreate, in(rcx = tdr, rdx = hkid))]
unsafe fn tdh_mng_create(tdr: Page<Tdr>, hkid: Hkid) -> Result<TdxStatus, TdxError>;

/// Convert a GPA range between private and shared.
#[tdvmcall(subfn = abi::TdvmcallMapGpa, in(r12 = start, r13 = size), out(r11 = resume))]
unsafe fn tdvmcall_map_gpa(start: MapGpaTarget, size: u64) -> Result<MapGpa, TdxError>;

fn show(instruction: Instruction, cpu: &CpuState) {
    println!(
        "  trapped {instruction}: rax={:#x} rcx={:#x} rdx={:#x} r8={:#x} r10={:#x} r11={:#x} r12={:#x} r13={:#x}",
        cpu.rax, cpu.rcx, cpu.rdx, cpu.r8, cpu.r10, cpu.r11, cpu.r12, cpu.r13
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let page = Hpa::new(0x1_2345_6000)?;
    let tdr: Page<Tdr> = Page::new(Hpa::new(0x4000_0000)?)?;

    println!("TDH.PHYMEM.PAGE.RECLAIM, answered with page type 3, owner 0x40000000, size 0:");
    let mut answer = |instruction: Instruction, cpu: &mut CpuState| {
        show(instruction, cpu);
        (cpu.rax, cpu.rcx, cpu.rdx, cpu.r8) = (0, 3, 0x4000_0000, 0);
    };
    // SAFETY: the trap answers the instruction; no memory is accessed.
    let reclaimed = with_handler(&mut answer, || unsafe { tdh_phymem_page_reclaim(page) })?;
    println!("  -> {reclaimed:?}");

    println!("TDH.MNG.CREATE, answered with TDX_OPERAND_BUSY on RCX:");
    let mut busy = |instruction: Instruction, cpu: &mut CpuState| {
        show(instruction, cpu);
        cpu.rax = TdxStatus::OPERAND_BUSY.raw() | 1;
    };
    // SAFETY: as above.
    match with_handler(&mut busy, || unsafe { tdh_mng_create(tdr, Hkid::new(7)) }) {
        Ok(status) => println!("  -> unexpected success: {status}"),
        Err(error) => println!("  -> error: {error}"),
    }

    println!("TDG.VP.VMCALL<MapGPA>, answered with RETRY from 0x5000:");
    let start = MapGpaTarget::Private(Gpa::new(0x4000)?);
    let mut retry = |instruction: Instruction, cpu: &mut CpuState| {
        show(instruction, cpu);
        (cpu.rax, cpu.r10, cpu.r11) = (0, 1, 0x5000);
    };
    // SAFETY: as above.
    let mapped = with_handler(&mut retry, || unsafe { tdvmcall_map_gpa(start, 0x2000) })?;
    println!("  -> {mapped:?}");
    println!(
        "{} TDX instructions trapped and answered",
        tdx_emu::trap_count()
    );
    Ok(())
}
