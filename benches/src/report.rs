//! `docs/benchmarks.md` is written by the benches themselves: run with `TDX_BENCH_WRITE=1`,
//! each bench replaces its own section, between `<!-- tdx-bench:begin NAME -->` and
//! `<!-- tdx-bench:end NAME -->`, with the figures of that run, the command that produced them
//! and the machine it ran on. Nothing between the markers is typed by hand.

use std::path::PathBuf;
use std::process::Command;

/// Build binary `bin` of this package in release with the cargo that runs the bench; its path.
pub fn build_release(bin: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let manifest = workspace_root().join("Cargo.toml");
    let output = Command::new(&cargo)
        .args(["build", "--release", "-p", "tdx-benches", "--bin", bin])
        .args([
            "--message-format",
            "json-render-diagnostics",
            "--manifest-path",
        ])
        .arg(&manifest)
        .output()
        .map_err(|e| format!("cannot run {cargo}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo build --release failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if message["reason"] == "compiler-artifact"
            && message["target"]["name"] == bin
            && let Some(path) = message["executable"].as_str()
        {
            return Ok(PathBuf::from(path));
        }
    }
    Err(format!("cargo did not report the {bin} executable"))
}

/// Where the benchmark report lives.
pub fn docs_path() -> PathBuf {
    workspace_root().join("docs/benchmarks.md")
}

/// The workspace root (the parent of this package).
pub fn workspace_root() -> PathBuf {
    let package = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    package.parent().map_or(package.clone(), PathBuf::from)
}

/// Whether this run should write its section (`TDX_BENCH_WRITE=1`).
pub fn write_requested() -> bool {
    std::env::var_os("TDX_BENCH_WRITE").is_some_and(|v| v == "1")
}

/// Whether the process was started by `cargo bench` (which passes `--bench`).
pub fn bench_mode() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

fn command_line(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// The machine and toolchain, as one markdown line.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let nproc = std::thread::available_parallelism().map_or(0, usize::from);
    let rustc = command_line("rustc", &["--version"]).unwrap_or_else(|| "rustc ?".into());
    let kernel = command_line("uname", &["-sr"]).unwrap_or_default();
    let date = command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();
    format!("{cpu} (`/proc/cpuinfo` model name), nproc = {nproc}; {rustc}; {kernel}; run {date}")
}

/// The markers of section `name`.
fn markers(name: &str) -> (String, String) {
    (
        format!("<!-- tdx-bench:begin {name} -->"),
        format!("<!-- tdx-bench:end {name} -->"),
    )
}

/// `document` with the section `name` replaced by `body` (appended if it has no markers yet).
pub fn replace_section(document: &str, name: &str, body: &str) -> String {
    let (begin, end) = markers(name);
    let body = body.trim_end();
    match (document.find(&begin), document.find(&end)) {
        (Some(start), Some(stop)) if start < stop => format!(
            "{}{begin}\n{body}\n{}",
            &document[..start],
            &document[stop..]
        ),
        _ => format!("{}\n\n{begin}\n{body}\n{end}\n", document.trim_end()),
    }
}

/// Write section `name` of `docs/benchmarks.md` if `TDX_BENCH_WRITE=1`; say what was done.
pub fn write_section(name: &str, body: &str) {
    if !write_requested() {
        eprintln!("(set TDX_BENCH_WRITE=1 to write this section into docs/benchmarks.md)");
        return;
    }
    let path = docs_path();
    let document = std::fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".into());
    let updated = replace_section(&document, name, body);
    match std::fs::write(&path, updated) {
        Ok(()) => eprintln!("wrote section `{name}` of {}", path.display()),
        Err(e) => eprintln!("cannot write {}: {e}", path.display()),
    }
}

/// Where criterion keeps its results: `$CRITERION_HOME`, else `$CARGO_TARGET_DIR/criterion`,
/// else `target/criterion` in the workspace (the benches pass it to criterion explicitly, so
/// that they read back what it wrote).
pub fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir).join("criterion"),
        None => workspace_root().join("target/criterion"),
    }
}

/// One criterion estimate, in nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Time per iteration: criterion's "typical" estimate, the one it prints as `time:` (the
    /// slope of the linear regression when it has one, otherwise the mean).
    pub mean: f64,
    /// Lower bound of its 95% confidence interval.
    pub low: f64,
    /// Upper bound of its 95% confidence interval.
    pub high: f64,
    /// Median time per iteration.
    pub median: f64,
}

/// The estimate criterion wrote for benchmark `id` of `group` in this run.
pub fn read_estimate(group: &str, id: &str) -> Result<Estimate, String> {
    let path = criterion_dir()
        .join(group)
        .join(id)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let get = |pointer: &str| {
        json.pointer(pointer)
            .and_then(serde_json::Value::as_f64)
            .ok_or_else(|| format!("{}: no {pointer}", path.display()))
    };
    let typical = if json
        .pointer("/slope/point_estimate")
        .is_some_and(|v| v.is_f64())
    {
        "/slope"
    } else {
        "/mean"
    };
    Ok(Estimate {
        mean: get(&format!("{typical}/point_estimate"))?,
        low: get(&format!("{typical}/confidence_interval/lower_bound"))?,
        high: get(&format!("{typical}/confidence_interval/upper_bound"))?,
        median: get("/median/point_estimate")?,
    })
}

/// A duration in nanoseconds, with a unit that keeps three or four significant digits.
pub fn format_ns(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.3} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_replaced_between_their_markers_only() {
        let doc =
            "# T\n\nintro\n<!-- tdx-bench:begin x -->\nold\n<!-- tdx-bench:end x -->\nafter\n";
        let new = replace_section(doc, "x", "new\n");
        assert_eq!(
            new,
            "# T\n\nintro\n<!-- tdx-bench:begin x -->\nnew\n<!-- tdx-bench:end x -->\nafter\n"
        );
        let appended = replace_section("# T\n", "y", "body");
        assert_eq!(
            appended,
            "# T\n\n<!-- tdx-bench:begin y -->\nbody\n<!-- tdx-bench:end y -->\n"
        );
    }
}
