//! The footprint subjects in a binary of their own: `benches/footprint.rs` builds it in release
//! and disassembles `tdx_fp_{a,b,c}_<leaf>` out of it.
//!
//! * `footprint_subjects --list`: one line per leaf: name, family, the three symbols;
//! * `footprint_subjects [--check]`: run every leaf's three subjects through the tdx-emu trap
//!   and check that they load the same registers and return the same values (exit status 1 if
//!   any differ), and every (b') against (a). This also keeps every subject linked in;
//! * `footprint_subjects --count [LEAF...]`: the instruction counter (`tdx_benches::count`):
//!   one tab-separated line per leaf, set and script, with the instructions executed.

use tdx_benches::footprint::Set;
use tdx_benches::subjects::SUBJECTS;

fn main() {
    if std::env::args().any(|arg| arg == "--list") {
        for subject in SUBJECTS {
            let symbols = Set::ALL.map(|set| set.symbol(subject.name));
            println!(
                "{}\t{}\t{}",
                subject.name,
                subject.family(),
                symbols.join("\t")
            );
        }
        return;
    }
    if std::env::args().any(|arg| arg == "--count") {
        let only: Vec<String> = std::env::args()
            .skip_while(|arg| arg != "--count")
            .skip(1)
            .collect();
        if let Err(error) = tdx_benches::count::count_all(&only) {
            eprintln!("count: {error}");
            std::process::exit(1);
        }
        return;
    }
    // Link every runner (and through them the call sites) into this binary.
    for subject in SUBJECTS {
        std::hint::black_box(subject.run);
    }
    for shaped in tdx_benches::shaped::SHAPED {
        std::hint::black_box(shaped.run);
    }
    let mut failures = tdx_benches::check::check_all();
    failures.extend(tdx_benches::shaped::check_all());
    for failure in &failures {
        eprintln!("MISMATCH {failure}");
    }
    println!(
        "{} leaves: (a), (b) and (c), and {} (b'), {}",
        SUBJECTS.len(),
        tdx_benches::shaped::SHAPED.len(),
        if failures.is_empty() {
            "agree under the trap"
        } else {
            "DISAGREE"
        }
    );
    if !failures.is_empty() {
        std::process::exit(1);
    }
}
