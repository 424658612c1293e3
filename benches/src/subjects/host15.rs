//! The footprint subjects of the module-1.5 host SEAMCALL leaves Linux does not issue, in
//! catalog order.

use super::*;

// The entry syntax: see `seamcall.rs`.
subjects! {

    tdh_mem_page_relocate(td: &TdxTd<'_>, gpa: SeptGpa, target: Page<Guest>) => Seamcall {
        catalog host::tdh_mem_page_relocate -> host::MemPageRelocate { old_page };
        floor seamcall(5) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") target.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(5) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: target.to_reg(),
        } -> [rcx];
    }

    tdh_mem_rd(td: &TdxTd<'_>, gpa: Gpa) => Seamcall {
        catalog host::tdh_mem_rd -> host::MemRd { data };
        floor seamcall(12) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(12) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [r8];
    }

    tdh_mng_wr(td: &TdxTd<'_>, field: FieldId, value: u64, mask: u64) => Seamcall {
        catalog host::tdh_mng_wr -> host::MngWr { old };
        floor seamcall(13) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") field.to_reg() => _,
            inout("r8") value => r8, inout("r9") mask => _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(13) {
            rcx: td.tdr.to_reg(), rdx: field.to_reg(), r8: value, r9: mask,
        } -> [r8];
    }

    tdh_mem_wr(td: &TdxTd<'_>, gpa: Gpa, data: u64) => Seamcall {
        catalog host::tdh_mem_wr -> host::MemWr { old };
        floor seamcall(14) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") data => r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(14) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: data } -> [r8];
    }

    tdh_mem_page_demote(
        td: &TdxTd<'_>, gpa: SeptGpa, sept: Page<Sept>, l2: L2SeptPages, pamt: DynamicPamt,
    ) => Seamcall {
        catalog host::tdh_mem_page_demote -> TdxStatus;
        floor seamcall(15) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") sept.to_reg() => _, inout("r9") l2.vm1.to_reg() => _,
            inout("r10") l2.vm2.to_reg() => _, inout("r11") l2.vm3.to_reg() => _,
            in("r12") pamt.page0.to_reg(), in("r13") pamt.page1.to_reg(),
        ] -> [];
        linux retry __seamcall_saved_ret(15) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: sept.to_reg(), r9: l2.vm1.to_reg(),
            r10: l2.vm2.to_reg(), r11: l2.vm3.to_reg(),
            r12: pamt.page0.to_reg(), r13: pamt.page1.to_reg(),
        } -> [];
    }

    tdh_mem_page_promote(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_page_promote -> host::MemPagePromote { sept_page };
        floor seamcall(23) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
            lateout("r12") _, lateout("r13") _,
        ] -> [rcx];
        // The module writes R12 and R13 on error (the table's `err`), so (c) takes the
        // trampoline that saves the callee-saved registers.
        linux retry __seamcall_saved_ret(23) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_mem_sept_rd(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_sept_rd -> host::MemSeptRd { entry, level_state, attributes };
        floor seamcall(25) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => rdx,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx, r8];
        linux retry __seamcall_ret(25) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [rcx, rdx, r8];
    }

    tdh_mng_key_reclaimid(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_key_reclaimid -> TdxStatus;
        floor seamcall(27) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(27) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mem_sept_remove(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_sept_remove -> host::MemSeptRemove { sept_page };
        floor seamcall(30) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(30) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_sys_info(sysinfo: Hpa, sysinfo_len: u64, cmrs: Hpa, cmr_entries: u64) => Seamcall {
        catalog host::tdh_sys_info -> host::SysInfo { sysinfo_written, cmrs_written };
        floor seamcall(32) [
            inout("rcx") sysinfo.to_reg() => _, inout("rdx") sysinfo_len => rdx,
            inout("r8") cmrs.to_reg() => _, inout("r9") cmr_entries => r9,
            lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r9];
        linux retry __seamcall_ret(32) {
            rcx: sysinfo.to_reg(), rdx: sysinfo_len, r8: cmrs.to_reg(), r9: cmr_entries,
        } -> [rdx, r9];
    }

    tdh_sys_rdall(list: Hpa, field: FieldId) => Seamcall {
        catalog host::tdh_sys_rdall -> host::SysRdall { next };
        floor seamcall(37) [
            inout("rdx") list.to_reg() => _, inout("r8") field.to_reg() => r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(37) { rdx: list.to_reg(), r8: field.to_reg() } -> [r8];
    }

    tdh_mem_range_unblock(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_range_unblock -> TdxStatus;
        floor seamcall(39) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(39) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_sys_lp_shutdown() => Seamcall {
        catalog host::tdh_sys_lp_shutdown -> TdxStatus;
        floor seamcall(44) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(44) {} -> [];
    }

    tdh_servtd_bind(
        td: &TdxTd<'_>, servtd: Page<Tdr>, slot: ServtdSlot, kind: ServtdType,
        attributes: ServtdAttributes,
    ) => Seamcall {
        catalog host::tdh_servtd_bind
            -> host::ServtdBind { handle, uuid0, uuid1, uuid2, uuid3 };
        floor seamcall(48) [
            inout("rcx") td.tdr.to_reg() => rcx, inout("rdx") servtd.to_reg() => _,
            inout("r8") slot.to_reg() => _, inout("r9") kind.to_reg() => _,
            inout("r10") attributes.to_reg() => r10, lateout("r11") r11,
            lateout("r12") r12, lateout("r13") r13,
        ] -> [rcx, r10, r11, r12, r13];
        linux retry __seamcall_saved_ret(48) {
            rcx: td.tdr.to_reg(), rdx: servtd.to_reg(), r8: slot.to_reg(), r9: kind.to_reg(),
            r10: attributes.to_reg(),
        } -> [rcx, r10, r11, r12, r13];
    }

    tdh_servtd_prebind(
        td: &TdxTd<'_>, info_hash: Hpa, slot: ServtdSlot, kind: ServtdType,
        attributes: ServtdAttributes,
    ) => Seamcall {
        catalog host::tdh_servtd_prebind -> TdxStatus;
        floor seamcall(49) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") info_hash.to_reg() => _,
            inout("r8") slot.to_reg() => _, inout("r9") kind.to_reg() => _,
            inout("r10") attributes.to_reg() => _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(49) {
            rcx: td.tdr.to_reg(), rdx: info_hash.to_reg(), r8: slot.to_reg(), r9: kind.to_reg(),
            r10: attributes.to_reg(),
        } -> [];
    }

    tdh_phymem_pamt_add(range: PamtRange, page0: Page<Guest>, page1: Page<Guest>) => Seamcall {
        catalog host::tdh_phymem_pamt_add -> TdxStatus;
        floor seamcall(58) [
            inout("rcx") range.to_reg() => _, inout("rdx") page0.to_reg() => _,
            inout("r8") page1.to_reg() => _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(58) {
            rcx: range.to_reg(), rdx: page0.to_reg(), r8: page1.to_reg(),
        } -> [];
    }

    tdh_phymem_pamt_remove(range: PamtRange) => Seamcall {
        catalog host::tdh_phymem_pamt_remove -> host::PhymemPamtRemove { page0, page1 };
        floor seamcall(59) [
            inout("rcx") range.to_reg() => _, lateout("rdx") rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux retry __seamcall_ret(59) { rcx: range.to_reg() } -> [rdx, r8];
    }

    tdh_export_abort(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream) => Seamcall {
        catalog host::tdh_export_abort -> TdxStatus;
        floor seamcall(64) [
            inout("rcx") td.tdr.to_reg() => _, inout("r8") mbmd.to_reg() => _,
            inout("r10") stream.to_reg() => _,
            lateout("rdx") _, lateout("r9") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(64) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r10: stream.to_reg(),
        } -> [];
    }

    tdh_export_blockw(td: &TdxTd<'_>, gpa_list: GpaListInfo) => Seamcall {
        catalog host::tdh_export_blockw -> host::ExportBlockw { gpa_list };
        floor seamcall(65) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(65) { rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_export_restore(td: &TdxTd<'_>, gpa_list: GpaListInfo) => Seamcall {
        catalog host::tdh_export_restore -> host::ExportRestore { gpa_list };
        floor seamcall(66) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux retry __seamcall_ret(66) { rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg() } -> [rcx];
    }

    tdh_export_mem(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, l2_attrs: L2AttrList,
    ) => Seamcall {
        catalog host::tdh_export_mem -> host::ExportMem { gpa_list, processed };
        floor seamcall(68) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => rdx,
            inout("r8") mbmd.to_reg() => _, inout("r9") pages.to_reg() => _,
            inout("r10") stream.to_reg() => _, inout("r11") macs.list0.to_reg() => _,
            in("r12") macs.list1.to_reg(), in("r14") l2_attrs.to_reg(),
        ] -> [rcx, rdx];
        linux retry __seamcall_saved_ret(68) {
            rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(),
            r10: stream.to_reg(), r11: macs.list0.to_reg(), r12: macs.list1.to_reg(),
            r14: l2_attrs.to_reg(),
        } -> [rcx, rdx];
    }

    tdh_export_pause(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_export_pause -> TdxStatus;
        floor seamcall(70) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(70) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_export_track(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream) => Seamcall {
        catalog host::tdh_export_track -> TdxStatus;
        floor seamcall(71) [
            inout("rcx") td.tdr.to_reg() => _, inout("r8") mbmd.to_reg() => _,
            inout("r10") stream.to_reg() => _,
            lateout("rdx") _, lateout("r9") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(71) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r10: stream.to_reg(),
        } -> [];
    }

    tdh_export_state_immutable(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream) => Seamcall {
        catalog host::tdh_export_state_immutable -> host::ExportStateImmutable { pages };
        floor seamcall(72) [
            inout("rcx") td.tdr.to_reg() => _, lateout("rdx") rdx, inout("r8") mbmd.to_reg() => _,
            inout("r9") pages.to_reg() => _, inout("r10") stream.to_reg() => _,
            lateout("r11") _,
        ] -> [rdx];
        linux retry __seamcall_ret(72) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(), r10: stream.to_reg(),
        } -> [rdx];
    }

    tdh_export_state_td(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream) => Seamcall {
        catalog host::tdh_export_state_td -> host::ExportStateTd { pages };
        floor seamcall(73) [
            inout("rcx") td.tdr.to_reg() => _, lateout("rdx") rdx, inout("r8") mbmd.to_reg() => _,
            inout("r9") pages.to_reg() => _, inout("r10") stream.to_reg() => _,
            lateout("r11") _,
        ] -> [rdx];
        linux retry __seamcall_ret(73) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(), r10: stream.to_reg(),
        } -> [rdx];
    }

    tdh_export_state_vp(vp: &TdxVp<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream) => Seamcall {
        catalog host::tdh_export_state_vp -> host::ExportStateVp { pages };
        floor seamcall(74) [
            inout("rcx") vp.tdvpr.to_reg() => _, lateout("rdx") rdx, inout("r8") mbmd.to_reg() => _,
            inout("r9") pages.to_reg() => _, inout("r10") stream.to_reg() => _,
            lateout("r11") _,
        ] -> [rdx];
        linux retry __seamcall_ret(74) {
            rcx: vp.tdvpr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(), r10: stream.to_reg(),
        } -> [rdx];
    }

    tdh_export_unblockw(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_export_unblockw -> TdxStatus;
        floor seamcall(75) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(75) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_import_abort(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream) => Seamcall {
        catalog host::tdh_import_abort -> TdxStatus;
        floor seamcall(80) [
            inout("rcx") td.tdr.to_reg() => _, inout("r8") mbmd.to_reg() => _,
            inout("r10") stream.to_reg() => _,
            lateout("rdx") _, lateout("r9") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(80) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r10: stream.to_reg(),
        } -> [];
    }

    tdh_import_end(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_import_end -> TdxStatus;
        floor seamcall(81) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(81) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_import_commit(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_import_commit -> TdxStatus;
        floor seamcall(82) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(82) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_import_mem(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, new_pages: PageListInfo, l2_attrs: L2AttrList,
    ) => Seamcall {
        catalog host::tdh_import_mem -> host::ImportMem { gpa_list };
        floor seamcall(83) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") mbmd.to_reg() => _, inout("r9") pages.to_reg() => _,
            inout("r10") stream.to_reg() => _, inout("r11") macs.list0.to_reg() => _,
            in("r12") macs.list1.to_reg(), in("r13") new_pages.to_reg(),
            in("r14") l2_attrs.to_reg(),
        ] -> [rcx];
        linux retry __seamcall_saved_ret(83) {
            rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(),
            r10: stream.to_reg(), r11: macs.list0.to_reg(), r12: macs.list1.to_reg(),
            r13: new_pages.to_reg(), r14: l2_attrs.to_reg(),
        } -> [rcx];
    }

    tdh_import_track(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream) => Seamcall {
        catalog host::tdh_import_track -> TdxStatus;
        floor seamcall(84) [
            inout("rcx") td.tdr.to_reg() => _, inout("r8") mbmd.to_reg() => _,
            inout("r10") stream.to_reg() => _,
            lateout("rdx") _, lateout("r9") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(84) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r10: stream.to_reg(),
        } -> [];
    }

    tdh_import_state_immutable(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream) => Seamcall {
        catalog host::tdh_import_state_immutable -> TdxStatus;
        floor seamcall(85) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") 0u64 => _, inout("r8") mbmd.to_reg() => _,
            inout("r9") pages.to_reg() => _, inout("r10") stream.to_reg() => _,
            lateout("r11") _,
        ] -> [];
        linux retry __seamcall(85) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(), r10: stream.to_reg(),
        } -> [];
    }

    tdh_import_state_td(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream) => Seamcall {
        catalog host::tdh_import_state_td -> TdxStatus;
        floor seamcall(86) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") 0u64 => _, inout("r8") mbmd.to_reg() => _,
            inout("r9") pages.to_reg() => _, inout("r10") stream.to_reg() => _,
            lateout("r11") _,
        ] -> [];
        linux retry __seamcall(86) {
            rcx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(), r10: stream.to_reg(),
        } -> [];
    }

    tdh_import_state_vp(vp: &TdxVp<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream) => Seamcall {
        catalog host::tdh_import_state_vp -> TdxStatus;
        floor seamcall(87) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") 0u64 => _, inout("r8") mbmd.to_reg() => _,
            inout("r9") pages.to_reg() => _, inout("r10") stream.to_reg() => _,
            lateout("r11") _,
        ] -> [];
        linux retry __seamcall(87) {
            rcx: vp.tdvpr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(), r10: stream.to_reg(),
        } -> [];
    }

    tdh_mig_stream_create(td: &TdxTd<'_>, migsc: MigscPage) => Seamcall {
        catalog host::tdh_mig_stream_create -> TdxStatus;
        floor seamcall(96) [
            inout("rcx") migsc.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(96) { rcx: migsc.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }
}
