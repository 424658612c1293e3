//! The footprint subjects stand for the catalog: one per catalog wrapper, and the three of
//! each leaf do the same thing under the tdx-emu trap (otherwise comparing their sizes would
//! mean nothing).

use tdx_benches::subjects::{SUBJECTS, WITHOUT_SUBJECTS, has_subjects, subject_catalog};
use tdx_calls::catalog::{CATALOG, Source};

#[test]
fn every_catalog_wrapper_has_its_three_subjects_in_catalog_order() {
    let catalog: Vec<&str> = subject_catalog().map(|entry| entry.wrapper).collect();
    let subjects: Vec<&str> = SUBJECTS.iter().map(|s| s.name).collect();
    assert_eq!(
        subjects, catalog,
        "add or reorder the entries of benches/src/subjects.rs to match tdx_calls::catalog::CATALOG"
    );
    for (subject, entry) in SUBJECTS.iter().zip(subject_catalog()) {
        assert_eq!(
            subject.wrapper,
            format!("tdx_calls::{}::{}", entry.module, entry.wrapper)
        );
        assert_eq!(
            subject.family(),
            entry.leaf.family.name(),
            "{}",
            subject.name
        );
    }
}

/// The wrappers without subjects are exactly `WITHOUT_SUBJECTS`, each a catalog wrapper of a
/// module-1.5 leaf Linux does not issue (the Linux and peer leaves all have subjects).
#[test]
fn only_the_listed_wrappers_lack_subjects() {
    for entry in CATALOG {
        let has = SUBJECTS.iter().any(|s| s.name == entry.wrapper);
        assert_eq!(has, has_subjects(entry), "{}", entry.wrapper);
        if !has {
            assert_eq!(entry.source, Source::Module, "{}", entry.wrapper);
        }
    }
    for wrapper in WITHOUT_SUBJECTS {
        assert!(
            CATALOG.iter().any(|e| e.wrapper == *wrapper),
            "{wrapper} is not a catalog wrapper"
        );
    }
}

#[test]
fn macro_floor_and_linux_path_agree_under_the_trap() {
    let failures = tdx_benches::check::check_all();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_hand_written_same_semantics_wrappers_agree_with_the_macro_under_the_trap() {
    let failures = tdx_benches::shaped::check_all();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let seamcall = tdx_benches::subjects::SUBJECTS
        .iter()
        .filter(|s| s.kind == tdx_benches::check::Kind::Seamcall);
    for subject in seamcall {
        assert!(
            tdx_benches::shaped::SHAPED
                .iter()
                .any(|s| s.name == subject.name),
            "{} has no (b')",
            subject.name
        );
    }
}
