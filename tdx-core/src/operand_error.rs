//! [`OperandError`]: why a packed operand (a migration page list, an L2 VM index, a
//! service-TD attribute word, ...) could not be built. Every validated constructor of the
//! module-1.5 operand types returns it instead of truncating a field.

use core::fmt;

/// A field of a packed register operand is out of its range, or a reserved bit is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OperandError {
    /// The operand type (`"GpaListInfo"`).
    pub operand: &'static str,
    /// The field (`"last_entry"`).
    pub field: &'static str,
    /// The value given.
    pub value: u64,
    /// The largest value the field takes.
    pub max: u64,
}

impl OperandError {
    /// Check `value <= max` for `operand.field`.
    #[inline]
    pub const fn check(
        operand: &'static str,
        field: &'static str,
        value: u64,
        max: u64,
    ) -> Result<u64, OperandError> {
        if value <= max {
            Ok(value)
        } else {
            Err(OperandError {
                operand,
                field,
                value,
                max,
            })
        }
    }
}

impl fmt::Display for OperandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}.{} = {:#x} is out of range (at most {:#x})",
            self.operand, self.field, self.value, self.max
        )
    }
}

impl core::error::Error for OperandError {}
