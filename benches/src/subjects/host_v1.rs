//! The footprint subjects of the module-1.5.34 host SEAMCALL leaves (TDH.MEM.SCAN.*) and the
//! version-1 forms (RAX = leaf | 1 << 16), in catalog order.

use super::*;

// The entry syntax: see `seamcall.rs`. Registers read from intel/tdx-module@9fd3c8b1
// (TDH.MEM.SCAN.*) and @72d8cffb (the version-1 forms), as the catalog's ABI table.
subjects! {
    tdh_mem_scan_range(
        td: &TdxTd<'_>, lists: ListOfLists, controls: ScanControls, start: Gpa, size: u64,
        next_entry: u64,
    ) => Seamcall {
        catalog host::tdh_mem_scan_range -> host::MemScanRange { next, left, next_entry };
        floor seamcall(92) [
            inout("rcx") lists.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") controls.to_reg() => _, inout("r9") start.to_reg() => r9,
            inout("r10") size => r10, inout("r11") next_entry => r11,
        ] -> [r9, r10, r11];
        linux retry __seamcall_ret(92) {
            rcx: lists.to_reg(), rdx: td.tdr.to_reg(), r8: controls.to_reg(),
            r9: start.to_reg(), r10: size, r11: next_entry,
        } -> [r9, r10, r11];
    }

    tdh_mem_scan_comp(
        td: &TdxTd<'_>, lists: ListOfLists, controls: ScanControls, next_entry: u64,
    ) => Seamcall {
        catalog host::tdh_mem_scan_comp -> host::MemScanComp { next_entry };
        floor seamcall(93) [
            inout("rcx") lists.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") controls.to_reg() => _, lateout("r9") _, lateout("r10") _,
            inout("r11") next_entry => r11,
        ] -> [r11];
        linux retry __seamcall_ret(93) {
            rcx: lists.to_reg(), rdx: td.tdr.to_reg(), r8: controls.to_reg(), r11: next_entry,
        } -> [r11];
    }

    tdh_mem_scan_config(
        td: &TdxTd<'_>, ranges: RangeListInfo, cx0: ScanCxPage, cx1: ScanCxPage,
        cx2: ScanCxPage, cx3: ScanCxPage,
    ) => Seamcall {
        catalog host::tdh_mem_scan_config -> host::MemScanConfig { cx0, cx1, cx2, cx3 };
        floor seamcall(94) [
            inout("rcx") ranges.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") cx0.to_reg() => r8, inout("r9") cx1.to_reg() => r9,
            inout("r10") cx2.to_reg() => r10, inout("r11") cx3.to_reg() => r11,
        ] -> [r8, r9, r10, r11];
        linux retry __seamcall_ret(94) {
            rcx: ranges.to_reg(), rdx: td.tdr.to_reg(), r8: cx0.to_reg(), r9: cx1.to_reg(),
            r10: cx2.to_reg(), r11: cx3.to_reg(),
        } -> [r8, r9, r10, r11];
    }

    tdh_mem_scan_reset(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mem_scan_reset -> TdxStatus;
        floor seamcall(95) [
            inout("rdx") td.tdr.to_reg() => _,
            lateout("rcx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(95) { rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mem_sept_add_v1(td: TdHandleAndFlags, gpa: SeptGpa, pages: SeptAddPages) => Seamcall {
        catalog host::tdh_mem_sept_add_v1 -> host::MemSeptAddV1 { l1, vm1, vm2, vm3 };
        floor seamcall(3 | 1 << 16) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.to_reg() => _,
            inout("r8") pages.l1.to_reg() => r8, inout("r9") pages.l2.vm1.to_reg() => r9,
            inout("r10") pages.l2.vm2.to_reg() => r10, inout("r11") pages.l2.vm3.to_reg() => r11,
        ] -> [r8, r9, r10, r11];
        linux retry __seamcall_ret(3 | 1 << 16) {
            rcx: gpa.to_reg(), rdx: td.to_reg(), r8: pages.l1.to_reg(),
            r9: pages.l2.vm1.to_reg(), r10: pages.l2.vm2.to_reg(), r11: pages.l2.vm3.to_reg(),
        } -> [r8, r9, r10, r11];
    }

    tdh_mng_rd_v1(td: &TdxTd<'_>, field: FieldId) => Seamcall {
        catalog host::tdh_mng_rd_v1 -> host::MngRdV1 { next, value };
        floor seamcall(11 | 1 << 16) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") field.to_reg() => rdx,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux retry __seamcall_ret(11 | 1 << 16) {
            rcx: td.tdr.to_reg(), rdx: field.to_reg(),
        } -> [rdx, r8];
    }

    // R12 and R13 are written on the error path: Linux's `__seamcall_ret` does not save them
    // (callee-saved in C), so (c) takes the trampoline that does.
    tdh_mem_page_promote_v1(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_page_promote_v1
            -> host::MemPagePromoteV1 { sept_page, vm1, vm2, vm3 };
        floor seamcall(23 | 1 << 16) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") r9, lateout("r10") r10, lateout("r11") r11,
            lateout("r12") _, lateout("r13") _,
        ] -> [rcx, r9, r10, r11];
        linux retry __seamcall_saved_ret(23 | 1 << 16) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(),
        } -> [rcx, r9, r10, r11];
    }

    tdh_vp_rd_v1(vp: &TdxVp<'_>, field: FieldId) => Seamcall {
        catalog host::tdh_vp_rd_v1 -> host::VpRdV1 { next, value };
        floor seamcall(26 | 1 << 16) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") field.to_reg() => rdx,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx, r8];
        linux retry __seamcall_ret(26 | 1 << 16) {
            rcx: vp.tdvpr.to_reg(), rdx: field.to_reg(),
        } -> [rdx, r8];
    }

    tdh_mem_sept_remove_v1(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_sept_remove_v1
            -> host::MemSeptRemoveV1 { sept_page, vm1, vm2, vm3 };
        floor seamcall(30 | 1 << 16) [
            inout("rcx") gpa.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") r9, lateout("r10") r10, lateout("r11") r11,
        ] -> [rcx, r9, r10, r11];
        linux retry __seamcall_ret(30 | 1 << 16) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(),
        } -> [rcx, r9, r10, r11];
    }

    tdh_export_mem_v1(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, l2_attrs: L2AttrList,
    ) => Seamcall {
        catalog host::tdh_export_mem_v1 -> host::ExportMemV1 { gpa_list, processed, errors };
        floor seamcall(68 | 1 << 16) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => rdx,
            inout("r8") mbmd.to_reg() => r8, inout("r9") pages.to_reg() => _,
            inout("r10") stream.to_reg() => _, inout("r11") macs.list0.to_reg() => _,
            in("r12") macs.list1.to_reg(), in("r14") l2_attrs.to_reg(),
        ] -> [rcx, rdx, r8];
        linux retry __seamcall_saved_ret(68 | 1 << 16) {
            rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(),
            r10: stream.to_reg(), r11: macs.list0.to_reg(), r12: macs.list1.to_reg(),
            r14: l2_attrs.to_reg(),
        } -> [rcx, rdx, r8];
    }

    tdh_import_mem_v1(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, new_pages: PageListInfo, l2_attrs: L2AttrList,
    ) => Seamcall {
        catalog host::tdh_import_mem_v1 -> host::ImportMemV1 { gpa_list, errors };
        floor seamcall(83 | 1 << 16) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") mbmd.to_reg() => r8, inout("r9") pages.to_reg() => _,
            inout("r10") stream.to_reg() => _, inout("r11") macs.list0.to_reg() => _,
            in("r12") macs.list1.to_reg(), in("r13") new_pages.to_reg(),
            in("r14") l2_attrs.to_reg(),
        ] -> [rcx, r8];
        linux retry __seamcall_saved_ret(83 | 1 << 16) {
            rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg(), r8: mbmd.to_reg(), r9: pages.to_reg(),
            r10: stream.to_reg(), r11: macs.list0.to_reg(), r12: macs.list1.to_reg(),
            r13: new_pages.to_reg(), r14: l2_attrs.to_reg(),
        } -> [rcx, r8];
    }

    tdh_sys_init_v1(fatal: FatalErrorConfig) => Seamcall {
        catalog host::tdh_sys_init_v1 -> TdxStatus;
        floor seamcall(33 | 1 << 16) [
            inout("rcx") 0u64 => _, inout("r8") fatal.to_reg() => _,
            lateout("rdx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(33 | 1 << 16) { r8: fatal.to_reg() } -> [];
    }

    tdh_sys_config_v1(
        tdmr_info_array: Hpa, nr_tdmrs: u64, global_keyid: Hkid, enables: FeatureEnables,
    ) => Seamcall {
        catalog host::tdh_sys_config_v1 -> TdxStatus;
        floor seamcall(45 | 1 << 16) [
            inout("rcx") tdmr_info_array.to_reg() => _, inout("rdx") nr_tdmrs => _,
            inout("r8") global_keyid.to_reg() => _, inout("r9") enables.to_reg() => _,
            inout("r10") 0u64 => _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(45 | 1 << 16) {
            rcx: tdmr_info_array.to_reg(), rdx: nr_tdmrs, r8: global_keyid.to_reg(),
            r9: enables.to_reg(),
        } -> [];
    }

    tdh_sys_update_v1(enables: FeatureEnables) => Seamcall {
        catalog host::tdh_sys_update_v1 -> TdxStatus;
        floor seamcall(53 | 1 << 16) [
            inout("r9") enables.to_reg() => _, inout("r10") 0u64 => _,
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(53 | 1 << 16) { r9: enables.to_reg() } -> [];
    }

    tdh_export_blockw_v1(td: &TdxTd<'_>, gpa_list: GpaListInfo) => Seamcall {
        catalog host::tdh_export_blockw_v1 -> host::ExportBlockwV1 { gpa_list, errors };
        floor seamcall(65 | 1 << 16) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, r8];
        linux retry __seamcall_ret(65 | 1 << 16) {
            rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg(),
        } -> [rcx, r8];
    }

    tdh_export_restore_v1(td: &TdxTd<'_>, gpa_list: GpaListInfo) => Seamcall {
        catalog host::tdh_export_restore_v1 -> host::ExportRestoreV1 { gpa_list, errors };
        floor seamcall(66 | 1 << 16) [
            inout("rcx") gpa_list.to_reg() => rcx, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, r8];
        linux retry __seamcall_ret(66 | 1 << 16) {
            rcx: gpa_list.to_reg(), rdx: td.tdr.to_reg(),
        } -> [rcx, r8];
    }
}
