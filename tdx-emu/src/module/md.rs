//! The module's generic metadata access (intel/tdx-module@72d8cffb
//! `src/common/metadata_handlers/metadata_generic.c`), over the module's own field tables
//! ([`field_table`](super::field_table)): finding a field ID's row, the read and write masks of
//! each caller, the next field ID of a context (what the RD leaves return in RDX), reading and
//! writing one element with the module's statuses, and dumping a metadata list (the RDALL
//! leaves). The values come from the caller ([`values`](super::md_values)).
//!
//! A context is the rows of its tables in the module's order: the global table (`MD_CTX_SYS`);
//! the TDR/TDCS table (`MD_CTX_TD`); the TD VMCS table followed by the TDVPS table (`MD_CTX_VP`,
//! as `md_get_lookup_table` and `____md_fetch_next_of_last_table_entry` chain them). The trailing
//! rows of the L2 VMs are left out, as the module leaves them out for a TD with no L2 VM
//! (`md_get_num_of_td_vp_ctx_unused_entries`; the model has no L2 VMs).

use std::sync::OnceLock;

use super::field_table::{self, Context, FieldRow};
use super::status::{Fail, code};
use tdx_core::TdxStatus;

/// `MD_FIELD_ID_NA`.
pub(crate) const FIELD_ID_NA: u64 = u64::MAX;
/// `CONTEXT_CODE_MASK`, bits 54:52.
const CONTEXT_CODE_MASK: u64 = 0x7 << 52;
/// Field code, bits 23:0.
const CODE: u64 = 0xFF_FFFF;
/// The bits `md_check_as_single_element_id` requires to be 0: RESERVED_0 (31:24),
/// LAST_ELEMENT_IN_FIELD (37:34), LAST_FIELD_IN_SEQUENCE (46:38), RESERVED_1 (49:47),
/// RESERVED_2 (55) and RESERVED_3 (62).
const NOT_SINGLE_ELEMENT: u64 = (0xFF << 24) | (0xFFFF << 34) | (1 << 55) | (1 << 62);
/// The rows of the L2 VMs at the end of the TDR/TDCS table (`TDCS_PAGES_PER_L2_VM` x 3) and
/// of the TDVPS table (`TDVPS_PAGES_PER_L2_VM` x 3).
const L2_ROWS_TD: usize = 3;
const L2_ROWS_VP: usize = 9;

/// A metadata context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// `MD_CTX_SYS` (code 0).
    Sys,
    /// `MD_CTX_TD` (code 1).
    Td,
    /// `MD_CTX_VP` (code 2).
    Vp,
}

impl Ctx {
    const fn code(self) -> u64 {
        match self {
            Ctx::Sys => 0,
            Ctx::Td => 1,
            Ctx::Vp => 2,
        }
    }
}

/// Who accesses a field, and how (`md_access_t` with its qualifier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// `MD_HOST_RD`; `debug` = the TD's ATTRIBUTES.DEBUG.
    HostRd { debug: bool },
    /// `MD_HOST_WR`.
    HostWr { debug: bool },
    /// `MD_GUEST_RD`.
    GuestRd,
    /// `MD_GUEST_WR`.
    GuestWr,
    /// `MD_SERV_TD_RD`: a service TD (a migration TD) reading a bound TD (TDG.SERVTD.RD).
    ServtdRd,
    /// `MD_SERV_TD_WR` (TDG.SERVTD.WR).
    ServtdWr,
}

impl Access {
    const fn is_write(self) -> bool {
        matches!(
            self,
            Access::HostWr { .. } | Access::GuestWr | Access::ServtdWr
        )
    }

    /// (read mask, write mask) of `row` for this access, as `md_get_rd_wr_mask` picks them
    /// (the global table's `vmm_*` masks are the production host's).
    pub(crate) fn masks(self, row: &FieldRow) -> (u64, u64) {
        let host = |debug: bool| {
            if debug {
                (row.mask("dbg_rd_mask"), row.mask("dbg_wr_mask"))
            } else {
                (
                    row.mask("prod_rd_mask") | row.mask("vmm_rd_mask"),
                    row.mask("prod_wr_mask") | row.mask("vmm_wr_mask"),
                )
            }
        };
        match self {
            Access::HostRd { debug } => (host(debug).0, 0),
            Access::HostWr { debug } => host(debug),
            Access::GuestRd => (row.mask("guest_rd_mask"), 0),
            Access::GuestWr => (row.mask("guest_rd_mask"), row.mask("guest_wr_mask")),
            Access::ServtdRd => (row.mask("migtd_rd_mask"), 0),
            Access::ServtdWr => (row.mask("migtd_rd_mask"), row.mask("migtd_wr_mask")),
        }
    }

    /// Whether a caller with this access can reach `row` at all (the enumeration skips it).
    fn reaches(self, row: &FieldRow) -> bool {
        let (rd, wr) = self.masks(row);
        if self.is_write() { wr != 0 } else { rd != 0 }
    }
}

/// The rows of a context, in the module's order.
pub(crate) fn rows(ctx: Ctx) -> &'static [&'static FieldRow] {
    static ROWS: OnceLock<[Vec<&'static FieldRow>; 3]> = OnceLock::new();
    let all = ROWS.get_or_init(|| {
        let without = |table: &'static [FieldRow], tail: usize| {
            table[..table.len().saturating_sub(tail)]
                .iter()
                .collect::<Vec<_>>()
        };
        let mut vp: Vec<&FieldRow> = field_table::table(Context::Vmcs).iter().collect();
        vp.extend(without(field_table::table(Context::Vp), L2_ROWS_VP));
        [
            field_table::table(Context::Global).iter().collect(),
            without(field_table::table(Context::Td), L2_ROWS_TD),
            vp,
        ]
    });
    match ctx {
        Ctx::Sys => &all[0],
        Ctx::Td => &all[1],
        Ctx::Vp => &all[2],
    }
}

/// One element of a row: the row and the element's index in it (fields x elements).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Element {
    pub(crate) row: &'static FieldRow,
    /// Index into the row's `fields * elements` elements.
    pub(crate) index: u64,
    /// Position of the row in its context.
    pos: usize,
}

impl Element {
    /// The element's field ID, as the module returns it: the row's ID with the element's
    /// field code.
    pub(crate) fn id(&self) -> u64 {
        (self.row.id & !CODE) | ((self.row.id & CODE) + self.index * stride(self.row))
    }

    /// The element's storage key: class and field code.
    pub(crate) fn key(&self) -> u64 {
        self.id() & ((0x3F << 56) | CODE)
    }

    /// The mask of the element's size (`md_get_element_size_mask`).
    pub(crate) fn size_mask(&self) -> u64 {
        match self.row.element_bytes {
            8 => u64::MAX,
            n => (1u64 << (n * 8)) - 1,
        }
    }
}

/// The distance between two element field codes (INC_SIZE, bit 50: 2 in the TD VMCS table).
fn stride(row: &FieldRow) -> u64 {
    1 + ((row.id >> 50) & 1)
}

fn count(row: &FieldRow) -> u64 {
    (row.fields * row.elements).max(1)
}

/// The element field ID `id` names in `ctx` (`md_find_entry_idx`: class and field code; an odd
/// field code in a row of stride 2 is a VMCS "high" access, which the module refuses too).
pub(crate) fn find(ctx: Ctx, id: u64) -> Option<Element> {
    let (class, code) = ((id >> 56) & 0x3F, id & CODE);
    rows(ctx).iter().enumerate().find_map(|(pos, &row)| {
        let base = row.id & CODE;
        let step = stride(row);
        let inside = (row.id >> 56) & 0x3F == class
            && code >= base
            && code < base + count(row) * step
            && (code - base).is_multiple_of(step);
        inside.then(|| Element {
            row,
            index: (code - base) / step,
            pos,
        })
    })
}

/// Whether `id` is the null field ID (`is_null_field_id`: all ones but the context code).
pub(crate) const fn is_null(id: u64) -> bool {
    id | CONTEXT_CODE_MASK == FIELD_ID_NA
}

/// `md_check_as_single_element_id`.
pub(crate) fn check_single_element(id: u64) -> Result<(), Fail> {
    if id & NOT_SINGLE_ELEMENT != 0 {
        return Err(Fail::exact(code::METADATA_FIELD_ID_INCORRECT));
    }
    Ok(())
}

/// The first element of the first row `access` reaches from position `pos` on.
fn first_from(ctx: Ctx, pos: usize, access: Access) -> Option<Element> {
    rows(ctx)
        .iter()
        .enumerate()
        .skip(pos)
        .find(|(_, row)| access.reaches(row))
        .map(|(pos, &row)| Element { row, index: 0, pos })
}

/// The element after `from` (the first of the context for `None`) that `access` reaches, one
/// element (`md_get_next_element_in_context`) or one field (`md_get_next_field_in_context`) on.
fn next(ctx: Ctx, from: Option<Element>, access: Access, whole_field: bool) -> Option<Element> {
    let Some(e) = from else {
        return first_from(ctx, 0, access);
    };
    let step = if whole_field {
        e.row.elements.max(1)
    } else {
        1
    };
    let index = (e.index / step + 1) * step;
    if index < count(e.row) {
        return Some(Element { index, ..e });
    }
    first_from(ctx, e.pos + 1, access)
}

/// The ID the RD leaves return in RDX after `from` (`None`: the first of the context).
pub(crate) fn next_id(ctx: Ctx, from: Option<Element>, access: Access) -> u64 {
    next(ctx, from, access, false).map_or(FIELD_ID_NA, |e| e.id())
}

/// Reads element `e` whose stored value is `value` (`md_*_read_element`): the caller's read
/// mask must not be 0; the value is cut to the element size and the read mask.
pub(crate) fn read(e: &Element, access: Access, value: u64) -> Result<u64, Fail> {
    let (rd, _) = access.masks(e.row);
    if rd == 0 {
        return Err(Fail::exact(code::METADATA_FIELD_NOT_READABLE));
    }
    Ok(value & e.size_mask() & rd)
}

/// The outcome of a write: the value to store and the old value to return in R8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Written {
    pub(crate) new: u64,
    pub(crate) old: u64,
}

/// Writes `value` under `request` (R9) to element `e` holding `current` (`md_td_write_element`,
/// `md_vp_write_element`): the request narrowed to the writable bits must leave some bit
/// (else `TDX_METADATA_FIELD_NOT_WRITABLE`), and requested bits the caller may not write must
/// keep their value (`md_check_forbidden_bits_unchanged`, else
/// `TDX_METADATA_FIELD_VALUE_NOT_VALID`).
pub(crate) fn write(
    e: &Element,
    access: Access,
    current: u64,
    value: u64,
    request: u64,
) -> Result<Written, Fail> {
    let (rd, wr) = access.masks(e.row);
    let current = current & e.size_mask();
    let combined = wr & request;
    if combined == 0 {
        return Err(Fail::exact(code::METADATA_FIELD_NOT_WRITABLE));
    }
    let forbidden = request & !wr;
    if current & forbidden != value & forbidden {
        return Err(Fail::exact(code::METADATA_FIELD_VALUE_NOT_VALID));
    }
    Ok(Written {
        new: (current & !combined) | (value & combined),
        old: current & rd,
    })
}

/// The first element of a whole field that `id` names (`md_check_field_and_get_entry`: the
/// start of a field, with the row's element size code).
fn field_start(ctx: Ctx, id: u64) -> Option<Element> {
    let e = find(ctx, id)?;
    let start = e.index.is_multiple_of(e.row.elements.max(1));
    let size = (id >> 32) & 3 == (e.row.id >> 32) & 3;
    (start && size).then_some(e)
}

/// A metadata list page (`md_list_header_t` and its sequences) as [`dump`] writes it.
pub(crate) const LIST_BYTES: usize = 4096;

/// `md_dump_list` into a 4 KiB list: from field `start` (null: the first of the context) on,
/// every field `access` may read, as sequences of consecutive fields of one class with one
/// element count and size. `value` gives an element's stored value. Returns the status
/// (`TDX_SUCCESS` when the context is done, `TDX_METADATA_LIST_OVERFLOW` when the page is
/// full) and the next field ID (`MD_FIELD_ID_NA` when done).
pub(crate) fn dump(
    ctx: Ctx,
    start: u64,
    access: Access,
    value: &dyn Fn(&Element) -> u64,
    list: &mut [u8; LIST_BYTES],
) -> Result<(TdxStatus, u64), Fail> {
    let mut cursor = if is_null(start) {
        match next(ctx, None, access, true) {
            Some(e) => e,
            None => return Ok((TdxStatus::SUCCESS, FIELD_ID_NA)),
        }
    } else {
        field_start(ctx, start).ok_or(Fail::exact(code::METADATA_FIELD_ID_INCORRECT))?
    };
    let put = |list: &mut [u8; LIST_BYTES], at: usize, v: u64| {
        list[at..at + 8].copy_from_slice(&v.to_le_bytes());
    };
    list.fill(0);
    let (mut sequences, mut size) = (0u64, 8usize);
    let mut room = LIST_BYTES - 8;
    let mut done = false;
    while room >= 8 + cursor.row.elements as usize * 8 {
        // One sequence (`md_dump_sequence`): a header, then whole fields.
        let header_at = size;
        let mut left = room - 8;
        let (mut written, mut fields) = (0usize, 0u64);
        let mut header = 0u64;
        let mut no_space = true;
        while left >= cursor.row.elements as usize * 8 {
            let elements = cursor.row.elements.max(1);
            if written == 0 {
                // `md_set_sequence_header`.
                header = (cursor.id() & !(NOT_SINGLE_ELEMENT | CONTEXT_CODE_MASK | (1 << 51)))
                    | (ctx.code() << 52)
                    | ((elements - 1) << 34);
            }
            for i in 0..elements {
                let e = Element {
                    index: cursor.index + i,
                    ..cursor
                };
                let v = read(&e, access, value(&e)).unwrap_or(0);
                put(list, header_at + 8 + written * 8, v);
                written += 1;
            }
            left -= elements as usize * 8;
            fields += 1;
            let last = cursor;
            let following = next(ctx, Some(cursor), access, true);
            let sequential = following.is_some_and(|n| {
                (n.row.id >> 56) & 0x3F == (last.row.id >> 56) & 0x3F
                    && (last.id() & CODE) + elements * stride(last.row) == n.id() & CODE
                    && n.row.elements == last.row.elements
                    && (n.row.id >> 32) & 3 == (last.row.id >> 32) & 3
            });
            match following {
                Some(n) => cursor = n,
                None => done = true,
            }
            if done || !sequential {
                no_space = false;
                break;
            }
        }
        if written > 0 {
            put(list, header_at, header | ((fields - 1) << 38));
            sequences += 1;
            size += 8 + written * 8;
            room -= 8 + written * 8;
        }
        if no_space || done {
            break;
        }
    }
    // `md_list_header_t`: LIST_BUFF_SIZE (15:0), NUM_SEQUENCES (31:16).
    put(list, 0, size as u64 | (sequences << 16));
    Ok(if done {
        (TdxStatus::SUCCESS, FIELD_ID_NA)
    } else {
        (TdxStatus::METADATA_LIST_OVERFLOW, cursor.id())
    })
}
