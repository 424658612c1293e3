//! The model's metadata leaves checked against the module's field tables
//! (`tdx-emu/data/metadata_fields.json`, read here on its own), row by row: for the host
//! (production and debug TD) and the guest, every row's first and last element is read and
//! written through TDH.SYS.RD, TDH.MNG.RD/WR, TDH.VP.RD/WR, TDG.SYS.RD, TDG.VM.RD/WR and
//! TDG.VP.RD/WR, and the status must be the one the row's masks give
//! (`md_read_element` / `md_write_element`, intel/tdx-module@72d8cffb); the enumeration
//! (version-1 RD from the null ID on, following RDX) must visit exactly the readable elements
//! in the table's order; TDH.SYS.RDALL must dump what TDH.SYS.RD reads.

mod common;

use common::*;
use serde_json::Value;
use tdx_core::{ModuleArgs, TdxStatus};
use tdx_emu::module::{TdParams, TdxModule, leaf};

const NOT_READABLE: TdxStatus = TdxStatus::METADATA_FIELD_NOT_READABLE;
const NOT_WRITABLE: TdxStatus = TdxStatus::METADATA_FIELD_NOT_WRITABLE;
const NA: u64 = u64::MAX;

/// One row of the module's table, as the JSON has it.
struct Row {
    name: String,
    id: u64,
    bytes: u64,
    count: u64,
    stride: u64,
    masks: Value,
}

impl Row {
    fn mask(&self, name: &str) -> u64 {
        self.masks
            .get(name)
            .and_then(Value::as_str)
            .and_then(|t| u64::from_str_radix(t.trim_start_matches("0x"), 16).ok())
            .unwrap_or(0)
    }
    fn element(&self, i: u64) -> u64 {
        (self.id & !0xFF_FFFF) | ((self.id & 0xFF_FFFF) + i * self.stride)
    }
    fn size_mask(&self) -> u64 {
        if self.bytes == 8 {
            u64::MAX
        } else {
            (1 << (self.bytes * 8)) - 1
        }
    }
}

/// The rows of a context in the module's order: the L2 VMs' rows at the end of the TD and
/// TDVPS tables are not there for a TD without L2 VMs.
fn rows(tables: &[&str]) -> Vec<Row> {
    all_rows(tables, false)
}

/// The L2 VMs' rows: for a TD without L2 VMs, no field (`METADATA_FIELD_ID_INCORRECT`).
fn l2_rows(tables: &[&str]) -> Vec<Row> {
    all_rows(tables, true)
}

fn all_rows(tables: &[&str], l2: bool) -> Vec<Row> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/metadata_fields.json");
    let data: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("data")).expect("JSON");
    let mut out = Vec::new();
    for table in tables {
        for r in data[table].as_array().expect("rows") {
            let name = r["name"].as_str().expect("name").to_string();
            let is_l2 = name.starts_with("L2_SEPT_ROOT_")
                || name.starts_with("L2_VMCS_")
                || name.starts_with("L2_MSR_BITMAPS_")
                || name.starts_with("L2_SHADOW_MSR_BITMAPS_");
            if is_l2 != l2 {
                continue;
            }
            let id = u64::from_str_radix(
                r["field_id"].as_str().expect("id").trim_start_matches("0x"),
                16,
            )
            .expect("hex");
            let fields = r["num_of_fields"].as_u64().expect("fields");
            let elements = r["num_of_elem"].as_u64().expect("elements");
            out.push(Row {
                name,
                id,
                bytes: r["element_bytes"].as_u64().expect("bytes"),
                count: fields * elements,
                stride: 1 + ((id >> 50) & 1),
                masks: r.clone(),
            });
        }
    }
    out
}

/// How a caller reaches a context: read (status, value) and write (status, old value).
trait Caller {
    fn rd(&mut self, id: u64) -> (TdxStatus, u64, u64);
    fn wr(&mut self, id: u64, value: u64, mask: u64) -> (TdxStatus, u64);
}

struct Seam<'a> {
    m: &'a TdxModule,
    rd: u64,
    wr: Option<u64>,
    target: u64,
}

impl Caller for Seam<'_> {
    fn rd(&mut self, id: u64) -> (TdxStatus, u64, u64) {
        let mut a = ModuleArgs {
            rcx: self.target,
            rdx: id,
            ..ModuleArgs::default()
        };
        // Version 1 where the leaf has it (TDH.SYS.RD has no version).
        let version = if self.target == 0 { 0 } else { 1 << 16 };
        let status = self.m.seamcall(self.rd | version, &mut a).status;
        (status, a.r8, a.rdx)
    }
    fn wr(&mut self, id: u64, value: u64, mask: u64) -> (TdxStatus, u64) {
        let mut a = ModuleArgs {
            rcx: self.target,
            rdx: id,
            r8: value,
            r9: mask,
            ..ModuleArgs::default()
        };
        let status = self
            .m
            .seamcall(self.wr.expect("a write leaf"), &mut a)
            .status;
        (status, a.r8)
    }
}

struct Guest<'a> {
    m: &'a TdxModule,
    tdvpr: u64,
    rd: u64,
    wr: Option<u64>,
}

impl Caller for Guest<'_> {
    fn rd(&mut self, id: u64) -> (TdxStatus, u64, u64) {
        let mut a = ModuleArgs {
            rdx: id,
            ..ModuleArgs::default()
        };
        // TDG.VM.RD version 1 returns the next ID; TDG.VP.RD and TDG.SYS.RD always do.
        let version = if self.rd == leaf::TDG_VM_RD {
            1 << 16
        } else {
            0
        };
        let status = self
            .m
            .tdcall(as_page(self.tdvpr), self.rd | version, &mut a);
        (status, a.r8, a.rdx)
    }
    fn wr(&mut self, id: u64, value: u64, mask: u64) -> (TdxStatus, u64) {
        let mut a = ModuleArgs {
            rdx: id,
            r8: value,
            r9: mask,
            ..ModuleArgs::default()
        };
        let status = self
            .m
            .tdcall(as_page(self.tdvpr), self.wr.expect("write"), &mut a);
        (status, a.r8)
    }
}

/// Checks every row against `rd_mask` / `wr_mask` (the caller's masks); returns the
/// differences.
fn check(
    caller: &mut dyn Caller,
    tables: &[&str],
    rd_mask: &str,
    wr_mask: Option<&str>,
) -> Vec<String> {
    let rows = rows(tables);
    let mut out = Vec::new();
    let mut expected_walk = Vec::new();
    for row in &rows {
        let rd = row.mask(rd_mask);
        if rd != 0 {
            expected_walk.extend((0..row.count.max(1)).map(|i| row.element(i)));
        }
        for i in [0, row.count.max(1) - 1] {
            let id = row.element(i);
            let (status, value, _) = caller.rd(id);
            let want = if rd != 0 {
                TdxStatus::SUCCESS
            } else {
                NOT_READABLE
            };
            if status != want {
                out.push(format!(
                    "{} [{i}] read: {status:?}, table: {want:?}",
                    row.name
                ));
            }
            if status.is_success() && value & !(rd & row.size_mask()) != 0 {
                out.push(format!(
                    "{} [{i}] read {value:#x} beyond the read mask",
                    row.name
                ));
            }
            let Some(wr_mask) = wr_mask else { continue };
            let wr = row.mask(wr_mask);
            let (status, _) = caller.wr(id, 0, row.size_mask());
            if wr == 0 && status != NOT_WRITABLE {
                out.push(format!(
                    "{} [{i}] write: {status:?}, table: not writable",
                    row.name
                ));
            }
            if wr == 0 {
                continue;
            }
            // Every writable bit set (with their mask only: nothing forbidden), read back.
            let (status, _) = caller.wr(id, u64::MAX, wr);
            if !status.is_success() {
                out.push(format!("{} [{i}] write {wr:#x}: {status:?}", row.name));
            } else if rd != 0 {
                let (_, back, _) = caller.rd(id);
                if back & wr & rd != wr & rd {
                    out.push(format!(
                        "{} [{i}] reads {back:#x} after writing {wr:#x}",
                        row.name
                    ));
                }
                // A read-only bit in the mask that would change: VALUE_NOT_VALID.
                let forbidden = row.size_mask() & !wr & rd;
                if forbidden != 0 {
                    let (status, _) = caller.wr(id, back ^ forbidden, row.size_mask());
                    if status != TdxStatus::METADATA_FIELD_VALUE_NOT_VALID {
                        out.push(format!("{} [{i}] forbidden change: {status:?}", row.name));
                    }
                }
            }
        }
    }
    for row in l2_rows(tables) {
        let (status, _, _) = caller.rd(row.element(0));
        if status != TdxStatus::METADATA_FIELD_ID_INCORRECT {
            out.push(format!("{} (no L2 VM): {status:?}", row.name));
        }
    }
    // The enumeration: from the null ID, RDX after RDX.
    let mut walk = Vec::new();
    let (status, _, mut next) = caller.rd(NA);
    if status != TdxStatus::METADATA_FIRST_FIELD_ID_IN_CONTEXT {
        out.push(format!("null field ID: {status:?}"));
    }
    while next != NA && walk.len() <= expected_walk.len() {
        walk.push(next);
        next = caller.rd(next).2;
    }
    if walk != expected_walk {
        out.push(format!(
            "enumeration: {} IDs, table: {}; first difference at {:?}",
            walk.len(),
            expected_walk.len(),
            walk.iter().zip(&expected_walk).position(|(a, b)| a != b)
        ));
    }
    out
}

/// Runs `f` on a finalized TD with one vCPU (debug TD or not).
fn with_td(debug: bool, f: impl FnOnce(&TdxModule, u64, u64)) {
    let m = module();
    m.run(|| {
        bring_up(&m);
        let params = TdParams {
            attributes: if debug { TdParams::ATTR_DEBUG } else { 0 },
            config_flags: TdParams::CONFIG_FLEXIBLE_PENDING_VE,
            ..TdParams::default()
        };
        let td = create_td(&m, HKID, &params);
        let vp = create_vcpu(&m, &td, 0);
        // SAFETY: see the `common` module docs.
        unsafe { raw::tdh_mr_finalize(td.tdr) }.expect("MR.FINALIZE");
        f(&m, td.tdr.as_u64(), vp.tdvpr.as_u64());
    });
}

fn assert_none(what: &str, found: Vec<String>) {
    assert!(found.is_empty(), "{what}: {found:#?}");
}

#[test]
fn the_host_reads_and_writes_every_field_as_the_tables_say() {
    for debug in [false, true] {
        let (rd, wr) = if debug {
            ("dbg_rd_mask", "dbg_wr_mask")
        } else {
            ("prod_rd_mask", "prod_wr_mask")
        };
        with_td(debug, |m, tdr, tdvpr| {
            let mut sys = Seam {
                m,
                rd: leaf::TDH_SYS_RD,
                wr: None,
                target: 0,
            };
            assert_none(
                "TDH.SYS.RD",
                check(&mut sys, &["global"], "vmm_rd_mask", None),
            );
            let mut mng = Seam {
                m,
                rd: leaf::TDH_MNG_RD,
                wr: Some(leaf::TDH_MNG_WR),
                target: tdr,
            };
            assert_none(
                &format!("TDH.MNG.RD/WR debug={debug}"),
                check(&mut mng, &["td"], rd, Some(wr)),
            );
            let mut vp = Seam {
                m,
                rd: leaf::TDH_VP_RD,
                wr: Some(leaf::TDH_VP_WR),
                target: tdvpr,
            };
            assert_none(
                &format!("TDH.VP.RD/WR debug={debug}"),
                check(&mut vp, &["vmcs", "vp"], rd, Some(wr)),
            );
        });
    }
}

#[test]
fn the_guest_reads_and_writes_every_field_as_the_tables_say() {
    with_td(false, |m, _, tdvpr| {
        let mut sys = Guest {
            m,
            tdvpr,
            rd: leaf::TDG_SYS_RD,
            wr: None,
        };
        assert_none(
            "TDG.SYS.RD",
            check(&mut sys, &["global"], "guest_rd_mask", None),
        );
        let mut vm = Guest {
            m,
            tdvpr,
            rd: leaf::TDG_VM_RD,
            wr: Some(leaf::TDG_VM_WR),
        };
        assert_none(
            "TDG.VM.RD/WR",
            check(&mut vm, &["td"], "guest_rd_mask", Some("guest_wr_mask")),
        );
        let mut vp = Guest {
            m,
            tdvpr,
            rd: leaf::TDG_VP_RD,
            wr: Some(leaf::TDG_VP_WR),
        };
        assert_none(
            "TDG.VP.RD/WR",
            check(
                &mut vp,
                &["vmcs", "vp"],
                "guest_rd_mask",
                Some("guest_wr_mask"),
            ),
        );
    });
}

/// Parses a metadata list: every (field ID, element) it holds.
fn parse_list(page: &[u8]) -> Vec<(u64, u64)> {
    let word = |at: usize| u64::from_le_bytes(page[at..at + 8].try_into().expect("8 bytes"));
    let header = word(0);
    let (size, sequences) = ((header & 0xFFFF) as usize, (header >> 16) & 0xFFFF);
    let (mut at, mut out) = (8, Vec::new());
    for _ in 0..sequences {
        let seq = word(at);
        let elements = ((seq >> 34) & 0xF) + 1;
        let fields = ((seq >> 38) & 0x1FF) + 1;
        let stride = 1 + ((seq >> 50) & 1);
        at += 8;
        for k in 0..fields * elements {
            let id = (seq & !(0xFFFF << 34) & !0xFF_FFFF) | ((seq & 0xFF_FFFF) + k * stride);
            out.push((id, word(at)));
            at += 8;
        }
    }
    assert_eq!(at, size, "LIST_BUFF_SIZE");
    out
}

/// Class and field code.
fn key(id: u64) -> u64 {
    id & ((0x3F << 56) | 0xFF_FFFF)
}

#[test]
fn sys_rdall_dumps_what_sys_rd_reads() {
    with_td(false, |m, _, _| {
        let page = m.alloc_page::<tdx_core::Guest>().as_u64();
        let mut a = ModuleArgs {
            rdx: page,
            r8: NA,
            ..ModuleArgs::default()
        };
        assert_eq!(
            m.seamcall(leaf::TDH_SYS_RDALL, &mut a).status,
            TdxStatus::SUCCESS
        );
        assert_eq!(a.r8, NA, "every field fits one page");
        let dumped = parse_list(&m.read_memory(hpa(page), 4096));
        let mut expected = Vec::new();
        for row in rows(&["global"]) {
            if row.mask("vmm_rd_mask") == 0 {
                continue;
            }
            for i in 0..row.count.max(1) {
                let mut r = ModuleArgs {
                    rdx: row.element(i),
                    ..ModuleArgs::default()
                };
                assert!(
                    m.seamcall(leaf::TDH_SYS_RD, &mut r).status.is_success(),
                    "{}",
                    row.name
                );
                expected.push((key(row.element(i)), r.r8));
            }
        }
        // A sequence carries its first field's ID: later fields of the same class keep only
        // their class and field code (their non-arch bit is the first's).
        let dumped: Vec<_> = dumped.iter().map(|&(id, v)| (key(id), v)).collect();
        assert_eq!(dumped, expected);
        // Misaligned list: OPERAND_INVALID on RDX, R8 = MD_FIELD_ID_NA.
        let mut a = ModuleArgs {
            rdx: page + 8,
            r8: NA,
            ..ModuleArgs::default()
        };
        assert_eq!(
            m.seamcall(leaf::TDH_SYS_RDALL, &mut a).status,
            st(TdxStatus::OPERAND_INVALID, 2)
        );
        assert_eq!(a.r8, NA);
    });
}

#[test]
fn an_element_id_with_sequence_bits_is_field_id_incorrect() {
    with_td(false, |m, tdr, _| {
        // LAST_ELEMENT_IN_FIELD (bits 37:34) set: `md_check_as_single_element_id`.
        let mut a = ModuleArgs {
            rcx: tdr,
            rdx: 0x8110_0001_0000_0001 | (1 << 34),
            ..ModuleArgs::default()
        };
        assert_eq!(
            m.seamcall(leaf::TDH_MNG_RD, &mut a).status,
            TdxStatus::METADATA_FIELD_ID_INCORRECT
        );
    });
}

#[test]
fn field_id_element_names_every_element_the_tables_hold() {
    // `tdx_core::FieldId::element` against the element IDs this test derives from the
    // module's tables (and reads through the leaves above): same step, same kept bits.
    let mut checked = 0;
    for row in all_rows(&["global", "td", "vmcs", "vp"], false)
        .into_iter()
        .chain(l2_rows(&["td", "vp"]))
    {
        let first = tdx_core::FieldId::from_raw(row.id);
        assert!(!first.has_reserved_bits(), "{}", row.name);
        for i in 0..row.count.max(1) {
            let index = u32::try_from(i).expect("index");
            assert_eq!(
                first.element(index).map(tdx_core::FieldId::raw),
                Some(row.element(i)),
                "{} element {i}",
                row.name
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} elements");
}
