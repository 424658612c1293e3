//! The memory-scan operands (`tdx_core::scan`): every constructor packs its fields where the
//! module's bit fields read them, rejects exactly the out-of-range inputs, and `from_raw`
//! rejects exactly the reserved bits and unknown codes.

use super::*;
use tdx_core::{
    ListOfLists, RangeListEntry, RangeListInfo, ScanControls, ScanCxOut, ScanCxPage, ScanOp,
    ScanQualifier,
};

proptest! {
    #[test]
    fn list_of_lists(raw in interesting_u64(), last in 0u16..1024) {
        let Ok(hpa) = Hpa::new(raw) else { return Ok(()) };
        let got = ListOfLists::new(hpa, last);
        prop_assert_eq!(got.is_ok(), raw % 4096 == 0 && last <= 511);
        if let Ok(lists) = got {
            let r = lists.raw();
            prop_assert_eq!(r & 7, 2, "format LIST_OF_LISTS");
            prop_assert_eq!((r >> 3) & 0x1FF, 0, "first entry 0");
            prop_assert_eq!((r >> 52) & 7, 0, "reserved bits 54:52");
            prop_assert_eq!(r >> 55, u64::from(last));
            prop_assert_eq!(lists.list(), raw);
            prop_assert_eq!(lists.to_reg(), r);
        }
    }

    #[test]
    fn scan_controls_round_trip(op in 0u8..3, q in 0u8..2, ctx: u16, range: u8, resume: bool) {
        let op = [ScanOp::Dscan, ScanOp::Dcheck, ScanOp::ExportRestore][usize::from(op)];
        let q = [ScanQualifier::Export, ScanQualifier::Reexport][usize::from(q)];
        let mut c = ScanControls::new(op, q, ctx, range);
        if resume {
            c = c.resumed();
        }
        let r = c.raw();
        prop_assert_eq!(r & 0xFF, op as u64);
        prop_assert_eq!((r >> 8) & 0xFF, q as u64);
        prop_assert_eq!(r & 0xFFFF_0000, 0);
        prop_assert_eq!((r >> 56) & 0x7F, 0);
        prop_assert_eq!((c.op(), c.context_id(), c.range_id(), c.is_resume()), (op, ctx, range, resume));
        prop_assert_eq!(ScanControls::from_raw(r), Ok(c));
    }

    #[test]
    fn scan_controls_from_raw(raw: u64) {
        let valid = raw & (0xFFFF_0000 | 0x7F << 56) == 0 && raw & 0xFF <= 2 && (raw >> 8) & 0xFF <= 1;
        let got = ScanControls::from_raw(raw);
        prop_assert_eq!(got.is_ok(), valid);
        if let Ok(c) = got {
            prop_assert_eq!(c.to_reg(), raw, "kept whole");
        }
    }

    #[test]
    fn range_list_info(raw in interesting_u64(), n in 0u16..1024) {
        let Ok(hpa) = Hpa::new(raw) else { return Ok(()) };
        let got = RangeListInfo::new(hpa, n);
        prop_assert_eq!(got.is_ok(), raw % 4096 == 0 && n <= 511);
        if let Ok(info) = got {
            prop_assert_eq!(info.raw(), raw | u64::from(n));
            prop_assert_eq!((info.list(), info.num_ranges()), (raw, n));
        }
    }

    #[test]
    fn range_list_entry(start in interesting_u64(), exp in 0u8..64) {
        let Ok(gpa) = Gpa::new(start) else { return Ok(()) };
        let got = RangeListEntry::new(gpa, exp);
        let valid = (21..=51).contains(&exp) && start % (1u64 << exp.min(63)) == 0 && start < 1 << 51;
        prop_assert_eq!(got.is_ok(), valid);
        if let Ok(e) = got {
            prop_assert_eq!(e.raw() & 0x1F_FFFF, 0, "reserved bits 20:0");
            prop_assert_eq!(e.raw() >> 58, 0, "reserved bits 63:58");
            prop_assert_eq!((e.start(), e.sub_range_size_exp()), (start, exp));
        }
    }

    #[test]
    fn scan_cx(raw in interesting_u64()) {
        let Ok(hpa) = Hpa::new(raw) else { return Ok(()) };
        let got = ScanCxPage::new(hpa);
        prop_assert_eq!(got.is_ok(), raw % 4096 == 0);
        if let Ok(page) = got {
            prop_assert_eq!(page.to_reg(), raw);
            let flagged = ScanCxOut::from_reg(raw | 1 << 63);
            prop_assert!(flagged.not_used());
            prop_assert_eq!((flagged.hpa(), flagged.raw()), (raw, raw | 1 << 63));
            prop_assert!(!ScanCxOut::from_reg(raw).not_used());
        }
    }
}

#[test]
fn scan_cx_null() {
    assert_eq!(ScanCxPage::NONE.to_reg(), !0);
    assert!(
        !ScanCxOut::from_reg(!0).not_used(),
        "NULL_PA | bit 63 is NULL_PA"
    );
    assert_eq!(ListOfLists::NONE.raw(), 0);
}
