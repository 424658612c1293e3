//! The P-SEAMLDR leaves: SEAMCALLs to the persistent SEAM loader, with bit 63 set in the leaf
//! number (`P_SEAMLDR_INFO 0x8000000000000000`, `P_SEAMLDR_INSTALL 0x8000000000000001`,
//! arch/x86/virt/vmx/tdx/seamldr.c@b2128290), used by the TDX module runtime update.
//!
//! Linux issues both through `seamcall_prerr`, so `TDX_RND_NO_ENTROPY` is retried as for any
//! SEAMCALL (10 attempts in all). `TDX_SEAMCALL_VMFAILINVALID` (CF=1) also means "the
//! P-SEAMLDR is busy" here. Linux serializes the calls with a raw spinlock and refuses them on
//! CPUs with `X86_BUG_SEAMRET_INVD_VMCS`.
//!
//! # Safety of both wrappers
//!
//! The caller runs at CPL 0 in VMX root operation on a TDX host, holds the lock that
//! serializes P-SEAMLDR calls, and keeps the structure it passes valid for the call.

use tdx_core::{Hpa, TdxError, TdxStatus, abi, seamcall};

/// P-SEAMLDR.INFO (P-SEAMLDR leaf 0x8000000000000000): have the loader describe itself.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x8000000000000000 | status |
/// | RCX | `info`: physical address of a `struct seamldr_info` to fill in (Linux: `slow_virt_to_phys`, it may be on the stack) | – |
///
/// Statuses: `TDX_SEAMCALL_VMFAILINVALID` (no loader, or it is busy); `TDX_RND_NO_ENTROPY`
/// after 10 attempts.
///
/// # Safety
///
/// `info` is the physical address of writable memory the size of `struct seamldr_info`,
/// valid for the call. See the module docs.
#[seamcall(leaf = abi::PSeamldrInfo, in(rcx = info))]
pub unsafe fn p_seamldr_info(info: Hpa) -> Result<TdxStatus, TdxError>;

/// P-SEAMLDR.INSTALL (P-SEAMLDR leaf 0x8000000000000001): install a new TDX module, on every
/// CPU during a runtime update (Linux drives it from a `stop_machine` state machine).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0x8000000000000001 | status |
/// | RCX | `params`: physical address of a 4 KiB `struct seamldr_params` (version, scenario, SIGSTRUCT and module page lists) | – |
///
/// Statuses: `TDX_SEAMCALL_VMFAILINVALID`; `TDX_RND_NO_ENTROPY` after 10 attempts.
///
/// # Safety
///
/// `params` is the physical address of a readable 4 KiB `struct seamldr_params` whose page
/// lists name readable pages, all valid for the call; the TDX module was shut down with
/// [`tdh_sys_shutdown`](crate::host::tdh_sys_shutdown). See the module docs.
#[seamcall(leaf = abi::PSeamldrInstall, in(rcx = params))]
pub unsafe fn p_seamldr_install(params: Hpa) -> Result<TdxStatus, TdxError>;
