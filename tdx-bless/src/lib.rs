//! The one `TDX_BLESS` helper of the workspace's tests (a dev-dependency only, never published).
//!
//! A test that checks a committed, generated file renders the file's text and hands it to
//! [`check_or_bless`] (panics on a mismatch) or [`check`] (returns the mismatch, for a test that
//! reports several files at once). With `TDX_BLESS` set in the environment the file is rewritten
//! instead, its directory created if needed; otherwise a stale file fails with its path, the first
//! differing line, a few lines of each side and the command that rewrites it.
//!
//! ```
//! let dir = std::env::temp_dir().join(format!("tdx-bless-doctest-{}", std::process::id()));
//! let path = dir.join("generated.txt");
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(&path, "one\ntwo\n").unwrap();
//! let cmd = "TDX_BLESS=1 cargo test -p my-crate --test my_test";
//! if !tdx_bless::blessing() {
//!     assert_eq!(tdx_bless::check(&path, "one\ntwo\n", cmd), None);
//!     let stale = tdx_bless::check(&path, "one\nthree\n", cmd).unwrap();
//!     assert!(stale.contains("stale at line 2") && stale.contains(cmd), "{stale}");
//! }
//! std::fs::remove_dir_all(&dir).unwrap();
//! ```

use std::fmt::Write as _;
use std::path::Path;

/// How many lines of each side a mismatch shows, from the first differing one.
const CONTEXT: usize = 8;

/// Whether this run rewrites the committed files (`TDX_BLESS` is set, to any value).
pub fn blessing() -> bool {
    std::env::var_os("TDX_BLESS").is_some()
}

/// Compare `actual` with the file at `path`; under `TDX_BLESS` write it instead.
///
/// Returns `None` when the file matches (or was rewritten), else a description of the mismatch
/// that names `command`, the command that rewrites the file. A missing file reads as empty.
///
/// # Panics
/// When blessing and the file or its directory cannot be written.
pub fn check(path: &Path, actual: &str, command: &str) -> Option<String> {
    if blessing() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        }
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return None;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let first = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    let mut out = format!(
        "{} is stale at line {} (`{command}` rewrites it):\n",
        path.display(),
        first + 1
    );
    for line in old.iter().skip(first).take(CONTEXT) {
        let _ = writeln!(out, "- {line}");
    }
    for line in new.iter().skip(first).take(CONTEXT) {
        let _ = writeln!(out, "+ {line}");
    }
    Some(out)
}

/// [`check`], panicking with the mismatch.
///
/// # Panics
/// When the file is stale (not blessing), or cannot be written (blessing).
#[track_caller]
pub fn check_or_bless(path: &Path, actual: &str, command: &str) {
    if let Some(stale) = check(path, actual, command) {
        panic!("{stale}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_first_differing_line_and_the_command() {
        if blessing() {
            return;
        }
        let dir = std::env::temp_dir().join(format!("tdx-bless-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f.txt");
        std::fs::write(&path, "a\nb\nc\n").unwrap();
        assert_eq!(check(&path, "a\nb\nc\n", "CMD"), None);
        let stale = check(&path, "a\nx\nc\n", "CMD").unwrap();
        assert!(
            stale.contains("stale at line 2 (`CMD` rewrites it)"),
            "{stale}"
        );
        assert!(
            stale.contains("- b\n") && stale.contains("+ x\n"),
            "{stale}"
        );
        let missing = check(&dir.join("missing.txt"), "a\n", "CMD").unwrap();
        assert!(missing.contains("stale at line 1"), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
