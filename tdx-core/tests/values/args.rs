//! `ModuleArgs`.

use super::*;

#[test]
fn module_args_registers() {
    assert_eq!(std::mem::size_of::<ModuleArgs>(), 104);
    let mut args = ModuleArgs::default();
    assert_eq!(args, ModuleArgs::ZERO);
    let indices = [1u8, 2, 8, 9, 10, 11, 12, 13, 14, 15, 3, 7, 6];
    for (n, &index) in indices.iter().enumerate() {
        assert!(args.set(index, 0x100 + n as u64));
    }
    // Written through the index, read through the fields, in tdx_module_args order.
    let fields = [
        args.rcx, args.rdx, args.r8, args.r9, args.r10, args.r11, args.r12, args.r13, args.r14,
        args.r15, args.rbx, args.rdi, args.rsi,
    ];
    for (n, field) in fields.into_iter().enumerate() {
        assert_eq!(field, 0x100 + n as u64);
    }
    let names: Vec<_> = args.iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rbx", "rdi", "rsi"
        ]
    );
    assert!(args.iter().map(|(_, v)| v).eq(0x100..0x10d));
    for bad in [0u8, 4, 5, 16, 255] {
        assert_eq!(args.get(bad), None);
        let before = args;
        assert!(!args.set(bad, 1));
        assert_eq!(args, before);
    }
    // The memory image is the 13 registers in order.
    let words: [u64; 13] = words_by_offset(&args);
    assert_eq!(words[0], args.rcx);
    assert_eq!(words[10], args.rbx);
    assert_eq!(words[12], args.rsi);
}

/// The struct's words in memory order, read through `get` and the documented offsets.
fn words_by_offset(args: &ModuleArgs) -> [u64; 13] {
    let offsets = [
        (std::mem::offset_of!(ModuleArgs, rcx), 1u8),
        (std::mem::offset_of!(ModuleArgs, rdx), 2),
        (std::mem::offset_of!(ModuleArgs, r8), 8),
        (std::mem::offset_of!(ModuleArgs, r9), 9),
        (std::mem::offset_of!(ModuleArgs, r10), 10),
        (std::mem::offset_of!(ModuleArgs, r11), 11),
        (std::mem::offset_of!(ModuleArgs, r12), 12),
        (std::mem::offset_of!(ModuleArgs, r13), 13),
        (std::mem::offset_of!(ModuleArgs, r14), 14),
        (std::mem::offset_of!(ModuleArgs, r15), 15),
        (std::mem::offset_of!(ModuleArgs, rbx), 3),
        (std::mem::offset_of!(ModuleArgs, rdi), 7),
        (std::mem::offset_of!(ModuleArgs, rsi), 6),
    ];
    let mut words = [0u64; 13];
    for (offset, index) in offsets {
        assert_eq!(offset % 8, 0);
        words[offset / 8] = args.get(index).unwrap();
    }
    words
}
