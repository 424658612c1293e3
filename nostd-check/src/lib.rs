//! Built by `tdx-core/tests/no_std.rs` (so by `cargo test --workspace`): if `std` were anywhere
//! in the dependency graph of `tdx-core` or `tdx-calls`, this crate's `#[panic_handler]` would
//! collide with std's (`error[E0152]: found duplicate lang item `panic_impl``) and the build
//! would fail.
#![no_std]
#![deny(missing_docs)]

use tdx_calls as _;
use tdx_core as _;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {
        core::hint::spin_loop();
    }
}
