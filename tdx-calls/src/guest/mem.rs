//! Private memory attributes for TD partitioning (TDG.MEM.PAGE.ATTR.*).

use tdx_core::{AcceptGpa, AttrFlags, Gpa, GpaAttr, TdxError, abi, tdcall};

/// TDG.MEM.PAGE.ATTR.RD (TDCALL leaf 23): read the GPA attributes of a private page (TD
/// partitioning).
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 23 | status |
/// | RCX | `gpa`: the page's GPA (4 KiB aligned) | `mapping`: the GPA and level of the mapping (`gpa_mapping_and_flags`) |
/// | RDX | – | `attributes`: the attributes of every VM |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX); `TDX_EPT_WALK_FAILED`; the handler returns
/// `TDX_OPERAND_INVALID`. First module version: 1.5.01. Registers read from
/// intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_mem_page_attr_rd.c` and its
/// dispatcher.
///
/// # Safety
///
/// The call reads only the Secure EPT, but `gpa` is an address: the wrapper stays `unsafe` like
/// every GPA-taking leaf. See the module docs.
#[tdcall(leaf = abi::TdgMemPageAttrRd, in(rcx = gpa), out(rcx = mapping: u64, rdx = attributes: GpaAttr))]
pub unsafe fn tdg_mem_page_attr_rd(gpa: Gpa) -> Result<MemPageAttrRd, TdxError>;

/// TDG.MEM.PAGE.ATTR.WR (TDCALL leaf 24): write the L2 VMs' GPA attributes of a private page.
///
/// | register | in | out |
/// |---|---|---|
/// | RAX | 24 | status |
/// | RCX | `gpa`: GPA \| level (`page_info_api_input_t`) | `mapping`: the GPA and level written |
/// | RDX | `attributes`: the new attributes | `attributes`: the attributes now in effect |
/// | R8 | `flags`: per VM: the mask of bits to write and INVEPT | – |
///
/// Statuses: `TDX_OPERAND_INVALID` (RCX, RDX, R8 reserved bits); `TDX_EPT_WALK_FAILED`;
/// `TDX_OPERAND_BUSY`; the handler returns `TDX_L2_SEPT_WALK_FAILED`, `TDX_OPERAND_INVALID`,
/// `TDX_PAGE_ATTR_INVALID`, `TDX_PAGE_SIZE_MISMATCH`. First module version: 1.5.01. Registers
/// read from intel/tdx-module@72d8cffb `src/td_dispatcher/vm_exits/tdg_mem_page_attr_wr.c` and
/// its dispatcher.
///
/// # Safety
///
/// Changing an L2 VM's access to a page changes what that VM may read, write or execute: the
/// caller (the L1 VMM) vouches for it. See the module docs.
#[tdcall(leaf = abi::TdgMemPageAttrWr, in(rcx = gpa, rdx = attributes, r8 = flags), out(rcx = mapping: u64, rdx = attributes: GpaAttr))]
pub unsafe fn tdg_mem_page_attr_wr(
    gpa: AcceptGpa,
    attributes: GpaAttr,
    flags: AttrFlags,
) -> Result<MemPageAttrWr, TdxError>;
