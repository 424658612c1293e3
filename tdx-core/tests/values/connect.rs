//! The TDX Connect operands (`tdx_core::connect`): constructors put each field where the
//! module's C bit fields read it and reject exactly the out-of-range fields; `from_raw`
//! rejects exactly the reserved bits; the decoded outputs keep the register.

use super::*;
use tdx_core::{
    DevifId, DevifReqIn, DevifReqOut, DevifRspIn, DevifRspOut, DevifmtIdx, FunctionId,
    IdeDirection, IdeKmParam, IommuId, IommuRegId, StreamId,
};

proptest! {
    #[test]
    fn iommu_id(socket in 0u8..32, hiop in 0u8..32, raw: u64) {
        let got = IommuId::new(socket, hiop);
        prop_assert_eq!(got.is_ok(), socket <= 15 && hiop <= 15);
        if let Ok(id) = got {
            prop_assert_eq!(id.raw(), u64::from(socket) << 4 | u64::from(hiop));
            prop_assert_eq!((id.socket_id(), id.hiop_id()), (socket, hiop));
            prop_assert_eq!(IommuId::from_raw(id.raw()), Ok(id));
        }
        let from = IommuId::from_raw(raw);
        prop_assert_eq!(from.is_ok(), raw >> 8 == 0);
        if let Err(e) = from {
            prop_assert_eq!(e.value, raw & !0xFF, "the reserved bits set");
        }
    }

    #[test]
    fn stream_id(index: u8, page: bool, raw: u64) {
        let got = StreamId::new(index, page);
        prop_assert_eq!(got.is_ok(), index <= 127);
        if let Ok(id) = got {
            prop_assert_eq!(id.raw(), u64::from(index) | u64::from(page) << 7);
            prop_assert_eq!((id.index(), id.page_selector()), (index, page));
        }
        prop_assert_eq!(StreamId::from_raw(raw).is_ok(), raw >> 8 == 0);
    }

    #[test]
    fn ide_km_param(ks: bool, tx: bool, sub in 0u8..32, raw: u64) {
        let dir = if tx { IdeDirection::DevTx } else { IdeDirection::DevRx };
        let got = IdeKmParam::new(ks, dir, sub);
        prop_assert_eq!(got.is_ok(), sub <= 15);
        if let Ok(p) = got {
            prop_assert_eq!(p.raw(), u64::from(ks) | u64::from(tx) << 1 | u64::from(sub) << 4);
            prop_assert_eq!((p.key_set1(), p.direction(), p.sub_stream()), (ks, dir, sub));
            prop_assert_eq!(IdeKmParam::from_raw(p.raw()), Ok(p));
        }
        prop_assert_eq!(IdeKmParam::from_raw(raw).is_ok(), raw & !0xF3 == 0);
    }

    #[test]
    fn function_id(bus: u8, dev in 0u8..64, func in 0u8..16, seg: u8, raw: u64) {
        let got = FunctionId::new(bus, dev, func, seg);
        prop_assert_eq!(got.is_ok(), dev <= 31 && func <= 7);
        if let Ok(f) = got {
            let want = u64::from(func) | u64::from(dev) << 3 | u64::from(bus) << 8 | u64::from(seg) << 16;
            prop_assert_eq!(f.raw(), want);
            prop_assert_eq!((f.bus(), f.device(), f.function(), f.segment()), (bus, dev, func, seg));
            prop_assert_eq!(FunctionId::from_raw(want), Ok(f));
            let id = DevifId::new(IommuId::new(2, 1).unwrap(), StreamId::new(9, false).unwrap(), f);
            prop_assert_eq!(id.raw(), want << 32 | 9 << 16 | 0x21);
            prop_assert_eq!((id.function(), id.iommu_raw()), (f, 0x21));
            for level in 0u8..8 {
                let idx = DevifmtIdx::new(level, f);
                prop_assert_eq!(idx.is_ok(), level <= 4);
                if let Ok(idx) = idx {
                    prop_assert_eq!(idx.raw(), want << 32 | u64::from(level));
                }
            }
        }
        prop_assert_eq!(FunctionId::from_raw(raw).is_ok(), raw >> 24 == 0);
    }

    #[test]
    fn devif_words(code: u8, raw: u64, page in interesting_u64(), td: bool) {
        prop_assert_eq!(DevifReqIn::new(code).raw(), u64::from(code));
        prop_assert_eq!(DevifReqIn::new(code).with_no_fw_update().raw(), u64::from(code) | 1 << 8);
        prop_assert_eq!(DevifReqIn::from_raw(raw).is_ok(), raw & 0x7FFF_FFFF_FFFF_FE00 == 0);
        let out = DevifReqOut::from_reg(raw);
        prop_assert_eq!((out.raw(), out.message_code(), out.target_length()), (raw, raw as u8, (raw >> 8) as u16));
        let rsp = DevifRspOut::from_reg(raw);
        prop_assert_eq!(rsp.raw(), raw);
        prop_assert_eq!((rsp.resp_code(), rsp.output_len()), (raw as u8, (raw >> 8) as u16));
        prop_assert_eq!((rsp.tdi_state(), rsp.error_code()), ((raw >> 24) as u8, (raw >> 32) as u32));
        prop_assert_eq!((rsp.portion_len(), rsp.remainder_len()), ((raw >> 32) as u16, (raw >> 48) as u16));
        if let Ok(hpa) = Hpa::new(page) {
            let got = DevifRspIn::new(hpa, td);
            prop_assert_eq!(got.is_ok(), page % 4096 == 0);
            if let Ok(r) = got {
                prop_assert_eq!(r.raw(), page | u64::from(td) << 63);
                prop_assert_eq!((r.page(), r.td()), (page, td));
            }
        }
    }

    #[test]
    fn iommu_reg_ids(code in 0x7FFF_FFF0u64..0x8000_0020) {
        match IommuRegId::from_code(code) {
            Ok(id) => prop_assert_eq!(id.to_reg(), code),
            Err(c) => {
                prop_assert_eq!(c, code);
                prop_assert!(!(0x8000_0001..=0x8000_000D).contains(&code));
            }
        }
    }
}

mod dmar_mmio {
    use super::*;
    use tdx_core::{DmarIdx, DmarLevel, DmarStateInfo, DmarTarget, MmiomtIdx, MmiomtSetInfo};

    proptest! {
        #[test]
        fn dmar_idx(rid: u16, pasid in 0u32..(1 << 21), level in 0u8..4, raw: u64) {
            let lvl = [DmarLevel::PasidTe, DmarLevel::Pde, DmarLevel::Cte, DmarLevel::Rte][usize::from(level)];
            let iommu = IommuId::new(4, 9).unwrap();
            let got = DmarIdx::new(iommu, rid, pasid, lvl);
            prop_assert_eq!(got.is_ok(), pasid < 1 << 20);
            if let Ok(idx) = got {
                let want = u64::from(level) | u64::from(pasid) << 12 | u64::from(rid) << 32 | 0x49 << 48;
                prop_assert_eq!(idx.raw(), want);
                prop_assert_eq!((idx.level(), idx.pasid(), idx.rid()), (level, pasid, rid));
                prop_assert_eq!(DmarIdx::from_raw(want), Ok(idx));
            }
            let valid = raw & 0xFF00_0000_0000_0FF8 == 0 && raw & 7 <= 3;
            prop_assert_eq!(DmarIdx::from_raw(raw).is_ok(), valid);
        }

        #[test]
        fn dmar_state_and_target(raw: u64, vm: u8) {
            let s = DmarStateInfo::from_reg(raw);
            prop_assert_eq!(s.raw(), raw);
            prop_assert_eq!((s.level(), s.map_state()), (raw as u8 & 7, (raw >> 3) as u8));
            prop_assert_eq!((s.inv_state(), s.pd_count()), ((raw >> 11) as u8 & 7, (raw >> 14) as u8 & 0x1F));
            let t = DmarTarget::new(vm);
            prop_assert_eq!(t.is_ok(), vm <= 3);
            if let Ok(t) = t {
                prop_assert_eq!((t.to_reg(), t.vm()), (u64::from(vm), vm));
            }
        }

        #[test]
        fn mmiomt(page in interesting_u64(), level in 0u8..8, ty in 0u8..8) {
            if let Ok(hpa) = Hpa::new(page) {
                let got = MmiomtIdx::new(hpa, level);
                prop_assert_eq!(got.is_ok(), page % 4096 == 0 && level <= 5);
                if let Ok(idx) = got {
                    prop_assert_eq!(idx.raw(), page | u64::from(level));
                    prop_assert_eq!((idx.mmio(), idx.level()), (page, level));
                }
            }
            let f = FunctionId::new(0x12, 3, 4, 5).unwrap();
            let info = MmiomtSetInfo::new(ty, f);
            prop_assert_eq!(info.is_ok(), ty <= 3);
            if let Ok(info) = info {
                prop_assert_eq!(info.raw(), f.raw() << 12 | u64::from(ty));
                prop_assert_eq!(info.raw() & 0xFFC, 0, "reserved bits 11:2");
                prop_assert_eq!(info.raw() >> 44, 0, "reserved bits 63:44");
            }
        }
    }
}
