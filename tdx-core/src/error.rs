//! [`TdxError`]: a failed TDX call, with everything needed to diagnose it.

use crate::abi::{Family, LeafInfo};
use crate::reg::{Reg, RegSet};
use crate::{ModuleArgs, TdvmcallStatus, TdxStatus};
use core::fmt;

/// A TDX call that failed.
///
/// It keeps the leaf (number, version, spec name), the full 64-bit status (operand ID
/// included) and every register the call returned, so that it prints both a decoded line
/// and the raw registers, as Linux's `pr_tdx_error` does:
///
/// ```text
/// TDH.PHYMEM.PAGE.RECLAIM (leaf 28) failed: TDX_OPERAND_BUSY operand RCX (0x8000020000000001); rcx=0x… rdx=0x… r8=0x…
/// ```
///
/// For a TDG.VP.VMCALL, [`status`](Self::status) is the TDCALL status in RAX and
/// [`vmcall_status`](Self::vmcall_status) the TDVMCALL status the VMM put in R10.
///
/// It is 120 bytes: the leaf and the set of returned registers live in a `static`
/// [`CallSite`] per wrapper.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TdxError {
    call: &'static CallSite,
    status: TdxStatus,
    regs: ModuleArgs,
}

/// What a wrapper knows about itself before it runs: the leaf it issues and the registers it
/// takes back. One `static` per wrapper, so a [`TdxError`] carries only a pointer to it and
/// stays small (a `Result<_, TdxError>` is returned by every wrapper).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CallSite {
    /// The leaf the wrapper issues.
    pub leaf: LeafInfo,
    /// The registers a failed call shows: those the leaf's module writes (outputs and error
    /// information, from the ABI table) that the wrapper takes back.
    pub returned: RegSet,
    /// The wrapper's bounded retry policy (`retry(..)`), applied by the shared out-of-line
    /// routine a non-zero status reaches.
    pub retry: Retries,
}

/// A wrapper's bounded retry policy: extra attempts after the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Retries {
    /// Retries on `TDX_RND_NO_ENTROPY` (compared exactly, as Linux's `sc_retry`).
    pub entropy: u32,
    /// Retries on `TDX_OPERAND_BUSY` (compared under the status mask).
    pub busy: u32,
}

impl Retries {
    /// No retries.
    pub const NONE: Retries = Retries {
        entropy: 0,
        busy: 0,
    };
}

impl TdxError {
    /// An error of the wrapper described by `call`, with `status` (RAX) and the registers
    /// as the call returned them (only those in `call.returned` are meaningful).
    ///
    /// For a TDG.VP.VMCALL, a zero `status` with an error in `regs.r10` is the VMM's failure.
    pub const fn new(call: &'static CallSite, status: TdxStatus, regs: ModuleArgs) -> Self {
        TdxError { call, status, regs }
    }

    /// The leaf that failed.
    pub const fn leaf(&self) -> LeafInfo {
        self.call.leaf
    }

    /// The full status the instruction returned in RAX (for TDG.VP.VMCALL: the TDCALL
    /// status, `TDX_SUCCESS` when it is the VMM that failed).
    pub const fn status(&self) -> TdxStatus {
        self.status
    }

    /// For TDG.VP.VMCALL, the TDVMCALL status the VMM returned in R10 (`None` for other
    /// families, or when the TDCALL itself failed and R10 means nothing).
    pub const fn vmcall_status(&self) -> Option<TdvmcallStatus> {
        match self.call.leaf.family {
            Family::Tdvmcall if self.status.is_success() => {
                Some(TdvmcallStatus::from_raw(self.regs.r10))
            }
            _ => None,
        }
    }

    /// The value of register `R` as the call returned it, or `None` if the leaf does not
    /// return that register (on success or on its error path), or the call never reached the
    /// module (`TDX_SEAMCALL_VMFAILINVALID`: the registers are stale).
    ///
    /// ```
    /// # use tdx_core::{abi::{Leaf, TdhMemPageAug}, reg::{Rcx, R12}, CallSite, ModuleArgs, TdxError, TdxStatus};
    /// static CALL: CallSite = CallSite {
    ///     leaf: TdhMemPageAug::INFO,
    ///     returned: TdhMemPageAug::WRITES,
    ///     retry: tdx_core::error::Retries::NONE,
    /// };
    /// let regs = ModuleArgs { rcx: 0x11, r12: 0xdead, ..ModuleArgs::default() };
    /// let err = TdxError::new(&CALL, TdxStatus::EPT_WALK_FAILED, regs);
    /// assert_eq!(err.reg::<Rcx>(), Some(0x11));
    /// assert_eq!(err.reg::<R12>(), None); // never returned by TDH.MEM.PAGE.AUG
    /// ```
    pub fn reg<R: Reg>(&self) -> Option<u64> {
        self.reg_at(R::INDEX)
    }

    /// [`reg`](Self::reg) by x86 GPR index (RCX = 1 … R15 = 15), for code that walks the
    /// registers.
    pub fn reg_at(&self, index: u8) -> Option<u64> {
        if self.returned().contains(index) {
            self.regs.get(index)
        } else {
            None
        }
    }

    /// All registers as the wrapper took them back; only those in
    /// [`returned`](Self::returned) are meaningful (use [`reg`](Self::reg)).
    pub const fn regs(&self) -> &ModuleArgs {
        &self.regs
    }

    /// The registers the leaf returned: what the module writes for it (outputs and error
    /// information), none if SEAMCALL failed with VMfailInvalid.
    pub const fn returned(&self) -> RegSet {
        if self.status.raw() == TdxStatus::SEAMCALL_VMFAILINVALID.raw() {
            RegSet::EMPTY
        } else {
            self.call.returned
        }
    }

    /// Whether the module reported `TDX_OPERAND_BUSY` (compared under the status mask, so
    /// any operand ID matches, as KVM's `tdx_operand_busy`).
    pub const fn is_busy(&self) -> bool {
        self.status.is_busy()
    }
}

impl fmt::Display for TdxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: ", self.call.leaf)?;
        match self.vmcall_status() {
            Some(vmcall) => write!(f, "{vmcall}")?,
            None => write!(f, "{}", self.status)?,
        }
        let mut sep = "; ";
        for (name, index) in crate::reg::OPERAND_REGS {
            if let Some(value) = self.reg_at(index) {
                write!(f, "{sep}{name}={value:#x}")?;
                sep = " ";
            }
        }
        Ok(())
    }
}

impl fmt::Debug for TdxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TdxError({self})")
    }
}

impl core::error::Error for TdxError {}
