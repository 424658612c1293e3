//! The catalog as data: every wrapper of tdx-calls with its leaf number, version, spec name
//! and registers, read from the ABI table.
//!
//! ```text
//! cargo run -p tdx-calls --example abi -- --json       # one JSON object per wrapper per line
//! cargo run -p tdx-calls --example abi -- --markdown   # the table committed as docs/catalog.md
//! ```

use std::process::ExitCode;

use tdx_calls::catalog::{write_json, write_markdown};

fn main() -> ExitCode {
    let mut out = String::new();
    let written = match std::env::args().nth(1).as_deref() {
        Some("--json") => write_json(&mut out),
        Some("--markdown") => write_markdown(&mut out),
        _ => {
            eprintln!("usage: abi --json | --markdown");
            return ExitCode::FAILURE;
        }
    };
    match written {
        Ok(()) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("abi: {err}");
            ExitCode::FAILURE
        }
    }
}
