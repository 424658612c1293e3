// error: duplicate input register `rcx`
::core::compile_error! {
    "duplicate input register `rcx`"
}
::core::compile_error! {
    "note: `rcx` first bound here"
}
::core::compile_error! {
    "`rax` cannot carry an operand: it holds the leaf on entry and the completion status on return"
}
::core::compile_error! {
    "`Ok(())` would drop the completion status, losing success-with-information codes (bit 63 clear, non-zero): return `TdxStatus` or name an output struct"
}
const _: () = {
    use abi::TdhMngCreate as _;
};
#[allow(unused_variables, clippy::diverging_sub_expression)]
pub unsafe fn broken(tdr: Page<Tdr>, hkid: Hkid) -> Result<(), TdxError> {
    ::core::unreachable!()
}
