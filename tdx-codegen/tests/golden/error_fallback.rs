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
const _: () = {
    use abi::TdhMngCreate as _;
};
#[allow(unused_variables, clippy::diverging_sub_expression)]
pub unsafe fn broken(tdr: Page<Tdr>, hkid: Hkid) -> Result<(), TdxError> {
    ::core::unreachable!()
}
