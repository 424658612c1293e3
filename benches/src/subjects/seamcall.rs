//! The footprint subjects of the host SEAMCALL leaves Linux issues, in catalog order (the
//! module-1.5 host leaves are in `host15.rs`, the 1.5.34 leaves and version-1 forms in
//! `host_v1.rs`, TDX Connect in `host_connect.rs`, P-SEAMLDR in `p_seamldr.rs`).

use super::*;

// The entries, in catalog order. Each is
//
//     name(params) => Kind {
//         catalog module::wrapper -> Out { output fields };                (a)
//         floor seamcall|tdcall|tdcall_rbx(RAX[, RBX]) [asm! operands,] -> [outputs]; (b)
//         linux [retry] trampoline(RAX) { struct fields } -> [fields read back];    (c)
//     }
//
// or, for the two `regs = ...` wrappers,
// `name(params; args: &mut ModuleArgs) => Kind { catalog ...; prelude { ... } floor ...; linux ...; }`.
//
// (c) calls `__seamcall` / `__tdcall` when the leaf returns nothing and the `_ret` flavour when it
// does, with `sc_retry` wherever Linux has it (every SEAMCALL but TDH.VP.ENTER and
// TDH.PHYMEM.PAGE.RDMD, as the catalog's own retry policy), and `__tdx_hypercall` for
// TDG.VP.VMCALL sub-functions. Every floor names all of RCX, RDX and R8-R11 (SEAMCALL/TDCALL
// return values there) and, for TDG.VP.VMCALL, every register it exposes to the VMM.
subjects! {
    // ================================================================== SEAMCALL (host)

    tdh_vp_enter(vp: &TdxVp<'_>; args: &mut ModuleArgs) => SeamcallRegs {
        catalog host::tdh_vp_enter;
        prelude { args.rcx = vp.tdvpr.to_reg(); }
        floor seamcall_regs(0);
        linux __seamcall_saved_ret(0);
    }

    tdh_mng_addcx(td: &TdxTd<'_>, tdcs: Page<Tdcs>) => Seamcall {
        catalog host::tdh_mng_addcx -> TdxStatus;
        floor seamcall(1) [
            inout("rcx") tdcs.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(1) { rcx: tdcs.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mem_page_add(td: &TdxTd<'_>, gpa: Gpa, page: Page<Guest>, source: Hpa) => Seamcall {
        catalog host::tdh_mem_page_add -> TdxStatus;
        floor seamcall(2) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") page.to_reg() => _, inout("r9") source.to_reg() => _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(2) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: page.to_reg(), r9: source.to_reg(),
        } -> [];
    }

    tdh_mem_sept_add(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Sept>) => Seamcall {
        catalog host::tdh_mem_sept_add -> TdxStatus;
        floor seamcall(3) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") page.to_reg() => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(3) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: page.to_reg(),
        } -> [];
    }

    tdh_vp_addcx(vp: &TdxVp<'_>, tdcx: Page<Tdcx>) => Seamcall {
        catalog host::tdh_vp_addcx -> TdxStatus;
        floor seamcall(4) [
            inout("rcx") tdcx.to_reg() => _, inout("rdx") vp.tdvpr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(4) { rcx: tdcx.to_reg(), rdx: vp.tdvpr.to_reg() } -> [];
    }

    tdh_mem_page_aug(td: &TdxTd<'_>, gpa: SeptGpa, page: Page<Guest>) => Seamcall {
        catalog host::tdh_mem_page_aug -> TdxStatus;
        floor seamcall(6) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            inout("r8") page.to_reg() => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(6) {
            rcx: gpa.to_reg(), rdx: td.tdr.to_reg(), r8: page.to_reg(),
        } -> [];
    }

    tdh_mem_range_block(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_range_block -> TdxStatus;
        floor seamcall(7) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(7) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_key_config(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_key_config -> TdxStatus;
        floor seamcall(8) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(8) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_create(td: &TdxTd<'_>, hkid: Hkid) => Seamcall {
        catalog host::tdh_mng_create -> TdxStatus;
        floor seamcall(9) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") hkid.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(9) { rcx: td.tdr.to_reg(), rdx: hkid.to_reg() } -> [];
    }

    tdh_vp_create(td: &TdxTd<'_>, vp: &TdxVp<'_>) => Seamcall {
        catalog host::tdh_vp_create -> TdxStatus;
        floor seamcall(10) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(10) { rcx: vp.tdvpr.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_rd(td: &TdxTd<'_>, field: FieldId) => Seamcall {
        catalog host::tdh_mng_rd -> host::MngRd { value };
        floor seamcall(11) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") field.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(11) { rcx: td.tdr.to_reg(), rdx: field.to_reg() } -> [r8];
    }

    tdh_mr_extend(td: &TdxTd<'_>, gpa: Gpa) => Seamcall {
        catalog host::tdh_mr_extend -> TdxStatus;
        floor seamcall(16) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(16) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_mr_finalize(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mr_finalize -> TdxStatus;
        floor seamcall(17) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(17) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_vp_flush(vp: &TdxVp<'_>) => Seamcall {
        catalog host::tdh_vp_flush -> TdxStatus;
        floor seamcall(18) [
            inout("rcx") vp.tdvpr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(18) { rcx: vp.tdvpr.to_reg() } -> [];
    }

    tdh_mng_vpflushdone(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_vpflushdone -> TdxStatus;
        floor seamcall(19) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(19) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_key_freeid(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mng_key_freeid -> TdxStatus;
        floor seamcall(20) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(20) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_mng_init(td: &TdxTd<'_>, td_params: Hpa) => Seamcall {
        catalog host::tdh_mng_init -> TdxStatus;
        floor seamcall(21) [
            inout("rcx") td.tdr.to_reg() => _, inout("rdx") td_params.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(21) { rcx: td.tdr.to_reg(), rdx: td_params.to_reg() } -> [];
    }

    tdh_vp_init(vp: &TdxVp<'_>, initial_rcx: u64, x2apic_id: X2ApicId) => Seamcall {
        catalog host::tdh_vp_init -> TdxStatus;
        floor seamcall(22 | 1 << 16) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") initial_rcx => _,
            inout("r8") x2apic_id.to_reg() => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(22 | 1 << 16) {
            rcx: vp.tdvpr.to_reg(), rdx: initial_rcx, r8: x2apic_id.to_reg(),
        } -> [];
    }

    tdh_phymem_page_rdmd(page: Hpa) => Seamcall {
        catalog host::tdh_phymem_page_rdmd -> host::PageRdmd { page_type };
        floor seamcall(24) [
            inout("rcx") page.to_reg() => rcx,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx];
        linux __seamcall_ret(24) { rcx: page.to_reg() } -> [rcx];
    }

    tdh_vp_rd(vp: &TdxVp<'_>, field: FieldId) => Seamcall {
        catalog host::tdh_vp_rd -> host::VpRd { value };
        floor seamcall(26) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") field.to_reg() => _,
            lateout("r8") r8, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(26) { rcx: vp.tdvpr.to_reg(), rdx: field.to_reg() } -> [r8];
    }

    tdh_phymem_page_reclaim(page: Hpa) => Seamcall {
        catalog host::tdh_phymem_page_reclaim -> host::PageReclaim { page_type, owner, page_size };
        floor seamcall(28) [
            inout("rcx") page.to_reg() => rcx, lateout("rdx") rdx, lateout("r8") r8,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rcx, rdx, r8];
        linux retry __seamcall_ret(28) { rcx: page.to_reg() } -> [rcx, rdx, r8];
    }

    tdh_mem_page_remove(td: &TdxTd<'_>, gpa: SeptGpa) => Seamcall {
        catalog host::tdh_mem_page_remove -> TdxStatus;
        floor seamcall(29) [
            inout("rcx") gpa.to_reg() => _, inout("rdx") td.tdr.to_reg() => _,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(29) { rcx: gpa.to_reg(), rdx: td.tdr.to_reg() } -> [];
    }

    tdh_sys_key_config() => Seamcall {
        catalog host::tdh_sys_key_config -> TdxStatus;
        floor seamcall(31) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(31) {} -> [];
    }

    tdh_sys_init() => Seamcall {
        catalog host::tdh_sys_init -> TdxStatus;
        floor seamcall(33) [
            inout("rcx") 0u64 => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(33) {} -> [];
    }

    tdh_sys_rd(field: FieldId) => Seamcall {
        catalog host::tdh_sys_rd -> host::SysRd { value };
        floor seamcall(34) [
            inout("rdx") field.to_reg() => _, lateout("r8") r8,
            lateout("rcx") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(34) { rdx: field.to_reg() } -> [r8];
    }

    tdh_sys_lp_init() => Seamcall {
        catalog host::tdh_sys_lp_init -> TdxStatus;
        floor seamcall(35) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(35) {} -> [];
    }

    tdh_sys_tdmr_init(tdmr_base: Hpa) => Seamcall {
        catalog host::tdh_sys_tdmr_init -> host::TdmrInit { next };
        floor seamcall(36) [
            inout("rcx") tdmr_base.to_reg() => _, lateout("rdx") rdx,
            lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [rdx];
        linux retry __seamcall_ret(36) { rcx: tdmr_base.to_reg() } -> [rdx];
    }

    tdh_mem_track(td: &TdxTd<'_>) => Seamcall {
        catalog host::tdh_mem_track -> TdxStatus;
        floor seamcall(38) [
            inout("rcx") td.tdr.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(38) { rcx: td.tdr.to_reg() } -> [];
    }

    tdh_phymem_cache_wb(mode: CacheWbMode) => Seamcall {
        catalog host::tdh_phymem_cache_wb -> TdxStatus;
        floor seamcall(40) [
            inout("rcx") mode.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(40) { rcx: mode.to_reg() } -> [];
    }

    tdh_phymem_page_wbinvd(page: KeyedHpa) => Seamcall {
        catalog host::tdh_phymem_page_wbinvd -> TdxStatus;
        floor seamcall(41) [
            inout("rcx") page.to_reg() => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(41) { rcx: page.to_reg() } -> [];
    }

    tdh_vp_wr(vp: &TdxVp<'_>, field: FieldId, value: u64, mask: u64) => Seamcall {
        catalog host::tdh_vp_wr -> host::VpWr { old };
        floor seamcall(43) [
            inout("rcx") vp.tdvpr.to_reg() => _, inout("rdx") field.to_reg() => _,
            inout("r8") value => r8, inout("r9") mask => _,
            lateout("r10") _, lateout("r11") _,
        ] -> [r8];
        linux retry __seamcall_ret(43) {
            rcx: vp.tdvpr.to_reg(), rdx: field.to_reg(), r8: value, r9: mask,
        } -> [r8];
    }

    tdh_sys_config(tdmr_info_array: Hpa, nr_tdmrs: u64, global_keyid: Hkid) => Seamcall {
        catalog host::tdh_sys_config -> TdxStatus;
        floor seamcall(45) [
            inout("rcx") tdmr_info_array.to_reg() => _, inout("rdx") nr_tdmrs => _,
            inout("r8") global_keyid.to_reg() => _,
            lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(45) {
            rcx: tdmr_info_array.to_reg(), rdx: nr_tdmrs, r8: global_keyid.to_reg(),
        } -> [];
    }

    tdh_sys_shutdown(handoff_version: u64) => Seamcall {
        catalog host::tdh_sys_shutdown -> TdxStatus;
        floor seamcall(52) [
            inout("rcx") handoff_version => _,
            lateout("rdx") _, lateout("r8") _, lateout("r9") _, lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(52) { rcx: handoff_version } -> [];
    }

    tdh_sys_update() => Seamcall {
        catalog host::tdh_sys_update -> TdxStatus;
        floor seamcall(53) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(53) {} -> [];
    }

    tdh_sys_disable() => Seamcall {
        catalog host::tdh_sys_disable -> TdxStatus;
        floor seamcall(69) [
            lateout("rcx") _, lateout("rdx") _, lateout("r8") _, lateout("r9") _,
            lateout("r10") _, lateout("r11") _,
        ] -> [];
        linux retry __seamcall(69) {} -> [];
    }
}
