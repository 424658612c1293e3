//! A TD and its vCPUs as the model keeps them, the TD_PARAMS structure TDH.MNG.INIT reads,
//! and the snapshots [`TdxModule`](super::TdxModule) hands out for inspection.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use tdx_core::{Gpa, Gva};

use super::measure::{Digest48, MrtdBuilder};
use super::sept::Sept;

/// A TD's key (lifecycle) state, as the TDR records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lifecycle {
    /// TDH.MNG.CREATE assigned an HKID; keys are not configured on every package yet.
    HkidAssigned,
    /// TDH.MNG.KEY.CONFIG has run on every package: the TD can be built and run.
    KeysConfigured,
    /// TDH.MNG.VPFLUSHDONE: no vCPU may be entered again; caches are being written back.
    Blocked,
    /// TDH.MNG.KEY.FREEID freed the HKID: only TDH.PHYMEM.PAGE.RECLAIM is left.
    Teardown,
}

impl Lifecycle {
    /// The TDX module's code (TDR.LIFECYCLE_STATE, metadata field `0x8010000200000005`).
    pub const fn code(self) -> u64 {
        match self {
            Lifecycle::HkidAssigned => 0,
            Lifecycle::KeysConfigured => 1,
            Lifecycle::Blocked => 2,
            Lifecycle::Teardown => 3,
        }
    }
}

/// A TD's operation state (TDCS.OP_STATE), with the TDX module's 11 values and codes
/// (`op_state_e` in `include/auto_gen/op_state_lookup.h`, intel/tdx-module@72d8cff, TDX 1.5.01).
///
/// The model reaches the first three: TDH.MNG.INIT moves a TD from `Uninitialized` to
/// `Initialized`, TDH.MR.FINALIZE to `Runnable`. The others belong to TD migration, which the
/// model does not implement; they are here so that the module's table reads in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OpState {
    /// Created; TDCS pages may be added (TDH.MNG.ADDCX) until TDH.MNG.INIT.
    Uninitialized,
    /// TDH.MNG.INIT done: vCPUs, Secure-EPT pages and measured pages may be added.
    Initialized,
    /// TDH.MR.FINALIZE done: MRTD is final, vCPUs may run.
    Runnable,
    /// Migration: live export.
    LiveExport,
    /// Migration: export with the TD paused.
    PausedExport,
    /// Migration: export done.
    PostExport,
    /// Migration: importing memory.
    MemoryImport,
    /// Migration: importing state.
    StateImport,
    /// Migration: import committed.
    PostImport,
    /// Migration: live import.
    LiveImport,
    /// Migration: import failed.
    FailedImport,
}

impl OpState {
    /// Every state, in code order.
    pub const ALL: [OpState; 11] = [
        OpState::Uninitialized,
        OpState::Initialized,
        OpState::Runnable,
        OpState::LiveExport,
        OpState::PausedExport,
        OpState::PostExport,
        OpState::MemoryImport,
        OpState::StateImport,
        OpState::PostImport,
        OpState::LiveImport,
        OpState::FailedImport,
    ];

    /// The module's code (`op_state_e`; metadata field `0x9010000200000004`).
    pub const fn code(self) -> u64 {
        self as u64
    }

    /// The module's name without the `OP_STATE_` prefix (`"RUNNABLE"`).
    pub const fn module_name(self) -> &'static str {
        match self {
            OpState::Uninitialized => "UNINITIALIZED",
            OpState::Initialized => "INITIALIZED",
            OpState::Runnable => "RUNNABLE",
            OpState::LiveExport => "LIVE_EXPORT",
            OpState::PausedExport => "PAUSED_EXPORT",
            OpState::PostExport => "POST_EXPORT",
            OpState::MemoryImport => "MEMORY_IMPORT",
            OpState::StateImport => "STATE_IMPORT",
            OpState::PostImport => "POST_IMPORT",
            OpState::LiveImport => "LIVE_IMPORT",
            OpState::FailedImport => "FAILED_IMPORT",
        }
    }
}

/// `TD_PARAMS` (1024 bytes, 1024-byte aligned), the input of TDH.MNG.INIT, in the layout of
/// Linux's `struct td_params` (`arch/x86/kvm/vmx/tdx_arch.h`).
///
/// | offset | field |
/// |---|---|
/// | 0 | ATTRIBUTES (u64) |
/// | 8 | XFAM (u64) |
/// | 16 | MAX_VCPUS (u16) |
/// | 24 | EPTP_CONTROLS (u64): bits 2:0 memory type (6 = WB), bits 5:3 page-walk length - 1 |
/// | 32 | CONFIG_FLAGS (u64): bit 0 GPAW 52, bit 1 flexible pending #VE, bit 2 NO_RBP_MOD |
/// | 40 | TSC_FREQUENCY (u16, units of 25 MHz; 0 = the host's) |
/// | 80 | MRCONFIGID (48 bytes) |
/// | 128 | MROWNER (48 bytes) |
/// | 176 | MROWNERCONFIG (48 bytes) |
/// | 256.. | CPUID values (ignored by the model) |
///
/// ```
/// use tdx_emu::module::TdParams;
/// let params = TdParams { max_vcpus: 2, ..TdParams::default() };
/// let bytes = params.to_bytes();
/// assert_eq!(TdParams::from_bytes(&bytes), params);
/// assert_eq!(bytes[16], 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TdParams {
    /// TD attributes (bit 0 DEBUG, bit 28 SEPT_VE_DISABLE, ...).
    pub attributes: u64,
    /// Extended features available to the guest (XCR0/IA32_XSS bits).
    pub xfam: u64,
    /// Maximum number of vCPUs.
    pub max_vcpus: u16,
    /// EPTP controls: memory type and page-walk length.
    pub eptp_controls: u64,
    /// Configuration flags.
    pub config_flags: u64,
    /// TSC frequency in units of 25 MHz (0: the host's).
    pub tsc_frequency: u16,
    /// MRCONFIGID.
    pub mrconfigid: Digest48,
    /// MROWNER.
    pub mrowner: Digest48,
    /// MROWNERCONFIG.
    pub mrownerconfig: Digest48,
}

impl TdParams {
    /// Size in bytes.
    pub const SIZE: usize = 1024;
    /// ATTRIBUTES.DEBUG.
    pub const ATTR_DEBUG: u64 = 1 << 0;
    /// ATTRIBUTES.SEPT_VE_DISABLE.
    pub const ATTR_SEPT_VE_DISABLE: u64 = 1 << 28;
    /// EPTP_CONTROLS for a write-back, 4-level Secure EPT (GPAW 48).
    pub const EPTP_WB_4LEVEL: u64 = 6 | (3 << 3);
    /// EPTP_CONTROLS for a write-back, 5-level Secure EPT (GPAW 48 or 52).
    pub const EPTP_WB_5LEVEL: u64 = 6 | (4 << 3);
    /// CONFIG_FLAGS.MAX_GPAW: GPAW 52 (needs a 5-level Secure EPT).
    pub const CONFIG_GPAW52: u64 = 1 << 0;
    /// CONFIG_FLAGS.FLEXIBLE_PENDING_VE.
    pub const CONFIG_FLEXIBLE_PENDING_VE: u64 = 1 << 1;
    /// CONFIG_FLAGS.NO_RBP_MOD: TDH.VP.ENTER and TDG.VP.VMCALL preserve RBP.
    pub const CONFIG_NO_RBP_MOD: u64 = 1 << 2;

    /// The 1024-byte image.
    pub fn to_bytes(&self) -> [u8; Self::SIZE] {
        let mut out = [0u8; Self::SIZE];
        out[0..8].copy_from_slice(&self.attributes.to_le_bytes());
        out[8..16].copy_from_slice(&self.xfam.to_le_bytes());
        out[16..18].copy_from_slice(&self.max_vcpus.to_le_bytes());
        out[24..32].copy_from_slice(&self.eptp_controls.to_le_bytes());
        out[32..40].copy_from_slice(&self.config_flags.to_le_bytes());
        out[40..42].copy_from_slice(&self.tsc_frequency.to_le_bytes());
        out[80..128].copy_from_slice(&self.mrconfigid);
        out[128..176].copy_from_slice(&self.mrowner);
        out[176..224].copy_from_slice(&self.mrownerconfig);
        out
    }

    /// Reads the fields out of a 1024-byte image (reserved bytes are ignored).
    pub fn from_bytes(bytes: &[u8; Self::SIZE]) -> Self {
        let u64_at = |at: usize| {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(b)
        };
        let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
        let digest_at = |at: usize| {
            let mut d = [0u8; 48];
            d.copy_from_slice(&bytes[at..at + 48]);
            d
        };
        TdParams {
            attributes: u64_at(0),
            xfam: u64_at(8),
            max_vcpus: u16_at(16),
            eptp_controls: u64_at(24),
            config_flags: u64_at(32),
            tsc_frequency: u16_at(40),
            mrconfigid: digest_at(80),
            mrowner: digest_at(128),
            mrownerconfig: digest_at(176),
        }
    }
}

impl Default for TdParams {
    /// A valid production TD: no attributes, x87 + SSE + AVX, 4 vCPUs, 4-level write-back
    /// Secure EPT (GPAW 48), NO_RBP_MOD, 2.5 GHz TSC.
    fn default() -> Self {
        TdParams {
            attributes: 0,
            xfam: 0x7,
            max_vcpus: 4,
            eptp_controls: Self::EPTP_WB_4LEVEL,
            config_flags: Self::CONFIG_NO_RBP_MOD,
            tsc_frequency: 100,
            mrconfigid: [0; 48],
            mrowner: [0; 48],
            mrownerconfig: [0; 48],
        }
    }
}

/// What TDG.VP.VEINFO.GET returns: a #VE the model was told to deliver
/// ([`TdxModule::inject_ve`](super::TdxModule::inject_ve)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VeInfo {
    /// Exit reason (RCX).
    pub exit_reason: u32,
    /// Exit qualification (RDX).
    pub exit_qualification: u64,
    /// Guest linear address (R8).
    pub gla: Gva,
    /// Guest physical address (R9).
    pub gpa: Gpa,
    /// Instruction length (R10 bits 31:0).
    pub instruction_length: u32,
    /// Instruction information (R10 bits 63:32).
    pub instruction_info: u32,
}

/// The model's record of a TD.
#[derive(Debug, Clone)]
pub(crate) struct Td {
    pub(crate) tdr: u64,
    pub(crate) hkid: u16,
    pub(crate) lifecycle: Lifecycle,
    pub(crate) pkg_configured: u64,
    pub(crate) op: OpState,
    pub(crate) tdcs: Vec<u64>,
    /// 4 KiB pages the TD owns besides its TDR (TDR.CHLDCNT).
    pub(crate) child_count: u64,
    pub(crate) params: Option<TdParams>,
    pub(crate) gpaw: u8,
    pub(crate) vcpus: BTreeSet<u64>,
    pub(crate) next_vcpu_index: u32,
    pub(crate) sept: Sept,
    pub(crate) epoch: u64,
    pub(crate) mrtd: MrtdBuilder,
    pub(crate) mrtd_final: Option<Digest48>,
    pub(crate) rtmr: [Digest48; 4],
    pub(crate) notify_enables: u64,
    pub(crate) td_ctls: u64,
    /// The TDR's TD_UUID (the module draws it at random in TDH.MNG.CREATE).
    pub(crate) uuid: [u64; 4],
    /// The TDCS service-TD binding table (`MAX_SERVTDS` = 1 slot in 1.5.01) and SERVTD_NUM.
    pub(crate) servtd: ServtdBinding,
    pub(crate) servtd_num: u16,
    /// The TDR/TDCS metadata elements the model keeps no state of, by class and field code,
    /// zero until written (`md_values.rs`).
    pub(crate) md: BTreeMap<u64, u64>,
}

/// A binding slot of the TDCS service-TD table (`servtd_binding_t` in
/// `src/common/data_structures/td_control_structures.h`, intel/tdx-module@72d8cffb).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ServtdBinding {
    /// `servtd_binding_state_e`: NOT_BOUND 0, PRE_BOUND 1, BOUND 2.
    pub(crate) state: u8,
    pub(crate) servtd_type: u16,
    pub(crate) attributes: u64,
    /// The bound service TD's TD_UUID.
    pub(crate) uuid: [u64; 4],
    /// SERVTD_INFO_HASH: the SHA-384 of the service TD's TDINFO.
    pub(crate) info_hash: Digest48,
}

impl Default for ServtdBinding {
    fn default() -> Self {
        ServtdBinding {
            state: ServtdBinding::NOT_BOUND,
            servtd_type: 0,
            attributes: 0,
            uuid: [0; 4],
            info_hash: [0; 48],
        }
    }
}

impl ServtdBinding {
    pub(crate) const NOT_BOUND: u8 = 0;
    pub(crate) const PRE_BOUND: u8 = 1;
    pub(crate) const BOUND: u8 = 2;

    /// Element `i` of the 128-byte slot as the 16 8-byte elements of SERVTD_BINDINGS_TABLE:
    /// state | type << 16, attributes, UUID (4), INFO_HASH (6), reserved (4).
    pub(crate) fn element(&self, i: u64) -> u64 {
        match i {
            0 => u64::from(self.state) | u64::from(self.servtd_type) << 16,
            1 => self.attributes,
            2..=5 => self.uuid[i as usize - 2],
            6..=11 => {
                let at = (i as usize - 6) * 8;
                let mut word = [0u8; 8];
                word.copy_from_slice(&self.info_hash[at..at + 8]);
                u64::from_le_bytes(word)
            }
            _ => 0,
        }
    }
}

impl Td {
    pub(crate) fn new(tdr: u64, hkid: u16) -> Self {
        Td {
            tdr,
            hkid,
            lifecycle: Lifecycle::HkidAssigned,
            pkg_configured: 0,
            op: OpState::Uninitialized,
            tdcs: Vec::new(),
            child_count: 0,
            params: None,
            gpaw: 48,
            vcpus: BTreeSet::new(),
            next_vcpu_index: 0,
            sept: Sept::new(3),
            epoch: 0,
            mrtd: MrtdBuilder::new(),
            mrtd_final: None,
            rtmr: [[0; 48]; 4],
            notify_enables: 0,
            td_ctls: 0,
            uuid: [0; 4],
            servtd: ServtdBinding::default(),
            servtd_num: 0,
            md: BTreeMap::new(),
        }
    }

    pub(crate) fn attributes(&self) -> u64 {
        self.params.map_or(0, |p| p.attributes)
    }

    pub(crate) fn is_debug(&self) -> bool {
        self.attributes() & TdParams::ATTR_DEBUG != 0
    }

    /// The shared bit of the TD's GPAs (GPAW - 1).
    pub(crate) fn shared_bit(&self) -> u64 {
        1u64 << (self.gpaw - 1)
    }

    /// Whether `gpa` is a private GPA inside the TD's GPA width.
    pub(crate) fn is_private_gpa(&self, gpa: u64) -> bool {
        gpa < self.shared_bit()
    }
}

/// A vCPU's initialization state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VcpuState {
    /// TDH.VP.CREATE done; TDCX pages are being added.
    Created,
    /// TDH.VP.INIT done: the vCPU can be entered once the TD is finalized.
    Initialized,
}

/// The model's record of a vCPU.
#[derive(Debug, Clone)]
pub(crate) struct Vcpu {
    pub(crate) tdvpr: u64,
    pub(crate) tdr: u64,
    pub(crate) index: u32,
    pub(crate) tdcx: Vec<u64>,
    pub(crate) state: VcpuState,
    pub(crate) x2apic_id: Option<u32>,
    pub(crate) associated_lp: Option<u64>,
    pub(crate) running: bool,
    pub(crate) entered_epoch: u64,
    pub(crate) entries: u64,
    /// Guest GPRs by x86 number (RAX = 0 ... R15 = 15).
    pub(crate) gprs: [u64; 16],
    pub(crate) rip: u64,
    pub(crate) rflags: u64,
    pub(crate) cr0: u64,
    pub(crate) cr4: u64,
    /// The RCX mask of the TDG.VP.VMCALL the guest is waiting in, if any.
    pub(crate) pending_vmcall_mask: Option<u64>,
    pub(crate) ve_info: Option<VeInfo>,
    pub(crate) posted_intr_nv: u64,
    pub(crate) posted_intr_desc: u64,
    pub(crate) shared_eptp: u64,
    pub(crate) pin_based: u64,
    pub(crate) pend_nmi: u64,
    /// The TDVPS and TD VMCS metadata elements the model keeps no state of, zero until written.
    pub(crate) md: BTreeMap<u64, u64>,
}

impl Vcpu {
    pub(crate) fn new(tdvpr: u64, tdr: u64, index: u32) -> Self {
        Vcpu {
            tdvpr,
            tdr,
            index,
            tdcx: Vec::new(),
            state: VcpuState::Created,
            x2apic_id: None,
            associated_lp: None,
            running: false,
            entered_epoch: 0,
            entries: 0,
            gprs: [0; 16],
            rip: 0,
            rflags: 0x2,
            cr0: 0,
            cr4: 0,
            pending_vmcall_mask: None,
            ve_info: None,
            posted_intr_nv: 0,
            posted_intr_desc: 0,
            shared_eptp: 0,
            pin_based: 0x16, // the always-one bits of the pin-based controls
            pend_nmi: 0,
            md: BTreeMap::new(),
        }
    }
}

impl fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl fmt::Display for OpState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}
