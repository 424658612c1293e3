//! TDG.VP.VMCALL: every GHCI sub-function a Linux guest (or KVM, on the other side) uses, and
//! those the peer guest crates issue besides (Instruction.WBINVD, Instruction.PCONFIG,
//! Service: [`tdvmcall_wbinvd`], [`tdvmcall_pconfig`], [`tdvmcall_service`]), one wrapper per
//! sub-function, the vendor-specific (KVM) hypercall, and Linux's MapGPA loop.
//!
//! `#[tdvmcall]` sets RCX to the mask of the registers the wrapper binds (plus R10 and R11),
//! R10 = 0 (GHCI standard) and R11 = the sub-function, and treats every exposed register as
//! written by the VMM. Linux exposes a fixed 0xFFCC instead; exposing only what the
//! sub-function uses hands the untrusted VMM less. RAX is the TDCALL status (Linux panics if it
//! is non-zero); R10 is the TDVMCALL status: `TDVMCALL_STATUS_SUCCESS` (0),
//! `TDVMCALL_STATUS_RETRY` (1, not an error), `TDVMCALL_STATUS_INVALID_OPERAND`
//! (0x8000000000000000), `TDVMCALL_STATUS_ALIGN_ERROR` (0x8000000000000002),
//! `TDVMCALL_STATUS_SUBFUNC_UNSUPPORTED` (0x8000000000000003). A failed call's
//! [`TdxError::vmcall_status`] gives R10 back.
//!
//! Sub-function numbers: arch/x86/include/asm/shared/tdx.h@702fdf35 and
//! arch/x86/include/uapi/asm/vmx.h@089c1347; guest usage: arch/x86/coco/tdx/tdx.c (not
//! pinned); host usage: arch/x86/kvm/vmx/tdx.c@3829d81b. No TDG.VP.VMCALL is retried, except
//! MapGPA's RETRY, which [`tdvmcall_map_gpa_range`] handles.
//!
//! Everything a wrapper passes is handed to the untrusted VMM, and everything it returns comes
//! from it. All wrappers must be called inside a TD at CPL 0.

use core::fmt;

mod peers;
pub use peers::{Pconfig, tdvmcall_pconfig, tdvmcall_service, tdvmcall_wbinvd};

use tdx_core::abi::{self, Leaf};
use tdx_core::reg::RegSet;
use tdx_core::{
    AccessDirection, AccessSize, AddrError, EventNotifyVector, Gpa, IoPort, KvmHypercallNr,
    MapGpaTarget, MsrIndex, SharedGpa, TdvmcallStatus, TdxError, tdvmcall,
};

/// Instruction.CPUID (sub-function 10): ask the VMM for a CPUID leaf the TDX module does not
/// virtualize (Linux forwards only 0x40000000–0x4FFFFFFF).
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 10 | –, TDVMCALL status, – |
/// | R12 | `leaf` (EAX) | `eax` |
/// | R13 | `subleaf` (ECX) | `ebx` |
/// | R14 | – | `ecx` |
/// | R15 | – | `edx` |
#[tdvmcall(subfn = abi::TdvmcallCpuid, in(r12 = leaf, r13 = subleaf), out(r12 = eax: u64, r13 = ebx: u64, r14 = ecx: u64, r15 = edx: u64))]
pub fn tdvmcall_cpuid(leaf: u64, subleaf: u64) -> Result<Cpuid, TdxError>;

/// Instruction.HLT (sub-function 12): halt this vCPU until an interrupt.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 12 | –, TDVMCALL status, – |
/// | R12 | `irq_disabled`: 1 if RFLAGS.IF is clear (KVM reads it to decide interrupt blocking), else 0 | – |
#[tdvmcall(subfn = abi::TdvmcallHlt, in(r12 = irq_disabled))]
pub fn tdvmcall_hlt(irq_disabled: u64) -> Result<TdvmcallStatus, TdxError>;

/// Instruction.IO (sub-function 30): port I/O through the VMM.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 30 | –, TDVMCALL status, `value` (read) |
/// | R12 | `size`: 1, 2 or 4 bytes | – |
/// | R13 | `direction`: 0 read (IN), 1 write (OUT) | – |
/// | R14 | `port` | – |
/// | R15 | `value` to write (ignored on a read: pass 0) | – |
///
/// # Safety
///
/// Port I/O can have any device side effect (DMA included), as the `out` instruction: the
/// caller owns the device behind `port`.
#[tdvmcall(subfn = abi::TdvmcallIo, in(r12 = size, r13 = direction, r14 = port, r15 = value), out(r11 = value: u64))]
pub unsafe fn tdvmcall_io(
    size: AccessSize,
    direction: AccessDirection,
    port: IoPort,
    value: u64,
) -> Result<Io, TdxError>;

/// Instruction.RDMSR (sub-function 31): read an MSR the VMM emulates.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 31 | –, TDVMCALL status, `value` (EDX:EAX) |
/// | R12 | `msr`: the MSR index | – |
#[tdvmcall(subfn = abi::TdvmcallRdmsr, in(r12 = msr), out(r11 = value: u64))]
pub fn tdvmcall_rdmsr(msr: MsrIndex) -> Result<Rdmsr, TdxError>;

/// Instruction.WRMSR (sub-function 32): write an MSR the VMM emulates.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 32 | –, TDVMCALL status, – |
/// | R12 | `msr`: the MSR index | – |
/// | R13 | `value`: EDX << 32 \| EAX | – |
///
/// # Safety
///
/// As the `wrmsr` instruction: the MSR's new value must not break what the kernel relies on.
#[tdvmcall(subfn = abi::TdvmcallWrmsr, in(r12 = msr, r13 = value))]
pub unsafe fn tdvmcall_wrmsr(msr: MsrIndex, value: u64) -> Result<TdvmcallStatus, TdxError>;

/// #VE.RequestMMIO (sub-function 48): emulated MMIO through the VMM (KVM maps it to
/// `EXIT_REASON_EPT_MISCONFIG`).
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 48 | –, TDVMCALL status, `value` (read) |
/// | R12 | `size`: 1, 2, 4 or 8 bytes | – |
/// | R13 | `direction`: 0 read, 1 write | – |
/// | R14 | `addr`: the MMIO address, a shared GPA | – |
/// | R15 | `value` to write (ignored on a read: pass 0) | – |
///
/// # Safety
///
/// As any MMIO access: the caller owns the device register at `addr`.
#[tdvmcall(subfn = abi::TdvmcallRequestMmio, in(r12 = size, r13 = direction, r14 = addr, r15 = value), out(r11 = value: u64))]
pub unsafe fn tdvmcall_request_mmio(
    size: AccessSize,
    direction: AccessDirection,
    addr: SharedGpa,
    value: u64,
) -> Result<Mmio, TdxError>;

/// GetTdVmCallInfo (sub-function 0x10000): which TDG.VP.VMCALLs the VMM supports.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 0x10000 | –, TDVMCALL status, `r11` |
/// | R12 | `leaf`: 0 or 1 | `r12` |
/// | R13 | – | `r13` |
/// | R14 | – | `r14` |
///
/// KVM answers leaf 0 itself (R11–R14 = 0, success), forwards leaf 1 to user space, and
/// answers any other leaf with `TDVMCALL_STATUS_INVALID_OPERAND`.
#[tdvmcall(subfn = abi::TdvmcallGetTdVmCallInfo, in(r12 = leaf), out(r11 = r11: u64, r12 = r12: u64, r13 = r13: u64, r14 = r14: u64))]
pub fn tdvmcall_get_td_vm_call_info(leaf: u64) -> Result<TdVmCallInfo, TdxError>;

/// MapGPA (sub-function 0x10001): ask the VMM to map a GPA range as private or shared.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 0x10001 | –, TDVMCALL status, `resume` (on RETRY) |
/// | R12 | `start`: the start GPA, with the shared bit set to map as shared | – |
/// | R13 | `size` in bytes | – |
///
/// Statuses: `TDVMCALL_STATUS_RETRY` (`Ok`): the VMM stopped early (KVM works in 2 MiB chunks
/// and stops when events are pending); call again from `resume` (host-supplied: validate it,
/// as [`tdvmcall_map_gpa_range`] does). `TDVMCALL_STATUS_ALIGN_ERROR` for an unaligned start
/// or size; `TDVMCALL_STATUS_SUBFUNC_UNSUPPORTED` if the VMM's user space does not handle
/// `KVM_HC_MAP_GPA_RANGE`; on an error KVM puts the failing GPA in R11
/// (`err.reg(11)`).
///
/// # Safety
///
/// The range changes sides: memory mapped shared is readable and writable by the VMM, memory
/// mapped private must be accepted again before use. Nothing may rely on the range's contents
/// or use it as the other kind afterwards.
#[tdvmcall(subfn = abi::TdvmcallMapGpa, in(r12 = start, r13 = size), out(r11 = resume: u64))]
pub unsafe fn tdvmcall_map_gpa(start: MapGpaTarget, size: u64) -> Result<MapGpa, TdxError>;

/// GetQuote (sub-function 0x10002): ask the VMM (its quoting service) to turn the TDREPORT in
/// a shared buffer into a quote, asynchronously.
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 0x10002 | –, TDVMCALL status, – |
/// | R12 | `buffer`: the shared GPA of the buffer (`cc_mkdec(virt_to_phys(buf))`) | – |
/// | R13 | `size`: the buffer size (4 KiB aligned) | – |
///
/// Linux passes 0 in R14 and R15 (the unused arguments of `_tdx_hypercall`); this wrapper does
/// not expose them. KVM answers a private GPA with `TDVMCALL_STATUS_INVALID_OPERAND` and exits
/// to user space otherwise.
///
/// # Safety
///
/// `buffer` is shared memory of `size` bytes that the VMM writes the quote into later: the
/// caller must keep it mapped and shared until the quote is complete, and treat its contents
/// as untrusted.
#[tdvmcall(subfn = abi::TdvmcallGetQuote, in(r12 = buffer, r13 = size))]
pub unsafe fn tdvmcall_get_quote(buffer: SharedGpa, size: u64) -> Result<TdvmcallStatus, TdxError>;

/// The 64-byte message of ReportFatalError, 8 bytes per register, in the GHCI order (R14,
/// R15, RBX, RDI, RSI, R8, R9, RDX), as Linux's `union { struct { u64 r14, r15, rbx, rdi, rsi,
/// r8, r9, rdx; }; char str[64]; }`.
///
/// ```
/// use tdx_calls::vmcall::FatalErrorMessage;
/// let msg = FatalErrorMessage::from_bytes(b"kernel panic: oops");
/// assert_eq!(msg.r14, u64::from_le_bytes(*b"kernel p"));
/// assert_eq!(msg.r15, u64::from_le_bytes(*b"anic: oo"));
/// assert_eq!(msg.rbx, u64::from_le_bytes(*b"ps\0\0\0\0\0\0"));
/// assert_eq!(msg.rdx, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FatalErrorMessage {
    /// Bytes 0..8.
    pub r14: u64,
    /// Bytes 8..16.
    pub r15: u64,
    /// Bytes 16..24.
    pub rbx: u64,
    /// Bytes 24..32.
    pub rdi: u64,
    /// Bytes 32..40.
    pub rsi: u64,
    /// Bytes 40..48.
    pub r8: u64,
    /// Bytes 48..56.
    pub r9: u64,
    /// Bytes 56..64.
    pub rdx: u64,
}

impl FatalErrorMessage {
    /// The message `text`, cut at 64 bytes and padded with NUL bytes (Linux's
    /// `strtomem_pad`).
    pub fn from_bytes(text: &[u8]) -> Self {
        let mut bytes = [0u8; 64];
        for (to, from) in bytes.iter_mut().zip(text) {
            *to = *from;
        }
        let mut words = [0u64; 8];
        for (word, chunk) in words.iter_mut().zip(bytes.chunks_exact(8)) {
            // `chunks_exact(8)` yields 8-byte chunks only.
            *word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        }
        let [r14, r15, rbx, rdi, rsi, r8, r9, rdx] = words;
        FatalErrorMessage {
            r14,
            r15,
            rbx,
            rdi,
            rsi,
            r8,
            r9,
            rdx,
        }
    }
}

/// ReportFatalError (sub-function 0x10003): tell the VMM the TD hit a fatal error (Linux's
/// `tdx_panic`, which then calls it again forever).
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 0x10003 | –, TDVMCALL status, – |
/// | R12 | `code`: the error code (0 = panic) | – |
/// | R14, R15, RBX, RDI, RSI, R8, R9, RDX | `message`: 64 bytes, 8 per register in this order | – |
///
/// KVM hands all 16 GPRs to user space (`KVM_SYSTEM_EVENT_TDX_FATAL`); the VMM is not expected
/// to resume the TD.
#[tdvmcall(subfn = abi::TdvmcallReportFatalError, in(r12 = code, r14 = message.r14, r15 = message.r15, rbx = message.rbx, rdi = message.rdi, rsi = message.rsi, r8 = message.r8, r9 = message.r9, rdx = message.rdx))]
pub fn tdvmcall_report_fatal_error(
    code: u64,
    message: &FatalErrorMessage,
) -> Result<TdvmcallStatus, TdxError>;

/// SetupEventNotifyInterrupt (sub-function 0x10004): choose the vector the VMM injects to
/// notify the TD (e.g. of a completed GetQuote).
///
/// | register | in | out |
/// |---|---|---|
/// | RCX, R10, R11 | mask, 0, 0x10004 | –, TDVMCALL status, – |
/// | R12 | `vector`: 32..255 | – |
///
/// The sub-function number is mainline; the register and the range were read only in
/// dev-tree KVM code, and the Linux guest code read does not issue it (**uncertain**).
///
/// # Safety
///
/// The VMM will inject `vector`: an interrupt handler must be installed for it.
#[tdvmcall(subfn = abi::TdvmcallSetupEventNotifyInterrupt, in(r12 = vector))]
pub unsafe fn tdvmcall_setup_event_notify_interrupt(
    vector: EventNotifyVector,
) -> Result<TdvmcallStatus, TdxError>;

// ============================================================= vendor (KVM) hypercall

/// The registers the KVM hypercall exposes to the VMM (R10..R14, 0x7C00): the inputs and
/// outputs of `TdgVpVmcallKvm` in the ABI table (the vendor form of `#[tdvmcall]` computes the
/// same mask into RCX).
pub const KVM_HYPERCALL_EXPOSED: RegSet = RegSet::from_bits(
    <abi::TdgVpVmcallKvm as Leaf>::INPUTS.bits() | <abi::TdgVpVmcallKvm as Leaf>::OUTPUTS.bits(),
);

/// A KVM hypercall from a TD (Linux's `tdx_kvm_hypercall`): the vendor-specific form of
/// TDG.VP.VMCALL (TDCALL leaf 0), selected by a non-zero R10.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 0 (TDG.VP.VMCALL) | TDCALL status |
/// | RCX | the exposed registers, R10..R14 (0x7C00) | – |
/// | R10 | `nr`: the KVM hypercall number (non-zero) | `ret` |
/// | R11 | `p1` (KVM: RBX) | – |
/// | R12 | `p2` (KVM: RCX) | – |
/// | R13 | `p3` (KVM: RDX) | – |
/// | R14 | `p4` (KVM: RSI) | – |
///
/// R10 comes back as the hypercall's result (KVM's `kvm_rax`; negative values are
/// `-KVM_E*`), not as a TDVMCALL status: the vendor form of `#[tdvmcall]` (`vendor = …`). An
/// `Err` means the TDCALL itself failed (RAX non-zero; Linux panics on any non-zero RAX).
///
/// Safe: the ABI table marks the leaf safe (the parameters are plain numbers handed to the
/// untrusted VMM).
#[tdvmcall(vendor = abi::TdgVpVmcallKvm, in(r10 = nr, r11 = p1, r12 = p2, r13 = p3, r14 = p4), out(r10 = ret: u64))]
pub fn tdvmcall_kvm_hypercall(
    nr: KvmHypercallNr,
    p1: u64,
    p2: u64,
    p3: u64,
    p4: u64,
) -> Result<KvmHypercall, TdxError>;

// ======================================================================= MapGPA loop

/// Which way [`tdvmcall_map_gpa_range`] converts a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Conversion {
    /// Map as private (Linux's `enc = true`): the GPAs go to the VMM as they are.
    ToPrivate,
    /// Map as shared (Linux's `enc = false`): the GPAs go with the shared bit set
    /// (`cc_mkdec`).
    ToShared,
}

/// How many MapGPA calls in a row may return RETRY without progress before
/// [`tdvmcall_map_gpa_range`] gives up (Linux's `max_retries_per_page`).
pub const MAP_GPA_MAX_RETRIES_PER_PAGE: u32 = 3;

/// Why [`tdvmcall_map_gpa_range`] stopped before the range was converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapGpaRangeError {
    /// The range is empty, not 4 KiB aligned, or not private GPAs below the shared bit.
    BadRange {
        /// The start as given.
        start: Gpa,
        /// The size as given.
        size: u64,
        /// What was wrong with it, if an address check failed.
        cause: Option<AddrError>,
    },
    /// A MapGPA call failed (TDCALL status, or a TDVMCALL error status in R10).
    Call(TdxError),
    /// The VMM returned a status with bit 63 clear that is neither SUCCESS nor RETRY.
    Status(TdvmcallStatus),
    /// The VMM asked to resume outside `[start, end)` of the remaining range.
    ResumeOutOfRange {
        /// The GPA the VMM returned in R11.
        resume: u64,
        /// The start of the remaining range (shared bit included).
        start: u64,
        /// The end of the range (shared bit included).
        end: u64,
    },
    /// The VMM asked to resume at a GPA that is not 4 KiB aligned.
    ResumeMisaligned {
        /// The GPA the VMM returned in R11.
        resume: u64,
    },
    /// [`MAP_GPA_MAX_RETRIES_PER_PAGE`] calls in a row returned RETRY without progress.
    NoProgress {
        /// Where the range was stuck (shared bit included).
        at: u64,
    },
}

impl From<TdxError> for MapGpaRangeError {
    fn from(err: TdxError) -> Self {
        MapGpaRangeError::Call(err)
    }
}

impl fmt::Display for MapGpaRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MapGpaRangeError::BadRange { start, size, cause } => {
                write!(
                    f,
                    "cannot map {start} + {size:#x}: not a 4 KiB-aligned private range"
                )?;
                match cause {
                    Some(cause) => write!(f, " ({cause})"),
                    None => Ok(()),
                }
            }
            MapGpaRangeError::Call(err) => write!(f, "{err}"),
            MapGpaRangeError::Status(status) => write!(f, "MapGPA returned {status}"),
            MapGpaRangeError::ResumeOutOfRange { resume, start, end } => write!(
                f,
                "the VMM asked to resume MapGPA at {resume:#x}, outside [{start:#x}, {end:#x})"
            ),
            MapGpaRangeError::ResumeMisaligned { resume } => write!(
                f,
                "the VMM asked to resume MapGPA at {resume:#x}, which is not page aligned"
            ),
            MapGpaRangeError::NoProgress { at } => write!(
                f,
                "MapGPA made no progress at {at:#x} in {MAP_GPA_MAX_RETRIES_PER_PAGE} calls"
            ),
        }
    }
}

/// Convert `[start, start + size)` to private or shared with MapGPA, as Linux's
/// `tdx_map_gpa`, resuming on `TDVMCALL_STATUS_RETRY` from the GPA the VMM returns in R11.
///
/// `start` and `size` are 4 KiB aligned, and the range is private GPAs of a TD whose shared
/// bit is `shared_bit` (47 or 51, from [`tdg_vp_info`](crate::guest::tdg_vp_info)). For
/// [`Conversion::ToShared`] the shared bit is set in every GPA sent.
///
/// The host-supplied resume GPA is checked before it is used: it must lie in the remaining
/// `[start, end)` (as Linux checks), be 4 KiB aligned (as Asterinas and td-shim check), and
/// the loop gives up after [`MAP_GPA_MAX_RETRIES_PER_PAGE`] calls in a row without progress
/// (as Linux). So the loop is bounded: every step with progress moves at least 4 KiB, and at
/// most three calls are made per step, `3 × size / 4 KiB` calls in all.
///
/// # Safety
///
/// As [`tdvmcall_map_gpa`], for the whole range, including after an error (part of the range
/// may have been converted).
pub unsafe fn tdvmcall_map_gpa_range(
    start: Gpa,
    size: u64,
    shared_bit: u8,
    conversion: Conversion,
) -> Result<(), MapGpaRangeError> {
    const PAGE: u64 = 4096;
    let bad = |cause: Option<AddrError>| MapGpaRangeError::BadRange { start, size, cause };
    if size == 0 || !start.is_aligned(PAGE) || !size.is_multiple_of(PAGE) {
        return Err(bad(None));
    }
    // Both the first and the last page must be private GPAs below the shared bit.
    let last = start.checked_add(size - PAGE).ok_or(bad(None))?;
    Gpa::new_private(start.as_u64(), shared_bit).map_err(|e| bad(Some(e)))?;
    Gpa::new_private(last.as_u64(), shared_bit).map_err(|e| bad(Some(e)))?;
    let alias = match conversion {
        Conversion::ToPrivate => 0,
        Conversion::ToShared => 1u64 << shared_bit,
    };
    let end = (last.as_u64() + PAGE) | alias;
    let target = |raw: u64| -> Result<MapGpaTarget, MapGpaRangeError> {
        match conversion {
            Conversion::ToPrivate => Gpa::new_private(raw, shared_bit).map(MapGpaTarget::Private),
            Conversion::ToShared => {
                SharedGpa::new_shared(raw, shared_bit).map(MapGpaTarget::Shared)
            }
        }
        .map_err(|e| bad(Some(e)))
    };

    let mut at = start.as_u64() | alias;
    let mut retries = 0;
    while retries < MAP_GPA_MAX_RETRIES_PER_PAGE {
        // SAFETY: `[at, end)` is part of the range the caller vouches for.
        let out = unsafe { tdvmcall_map_gpa(target(at)?, end - at) }?;
        if out.status.is_success() {
            return Ok(());
        }
        if !out.status.is_retry() {
            return Err(MapGpaRangeError::Status(out.status));
        }
        let resume = out.resume;
        if resume < at || resume >= end {
            return Err(MapGpaRangeError::ResumeOutOfRange {
                resume,
                start: at,
                end,
            });
        }
        if !resume.is_multiple_of(PAGE) {
            return Err(MapGpaRangeError::ResumeMisaligned { resume });
        }
        if resume == at {
            retries += 1;
        } else {
            at = resume;
            retries = 0;
        }
    }
    Err(MapGpaRangeError::NoProgress { at })
}
