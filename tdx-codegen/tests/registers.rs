//! The codegen's register table and tdx-core's register markers are one table seen from two
//! crates: same names, same x86 indices, same order (`struct tdx_module_args`).

use tdx_codegen::testing::registers;

#[test]
fn the_codegen_table_is_tdx_cores() {
    let core: Vec<(&str, u8)> = tdx_core::reg::OPERAND_REGS.to_vec();
    let codegen: Vec<(&str, u8)> = registers()
        .iter()
        .map(|(name, index, _)| (*name, *index))
        .collect();
    assert_eq!(codegen, core);
    for (name, _, marker) in registers() {
        assert_eq!(marker.to_ascii_lowercase(), name);
    }
}
