//! `docs/peer-migration.md`: every public function of `tdx-guest` 0.4.0 and of td-shim's
//! `tdx-tdcall` 0.2.3 has a row, every row says what replaces it (or why nothing does), and
//! every `tdx_calls` wrapper the page names exists: in the catalog (its JSON dump), or as one of
//! the bounded loops over a wrapper.

use std::collections::BTreeSet;
use std::path::PathBuf;
use tdx_calls::catalog::{CATALOG, write_json};

/// The public functions of `tdx-guest` 0.4.0 (intel/confidential-computing.tdx.tdx-guest@264c5a2:
/// `src/lib.rs`, `src/tdcall.rs`, `src/tdvmcall.rs`, `src/unaccepted_memory.rs`).
const TDX_GUEST: &[&str] = &[
    // lib.rs
    "shared_mask",
    "tdx_is_enabled",
    "is_tdx_guest_early",
    "init_tdx",
    "handle_virtual_exception",
    "reduce_unnecessary_ve",
    "accept_memory",
    "enable_cpu_topology_enumeration",
    "disable_sept_ve",
    // tdcall.rs
    "get_tdinfo",
    "get_veinfo",
    "accept_page",
    "release_private_page",
    "read_page_attr",
    "write_page_attr",
    "get_report",
    "extend_rtmr",
    "verify_report",
    "read_td_metadata",
    "write_td_metadata",
    "read_vcpu_metadata",
    "write_vcpu_metadata",
    "read_sys_metadata",
    "read_sys_metadata_all",
    "read_sys_metadata_multiple",
    "read_vm_metadata_multiple",
    "write_vm_metadata_multiple",
    "read_vp_metadata_multiple",
    "write_vp_metadata_multiple",
    "set_cpuidve",
    "assign_svn",
    "get_sealing_key",
    "read_servetd",
    "read_servetd_multiple",
    "write_servetd",
    "write_servetd_multiple",
    "enter_l2_vcpu",
    "invalidate_l2_cached_ept",
    "invalidate_l2_gla",
    // tdvmcall.rs
    "cpuid",
    "hlt",
    "io_read",
    "io_write",
    "read_mmio",
    "write_mmio",
    "map_gpa",
    "rdmsr",
    "wrmsr",
    "perform_cache_operation",
    "get_quote",
    "setup_event_notify_interrupt",
    "get_tdvmcall_info",
    "get_td_service",
    "report_fatal_error_simple",
    "report_fatal_error_with_shared_memory",
    "report_fatal_error_full",
    "report_fatal_error",
    "pconfig",
    "print",
    // unaccepted_memory.rs, EfiUnacceptedMemory
    "init_header",
    "is_range_pending_by_size",
    "is_range_pending",
    "is_fully_accepted",
    "accept_by_size",
    "accept_range",
    "bitmap_coverage_end",
    "as_bitmap_slice",
    "as_bitmap_slice_mut",
    "register_range",
    "total_coverage_size",
];

/// The public functions of td-shim's `tdx-tdcall` 0.2.3 (confidential-containers/td-shim@125eeab:
/// `tdx-tdcall/src/{lib,tdx,tdreport}.rs`).
const TDX_TDCALL: &[&str] = &[
    // lib.rs
    "td_vmcall",
    "td_vmcall_ex",
    "td_vmcall_ex2",
    "td_call",
    // tdx.rs
    "tdvmcall_report_fatal_error",
    "tdvmcall_halt",
    "tdvmcall_sti_halt",
    "tdvmcall_io_read_8",
    "tdvmcall_io_read_16",
    "tdvmcall_io_read_32",
    "tdvmcall_io_write_8",
    "tdvmcall_io_write_16",
    "tdvmcall_io_write_32",
    "tdvmcall_mmio_write",
    "tdvmcall_mmio_read",
    "tdvmcall_mapgpa",
    "tdvmcall_rdmsr",
    "tdvmcall_wrmsr",
    "tdvmcall_cpuid",
    "tdvmcall_setup_event_notify",
    "tdvmcall_get_quote",
    "tdvmcall_service",
    "tdvmcall_migtd_waitforrequest",
    "tdvmcall_migtd_reportstatus",
    "tdvmcall_migtd_send",
    "tdvmcall_migtd_receive",
    "tdcall_get_td_info",
    "tdcall_extend_rtmr",
    "tdcall_get_ve_info",
    "tdcall_accept_page",
    "td_accept_pages",
    "td_accept_memory",
    "td_shared_mask",
    "tdcall_servtd_rd",
    "tdcall_servtd_rebind_approve",
    "tdcall_servtd_wr",
    "tdcall_sys_rd",
    "tdcall_vp_read",
    "tdcall_vp_write",
    "tdcall_vp_invvpid",
    "tdcall_vp_invept",
    "tdcall_vp_enter",
    "tdcall_vm_read",
    "tdcall_vm_write",
    "tdcall_mem_page_attr_wr",
    "tdcall_tdg_debug_write_8",
    // tdreport.rs
    "tdcall_report",
    "tdcall_verify_report",
    "as_bytes",
    "as_bytes_mut",
    "read_from_bytes",
];

/// The bounded loops over a wrapper that the page may name (not catalog entries themselves).
const LOOPS: &[&str] = &[
    "guest::tdg_mem_page_accept_range",
    "vmcall::tdvmcall_map_gpa_range",
];

// The loops named above exist.
const _: () = {
    let _ = tdx_calls::guest::tdg_mem_page_accept_range;
    let _ = tdx_calls::vmcall::tdvmcall_map_gpa_range;
};

struct Row {
    section: String,
    function: String,
    replacement: String,
    change: String,
}

fn page() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/peer-migration.md");
    std::fs::read_to_string(path).expect("docs/peer-migration.md")
}

/// The table rows, each with the `## ` section (crate) it is under.
fn rows(text: &str) -> Vec<Row> {
    let mut section = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            section = title.to_owned();
            continue;
        }
        let Some(body) = line.strip_prefix("| `") else {
            continue;
        };
        let cells: Vec<&str> = body.split(" | ").collect();
        assert_eq!(cells.len(), 3, "a row has three cells: {line}");
        out.push(Row {
            section: section.clone(),
            function: cells[0].trim_end_matches('`').to_owned(),
            replacement: cells[1].to_owned(),
            change: cells[2].trim_end_matches(" |").to_owned(),
        });
    }
    out
}

/// Every `module::wrapper` in backticks on the page.
fn named_wrappers(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for piece in text.split('`').skip(1).step_by(2) {
        if let Some((module, name)) = piece.split_once("::")
            && ["host", "guest", "vmcall", "seamldr"].contains(&module)
            && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            out.insert(piece.to_owned());
        }
    }
    out
}

#[test]
fn every_function_of_both_peers_has_a_filled_row() {
    let text = page();
    let rows = rows(&text);
    for (krate, functions) in [
        ("`tdx-guest` 0.4.0", TDX_GUEST),
        ("td-shim `tdx-tdcall` 0.2.3", TDX_TDCALL),
    ] {
        let in_section: Vec<&Row> = rows.iter().filter(|r| r.section == krate).collect();
        assert!(!in_section.is_empty(), "no section `## {krate}`");
        for function in functions {
            let row = in_section
                .iter()
                .find(|r| r.function == *function)
                .unwrap_or_else(|| panic!("{krate}: `{function}` has no row"));
            assert!(
                !row.change.trim().is_empty(),
                "{krate}: `{function}`: say what changes"
            );
            if row.replacement == "–" {
                assert!(
                    row.change.len() > 20,
                    "{krate}: `{function}` has no replacement: say why and what to do"
                );
            } else {
                assert!(
                    !named_wrappers(&row.replacement).is_empty(),
                    "{krate}: `{function}`: the replacement names a tdx-calls wrapper"
                );
            }
        }
        assert_eq!(
            in_section.len(),
            functions.len(),
            "{krate}: one row per public function, no others"
        );
    }
}

#[test]
fn every_wrapper_the_page_names_exists() {
    let mut json = String::new();
    write_json(&mut json).expect("format");
    let named = named_wrappers(&page());
    assert!(named.len() > 30, "the page names the wrappers: {named:?}");
    for wrapper in &named {
        if LOOPS.contains(&wrapper.as_str()) {
            continue;
        }
        assert!(
            json.contains(&format!("\"wrapper\": \"{wrapper}\"")),
            "{wrapper} is named in docs/peer-migration.md but is not in the catalog dump"
        );
        assert!(
            CATALOG
                .iter()
                .any(|e| format!("{}::{}", e.module, e.wrapper) == *wrapper)
        );
    }
}
