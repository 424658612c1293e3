//! The (b') entries, in catalog order. Each is
//!
//! ```text
//! name(params) => family Leaf retry|retry_wide|retry_taking|once -> Out { field: register, ... }
//!     [inputs in register order] [out [outputs above R11]] [clobber [registers above R11]];
//! ```

use super::*;

shaped! {
    tdh_mng_addcx(td: &TdxTd<'_>, tdcs: Page<Tdcs>) => seamcall TdhMngAddcx retry -> TdxStatus
        [rcx = tdcs.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mem_page_add(td: &TdxTd<'_>, gpa: Gpa, page: Page<Guest>, source: Hpa)
        => seamcall TdhMemPageAdd retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = page.to_reg(), r9 = source.to_reg()];
    tdh_mem_sept_add(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Sept>)
        => seamcall TdhMemSeptAdd retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = page.to_reg()];
    tdh_vp_addcx(vp: &TdxVp<'_>, tdcx: Page<Tdcx>) => seamcall TdhVpAddcx retry -> TdxStatus
        [rcx = tdcx.to_reg(), rdx = vp.tdvpr.to_reg()];
    tdh_mem_page_aug(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Guest>)
        => seamcall TdhMemPageAug retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = page.to_reg()];
    tdh_mem_range_block(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhMemRangeBlock retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_key_config(td: &TdxTd<'_>) => seamcall TdhMngKeyConfig retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mng_create(td: &TdxTd<'_>, hkid: Hkid) => seamcall TdhMngCreate retry -> TdxStatus
        [rcx = td.tdr.to_reg(), rdx = hkid.to_reg()];
    tdh_vp_create(td: &TdxTd<'_>, vp: &TdxVp<'_>) => seamcall TdhVpCreate retry -> TdxStatus
        [rcx = vp.tdvpr.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_rd(td: &TdxTd<'_>, field: FieldId) => seamcall TdhMngRd retry
        -> host::MngRd { value: r8 } [rcx = td.tdr.to_reg(), rdx = field.to_reg()];
    tdh_mr_extend(td: &TdxTd<'_>, gpa: Gpa) => seamcall TdhMrExtend retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mr_finalize(td: &TdxTd<'_>) => seamcall TdhMrFinalize retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_vp_flush(vp: &TdxVp<'_>) => seamcall TdhVpFlush retry -> TdxStatus
        [rcx = vp.tdvpr.to_reg()];
    tdh_mng_vpflushdone(td: &TdxTd<'_>) => seamcall TdhMngVpflushdone retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mng_key_freeid(td: &TdxTd<'_>) => seamcall TdhMngKeyFreeid retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mng_init(td: &TdxTd<'_>, td_params: Hpa) => seamcall TdhMngInit retry -> TdxStatus
        [rcx = td.tdr.to_reg(), rdx = td_params.to_reg()];
    tdh_vp_init(vp: &TdxVp<'_>, initial_rcx: u64, x2apic_id: X2ApicId)
        => seamcall TdhVpInit retry -> TdxStatus
        [rcx = vp.tdvpr.to_reg(), rdx = initial_rcx, r8 = x2apic_id.to_reg()];
    tdh_phymem_page_rdmd(page: Hpa) => seamcall TdhPhymemPageRdmd once
        -> host::PageRdmd { page_type: rcx } [rcx = page.to_reg()];
    tdh_vp_rd(vp: &TdxVp<'_>, field: FieldId) => seamcall TdhVpRd retry
        -> host::VpRd { value: r8 } [rcx = vp.tdvpr.to_reg(), rdx = field.to_reg()];
    tdh_phymem_page_reclaim(page: Hpa) => seamcall TdhPhymemPageReclaim retry
        -> host::PageReclaim { page_type: rcx, owner: rdx, page_size: r8 } [rcx = page.to_reg()];
    tdh_mem_page_remove(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhMemPageRemove retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_sys_key_config() => seamcall TdhSysKeyConfig retry -> TdxStatus [];
    tdh_sys_init() => seamcall TdhSysInit retry -> TdxStatus [rcx = 0];
    tdh_sys_rd(field: FieldId) => seamcall TdhSysRd retry -> host::SysRd { value: r8 }
        [rdx = field.to_reg()];
    tdh_sys_lp_init() => seamcall TdhSysLpInit retry -> TdxStatus [];
    tdh_sys_tdmr_init(tdmr_base: Hpa) => seamcall TdhSysTdmrInit retry
        -> host::TdmrInit { next: rdx } [rcx = tdmr_base.to_reg()];
    tdh_mem_track(td: &TdxTd<'_>) => seamcall TdhMemTrack retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_phymem_cache_wb(mode: CacheWbMode) => seamcall TdhPhymemCacheWb retry -> TdxStatus
        [rcx = mode.to_reg()];
    tdh_phymem_page_wbinvd(page: KeyedHpa) => seamcall TdhPhymemPageWbinvd retry
        -> TdxStatus [rcx = page.to_reg()];
    tdh_vp_wr(vp: &TdxVp<'_>, field: FieldId, value: u64, mask: u64)
        => seamcall TdhVpWr retry -> host::VpWr { old: r8 }
        [rcx = vp.tdvpr.to_reg(), rdx = field.to_reg(), r8 = value, r9 = mask];
    tdh_sys_config(tdmr_info_array: Hpa, nr_tdmrs: u64, global_keyid: Hkid)
        => seamcall TdhSysConfig retry -> TdxStatus
        [rcx = tdmr_info_array.to_reg(), rdx = nr_tdmrs, r8 = global_keyid.to_reg()];
    tdh_sys_shutdown(handoff_version: u64) => seamcall TdhSysShutdown retry -> TdxStatus
        [rcx = handoff_version];
    tdh_sys_update() => seamcall TdhSysUpdate retry -> TdxStatus [];
    tdh_sys_disable() => seamcall TdhSysDisable retry -> TdxStatus [];
    tdh_mem_page_relocate(td: &TdxTd<'_>, gpa: SeptGpa, target: Page<Guest>)
        => seamcall TdhMemPageRelocate retry -> host::MemPageRelocate { old_page: rcx }
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = target.to_reg()];
    tdh_mem_rd(td: &TdxTd<'_>, gpa: Gpa) => seamcall TdhMemRd retry
        -> host::MemRd { data: r8 } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_wr(td: &TdxTd<'_>, field: FieldId, value: u64, mask: u64)
        => seamcall TdhMngWr retry -> host::MngWr { old: r8 }
        [rcx = td.tdr.to_reg(), rdx = field.to_reg(), r8 = value, r9 = mask];
    tdh_mem_wr(td: &TdxTd<'_>, gpa: Gpa, data: u64) => seamcall TdhMemWr retry
        -> host::MemWr { old: r8 } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = data];
    tdh_mem_page_demote(
        td: &TdxTd<'_>, gpa: SeptGpa, sept: Page<Sept>, l2: L2SeptPages, pamt: DynamicPamt,
    ) => seamcall TdhMemPageDemote retry_wide -> TdxStatus [
        rcx = gpa.to_reg(), rdx = td.tdr.to_reg(), r8 = sept.to_reg(), r9 = l2.vm1.to_reg(),
        r10 = l2.vm2.to_reg(), r11 = l2.vm3.to_reg(), r12 = pamt.page0.to_reg(),
        r13 = pamt.page1.to_reg(),
    ];
    tdh_mem_page_promote(td: &TdxTd<'_>, gpa: SeptGpa) => seamcall TdhMemPagePromote retry_taking
        -> host::MemPagePromote { sept_page: rcx } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()]
        clobber [r12, r13];
    tdh_mem_sept_rd(td: &TdxTd<'_>, gpa: SeptGpa) => seamcall TdhMemSeptRd retry
        -> host::MemSeptRd { entry: rcx, level_state: rdx, attributes: r8 }
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mng_key_reclaimid(td: &TdxTd<'_>) => seamcall TdhMngKeyReclaimid retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_mem_sept_remove(td: &TdxTd<'_>, gpa: SeptGpa) => seamcall TdhMemSeptRemove retry
        -> host::MemSeptRemove { sept_page: rcx } [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_sys_info(sysinfo: Hpa, sysinfo_len: u64, cmrs: Hpa, cmr_entries: u64)
        => seamcall TdhSysInfo retry -> host::SysInfo { sysinfo_written: rdx, cmrs_written: r9 }
        [rcx = sysinfo.to_reg(), rdx = sysinfo_len, r8 = cmrs.to_reg(), r9 = cmr_entries];
    tdh_sys_rdall(list: Hpa, field: FieldId) => seamcall TdhSysRdall retry
        -> host::SysRdall { next: r8 } [rdx = list.to_reg(), r8 = field.to_reg()];
    tdh_mem_range_unblock(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhMemRangeUnblock retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_sys_lp_shutdown() => seamcall TdhSysLpShutdown retry -> TdxStatus [];
    tdh_servtd_bind(
        td: &TdxTd<'_>, servtd: Page<Tdr>, slot: ServtdSlot, kind: ServtdType,
        attributes: ServtdAttributes,
    ) => seamcall TdhServtdBind retry_taking -> host::ServtdBind {
        handle: rcx, uuid0: r10, uuid1: r11, uuid2: r12, uuid3: r13,
    } [
        rcx = td.tdr.to_reg(), rdx = servtd.to_reg(), r8 = slot.to_reg(), r9 = kind.to_reg(),
        r10 = attributes.to_reg(),
    ] out [r12, r13];
    tdh_servtd_prebind(
        td: &TdxTd<'_>, info_hash: Hpa, slot: ServtdSlot, kind: ServtdType,
        attributes: ServtdAttributes,
    ) => seamcall TdhServtdPrebind retry_wide -> TdxStatus [
        rcx = td.tdr.to_reg(), rdx = info_hash.to_reg(), r8 = slot.to_reg(), r9 = kind.to_reg(),
        r10 = attributes.to_reg(),
    ];
    tdh_phymem_pamt_add(range: PamtRange, page0: Page<Guest>, page1: Page<Guest>)
        => seamcall TdhPhymemPamtAdd retry -> TdxStatus
        [rcx = range.to_reg(), rdx = page0.to_reg(), r8 = page1.to_reg()];
    tdh_phymem_pamt_remove(range: PamtRange) => seamcall TdhPhymemPamtRemove retry
        -> host::PhymemPamtRemove { page0: rdx, page1: r8 } [rcx = range.to_reg()];
    tdh_export_abort(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream)
        => seamcall TdhExportAbort retry_wide -> TdxStatus
        [rcx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r10 = stream.to_reg()];
    tdh_export_blockw(td: &TdxTd<'_>, gpa_list: GpaListInfo) => seamcall TdhExportBlockw retry
        -> host::ExportBlockw { gpa_list: rcx } [rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg()];
    tdh_export_restore(td: &TdxTd<'_>, gpa_list: GpaListInfo)
        => seamcall TdhExportRestore retry -> host::ExportRestore { gpa_list: rcx }
        [rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg()];
    tdh_export_mem(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, l2_attrs: L2AttrList,
    ) => seamcall TdhExportMem retry_wide -> host::ExportMem { gpa_list: rcx, processed: rdx } [
        rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r9 = pages.to_reg(),
        r10 = stream.to_reg(), r11 = macs.list0.to_reg(), r12 = macs.list1.to_reg(),
        r14 = l2_attrs.to_reg(),
    ];
    tdh_export_pause(td: &TdxTd<'_>) => seamcall TdhExportPause retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_export_track(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream)
        => seamcall TdhExportTrack retry_wide -> TdxStatus
        [rcx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r10 = stream.to_reg()];
    tdh_export_state_immutable(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream)
        => seamcall TdhExportStateImmutable retry_wide -> host::ExportStateImmutable { pages: rdx } [
            rcx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r9 = pages.to_reg(),
            r10 = stream.to_reg(),
        ];
    tdh_export_state_td(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream)
        => seamcall TdhExportStateTd retry_wide -> host::ExportStateTd { pages: rdx } [
            rcx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r9 = pages.to_reg(),
            r10 = stream.to_reg(),
        ];
    tdh_export_state_vp(vp: &TdxVp<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream)
        => seamcall TdhExportStateVp retry_wide -> host::ExportStateVp { pages: rdx } [
            rcx = vp.tdvpr.to_reg(), r8 = mbmd.to_reg(), r9 = pages.to_reg(),
            r10 = stream.to_reg(),
        ];
    tdh_export_unblockw(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhExportUnblockw retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_import_abort(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream)
        => seamcall TdhImportAbort retry_wide -> TdxStatus
        [rcx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r10 = stream.to_reg()];
    tdh_import_end(td: &TdxTd<'_>) => seamcall TdhImportEnd retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_import_commit(td: &TdxTd<'_>) => seamcall TdhImportCommit retry -> TdxStatus
        [rcx = td.tdr.to_reg()];
    tdh_import_mem(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, new_pages: PageListInfo, l2_attrs: L2AttrList,
    ) => seamcall TdhImportMem retry_wide -> host::ImportMem { gpa_list: rcx } [
        rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r9 = pages.to_reg(),
        r10 = stream.to_reg(), r11 = macs.list0.to_reg(), r12 = macs.list1.to_reg(),
        r13 = new_pages.to_reg(), r14 = l2_attrs.to_reg(),
    ];
    tdh_import_track(td: &TdxTd<'_>, mbmd: HpaAndSize, stream: MigStream)
        => seamcall TdhImportTrack retry_wide -> TdxStatus
        [rcx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r10 = stream.to_reg()];
    tdh_import_state_immutable(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream)
        => seamcall TdhImportStateImmutable retry_wide -> TdxStatus [
            rcx = td.tdr.to_reg(), rdx = 0, r8 = mbmd.to_reg(), r9 = pages.to_reg(),
            r10 = stream.to_reg(),
        ];
    tdh_import_state_td(td: &TdxTd<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream)
        => seamcall TdhImportStateTd retry_wide -> TdxStatus [
            rcx = td.tdr.to_reg(), rdx = 0, r8 = mbmd.to_reg(), r9 = pages.to_reg(),
            r10 = stream.to_reg(),
        ];
    tdh_import_state_vp(vp: &TdxVp<'_>, mbmd: HpaAndSize, pages: PageListInfo, stream: MigStream)
        => seamcall TdhImportStateVp retry_wide -> TdxStatus [
            rcx = vp.tdvpr.to_reg(), rdx = 0, r8 = mbmd.to_reg(), r9 = pages.to_reg(),
            r10 = stream.to_reg(),
        ];
    tdh_mig_stream_create(td: &TdxTd<'_>, migsc: MigscPage)
        => seamcall TdhMigStreamCreate retry -> TdxStatus
        [rcx = migsc.to_reg(), rdx = td.tdr.to_reg()];
    tdh_mem_scan_range(
        td: &TdxTd<'_>, lists: ListOfLists, controls: ScanControls, start: Gpa, size: u64,
        next_entry: u64,
    ) => seamcall TdhMemScanRange retry_wide
        -> host::MemScanRange { next: r9, left: r10, next_entry: r11 } [
        rcx = lists.to_reg(), rdx = td.tdr.to_reg(), r8 = controls.to_reg(),
        r9 = start.to_reg(), r10 = size, r11 = next_entry,
    ];
    tdh_mem_scan_comp(
        td: &TdxTd<'_>, lists: ListOfLists, controls: ScanControls, next_entry: u64,
    ) => seamcall TdhMemScanComp retry_wide -> host::MemScanComp { next_entry: r11 } [
        rcx = lists.to_reg(), rdx = td.tdr.to_reg(), r8 = controls.to_reg(), r11 = next_entry,
    ];
    tdh_mem_scan_config(
        td: &TdxTd<'_>, ranges: RangeListInfo, cx0: ScanCxPage, cx1: ScanCxPage,
        cx2: ScanCxPage, cx3: ScanCxPage,
    ) => seamcall TdhMemScanConfig retry_wide
        -> host::MemScanConfig { cx0: r8, cx1: r9, cx2: r10, cx3: r11 } [
        rcx = ranges.to_reg(), rdx = td.tdr.to_reg(), r8 = cx0.to_reg(), r9 = cx1.to_reg(),
        r10 = cx2.to_reg(), r11 = cx3.to_reg(),
    ];
    tdh_mem_scan_reset(td: &TdxTd<'_>) => seamcall TdhMemScanReset retry -> TdxStatus
        [rdx = td.tdr.to_reg()];
    tdh_mem_sept_add_v1(td: TdHandleAndFlags, gpa: SeptGpa, pages: SeptAddPages)
        => seamcall TdhMemSeptAddV1 retry_wide
        -> host::MemSeptAddV1 { l1: r8, vm1: r9, vm2: r10, vm3: r11 } [
        rcx = gpa.to_reg(), rdx = td.to_reg(), r8 = pages.l1.to_reg(),
        r9 = pages.l2.vm1.to_reg(), r10 = pages.l2.vm2.to_reg(), r11 = pages.l2.vm3.to_reg(),
    ];
    tdh_mng_rd_v1(td: &TdxTd<'_>, field: FieldId) => seamcall TdhMngRdV1 retry
        -> host::MngRdV1 { next: rdx, value: r8 } [rcx = td.tdr.to_reg(), rdx = field.to_reg()];
    tdh_mem_page_promote_v1(td: &TdxTd<'_>, gpa: SeptGpa)
        => seamcall TdhMemPagePromoteV1 retry_taking
        -> host::MemPagePromoteV1 { sept_page: rcx, vm1: r9, vm2: r10, vm3: r11 }
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()] clobber [r12, r13];
    tdh_vp_rd_v1(vp: &TdxVp<'_>, field: FieldId) => seamcall TdhVpRdV1 retry
        -> host::VpRdV1 { next: rdx, value: r8 } [rcx = vp.tdvpr.to_reg(), rdx = field.to_reg()];
    tdh_mem_sept_remove_v1(td: &TdxTd<'_>, gpa: SeptGpa) => seamcall TdhMemSeptRemoveV1 retry
        -> host::MemSeptRemoveV1 { sept_page: rcx, vm1: r9, vm2: r10, vm3: r11 }
        [rcx = gpa.to_reg(), rdx = td.tdr.to_reg()];
    tdh_export_mem_v1(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, l2_attrs: L2AttrList,
    ) => seamcall TdhExportMemV1 retry_wide
        -> host::ExportMemV1 { gpa_list: rcx, processed: rdx, errors: r8 } [
        rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r9 = pages.to_reg(),
        r10 = stream.to_reg(), r11 = macs.list0.to_reg(), r12 = macs.list1.to_reg(),
        r14 = l2_attrs.to_reg(),
    ];
    tdh_import_mem_v1(
        td: &TdxTd<'_>, gpa_list: GpaListInfo, mbmd: HpaAndSize, pages: PageListInfo,
        stream: MigStream, macs: MacLists, new_pages: PageListInfo, l2_attrs: L2AttrList,
    ) => seamcall TdhImportMemV1 retry_wide -> host::ImportMemV1 { gpa_list: rcx, errors: r8 } [
        rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg(), r8 = mbmd.to_reg(), r9 = pages.to_reg(),
        r10 = stream.to_reg(), r11 = macs.list0.to_reg(), r12 = macs.list1.to_reg(),
        r13 = new_pages.to_reg(), r14 = l2_attrs.to_reg(),
    ];
    tdh_sys_init_v1(fatal: FatalErrorConfig) => seamcall TdhSysInitV1 retry -> TdxStatus
        [rcx = 0, r8 = fatal.to_reg()];
    tdh_sys_config_v1(
        tdmr_info_array: Hpa, nr_tdmrs: u64, global_keyid: Hkid, enables: FeatureEnables,
    ) => seamcall TdhSysConfigV1 retry_wide -> TdxStatus [
        rcx = tdmr_info_array.to_reg(), rdx = nr_tdmrs, r8 = global_keyid.to_reg(),
        r9 = enables.to_reg(), r10 = 0,
    ];
    tdh_sys_update_v1(enables: FeatureEnables) => seamcall TdhSysUpdateV1 retry_wide
        -> TdxStatus [r9 = enables.to_reg(), r10 = 0];
    tdh_export_blockw_v1(td: &TdxTd<'_>, gpa_list: GpaListInfo)
        => seamcall TdhExportBlockwV1 retry -> host::ExportBlockwV1 { gpa_list: rcx, errors: r8 }
        [rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg()];
    tdh_export_restore_v1(td: &TdxTd<'_>, gpa_list: GpaListInfo)
        => seamcall TdhExportRestoreV1 retry
        -> host::ExportRestoreV1 { gpa_list: rcx, errors: r8 }
        [rcx = gpa_list.to_reg(), rdx = td.tdr.to_reg()];
    tdh_iommu_setreg(
        iommu: IommuId, reg_id: IommuRegId, value: u64,
    ) => seamcall TdhIommuSetreg retry -> TdxStatus
        [rcx = iommu.to_reg(), rdx = reg_id.to_reg(), r8 = value];
    tdh_iommu_getreg(
        iommu: u64, reg_id: IommuRegId,
    ) => seamcall TdhIommuGetreg retry -> host::IommuGetreg { value: r8 }
        [rcx = iommu, rdx = reg_id.to_reg()];
    tdh_spdm_create(
        iommu: IommuId, spdm_id: u64, spdm_info: Page<Guest>,
    ) => seamcall TdhSpdmCreate retry -> TdxStatus
        [rcx = iommu.to_reg(), rdx = spdm_id, r8 = spdm_info.to_reg()];
    tdh_spdm_delete(
        iommu: IommuId, spdm_id: u64,
    ) => seamcall TdhSpdmDelete retry -> host::SpdmDelete { spdm_info: rcx }
        [rcx = iommu.to_reg(), rdx = spdm_id];
    tdh_ide_stream_create(
        iommu: IommuId, spdm_id: u64, stream_cfg: u64, stream_ctrl: u64, rid_assoc1: u64,
        rid_assoc2: u64, addr_assoc1: u64, addr_assoc2: u64, addr_assoc3: u64, exinfo: Page<Guest>,
    ) => seamcall TdhIdeStreamCreate retry_wide -> TdxStatus [
        rcx = iommu.to_reg(), rdx = spdm_id, r8 = stream_cfg, r9 = stream_ctrl, r10 = rid_assoc1,
        r11 = rid_assoc2, r12 = addr_assoc1, r13 = addr_assoc2, r14 = addr_assoc3,
        r15 = exinfo.to_reg(),
    ];
    tdh_ide_stream_block(
        iommu: IommuId, stream_id: StreamId,
    ) => seamcall TdhIdeStreamBlock retry -> TdxStatus
        [rcx = iommu.to_reg(), rdx = stream_id.to_reg()];
    tdh_ide_stream_delete(
        iommu: IommuId, stream_id: StreamId,
    ) => seamcall TdhIdeStreamDelete retry -> host::IdeStreamDelete { exinfo: rcx }
        [rcx = iommu.to_reg(), rdx = stream_id.to_reg()];
    tdh_ide_stream_idekmreq(
        iommu: IommuId, stream_id: StreamId, object_id: IdeKmObject, km_param: IdeKmParam,
        slot_id: u64, message: Hpa,
    ) => seamcall TdhIdeStreamIdekmreq retry_wide -> TdxStatus [
        rcx = iommu.to_reg(), rdx = stream_id.to_reg(), r8 = object_id.to_reg(),
        r9 = km_param.to_reg(), r10 = slot_id, r11 = message.to_reg(),
    ];
    tdh_ide_stream_idekmrsp(
        iommu: IommuId, stream_id: StreamId, message: Hpa,
    ) => seamcall TdhIdeStreamIdekmrsp retry -> host::IdeStreamIdekmrsp { payload: rcx }
        [rcx = iommu.to_reg(), rdx = stream_id.to_reg(), r8 = message.to_reg()];
    tdh_devif_create(
        devif_id: DevifId, tdr: Page<Tdr>, devifcs: Page<Guest>, td_buffer: Page<Guest>,
        vmm_buffer: Page<Guest>,
    ) => seamcall TdhDevifCreate retry_wide -> TdxStatus [
        rcx = devif_id.to_reg(), rdx = tdr.to_reg(), r8 = devifcs.to_reg(),
        r9 = td_buffer.to_reg(), r10 = vmm_buffer.to_reg(),
    ];
    tdh_devif_remove(
        function_id: FunctionId,
    ) => seamcall TdhDevifRemove retry -> host::DevifRemove { td_buffer: rcx, vmm_buffer: rdx, tdr: r8 }
        [rcx = function_id.to_reg()];
    tdh_devif_request(
        function_id: FunctionId, request: DevifReqIn, out_page: Hpa,
    ) => seamcall TdhDevifRequest retry -> host::DevifRequest { request_out: rcx }
        [rcx = function_id.to_reg(), rdx = request.to_reg(), r8 = out_page.to_reg(), r9 = 0];
    tdh_devif_response(
        function_id: FunctionId, response: DevifRspIn, out_page: u64,
    ) => seamcall TdhDevifResponse retry -> host::DevifResponse { response_out: rcx }
        [rcx = function_id.to_reg(), rdx = response.to_reg(), r8 = out_page, r9 = 0];
    tdh_devif_mt_add(
        index: DevifmtIdx, page: Page<Guest>,
    ) => seamcall TdhDevifMtAdd retry -> TdxStatus
        [rcx = index.to_reg(), rdx = page.to_reg()];
    tdh_devif_mt_remove(
        index: DevifmtIdx,
    ) => seamcall TdhDevifMtRemove retry -> host::DevifMtRemove { page: rcx }
        [rcx = index.to_reg()];
    tdh_devif_mt_rd(
        index: DevifmtIdx,
    ) => seamcall TdhDevifMtRd retry -> host::DevifMtRd { entry: rcx }
        [rcx = index.to_reg()];
    tdh_dmar_add(
        index: DmarIdx, val1: u64, val2: u64, val3: u64, val4: u64, val5: u64, val6: u64,
        val7: u64, val8: u64,
    ) => seamcall TdhDmarAdd retry_wide -> TdxStatus [
        rcx = index.to_reg(), rdx = val1, r8 = val2, r9 = val3, r10 = val4, r11 = val5, r12 = val6,
        r13 = val7, r14 = val8,
    ];
    tdh_dmar_block(index: DmarIdx) => seamcall TdhDmarBlock retry -> TdxStatus
        [rcx = index.to_reg()];
    tdh_dmar_read(index: DmarIdx) => seamcall TdhDmarRead retry_taking -> host::DmarRead {
        state: rdx, q0: r8, q1: r9, q2: r10, q3: r11, q4: r12, q5: r13, q6: r14, q7: r15,
    } [rcx = index.to_reg()] out [r12, r13, r14, r15];
    tdh_dmar_remove(
        index: DmarIdx,
    ) => seamcall TdhDmarRemove retry -> host::DmarRemove { page: rcx }
        [rcx = index.to_reg()];
    tdh_mmio_mt_add(index: MmiomtIdx, page: Page<Guest>) => seamcall TdhMmioMtAdd retry -> TdxStatus
        [rcx = index.to_reg(), rdx = page.to_reg()];
    tdh_mmio_mt_set(
        index: MmiomtIdx, info: MmiomtSetInfo,
    ) => seamcall TdhMmioMtSet retry -> TdxStatus
        [rcx = index.to_reg(), rdx = info.to_reg()];
    tdh_mmio_mt_rd(
        index: MmiomtIdx,
    ) => seamcall TdhMmioMtRd retry -> host::MmioMtRd { q0: rcx, q1: rdx, q2: r8, q3: r9 }
        [rcx = index.to_reg()];
    tdh_mmio_mt_remove(
        index: MmiomtIdx,
    ) => seamcall TdhMmioMtRemove retry -> host::MmioMtRemove { page_number: rcx }
        [rcx = index.to_reg()];
    tdh_mmio_map(gpa: SeptGpa, tdr: Page<Tdr>, mmio: Hpa) => seamcall TdhMmioMap retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = tdr.to_reg(), r8 = mmio.to_reg()];
    tdh_mmio_block(gpa: SeptGpa, tdr: Page<Tdr>) => seamcall TdhMmioBlock retry -> TdxStatus
        [rcx = gpa.to_reg(), rdx = tdr.to_reg()];
    tdh_mmio_unmap(
        gpa: SeptGpa, tdr: Page<Tdr>,
    ) => seamcall TdhMmioUnmap retry -> host::MmioUnmap { mmio: r8 }
        [rcx = gpa.to_reg(), rdx = tdr.to_reg()];
    tdh_iq_inv_request(
        iommu: IommuId, request_type: u64, subject: u64, wait_q0: u64, wait_q1: u64, wait_q2: u64,
        wait_q3: u64,
    ) => seamcall TdhIqInvRequest retry_wide -> host::IqInvRequest { remaining: rcx } [
        rcx = iommu.to_reg(), rdx = request_type, r8 = subject, r9 = wait_q0, r10 = wait_q1,
        r11 = wait_q2, r12 = wait_q3,
    ];
    tdh_iq_inv_process(iommu: IommuId) => seamcall TdhIqInvProcess retry -> TdxStatus
        [rcx = iommu.to_reg()];
    tdh_mem_shared_sept_wr(
        gpa_and_level: u64, tdr: Page<Tdr>, l1_entry: u64, l2_entry1: u64, l2_entry2: u64,
        l2_entry3: u64,
    ) => seamcall TdhMemSharedSeptWr retry_wide -> TdxStatus [
        rcx = gpa_and_level, rdx = tdr.to_reg(), r8 = l1_entry, r9 = l2_entry1, r10 = l2_entry2,
        r11 = l2_entry3,
    ];
    p_seamldr_info(info: Hpa) => seamcall PSeamldrInfo retry -> TdxStatus [rcx = info.to_reg()];
    p_seamldr_install(params: Hpa) => seamcall PSeamldrInstall retry -> TdxStatus
        [rcx = params.to_reg()];
    tdg_vp_info() => tdcall TdgVpInfo once
        -> guest::VpInfo { gpa_width: rcx, attributes: rdx } [];
    tdg_mr_rtmr_extend(data: Gpa, index: RtmrIndex) => tdcall TdgMrRtmrExtend once -> TdxStatus
        [rcx = data.to_reg(), rdx = index.to_reg()];
    tdg_vp_veinfo_get() => tdcall TdgVpVeinfoGet once -> guest::VeInfo {
        exit_reason: rcx, exit_qualification: rdx, gla: r8, gpa: r9, instruction: r10
    } [] clobber [r12];
    tdg_mr_report(report: Gpa, report_data: Gpa, subtype: u64) => tdcall TdgMrReport once
        -> TdxStatus [rcx = report.to_reg(), rdx = report_data.to_reg(), r8 = subtype];
    tdg_mem_page_accept(gpa: AcceptGpa) => tdcall TdgMemPageAccept once -> TdxStatus
        [rcx = gpa.to_reg()];
    tdg_vm_rd(field: FieldId) => tdcall TdgVmRd once -> guest::VmRd { value: r8 }
        [rcx = 0, rdx = field.to_reg()];
    tdg_vm_wr(field: FieldId, value: u64, mask: u64)
        => tdcall TdgVmWr once -> guest::VmWr { old: r8 }
        [rcx = 0, rdx = field.to_reg(), r8 = value, r9 = mask];
    tdg_mr_key_get(request: Gpa, key: Gpa, requestor: u64) => tdcall TdgMrKeyGet once
        -> guest::MrKeyGet { key_bits: r9 }
        [rcx = request.to_reg(), rdx = key.to_reg(), r8 = requestor];
    tdg_vm_rd_v1(field: FieldId) => tdcall TdgVmRdV1 once -> guest::VmRdV1 { next: rdx, value: r8 }
        [rcx = 0, rdx = field.to_reg()];
    tdg_spdm_tpa_set(
        iommu: IommuId, spdm_id: u64, binding_info: Gpa,
    ) => tdcall TdgSpdmTpaSet once -> TdxStatus
        [rcx = iommu.to_reg(), rdx = spdm_id, r8 = binding_info.to_reg()];
    tdg_spdm_tpa_get(
        iommu: IommuId, spdm_id: u64, binding_info: Gpa,
    ) => tdcall TdgSpdmTpaGet once -> TdxStatus
        [rcx = iommu.to_reg(), rdx = spdm_id, r8 = binding_info.to_reg()];
    tdg_devif_validate(
        function_id: FunctionId, hash0: u64, hash1: u64, hash2: u64, hash3: u64, hash4: u64,
        hash5: u64,
    ) => tdcall TdgDevifValidate once -> TdxStatus [
        rcx = function_id.to_reg(), rdx = hash5, r8 = hash4, r9 = hash3, r10 = hash2, r11 = hash1,
        r12 = hash0,
    ];
    tdg_devif_rd(
        function_id: FunctionId, field: DevifField,
    ) => tdcall TdgDevifRd once -> guest::DevifRd { value: rcx }
        [rcx = function_id.to_reg(), rdx = field.to_reg(), r9 = 0];
    tdg_devif_request(
        function_id: FunctionId, request: DevifReqIn,
    ) => tdcall TdgDevifRequest once -> TdxStatus
        [rcx = function_id.to_reg(), rdx = request.to_reg(), r9 = 0];
    tdg_devif_response(
        function_id: FunctionId, target: u64,
    ) => tdcall TdgDevifResponse once -> guest::DevifResponse { response_out: rcx }
        [rcx = function_id.to_reg(), rdx = target, r9 = 0];
    tdg_dmar_accept(
        function_id: FunctionId, target: DmarTarget, reserved12: u64, reserved13: u64,
        reserved14: u64, reserved15: u64,
    ) => tdcall TdgDmarAccept once -> TdxStatus [
        rcx = function_id.to_reg(), rdx = target.to_reg(), r8 = 0, r9 = 0, r10 = 0, r11 = 0,
        r12 = reserved12, r13 = reserved13, r14 = reserved14, r15 = reserved15,
    ];
    tdg_tdi_mmio_accept(
        gpa: AcceptGpa, mmio_offset: u64,
    ) => tdcall TdgTdiMmioAccept once -> TdxStatus
        [rcx = gpa.to_reg(), rdx = mmio_offset];
    tdg_iq_inv_request(count: u64, descriptors: Gpa) => tdcall TdgIqInvRequest once -> TdxStatus
        [rcx = count, rdx = descriptors.to_reg()];
}
