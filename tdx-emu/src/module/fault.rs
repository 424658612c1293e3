//! Fault injection: make chosen leaves fail the way a busy, entropy-starved or absent TDX module
//! would, so that callers' retry and error paths run through the real instruction.
//!
//! A [`Fault`] names the leaf (or every leaf of an instruction), what goes wrong
//! ([`FaultKind`]) and when ([`Trigger`]): always, on the n-th call, on the first n calls, or at
//! a rate drawn from a deterministic generator seeded by [`Config::seed`](super::Config::seed).
//! A call that a fault hits does nothing else: the model's state is untouched and only RAX (or
//! CF) changes.
//!
//! ```
//! use tdx_core::abi;
//! use tdx_emu::Instruction;
//! use tdx_emu::module::{Fault, FaultKind, Trigger};
//! // TDH.SYS.LP.INIT (leaf 35) runs out of entropy on its first three calls.
//! let fault = Fault::on_seamcall::<abi::TdhSysLpInit>(FaultKind::NoEntropy).when(Trigger::FirstN(3));
//! assert_eq!(fault.leaf, Some(35));
//! assert_eq!(
//!     fault,
//!     Fault::new(Instruction::Seamcall, Some(35), FaultKind::NoEntropy, Trigger::FirstN(3))
//! );
//! ```

use tdx_core::TdxStatus;
use tdx_core::abi::{SeamcallLeaf, TdcallLeaf};

use crate::Instruction;

use super::status::operand;

/// What an injected fault does to the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// `TDX_OPERAND_BUSY` with this operand ID (e.g. [`operand::RCX`], [`operand::SEPT`]).
    Busy {
        /// The operand ID in bits 31:0.
        operand: u32,
    },
    /// `TDX_RND_NO_ENTROPY` (Linux's `sc_retry` retries it).
    NoEntropy,
    /// VMfailInvalid: CF set and RAX left as it was (SEAMCALL only; for TDCALL it is ignored
    /// and the call proceeds).
    VmFailInvalid,
    /// Any other status, returned whole in RAX.
    Status(TdxStatus),
}

impl FaultKind {
    /// `TDX_OPERAND_BUSY` on RCX.
    pub const BUSY_RCX: FaultKind = FaultKind::Busy {
        operand: operand::RCX,
    };
}

/// When an injected fault fires. Calls are counted per fault, from the moment it is injected,
/// over the calls it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// On every matching call.
    Always,
    /// On the n-th matching call only (1-based).
    Nth(u64),
    /// On the first n matching calls.
    FirstN(u64),
    /// On each matching call with probability `per_million / 1_000_000`, drawn from the
    /// module's deterministic generator ([`Config::seed`](super::Config::seed)): the same seed
    /// and the same sequence of calls give the same faults.
    Rate {
        /// Probability in millionths.
        per_million: u32,
    },
}

/// A fault to inject with [`TdxModule::inject`](super::TdxModule::inject).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    /// The instruction it applies to.
    pub instruction: Instruction,
    /// The leaf number (bits 15:0 of RAX, or the whole RAX for a P-SEAMLDR leaf), or `None` for
    /// every leaf of `instruction`.
    pub leaf: Option<u64>,
    /// What happens.
    pub kind: FaultKind,
    /// When it happens.
    pub trigger: Trigger,
}

impl Fault {
    /// A fault on `leaf` (or every leaf) of `instruction`.
    pub const fn new(
        instruction: Instruction,
        leaf: Option<u64>,
        kind: FaultKind,
        trigger: Trigger,
    ) -> Self {
        Fault {
            instruction,
            leaf,
            kind,
            trigger,
        }
    }

    /// A fault on SEAMCALL `leaf` that fires on every call.
    pub const fn seamcall(leaf: u64, kind: FaultKind) -> Self {
        Fault::new(Instruction::Seamcall, Some(leaf), kind, Trigger::Always)
    }

    /// A fault on TDCALL `leaf` that fires on every call.
    pub const fn tdcall(leaf: u64, kind: FaultKind) -> Self {
        Fault::new(Instruction::Tdcall, Some(leaf), kind, Trigger::Always)
    }

    /// A fault on the SEAMCALL leaf `L` of the ABI table (its number from `L::INFO`), firing
    /// on every call: `Fault::on_seamcall::<abi::TdhMngRd>(FaultKind::NoEntropy)`.
    pub const fn on_seamcall<L: SeamcallLeaf>(kind: FaultKind) -> Self {
        Fault::seamcall(L::INFO.number, kind)
    }

    /// A fault on the TDCALL leaf `L` of the ABI table, firing on every call.
    pub const fn on_tdcall<L: TdcallLeaf>(kind: FaultKind) -> Self {
        Fault::tdcall(L::INFO.number, kind)
    }

    /// The same fault with another trigger.
    pub const fn when(self, trigger: Trigger) -> Self {
        Fault { trigger, ..self }
    }
}

/// Identifies an injected fault, for [`TdxModule::remove_fault`](super::TdxModule::remove_fault).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaultId(pub(crate) u64);

/// A deterministic 64-bit generator (SplitMix64).
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) const fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// One injected fault and its counters.
#[derive(Debug)]
struct Rule {
    id: FaultId,
    fault: Fault,
    seen: u64,
    fired: u64,
}

/// The injected faults of a module.
#[derive(Debug)]
pub(crate) struct Faults {
    rules: Vec<Rule>,
    next_id: u64,
    rng: Rng,
    pub(crate) fired: u64,
}

impl Faults {
    pub(crate) fn new(seed: u64) -> Self {
        Faults {
            rules: Vec::new(),
            next_id: 1,
            rng: Rng::new(seed),
            fired: 0,
        }
    }

    pub(crate) fn add(&mut self, fault: Fault) -> FaultId {
        let id = FaultId(self.next_id);
        self.next_id += 1;
        self.rules.push(Rule {
            id,
            fault,
            seen: 0,
            fired: 0,
        });
        id
    }

    pub(crate) fn remove(&mut self, id: FaultId) -> bool {
        let before = self.rules.len();
        self.rules.retain(|rule| rule.id != id);
        self.rules.len() != before
    }

    pub(crate) fn clear(&mut self) {
        self.rules.clear();
    }

    /// How often fault `id` has fired, if it is still injected.
    pub(crate) fn fired_of(&self, id: FaultId) -> Option<u64> {
        self.rules.iter().find(|r| r.id == id).map(|r| r.fired)
    }

    /// The fault that hits this call, if any. Every matching rule counts the call; the first
    /// one that fires wins.
    pub(crate) fn check(&mut self, instruction: Instruction, leaf: u64) -> Option<FaultKind> {
        let mut hit = None;
        for rule in &mut self.rules {
            let fault = rule.fault;
            if fault.instruction != instruction || fault.leaf.is_some_and(|l| l != leaf) {
                continue;
            }
            rule.seen += 1;
            let fires = match fault.trigger {
                Trigger::Always => true,
                Trigger::Nth(n) => rule.seen == n,
                Trigger::FirstN(n) => rule.seen <= n,
                Trigger::Rate { per_million } => {
                    self.rng.next_u64() % 1_000_000 < u64::from(per_million)
                }
            };
            if fires && hit.is_none() {
                rule.fired += 1;
                hit = Some(fault.kind);
            }
        }
        if hit.is_some() {
            self.fired += 1;
        }
        hit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_count_matching_calls_only() {
        let mut faults = Faults::new(7);
        let nth = faults.add(Fault::seamcall(9, FaultKind::NoEntropy).when(Trigger::Nth(2)));
        assert_eq!(faults.check(Instruction::Seamcall, 8), None);
        assert_eq!(faults.check(Instruction::Tdcall, 9), None);
        assert_eq!(faults.check(Instruction::Seamcall, 9), None);
        assert_eq!(
            faults.check(Instruction::Seamcall, 9),
            Some(FaultKind::NoEntropy)
        );
        assert_eq!(faults.check(Instruction::Seamcall, 9), None);
        assert_eq!(faults.fired_of(nth), Some(1));
        assert!(faults.remove(nth));
        assert!(!faults.remove(nth));
    }

    #[test]
    fn rates_are_deterministic() {
        let run = |seed| {
            let mut faults = Faults::new(seed);
            faults.add(Fault::new(
                Instruction::Seamcall,
                None,
                FaultKind::BUSY_RCX,
                Trigger::Rate {
                    per_million: 250_000,
                },
            ));
            (0..1000)
                .map(|_| faults.check(Instruction::Seamcall, 3).is_some())
                .collect::<Vec<_>>()
        };
        let a = run(42);
        assert_eq!(a, run(42));
        assert_ne!(a, run(43));
        let hits = a.iter().filter(|&&hit| hit).count();
        assert!((150..350).contains(&hits), "{hits} hits of 1000 at 25%");
    }
}
