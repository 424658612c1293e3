//! Compile-pass and compile-fail cases for `#[seamcall]`, `#[tdcall]` and `#[tdvmcall]`.
//!
//! The `.stderr` files match the pinned toolchain (rust-toolchain.toml) exactly; re-bless with
//! `TRYBUILD=overwrite cargo test -p ui-tests` and review every changed file.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/pass/*.rs");
    t.compile_fail("tests/fail/**/*.rs");
}
