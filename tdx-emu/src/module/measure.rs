//! Measurements: MRTD (the build-time measurement of a TD), RTMRs (run-time measurement
//! registers) and the TDREPORT that TDG.MR.REPORT writes.
//!
//! # MRTD
//!
//! MRTD is a SHA-384 hash that TDH.MNG.INIT starts, TDH.MEM.PAGE.ADD and TDH.MR.EXTEND extend,
//! and TDH.MR.FINALIZE finishes. The bytes hashed are the TDX module's (`tdh_mem_page_add.c`,
//! `tdh_mr_extend.c`): each call hashes one 128-byte block
//!
//! | bytes | content |
//! |---|---|
//! | 0..16 | the leaf's name in ASCII, zero padded: `"MEM.PAGE.ADD"` or `"MR.EXTEND"` |
//! | 16..24 | the GPA, little endian (for MR.EXTEND, of the 256-byte chunk) |
//! | 24..128 | zero |
//!
//! and TDH.MR.EXTEND then hashes the 256 bytes of the chunk itself (two more 128-byte blocks),
//! as they are in the TD page: the model reads them through the
//! [`MemoryBacking`](super::MemoryBacking), so they are what TDH.MEM.PAGE.ADD copied there from
//! the source page (zeroes with [`ZeroMemory`](super::ZeroMemory)). [`MrtdBuilder`] computes
//! the same value independently, for tests:
//!
//! ```
//! use tdx_emu::module::MrtdBuilder;
//! let mut mrtd = MrtdBuilder::new();
//! mrtd.page_add(0x1000);
//! mrtd.mr_extend(0x1000, &[0u8; 256]);
//! let digest = mrtd.finish();
//! assert_eq!(digest.len(), 48);
//! assert_ne!(digest, MrtdBuilder::new().finish());
//! ```
//!
//! # RTMR
//!
//! TDG.MR.RTMR.EXTEND sets `RTMR[i] = SHA-384(RTMR[i] || data)` with 48 bytes of data.
//!
//! # TDREPORT
//!
//! A 1024-byte `TDREPORT_STRUCT`: REPORTMACSTRUCT (256 bytes), TEE_TCB_INFO (239 bytes),
//! 17 reserved bytes, TDINFO (512 bytes); see [`TdReport`] for the offsets. The model fills in
//! what it knows (TD attributes, XFAM, MRTD, MRCONFIGID, MROWNER, MROWNERCONFIG, the RTMRs, the
//! REPORTDATA, the two hashes) and "MACs" the report with a SHA-384 keyed by a per-module
//! secret, which nothing outside the model can verify (the real MAC is CPU-keyed).
//!
//! # TDG.MR.VERIFYREPORT
//!
//! The MAC covers the first 224 bytes of the REPORTMACSTRUCT (REPORTTYPE, CPUSVN, the two
//! hashes, REPORTDATA), so the 256-byte REPORTMACSTRUCT alone can be verified, as
//! SEAMOPS(SEAMVERIFYREPORT) does on the real CPU. The model's platform has CPUSVN 0 (all 16
//! bytes, as TDG.MR.REPORT writes it): a REPORTMACSTRUCT with another CPUSVN is one the CPU
//! cannot derive a key for (`SEAMOPS_INVALID_CPUSVN`), checked before the MAC
//! (`SEAMOPS_INVALID_REPORTMACSTRUCT`).

use sha2::{Digest, Sha384};

/// A SHA-384 digest.
pub type Digest48 = [u8; 48];

/// Size of a TDX measurement block.
const BLOCK: usize = 128;

/// The MRTD computation, as TDH.MNG.INIT / PAGE.ADD / MR.EXTEND / MR.FINALIZE perform it.
#[derive(Debug, Clone, Default)]
pub struct MrtdBuilder {
    hash: Sha384,
}

impl MrtdBuilder {
    /// A fresh measurement (TDH.MNG.INIT).
    pub fn new() -> Self {
        MrtdBuilder::default()
    }

    fn header(&mut self, name: &[u8], gpa: u64) {
        let mut block = [0u8; BLOCK];
        block[..name.len()].copy_from_slice(name);
        block[16..24].copy_from_slice(&gpa.to_le_bytes());
        self.hash.update(block);
    }

    /// Extends with TDH.MEM.PAGE.ADD of the page at `gpa`.
    pub fn page_add(&mut self, gpa: u64) {
        self.header(b"MEM.PAGE.ADD", gpa);
    }

    /// Extends with TDH.MR.EXTEND of the 256-byte chunk at `gpa` holding `chunk`.
    pub fn mr_extend(&mut self, gpa: u64, chunk: &[u8; 256]) {
        self.header(b"MR.EXTEND", gpa);
        self.hash.update(chunk);
    }

    /// The final value (TDH.MR.FINALIZE).
    pub fn finish(self) -> Digest48 {
        self.hash.finalize().into()
    }
}

/// `SHA-384(rtmr || data)`.
pub(crate) fn rtmr_extend(rtmr: &Digest48, data: &Digest48) -> Digest48 {
    let mut hash = Sha384::new();
    hash.update(rtmr);
    hash.update(data);
    hash.finalize().into()
}

/// SHA-384 of `data`.
pub(crate) fn sha384(data: &[u8]) -> Digest48 {
    Sha384::digest(data).into()
}

/// The fields of a TDREPORT, and where they are in the 1024 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TdReport {
    /// REPORTTYPE (offset 0, 4 bytes): type 0x81 (TDX), subtype 0, version.
    pub report_type: [u8; 4],
    /// TEE_TCB_INFO hash (offset 32).
    pub tee_tcb_info_hash: Digest48,
    /// TDINFO hash (offset 80).
    pub tee_info_hash: Digest48,
    /// REPORTDATA (offset 128, 64 bytes): the guest's data.
    pub report_data: [u8; 64],
    /// MAC (offset 224, 32 bytes): the model's keyed hash, see the module docs.
    pub mac: [u8; 32],
    /// TDINFO.ATTRIBUTES (offset 512).
    pub attributes: u64,
    /// TDINFO.XFAM (offset 520).
    pub xfam: u64,
    /// TDINFO.MRTD (offset 528).
    pub mrtd: Digest48,
    /// TDINFO.MRCONFIGID (offset 576).
    pub mrconfigid: Digest48,
    /// TDINFO.MROWNER (offset 624).
    pub mrowner: Digest48,
    /// TDINFO.MROWNERCONFIG (offset 672).
    pub mrownerconfig: Digest48,
    /// TDINFO.RTMR[0..4] (offset 720, 48 bytes each).
    pub rtmr: [Digest48; 4],
}

/// Offsets in the TDREPORT.
mod offset {
    pub(super) const REPORT_DATA: usize = 128;
    pub(super) const TEE_TCB_INFO_HASH: usize = 32;
    pub(super) const TEE_INFO_HASH: usize = 80;
    pub(super) const CPUSVN: usize = 16;
    pub(super) const MAC: usize = 224;
    pub(super) const TEE_TCB_INFO: usize = 256;
    pub(super) const TEE_TCB_INFO_LEN: usize = 239;
    pub(super) const TDINFO: usize = 512;
    pub(super) const ATTRIBUTES: usize = 512;
    pub(super) const XFAM: usize = 520;
    pub(super) const MRTD: usize = 528;
    pub(super) const MRCONFIGID: usize = 576;
    pub(super) const MROWNER: usize = 624;
    pub(super) const MROWNERCONFIG: usize = 672;
    pub(super) const RTMR: usize = 720;
}

fn digest_at(bytes: &[u8; 1024], at: usize) -> Digest48 {
    let mut out = [0u8; 48];
    out.copy_from_slice(&bytes[at..at + 48]);
    out
}

fn u64_at(bytes: &[u8; 1024], at: usize) -> u64 {
    let mut out = [0u8; 8];
    out.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(out)
}

impl TdReport {
    /// Size of a TDREPORT.
    pub const SIZE: usize = 1024;

    /// Reads the fields out of a TDREPORT.
    pub fn parse(bytes: &[u8; 1024]) -> TdReport {
        let mut report_type = [0u8; 4];
        report_type.copy_from_slice(&bytes[0..4]);
        let mut report_data = [0u8; 64];
        report_data.copy_from_slice(&bytes[offset::REPORT_DATA..offset::REPORT_DATA + 64]);
        let mut mac = [0u8; 32];
        mac.copy_from_slice(&bytes[offset::MAC..offset::MAC + 32]);
        TdReport {
            report_type,
            tee_tcb_info_hash: digest_at(bytes, offset::TEE_TCB_INFO_HASH),
            tee_info_hash: digest_at(bytes, offset::TEE_INFO_HASH),
            report_data,
            mac,
            attributes: u64_at(bytes, offset::ATTRIBUTES),
            xfam: u64_at(bytes, offset::XFAM),
            mrtd: digest_at(bytes, offset::MRTD),
            mrconfigid: digest_at(bytes, offset::MRCONFIGID),
            mrowner: digest_at(bytes, offset::MROWNER),
            mrownerconfig: digest_at(bytes, offset::MROWNERCONFIG),
            rtmr: [0, 1, 2, 3].map(|i| digest_at(bytes, offset::RTMR + 48 * i)),
        }
    }

    /// Whether `tee_info_hash` is the SHA-384 of the TDINFO bytes of `bytes` (an integrity
    /// check that needs no key).
    pub fn tdinfo_hash_matches(bytes: &[u8; 1024]) -> bool {
        sha384(&bytes[offset::TDINFO..]) == digest_at(bytes, offset::TEE_INFO_HASH)
    }

    /// Builds a TDREPORT from the TD's fields; `secret` keys the model's MAC.
    pub(crate) fn build(&self, secret: &[u8; 32]) -> [u8; 1024] {
        let mut out = [0u8; 1024];
        out[0..4].copy_from_slice(&self.report_type);
        out[offset::REPORT_DATA..offset::REPORT_DATA + 64].copy_from_slice(&self.report_data);
        // TEE_TCB_INFO: VALID (8 bytes), TEE_TCB_SVN (16), MRSEAM (48), MRSIGNERSEAM (48),
        // ATTRIBUTES (8), ...: a fixed, made-up module identity.
        let tcb = offset::TEE_TCB_INFO;
        out[tcb..tcb + 8].copy_from_slice(&0x1FFu64.to_le_bytes());
        out[tcb + 8] = 1; // TEE_TCB_SVN: "major 1"
        out[tcb + 24..tcb + 72].copy_from_slice(&sha384(b"tdx-emu software TDX module"));
        let tee_tcb_info_hash = sha384(&out[tcb..tcb + offset::TEE_TCB_INFO_LEN]);
        out[offset::TEE_TCB_INFO_HASH..offset::TEE_TCB_INFO_HASH + 48]
            .copy_from_slice(&tee_tcb_info_hash);
        // TDINFO.
        out[offset::ATTRIBUTES..offset::ATTRIBUTES + 8]
            .copy_from_slice(&self.attributes.to_le_bytes());
        out[offset::XFAM..offset::XFAM + 8].copy_from_slice(&self.xfam.to_le_bytes());
        out[offset::MRTD..offset::MRTD + 48].copy_from_slice(&self.mrtd);
        out[offset::MRCONFIGID..offset::MRCONFIGID + 48].copy_from_slice(&self.mrconfigid);
        out[offset::MROWNER..offset::MROWNER + 48].copy_from_slice(&self.mrowner);
        out[offset::MROWNERCONFIG..offset::MROWNERCONFIG + 48].copy_from_slice(&self.mrownerconfig);
        for (i, rtmr) in self.rtmr.iter().enumerate() {
            out[offset::RTMR + 48 * i..offset::RTMR + 48 * (i + 1)].copy_from_slice(rtmr);
        }
        let tee_info_hash = sha384(&out[offset::TDINFO..]);
        out[offset::TEE_INFO_HASH..offset::TEE_INFO_HASH + 48].copy_from_slice(&tee_info_hash);
        let mut head = [0u8; offset::MAC];
        head.copy_from_slice(&out[..offset::MAC]);
        out[offset::MAC..offset::MAC + 32].copy_from_slice(&report_mac(secret, &head));
        out
    }
}

/// The model's MAC of the first 224 bytes of a REPORTMACSTRUCT.
fn report_mac(secret: &[u8; 32], head: &[u8; offset::MAC]) -> [u8; 32] {
    let mut hash = Sha384::new();
    hash.update(secret);
    hash.update(head);
    let digest: Digest48 = hash.finalize().into();
    let mut mac = [0u8; 32];
    mac.copy_from_slice(&digest[..32]);
    mac
}

/// Why SEAMOPS(SEAMVERIFYREPORT) refuses a REPORTMACSTRUCT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerifyError {
    /// `SEAMOPS_INVALID_CPUSVN`: not the platform's CPUSVN (the model's is 0).
    Cpusvn,
    /// `SEAMOPS_INVALID_REPORTMACSTRUCT`: the MAC does not match.
    Mac,
}

/// Verifies a 256-byte REPORTMACSTRUCT as SEAMOPS(SEAMVERIFYREPORT) would on the model's
/// platform: CPUSVN first, then the MAC keyed by `secret`.
pub(crate) fn verify_report_mac(
    secret: &[u8; 32],
    mac_struct: &[u8; 256],
) -> Result<(), VerifyError> {
    if mac_struct[offset::CPUSVN..offset::CPUSVN + 16] != [0u8; 16] {
        return Err(VerifyError::Cpusvn);
    }
    let mut head = [0u8; offset::MAC];
    head.copy_from_slice(&mac_struct[..offset::MAC]);
    if mac_struct[offset::MAC..offset::MAC + 32] != report_mac(secret, &head) {
        return Err(VerifyError::Mac);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_add_block_layout() {
        // The measured block is exactly the 128 bytes described in the module docs.
        let mut block = [0u8; 128];
        block[..12].copy_from_slice(b"MEM.PAGE.ADD");
        block[16..24].copy_from_slice(&0x1234_5000u64.to_le_bytes());
        let mut mrtd = MrtdBuilder::new();
        mrtd.page_add(0x1234_5000);
        assert_eq!(mrtd.finish(), sha384(&block));
    }

    #[test]
    fn report_round_trips() {
        let report = TdReport {
            report_type: [0x81, 0, 0, 0],
            tee_tcb_info_hash: [0; 48],
            tee_info_hash: [0; 48],
            report_data: [7; 64],
            mac: [0; 32],
            attributes: 1,
            xfam: 3,
            mrtd: [1; 48],
            mrconfigid: [2; 48],
            mrowner: [3; 48],
            mrownerconfig: [4; 48],
            rtmr: [[5; 48], [6; 48], [7; 48], [8; 48]],
        };
        let bytes = report.build(&[9; 32]);
        assert!(TdReport::tdinfo_hash_matches(&bytes));
        let parsed = TdReport::parse(&bytes);
        assert_eq!(parsed.report_data, [7; 64]);
        assert_eq!(parsed.mrtd, [1; 48]);
        assert_eq!(parsed.rtmr[3], [8; 48]);
        assert_eq!((parsed.attributes, parsed.xfam), (1, 3));
        assert_ne!(parsed.mac, [0; 32]);
    }

    #[test]
    fn report_mac_verifies_and_detects_changes() {
        let report = TdReport::parse(&[0; 1024]);
        let bytes = report.build(&[9; 32]);
        let mut mac_struct = [0u8; 256];
        mac_struct.copy_from_slice(&bytes[..256]);
        assert_eq!(verify_report_mac(&[9; 32], &mac_struct), Ok(()));
        assert_eq!(
            verify_report_mac(&[8; 32], &mac_struct),
            Err(VerifyError::Mac),
            "other key"
        );
        let mut data = mac_struct;
        data[offset::REPORT_DATA] ^= 1;
        assert_eq!(
            verify_report_mac(&[9; 32], &data),
            Err(VerifyError::Mac),
            "REPORTDATA"
        );
        let mut svn = mac_struct;
        svn[offset::CPUSVN + 3] = 1;
        assert_eq!(verify_report_mac(&[9; 32], &svn), Err(VerifyError::Cpusvn));
    }
}
