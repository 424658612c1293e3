// @generated from tdx-core/data/status-codes.json by tdx-core/tests/generated_status.rs.
// Do not edit: change the JSON and run
//     TDX_BLESS=1 cargo test -p tdx-core --test generated_status

//! The named statuses: 298 TDX module codes (module 1.0.00, 1.0.3, 1.5.01, 1.5.06, 1.5.25, 2.0.18)
//! and 4 Linux software codes, and the name table.

use super::TdxStatus;

impl TdxStatus {
    /// Success.
    ///
    /// `TDX_SUCCESS` = `0x0000000000000000`: class 0x00 (general and TD entry), bit 63 clear (not
    /// an error). In every module version (1.0.00 to 2.0.18).
    pub const SUCCESS: TdxStatus = TdxStatus(0x0000_0000_0000_0000);

    /// `TDX_PAGE_ALREADY_FREE` = `0x0000030100000000`: class 0x03 (page and PAMT), bit 63 clear
    /// (not an error). In every module version (1.0.00 to 2.0.18).
    pub const PAGE_ALREADY_FREE: TdxStatus = TdxStatus(0x0000_0301_0000_0000);

    /// Success with information: the key is already configured on this package.
    ///
    /// `TDX_KEY_CONFIGURED` = `0x0000081500000000`: class 0x08 (keys and cache write-back), bit 63
    /// clear (not an error). In every module version (1.0.00 to 2.0.18).
    pub const KEY_CONFIGURED: TdxStatus = TdxStatus(0x0000_0815_0000_0000);

    /// Success with information: no HKID is ready for cache write-back (KVM treats it as success).
    ///
    /// `TDX_NO_HKID_READY_TO_WBCACHE` = `0x0000082100000000`: class 0x08 (keys and cache
    /// write-back), bit 63 clear (not an error). In every module version (1.0.00 to 2.0.18).
    pub const NO_HKID_READY_TO_WBCACHE: TdxStatus = TdxStatus(0x0000_0821_0000_0000);

    /// `TDX_TDMR_ALREADY_INITIALIZED` = `0x00000A0300000000`: class 0x0A (TDMR and PAMT
    /// configuration), bit 63 clear (not an error). In every module version (1.0.00 to 2.0.18).
    pub const TDMR_ALREADY_INITIALIZED: TdxStatus = TdxStatus(0x0000_0A03_0000_0000);

    /// `TDX_GPA_RANGE_ALREADY_BLOCKED` = `0x00000B0700000000`: class 0x0B (Secure EPT), bit 63
    /// clear (not an error). In every module version (1.0.00 to 2.0.18).
    pub const GPA_RANGE_ALREADY_BLOCKED: TdxStatus = TdxStatus(0x0000_0B07_0000_0000);

    /// `TDX_PAGE_ALREADY_ACCEPTED` = `0x00000B0A00000000`: class 0x0B (Secure EPT), bit 63 clear
    /// (not an error). In every module version (1.0.00 to 2.0.18).
    pub const PAGE_ALREADY_ACCEPTED: TdxStatus = TdxStatus(0x0000_0B0A_0000_0000);

    /// `TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT` = `0x00000C0B00000000`: class 0x0C (metadata), bit
    /// 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_FIRST_FIELD_ID_IN_CONTEXT: TdxStatus = TdxStatus(0x0000_0C0B_0000_0000);

    /// `TDX_METADATA_FIELD_SKIP` = `0x00000C0C00000000`: class 0x0C (metadata), bit 63 clear (not
    /// an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_FIELD_SKIP: TdxStatus = TdxStatus(0x0000_0C0C_0000_0000);

    /// `TDX_ALREADY_WRITE_BLOCKED` = `0x00000E0300000000`: class 0x0E (migration and memory scan),
    /// bit 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const ALREADY_WRITE_BLOCKED: TdxStatus = TdxStatus(0x0000_0E03_0000_0000);

    /// `TDX_MEM_RANGE_SCAN_SUCCESS` = `0x00000E1700000000`: class 0x0E (migration and memory scan),
    /// bit 63 clear (not an error). In module 2.0.18.
    pub const MEM_RANGE_SCAN_SUCCESS: TdxStatus = TdxStatus(0x0000_0E17_0000_0000);

    /// `TDX_MEM_SCAN_SUCCESS` = `0x00000E1800000000`: class 0x0E (migration and memory scan), bit
    /// 63 clear (not an error). In module 2.0.18.
    pub const MEM_SCAN_SUCCESS: TdxStatus = TdxStatus(0x0000_0E18_0000_0000);

    /// `TDX_DEVIF_ALREADY_VALID` = `0x00000F0D00000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), bit 63 clear (not an error). In module 2.0.18.
    pub const DEVIF_ALREADY_VALID: TdxStatus = TdxStatus(0x0000_0F0D_0000_0000);

    /// `TDX_MMIO_PAGE_ALREADY_ACCEPTED` = `0x00000F2800000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), bit 63 clear (not an error). In module 2.0.18.
    pub const MMIO_PAGE_ALREADY_ACCEPTED: TdxStatus = TdxStatus(0x0000_0F28_0000_0000);

    /// `TDX_IOMMU_IOTLB_TRACKING_NOT_REQUIRED` = `0x00000F3B00000000`: class 0x0F (TDX Connect:
    /// IOMMU, SPDM, IDE, MMIO), bit 63 clear (not an error). In module 2.0.18.
    pub const IOMMU_IOTLB_TRACKING_NOT_REQUIRED: TdxStatus = TdxStatus(0x0000_0F3B_0000_0000);

    /// `TDX_GUEST_INV_NOT_REQUIRED` = `0x00000F5300000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), bit 63 clear (not an error). In module 2.0.18.
    pub const GUEST_INV_NOT_REQUIRED: TdxStatus = TdxStatus(0x0000_0F53_0000_0000);

    /// `TDX_IOTLB_INV_REQUEST` = `0x00000F5600000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), bit 63 clear (not an error). In module 2.0.18.
    pub const IOTLB_INV_REQUEST: TdxStatus = TdxStatus(0x0000_0F56_0000_0000);

    /// `TDX_L2_EXIT_HOST_ROUTED_ASYNC` = `0x0000110000000000`: class 0x11 (L2 and TD partitioning),
    /// bit 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const L2_EXIT_HOST_ROUTED_ASYNC: TdxStatus = TdxStatus(0x0000_1100_0000_0000);

    /// `TDX_L2_EXIT_HOST_ROUTED_TDVMCALL` = `0x0000110100000000`: class 0x11 (L2 and TD
    /// partitioning), bit 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const L2_EXIT_HOST_ROUTED_TDVMCALL: TdxStatus = TdxStatus(0x0000_1101_0000_0000);

    /// `TDX_L2_EXIT_PENDING_INTERRUPT` = `0x0000110200000000`: class 0x11 (L2 and TD partitioning),
    /// bit 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const L2_EXIT_PENDING_INTERRUPT: TdxStatus = TdxStatus(0x0000_1102_0000_0000);

    /// `TDX_PENDING_INTERRUPT` = `0x0000112000000000`: class 0x11 (L2 and TD partitioning), bit 63
    /// clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const PENDING_INTERRUPT: TdxStatus = TdxStatus(0x0000_1120_0000_0000);

    /// `TDX_TD_EXIT_BEFORE_L2_ENTRY` = `0x0000114000000000`: class 0x11 (L2 and TD partitioning),
    /// bit 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TD_EXIT_BEFORE_L2_ENTRY: TdxStatus = TdxStatus(0x0000_1140_0000_0000);

    /// `TDX_TD_EXIT_ON_L2_VM_EXIT` = `0x0000114100000000`: class 0x11 (L2 and TD partitioning), bit
    /// 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TD_EXIT_ON_L2_VM_EXIT: TdxStatus = TdxStatus(0x0000_1141_0000_0000);

    /// `TDX_TD_EXIT_ON_L2_TO_L1` = `0x0000114200000000`: class 0x11 (L2 and TD partitioning), bit
    /// 63 clear (not an error). In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TD_EXIT_ON_L2_TO_L1: TdxStatus = TdxStatus(0x0000_1142_0000_0000);

    /// The vCPU cannot be resumed (TDH.VP.ENTER).
    ///
    /// `TDX_NON_RECOVERABLE_VCPU` = `0x4000000100000000`: class 0x00 (general and TD entry),
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const NON_RECOVERABLE_VCPU: TdxStatus = TdxStatus(0x4000_0001_0000_0000);

    /// `TDX_NON_RECOVERABLE_TD_FATAL` = `0x4000000500000000`: class 0x00 (general and TD entry),
    /// non-recoverable. In module 1.0.00, 1.0.3.
    pub const NON_RECOVERABLE_TD_FATAL: TdxStatus = TdxStatus(0x4000_0005_0000_0000);

    /// The TD cannot be resumed (TDH.VP.ENTER).
    ///
    /// `TDX_NON_RECOVERABLE_TD` = `0x6000000200000000`: class 0x00 (general and TD entry),
    /// non-recoverable, fatal. In every module version (1.0.00 to 2.0.18). Module 1.0.00, 1.0.3
    /// used `0x4000000200000000`: [`TdxStatus::name`] recognises that value under this name too,
    /// [`TdxStatus::matches`] does not.
    pub const NON_RECOVERABLE_TD: TdxStatus = TdxStatus(0x6000_0002_0000_0000);

    /// The TD is non-recoverable and its memory not accessible (TDH.VP.ENTER).
    ///
    /// `TDX_NON_RECOVERABLE_TD_NON_ACCESSIBLE` = `0x6000000500000000`: class 0x00 (general and TD
    /// entry), non-recoverable, fatal. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const NON_RECOVERABLE_TD_NON_ACCESSIBLE: TdxStatus = TdxStatus(0x6000_0005_0000_0000);

    /// `TDX_NON_RECOVERABLE_TD_CORRUPTED_MD` = `0x6000000A00000000`: class 0x00 (general and TD
    /// entry), non-recoverable, fatal. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const NON_RECOVERABLE_TD_CORRUPTED_MD: TdxStatus = TdxStatus(0x6000_000A_0000_0000);

    /// Interrupted; call again to resume (TDH.PHYMEM.CACHE.WB, TDH.SYS.DISABLE).
    ///
    /// `TDX_INTERRUPTED_RESUMABLE` = `0x8000000300000000`: class 0x00 (general and TD entry),
    /// error. In every module version (1.0.00 to 2.0.18).
    pub const INTERRUPTED_RESUMABLE: TdxStatus = TdxStatus(0x8000_0003_0000_0000);

    /// `TDX_INTERRUPTED_RESTARTABLE` = `0x8000000400000000`: class 0x00 (general and TD entry),
    /// error. In every module version (1.0.00 to 2.0.18).
    pub const INTERRUPTED_RESTARTABLE: TdxStatus = TdxStatus(0x8000_0004_0000_0000);

    /// `TDX_CROSS_TD_FAULT` = `0x8000000800000000`: class 0x00 (general and TD entry), error. In
    /// module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const CROSS_TD_FAULT: TdxStatus = TdxStatus(0x8000_0008_0000_0000);

    /// `TDX_INTERRUPTED_LIST_FULL` = `0x8000000C00000000`: class 0x00 (general and TD entry),
    /// error. In module 2.0.18.
    pub const INTERRUPTED_LIST_FULL: TdxStatus = TdxStatus(0x8000_000C_0000_0000);

    /// An operand is busy (compare with [`TdxStatus::is_busy`], under the status mask).
    ///
    /// `TDX_OPERAND_BUSY` = `0x8000020000000000`: class 0x02 (busy), error. In every module version
    /// (1.0.00 to 2.0.18).
    pub const OPERAND_BUSY: TdxStatus = TdxStatus(0x8000_0200_0000_0000);

    /// The previous TLB epoch is busy.
    ///
    /// `TDX_PREVIOUS_TLB_EPOCH_BUSY` = `0x8000020100000000`: class 0x02 (busy), error. In every
    /// module version (1.0.00 to 2.0.18).
    pub const PREVIOUS_TLB_EPOCH_BUSY: TdxStatus = TdxStatus(0x8000_0201_0000_0000);

    /// The TDX module is busy.
    ///
    /// `TDX_SYS_BUSY` = `0x8000020200000000`: class 0x02 (busy), error. In every module version
    /// (1.0.00 to 2.0.18).
    pub const SYS_BUSY: TdxStatus = TdxStatus(0x8000_0202_0000_0000);

    /// No entropy available (RDRAND/RDSEED failed); Linux retries it.
    ///
    /// `TDX_RND_NO_ENTROPY` = `0x8000020300000000`: class 0x02 (busy), error. In module 1.5.01,
    /// 1.5.06, 1.5.25, 2.0.18.
    pub const RND_NO_ENTROPY: TdxStatus = TdxStatus(0x8000_0203_0000_0000);

    /// `TDX_OPERAND_BUSY_HOST_PRIORITY` = `0x8000020400000000`: class 0x02 (busy), error. In module
    /// 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const OPERAND_BUSY_HOST_PRIORITY: TdxStatus = TdxStatus(0x8000_0204_0000_0000);

    /// `TDX_INTERRUPTED_BUSY` = `0x8000020600000000`: class 0x02 (busy), error. In module 1.5.25,
    /// 2.0.18.
    pub const INTERRUPTED_BUSY: TdxStatus = TdxStatus(0x8000_0206_0000_0000);

    /// `TDX_INTERRUPTED_PAMT` = `0x8000030700000000`: class 0x03 (page and PAMT), error. In module
    /// 1.5.25, 2.0.18.
    pub const INTERRUPTED_PAMT: TdxStatus = TdxStatus(0x8000_0307_0000_0000);

    /// `TDX_MISSING_PAMT_PAGE_PAIR` = `0x8000030800000000`: class 0x03 (page and PAMT), error. In
    /// module 1.5.25, 2.0.18.
    pub const MISSING_PAMT_PAGE_PAIR: TdxStatus = TdxStatus(0x8000_0308_0000_0000);

    /// `TDX_UPDATE_COMPATIBILITY_SENSITIVE` = `0x8000051200000000`: class 0x05 (system and
    /// initialization), error. In module 1.5.25, 2.0.18.
    pub const UPDATE_COMPATIBILITY_SENSITIVE: TdxStatus = TdxStatus(0x8000_0512_0000_0000);

    /// `TDX_VCPU_ASSOCIATED` = `0x8000070100000000`: class 0x07 (vCPU), error. In every module
    /// version (1.0.00 to 2.0.18).
    pub const VCPU_ASSOCIATED: TdxStatus = TdxStatus(0x8000_0701_0000_0000);

    /// The vCPU is not associated with this logical processor.
    ///
    /// `TDX_VCPU_NOT_ASSOCIATED` = `0x8000070200000000`: class 0x07 (vCPU), error. In every module
    /// version (1.0.00 to 2.0.18).
    pub const VCPU_NOT_ASSOCIATED: TdxStatus = TdxStatus(0x8000_0702_0000_0000);

    /// Key generation failed.
    ///
    /// `TDX_KEY_GENERATION_FAILED` = `0x8000080000000000`: class 0x08 (keys and cache write-back),
    /// error. In every module version (1.0.00 to 2.0.18).
    pub const KEY_GENERATION_FAILED: TdxStatus = TdxStatus(0x8000_0800_0000_0000);

    /// `TDX_TD_KEYS_NOT_CONFIGURED` = `0x8000081000000000`: class 0x08 (keys and cache write-back),
    /// error. In every module version (1.0.00 to 2.0.18).
    pub const TD_KEYS_NOT_CONFIGURED: TdxStatus = TdxStatus(0x8000_0810_0000_0000);

    /// `TDX_WBCACHE_NOT_COMPLETE` = `0x8000081700000000`: class 0x08 (keys and cache write-back),
    /// error. In every module version (1.0.00 to 2.0.18).
    pub const WBCACHE_NOT_COMPLETE: TdxStatus = TdxStatus(0x8000_0817_0000_0000);

    /// A vCPU has not been flushed (TDH.MNG.VPFLUSHDONE).
    ///
    /// `TDX_FLUSHVP_NOT_DONE` = `0x8000082400000000`: class 0x08 (keys and cache write-back),
    /// error. In every module version (1.0.00 to 2.0.18).
    pub const FLUSHVP_NOT_DONE: TdxStatus = TdxStatus(0x8000_0824_0000_0000);

    /// `TDX_BLOCKED_MEMORY_EXISTS` = `0x80000B1300000000`: class 0x0B (Secure EPT), error. In
    /// module 2.0.18.
    pub const BLOCKED_MEMORY_EXISTS: TdxStatus = TdxStatus(0x8000_0B13_0000_0000);

    /// `TDX_MEM_SCAN_FAILED_BLOCKED_RANGE` = `0x80000E1900000000`: class 0x0E (migration and memory
    /// scan), error. In module 2.0.18.
    pub const MEM_SCAN_FAILED_BLOCKED_RANGE: TdxStatus = TdxStatus(0x8000_0E19_0000_0000);

    /// `TDX_MEM_SCAN_FAILED_OTHER_THREAD` = `0x80000E1A00000000`: class 0x0E (migration and memory
    /// scan), error. In module 2.0.18.
    pub const MEM_SCAN_FAILED_OTHER_THREAD: TdxStatus = TdxStatus(0x8000_0E1A_0000_0000);

    /// `TDX_MEM_SCAN_CONFIG_REQUIRED` = `0x80000E1B00000000`: class 0x0E (migration and memory
    /// scan), error. In module 2.0.18.
    pub const MEM_SCAN_CONFIG_REQUIRED: TdxStatus = TdxStatus(0x8000_0E1B_0000_0000);

    /// `TDX_MEM_SCAN_ALREADY_SUCCESSFUL` = `0x80000E1C00000000`: class 0x0E (migration and memory
    /// scan), error. In module 2.0.18.
    pub const MEM_SCAN_ALREADY_SUCCESSFUL: TdxStatus = TdxStatus(0x8000_0E1C_0000_0000);

    /// `TDX_UNEXPORTED_MEMORY_REMAINS` = `0x80000E1D00000000`: class 0x0E (migration and memory
    /// scan), error. In module 2.0.18.
    pub const UNEXPORTED_MEMORY_REMAINS: TdxStatus = TdxStatus(0x8000_0E1D_0000_0000);

    /// `TDX_MEM_SCAN_IN_PROGRESS` = `0x80000E1F00000000`: class 0x0E (migration and memory scan),
    /// error. In module 2.0.18.
    pub const MEM_SCAN_IN_PROGRESS: TdxStatus = TdxStatus(0x8000_0E1F_0000_0000);

    /// `TDX_MEM_SCAN_DCHECK_NOT_DONE` = `0x80000E2100000000`: class 0x0E (migration and memory
    /// scan), error. In module 2.0.18.
    pub const MEM_SCAN_DCHECK_NOT_DONE: TdxStatus = TdxStatus(0x8000_0E21_0000_0000);

    /// `TDX_IOMMU_IQ_FULL` = `0x80000F0100000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error. In module 2.0.18.
    pub const IOMMU_IQ_FULL: TdxStatus = TdxStatus(0x8000_0F01_0000_0000);

    /// `TDX_IOMMU_ECMD_TIMEOUT` = `0x80000F5100000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error. In module 2.0.18.
    pub const IOMMU_ECMD_TIMEOUT: TdxStatus = TdxStatus(0x8000_0F51_0000_0000);

    /// `TDX_IOMMU_ECMD_ERROR` = `0x80000F5200000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error. In module 2.0.18.
    pub const IOMMU_ECMD_ERROR: TdxStatus = TdxStatus(0x8000_0F52_0000_0000);

    /// `TDX_L2_VM_ENTRY_FAILED` = `0x8000110300000000`: class 0x11 (L2 and TD partitioning), error.
    /// In module 1.5.25, 2.0.18.
    pub const L2_VM_ENTRY_FAILED: TdxStatus = TdxStatus(0x8000_1103_0000_0000);

    /// `TDX_CROSS_TD_TRAP` = `0x9000000900000000`: class 0x00 (general and TD entry), error, host
    /// recoverability hint. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const CROSS_TD_TRAP: TdxStatus = TdxStatus(0x9000_0009_0000_0000);

    /// `TDX_HOST_PRIORITY_BUSY_TIMEOUT` = `0x9000020500000000`: class 0x02 (busy), error, host
    /// recoverability hint. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const HOST_PRIORITY_BUSY_TIMEOUT: TdxStatus = TdxStatus(0x9000_0205_0000_0000);

    /// `TDX_INVALID_RESUMPTION` = `0xC000000600000000`: class 0x00 (general and TD entry), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INVALID_RESUMPTION: TdxStatus = TdxStatus(0xC000_0006_0000_0000);

    /// An operand is invalid.
    ///
    /// `TDX_OPERAND_INVALID` = `0xC000010000000000`: class 0x01 (operand), error, non-recoverable.
    /// In every module version (1.0.00 to 2.0.18).
    pub const OPERAND_INVALID: TdxStatus = TdxStatus(0xC000_0100_0000_0000);

    /// `TDX_OPERAND_ADDR_RANGE_ERROR` = `0xC000010100000000`: class 0x01 (operand), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const OPERAND_ADDR_RANGE_ERROR: TdxStatus = TdxStatus(0xC000_0101_0000_0000);

    /// `TDX_EVENT_FILTER_INVALID` = `0xC000010200000000`: class 0x01 (operand), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const EVENT_FILTER_INVALID: TdxStatus = TdxStatus(0xC000_0102_0000_0000);

    /// `TDX_EVENT_FILTER_ORDER_INVALID` = `0xC000010300000000`: class 0x01 (operand), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const EVENT_FILTER_ORDER_INVALID: TdxStatus = TdxStatus(0xC000_0103_0000_0000);

    /// A page's PAMT metadata is not what the call requires.
    ///
    /// `TDX_PAGE_METADATA_INCORRECT` = `0xC000030000000000`: class 0x03 (page and PAMT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const PAGE_METADATA_INCORRECT: TdxStatus = TdxStatus(0xC000_0300_0000_0000);

    /// `TDX_PAGE_NOT_OWNED_BY_TD` = `0xC000030200000000`: class 0x03 (page and PAMT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const PAGE_NOT_OWNED_BY_TD: TdxStatus = TdxStatus(0xC000_0302_0000_0000);

    /// `TDX_PAGE_NOT_FREE` = `0xC000030300000000`: class 0x03 (page and PAMT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const PAGE_NOT_FREE: TdxStatus = TdxStatus(0xC000_0303_0000_0000);

    /// `TDX_HPA_RANGE_NOT_FREE` = `0xC000030400000000`: class 0x03 (page and PAMT), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const HPA_RANGE_NOT_FREE: TdxStatus = TdxStatus(0xC000_0304_0000_0000);

    /// `TDX_NO_PAMT_PAGE_PAIR` = `0xC000030500000000`: class 0x03 (page and PAMT), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const NO_PAMT_PAGE_PAIR: TdxStatus = TdxStatus(0xC000_0305_0000_0000);

    /// `TDX_PAMT_PAGE_NOT_EMPTY` = `0xC000030600000000`: class 0x03 (page and PAMT), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const PAMT_PAGE_NOT_EMPTY: TdxStatus = TdxStatus(0xC000_0306_0000_0000);

    /// `TDX_TD_ASSOCIATED_PAGES_EXIST` = `0xC000040000000000`: class 0x04 (TD-associated pages),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const TD_ASSOCIATED_PAGES_EXIST: TdxStatus = TdxStatus(0xC000_0400_0000_0000);

    /// `TDX_SYS_INIT_NOT_PENDING` = `0xC000050000000000`: class 0x05 (system and initialization),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_INIT_NOT_PENDING: TdxStatus = TdxStatus(0xC000_0500_0000_0000);

    /// `TDX_SYS_LP_INIT_NOT_DONE` = `0xC000050200000000`: class 0x05 (system and initialization),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_LP_INIT_NOT_DONE: TdxStatus = TdxStatus(0xC000_0502_0000_0000);

    /// `TDX_SYS_LP_INIT_DONE` = `0xC000050300000000`: class 0x05 (system and initialization),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_LP_INIT_DONE: TdxStatus = TdxStatus(0xC000_0503_0000_0000);

    /// `TDX_SYS_NOT_READY` = `0xC000050500000000`: class 0x05 (system and initialization), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_NOT_READY: TdxStatus = TdxStatus(0xC000_0505_0000_0000);

    /// `TDX_SYS_SHUTDOWN` = `0xC000050600000000`: class 0x05 (system and initialization), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_SHUTDOWN: TdxStatus = TdxStatus(0xC000_0506_0000_0000);

    /// `TDX_SYS_KEY_CONFIG_NOT_PENDING` = `0xC000050700000000`: class 0x05 (system and
    /// initialization), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_KEY_CONFIG_NOT_PENDING: TdxStatus = TdxStatus(0xC000_0507_0000_0000);

    /// `TDX_SYS_STATE_INCORRECT` = `0xC000050800000000`: class 0x05 (system and initialization),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SYS_STATE_INCORRECT: TdxStatus = TdxStatus(0xC000_0508_0000_0000);

    /// `TDX_SYS_INVALID_HANDOFF` = `0xC000050900000000`: class 0x05 (system and initialization),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SYS_INVALID_HANDOFF: TdxStatus = TdxStatus(0xC000_0509_0000_0000);

    /// `TDX_SYS_INCOMPATIBLE_SIGSTRUCT` = `0xC000050A00000000`: class 0x05 (system and
    /// initialization), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SYS_INCOMPATIBLE_SIGSTRUCT: TdxStatus = TdxStatus(0xC000_050A_0000_0000);

    /// `TDX_SYS_LP_INIT_NOT_PENDING` = `0xC000050B00000000`: class 0x05 (system and
    /// initialization), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_LP_INIT_NOT_PENDING: TdxStatus = TdxStatus(0xC000_050B_0000_0000);

    /// `TDX_SYS_CONFIG_NOT_PENDING` = `0xC000050C00000000`: class 0x05 (system and initialization),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SYS_CONFIG_NOT_PENDING: TdxStatus = TdxStatus(0xC000_050C_0000_0000);

    /// `TDX_INCOMPATIBLE_SEAM_CAPABILITIES` = `0xC000050D00000000`: class 0x05 (system and
    /// initialization), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INCOMPATIBLE_SEAM_CAPABILITIES: TdxStatus = TdxStatus(0xC000_050D_0000_0000);

    /// `TDX_INCOMPATIBLE_SEAM_FEATURES` = `0xC000050F00000000`: class 0x05 (system and
    /// initialization), error, non-recoverable. In module 2.0.18.
    pub const INCOMPATIBLE_SEAM_FEATURES: TdxStatus = TdxStatus(0xC000_050F_0000_0000);

    /// `TDX_CRYPTO_SELF_TEST_FAILED` = `0xC000051100000000`: class 0x05 (system and
    /// initialization), error, non-recoverable. In module 1.5.25, 2.0.18.
    pub const CRYPTO_SELF_TEST_FAILED: TdxStatus = TdxStatus(0xC000_0511_0000_0000);

    /// `TDX_TD_NOT_INITIALIZED` = `0xC000060000000000`: class 0x06 (TD state), error,
    /// non-recoverable. In module 1.0.00, 1.0.3.
    pub const TD_NOT_INITIALIZED: TdxStatus = TdxStatus(0xC000_0600_0000_0000);

    /// `TDX_TD_INITIALIZED` = `0xC000060100000000`: class 0x06 (TD state), error, non-recoverable.
    /// In module 1.0.00, 1.0.3.
    pub const TD_INITIALIZED: TdxStatus = TdxStatus(0xC000_0601_0000_0000);

    /// `TDX_TD_NOT_FINALIZED` = `0xC000060200000000`: class 0x06 (TD state), error,
    /// non-recoverable. In module 1.0.00, 1.0.3.
    pub const TD_NOT_FINALIZED: TdxStatus = TdxStatus(0xC000_0602_0000_0000);

    /// `TDX_TD_FINALIZED` = `0xC000060300000000`: class 0x06 (TD state), error, non-recoverable. In
    /// module 1.0.00, 1.0.3.
    pub const TD_FINALIZED: TdxStatus = TdxStatus(0xC000_0603_0000_0000);

    /// `TDX_TD_NON_DEBUG` = `0xC000060500000000`: class 0x06 (TD state), error, non-recoverable. In
    /// every module version (1.0.00 to 2.0.18).
    pub const TD_NON_DEBUG: TdxStatus = TdxStatus(0xC000_0605_0000_0000);

    /// `TDX_TDCS_NOT_ALLOCATED` = `0xC000060600000000`: class 0x06 (TD state), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TDCS_NOT_ALLOCATED: TdxStatus = TdxStatus(0xC000_0606_0000_0000);

    /// `TDX_LIFECYCLE_STATE_INCORRECT` = `0xC000060700000000`: class 0x06 (TD state), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const LIFECYCLE_STATE_INCORRECT: TdxStatus = TdxStatus(0xC000_0607_0000_0000);

    /// `TDX_OP_STATE_INCORRECT` = `0xC000060800000000`: class 0x06 (TD state), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const OP_STATE_INCORRECT: TdxStatus = TdxStatus(0xC000_0608_0000_0000);

    /// `TDX_NO_VCPUS` = `0xC000060900000000`: class 0x06 (TD state), error, non-recoverable. In
    /// module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const NO_VCPUS: TdxStatus = TdxStatus(0xC000_0609_0000_0000);

    /// `TDX_DEBUG_MEM_NOT_WRITABLE` = `0xC000060A00000000`: class 0x06 (TD state), error,
    /// non-recoverable. In module 2.0.18.
    pub const DEBUG_MEM_NOT_WRITABLE: TdxStatus = TdxStatus(0xC000_060A_0000_0000);

    /// `TDX_TDCX_NUM_INCORRECT` = `0xC000061000000000`: class 0x06 (TD state), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const TDCX_NUM_INCORRECT: TdxStatus = TdxStatus(0xC000_0610_0000_0000);

    /// `TDX_X2APIC_ID_NOT_UNIQUE` = `0xC000062100000000`: class 0x06 (TD state), error,
    /// non-recoverable. In module 1.5.06, 1.5.25, 2.0.18.
    pub const X2APIC_ID_NOT_UNIQUE: TdxStatus = TdxStatus(0xC000_0621_0000_0000);

    /// `TDX_INCOMPATIBLE_MRTD_CONTEXT` = `0xC000062200000000`: class 0x06 (TD state), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const INCOMPATIBLE_MRTD_CONTEXT: TdxStatus = TdxStatus(0xC000_0622_0000_0000);

    /// `TDX_VCPU_STATE_INCORRECT` = `0xC000070000000000`: class 0x07 (vCPU), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const VCPU_STATE_INCORRECT: TdxStatus = TdxStatus(0xC000_0700_0000_0000);

    /// `TDX_TDVPX_NUM_INCORRECT` = `0xC000070300000000`: class 0x07 (vCPU), error, non-recoverable.
    /// In module 1.0.00, 1.0.3.
    pub const TDVPX_NUM_INCORRECT: TdxStatus = TdxStatus(0xC000_0703_0000_0000);

    /// `TDX_NO_VALID_VE_INFO` = `0xC000070400000000`: class 0x07 (vCPU), error, non-recoverable. In
    /// every module version (1.0.00 to 2.0.18).
    pub const NO_VALID_VE_INFO: TdxStatus = TdxStatus(0xC000_0704_0000_0000);

    /// `TDX_MAX_VCPUS_EXCEEDED` = `0xC000070500000000`: class 0x07 (vCPU), error, non-recoverable.
    /// In every module version (1.0.00 to 2.0.18).
    pub const MAX_VCPUS_EXCEEDED: TdxStatus = TdxStatus(0xC000_0705_0000_0000);

    /// `TDX_TSC_ROLLBACK` = `0xC000070600000000`: class 0x07 (vCPU), error, non-recoverable. In
    /// every module version (1.0.00 to 2.0.18).
    pub const TSC_ROLLBACK: TdxStatus = TdxStatus(0xC000_0706_0000_0000);

    /// `TDX_INTERRUPTIBILITY_BLOCKED` = `0xC000070700000000`: class 0x07 (vCPU), error,
    /// non-recoverable. In module 1.5.06, 1.5.25, 2.0.18.
    pub const INTERRUPTIBILITY_BLOCKED: TdxStatus = TdxStatus(0xC000_0707_0000_0000);

    /// `TDX_FIELD_NOT_WRITABLE` = `0xC000072000000000`: class 0x07 (vCPU), error, non-recoverable.
    /// In module 1.0.00, 1.0.3.
    pub const FIELD_NOT_WRITABLE: TdxStatus = TdxStatus(0xC000_0720_0000_0000);

    /// `TDX_FIELD_NOT_READABLE` = `0xC000072100000000`: class 0x07 (vCPU), error, non-recoverable.
    /// In module 1.0.00, 1.0.3.
    pub const FIELD_NOT_READABLE: TdxStatus = TdxStatus(0xC000_0721_0000_0000);

    /// `TDX_TD_VMCS_FIELD_NOT_INITIALIZED` = `0xC000073000000000`: class 0x07 (vCPU), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const TD_VMCS_FIELD_NOT_INITIALIZED: TdxStatus = TdxStatus(0xC000_0730_0000_0000);

    /// A TD VMCS field error (the module's name has no `TDX_` prefix).
    ///
    /// `TD_VMCS_FIELD_ERROR` = `0xC000073100000000`: class 0x07 (vCPU), error, non-recoverable. In
    /// module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TD_VMCS_FIELD_ERROR: TdxStatus = TdxStatus(0xC000_0731_0000_0000);

    /// The TD's key is in the wrong state for this call.
    ///
    /// `TDX_KEY_STATE_INCORRECT` = `0xC000081100000000`: class 0x08 (keys and cache write-back),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const KEY_STATE_INCORRECT: TdxStatus = TdxStatus(0xC000_0811_0000_0000);

    /// `TDX_HKID_NOT_FREE` = `0xC000082000000000`: class 0x08 (keys and cache write-back), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const HKID_NOT_FREE: TdxStatus = TdxStatus(0xC000_0820_0000_0000);

    /// `TDX_WBCACHE_RESUME_ERROR` = `0xC000082300000000`: class 0x08 (keys and cache write-back),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const WBCACHE_RESUME_ERROR: TdxStatus = TdxStatus(0xC000_0823_0000_0000);

    /// `TDX_NUM_ACTIVATED_HKIDS_NOT_SUPPORTED` = `0xC000082500000000`: class 0x08 (keys and cache
    /// write-back), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const NUM_ACTIVATED_HKIDS_NOT_SUPPORTED: TdxStatus = TdxStatus(0xC000_0825_0000_0000);

    /// `TDX_INCORRECT_CPUID_VALUE` = `0xC000090000000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INCORRECT_CPUID_VALUE: TdxStatus = TdxStatus(0xC000_0900_0000_0000);

    /// Module 1.0's name for the code 1.5 renamed `TDX_LIMIT_CPUID_MAXVAL_SET`.
    ///
    /// `TDX_BOOT_NT4_SET` = `0xC000090100000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In module 1.0.00, 1.0.3. The value is
    /// `TDX_LIMIT_CPUID_MAXVAL_SET` in newer modules, so [`TdxStatus::name`] returns that.
    pub const BOOT_NT4_SET: TdxStatus = TdxStatus(0xC000_0901_0000_0000);

    /// `TDX_LIMIT_CPUID_MAXVAL_SET` = `0xC000090100000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const LIMIT_CPUID_MAXVAL_SET: TdxStatus = TdxStatus(0xC000_0901_0000_0000);

    /// `TDX_INCONSISTENT_CPUID_FIELD` = `0xC000090200000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INCONSISTENT_CPUID_FIELD: TdxStatus = TdxStatus(0xC000_0902_0000_0000);

    /// `TDX_CPUID_MAX_SUBLEAVES_UNRECOGNIZED` = `0xC000090300000000`: class 0x09 (CPUID, MSR, SMRR
    /// and platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const CPUID_MAX_SUBLEAVES_UNRECOGNIZED: TdxStatus = TdxStatus(0xC000_0903_0000_0000);

    /// `TDX_CPUID_LEAF_1F_FORMAT_UNRECOGNIZED` = `0xC000090400000000`: class 0x09 (CPUID, MSR, SMRR
    /// and platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const CPUID_LEAF_1F_FORMAT_UNRECOGNIZED: TdxStatus = TdxStatus(0xC000_0904_0000_0000);

    /// `TDX_INVALID_WBINVD_SCOPE` = `0xC000090500000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INVALID_WBINVD_SCOPE: TdxStatus = TdxStatus(0xC000_0905_0000_0000);

    /// `TDX_INVALID_PKG_ID` = `0xC000090600000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INVALID_PKG_ID: TdxStatus = TdxStatus(0xC000_0906_0000_0000);

    /// `TDX_ENABLE_MONITOR_FSM_NOT_SET` = `0xC000090700000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const ENABLE_MONITOR_FSM_NOT_SET: TdxStatus = TdxStatus(0xC000_0907_0000_0000);

    /// `TDX_CPUID_LEAF_NOT_SUPPORTED` = `0xC000090800000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const CPUID_LEAF_NOT_SUPPORTED: TdxStatus = TdxStatus(0xC000_0908_0000_0000);

    /// `TDX_SMRR_NOT_LOCKED` = `0xC000091000000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SMRR_NOT_LOCKED: TdxStatus = TdxStatus(0xC000_0910_0000_0000);

    /// `TDX_INVALID_SMRR_CONFIGURATION` = `0xC000091100000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INVALID_SMRR_CONFIGURATION: TdxStatus = TdxStatus(0xC000_0911_0000_0000);

    /// `TDX_SMRR_OVERLAPS_CMR` = `0xC000091200000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SMRR_OVERLAPS_CMR: TdxStatus = TdxStatus(0xC000_0912_0000_0000);

    /// `TDX_SMRR_LOCK_NOT_SUPPORTED` = `0xC000091300000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SMRR_LOCK_NOT_SUPPORTED: TdxStatus = TdxStatus(0xC000_0913_0000_0000);

    /// `TDX_SMRR_NOT_SUPPORTED` = `0xC000091400000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SMRR_NOT_SUPPORTED: TdxStatus = TdxStatus(0xC000_0914_0000_0000);

    /// `TDX_INCONSISTENT_MSR` = `0xC000092000000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INCONSISTENT_MSR: TdxStatus = TdxStatus(0xC000_0920_0000_0000);

    /// `TDX_INCORRECT_MSR_VALUE` = `0xC000092100000000`: class 0x09 (CPUID, MSR, SMRR and platform
    /// checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INCORRECT_MSR_VALUE: TdxStatus = TdxStatus(0xC000_0921_0000_0000);

    /// `TDX_SEAMREPORT_NOT_AVAILABLE` = `0xC000093000000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const SEAMREPORT_NOT_AVAILABLE: TdxStatus = TdxStatus(0xC000_0930_0000_0000);

    /// `TDX_SEAMDB_GETREF_NOT_AVAILABLE` = `0xC000093100000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SEAMDB_GETREF_NOT_AVAILABLE: TdxStatus = TdxStatus(0xC000_0931_0000_0000);

    /// `TDX_SEAMDB_REPORT_NOT_AVAILABLE` = `0xC000093200000000`: class 0x09 (CPUID, MSR, SMRR and
    /// platform checks), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SEAMDB_REPORT_NOT_AVAILABLE: TdxStatus = TdxStatus(0xC000_0932_0000_0000);

    /// `TDX_SEAMVERIFYREPORT_NOT_AVAILABLE` = `0xC000093300000000`: class 0x09 (CPUID, MSR, SMRR
    /// and platform checks), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SEAMVERIFYREPORT_NOT_AVAILABLE: TdxStatus = TdxStatus(0xC000_0933_0000_0000);

    /// `TDX_INVALID_TDMR` = `0xC0000A0000000000`: class 0x0A (TDMR and PAMT configuration), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INVALID_TDMR: TdxStatus = TdxStatus(0xC000_0A00_0000_0000);

    /// `TDX_NON_ORDERED_TDMR` = `0xC0000A0100000000`: class 0x0A (TDMR and PAMT configuration),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const NON_ORDERED_TDMR: TdxStatus = TdxStatus(0xC000_0A01_0000_0000);

    /// `TDX_TDMR_OUTSIDE_CMRS` = `0xC0000A0200000000`: class 0x0A (TDMR and PAMT configuration),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const TDMR_OUTSIDE_CMRS: TdxStatus = TdxStatus(0xC000_0A02_0000_0000);

    /// `TDX_INVALID_PAMT` = `0xC0000A1000000000`: class 0x0A (TDMR and PAMT configuration), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INVALID_PAMT: TdxStatus = TdxStatus(0xC000_0A10_0000_0000);

    /// `TDX_PAMT_OUTSIDE_CMRS` = `0xC0000A1100000000`: class 0x0A (TDMR and PAMT configuration),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const PAMT_OUTSIDE_CMRS: TdxStatus = TdxStatus(0xC000_0A11_0000_0000);

    /// `TDX_PAMT_OVERLAP` = `0xC0000A1200000000`: class 0x0A (TDMR and PAMT configuration), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const PAMT_OVERLAP: TdxStatus = TdxStatus(0xC000_0A12_0000_0000);

    /// `TDX_INVALID_RESERVED_IN_TDMR` = `0xC0000A2000000000`: class 0x0A (TDMR and PAMT
    /// configuration), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const INVALID_RESERVED_IN_TDMR: TdxStatus = TdxStatus(0xC000_0A20_0000_0000);

    /// `TDX_NON_ORDERED_RESERVED_IN_TDMR` = `0xC0000A2100000000`: class 0x0A (TDMR and PAMT
    /// configuration), error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const NON_ORDERED_RESERVED_IN_TDMR: TdxStatus = TdxStatus(0xC000_0A21_0000_0000);

    /// `TDX_CMR_LIST_INVALID` = `0xC0000A2200000000`: class 0x0A (TDMR and PAMT configuration),
    /// error, non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const CMR_LIST_INVALID: TdxStatus = TdxStatus(0xC000_0A22_0000_0000);

    /// A Secure-EPT walk failed.
    ///
    /// `TDX_EPT_WALK_FAILED` = `0xC0000B0000000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const EPT_WALK_FAILED: TdxStatus = TdxStatus(0xC000_0B00_0000_0000);

    /// `TDX_EPT_ENTRY_FREE` = `0xC0000B0100000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const EPT_ENTRY_FREE: TdxStatus = TdxStatus(0xC000_0B01_0000_0000);

    /// `TDX_EPT_ENTRY_NOT_FREE` = `0xC0000B0200000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const EPT_ENTRY_NOT_FREE: TdxStatus = TdxStatus(0xC000_0B02_0000_0000);

    /// `TDX_EPT_ENTRY_NOT_PRESENT` = `0xC0000B0300000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const EPT_ENTRY_NOT_PRESENT: TdxStatus = TdxStatus(0xC000_0B03_0000_0000);

    /// `TDX_EPT_ENTRY_NOT_LEAF` = `0xC0000B0400000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const EPT_ENTRY_NOT_LEAF: TdxStatus = TdxStatus(0xC000_0B04_0000_0000);

    /// `TDX_EPT_ENTRY_LEAF` = `0xC0000B0500000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const EPT_ENTRY_LEAF: TdxStatus = TdxStatus(0xC000_0B05_0000_0000);

    /// `TDX_GPA_RANGE_NOT_BLOCKED` = `0xC0000B0600000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const GPA_RANGE_NOT_BLOCKED: TdxStatus = TdxStatus(0xC000_0B06_0000_0000);

    /// `TDX_TLB_TRACKING_NOT_DONE` = `0xC0000B0800000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const TLB_TRACKING_NOT_DONE: TdxStatus = TdxStatus(0xC000_0B08_0000_0000);

    /// `TDX_EPT_INVALID_PROMOTE_CONDITIONS` = `0xC0000B0900000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const EPT_INVALID_PROMOTE_CONDITIONS: TdxStatus = TdxStatus(0xC000_0B09_0000_0000);

    /// `TDX_PAGE_SIZE_MISMATCH` = `0xC0000B0B00000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In every module version (1.0.00 to 2.0.18).
    pub const PAGE_SIZE_MISMATCH: TdxStatus = TdxStatus(0xC000_0B0B_0000_0000);

    /// `TDX_GPA_RANGE_BLOCKED` = `0xC0000B0C00000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const GPA_RANGE_BLOCKED: TdxStatus = TdxStatus(0xC000_0B0C_0000_0000);

    /// A Secure-EPT entry is in the wrong state.
    ///
    /// `TDX_EPT_ENTRY_STATE_INCORRECT` = `0xC0000B0D00000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const EPT_ENTRY_STATE_INCORRECT: TdxStatus = TdxStatus(0xC000_0B0D_0000_0000);

    /// `TDX_EPT_PAGE_NOT_FREE` = `0xC0000B0E00000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const EPT_PAGE_NOT_FREE: TdxStatus = TdxStatus(0xC000_0B0E_0000_0000);

    /// `TDX_L2_SEPT_WALK_FAILED` = `0xC0000B0F00000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const L2_SEPT_WALK_FAILED: TdxStatus = TdxStatus(0xC000_0B0F_0000_0000);

    /// `TDX_L2_SEPT_ENTRY_NOT_FREE` = `0xC0000B1000000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const L2_SEPT_ENTRY_NOT_FREE: TdxStatus = TdxStatus(0xC000_0B10_0000_0000);

    /// `TDX_PAGE_ATTR_INVALID` = `0xC0000B1100000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const PAGE_ATTR_INVALID: TdxStatus = TdxStatus(0xC000_0B11_0000_0000);

    /// `TDX_L2_SEPT_PAGE_NOT_PROVIDED` = `0xC0000B1200000000`: class 0x0B (Secure EPT), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const L2_SEPT_PAGE_NOT_PROVIDED: TdxStatus = TdxStatus(0xC000_0B12_0000_0000);

    /// `TDX_METADATA_FIELD_ID_INCORRECT` = `0xC0000C0000000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_FIELD_ID_INCORRECT: TdxStatus = TdxStatus(0xC000_0C00_0000_0000);

    /// `TDX_METADATA_FIELD_NOT_WRITABLE` = `0xC0000C0100000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_FIELD_NOT_WRITABLE: TdxStatus = TdxStatus(0xC000_0C01_0000_0000);

    /// The metadata field is not readable.
    ///
    /// `TDX_METADATA_FIELD_NOT_READABLE` = `0xC0000C0200000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_FIELD_NOT_READABLE: TdxStatus = TdxStatus(0xC000_0C02_0000_0000);

    /// `TDX_METADATA_FIELD_VALUE_NOT_VALID` = `0xC0000C0300000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_FIELD_VALUE_NOT_VALID: TdxStatus = TdxStatus(0xC000_0C03_0000_0000);

    /// `TDX_METADATA_LIST_OVERFLOW` = `0xC0000C0400000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_LIST_OVERFLOW: TdxStatus = TdxStatus(0xC000_0C04_0000_0000);

    /// `TDX_INVALID_METADATA_LIST_HEADER` = `0xC0000C0500000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INVALID_METADATA_LIST_HEADER: TdxStatus = TdxStatus(0xC000_0C05_0000_0000);

    /// `TDX_REQUIRED_METADATA_FIELD_MISSING` = `0xC0000C0600000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const REQUIRED_METADATA_FIELD_MISSING: TdxStatus = TdxStatus(0xC000_0C06_0000_0000);

    /// `TDX_METADATA_ELEMENT_SIZE_INCORRECT` = `0xC0000C0700000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_ELEMENT_SIZE_INCORRECT: TdxStatus = TdxStatus(0xC000_0C07_0000_0000);

    /// `TDX_METADATA_LAST_ELEMENT_INCORRECT` = `0xC0000C0800000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_LAST_ELEMENT_INCORRECT: TdxStatus = TdxStatus(0xC000_0C08_0000_0000);

    /// `TDX_METADATA_FIELD_CURRENTLY_NOT_WRITABLE` = `0xC0000C0900000000`: class 0x0C (metadata),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_FIELD_CURRENTLY_NOT_WRITABLE: TdxStatus = TdxStatus(0xC000_0C09_0000_0000);

    /// `TDX_METADATA_WR_MASK_NOT_VALID` = `0xC0000C0A00000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const METADATA_WR_MASK_NOT_VALID: TdxStatus = TdxStatus(0xC000_0C0A_0000_0000);

    /// `TDX_VIRTUAL_MSR_VALUE_NOT_VALID` = `0xC0000C0D00000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const VIRTUAL_MSR_VALUE_NOT_VALID: TdxStatus = TdxStatus(0xC000_0C0D_0000_0000);

    /// `TDX_METADATA_FIELD_NOT_ALLOCATED` = `0xC0000C0E00000000`: class 0x0C (metadata), error,
    /// non-recoverable. In module 1.5.25, 2.0.18.
    pub const METADATA_FIELD_NOT_ALLOCATED: TdxStatus = TdxStatus(0xC000_0C0E_0000_0000);

    /// `TDX_SERVTD_ALREADY_BOUND_FOR_TYPE` = `0xC0000D0000000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SERVTD_ALREADY_BOUND_FOR_TYPE: TdxStatus = TdxStatus(0xC000_0D00_0000_0000);

    /// `TDX_SERVTD_TYPE_MISMATCH` = `0xC0000D0100000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SERVTD_TYPE_MISMATCH: TdxStatus = TdxStatus(0xC000_0D01_0000_0000);

    /// `TDX_SERVTD_ATTR_MISMATCH` = `0xC0000D0200000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SERVTD_ATTR_MISMATCH: TdxStatus = TdxStatus(0xC000_0D02_0000_0000);

    /// `TDX_SERVTD_INFO_HASH_MISMATCH` = `0xC0000D0300000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SERVTD_INFO_HASH_MISMATCH: TdxStatus = TdxStatus(0xC000_0D03_0000_0000);

    /// `TDX_SERVTD_UUID_MISMATCH` = `0xC0000D0400000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SERVTD_UUID_MISMATCH: TdxStatus = TdxStatus(0xC000_0D04_0000_0000);

    /// `TDX_SERVTD_NOT_BOUND` = `0xC0000D0500000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SERVTD_NOT_BOUND: TdxStatus = TdxStatus(0xC000_0D05_0000_0000);

    /// `TDX_SERVTD_BOUND` = `0xC0000D0600000000`: class 0x0D (service TD), error, non-recoverable.
    /// In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SERVTD_BOUND: TdxStatus = TdxStatus(0xC000_0D06_0000_0000);

    /// `TDX_TARGET_UUID_MISMATCH` = `0xC0000D0700000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TARGET_UUID_MISMATCH: TdxStatus = TdxStatus(0xC000_0D07_0000_0000);

    /// `TDX_TARGET_UUID_UPDATED` = `0xC0000D0800000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TARGET_UUID_UPDATED: TdxStatus = TdxStatus(0xC000_0D08_0000_0000);

    /// `TDX_SERVTD_NESTING_NOT_ALLOWED` = `0xC0000D0C00000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 2.0.18.
    pub const SERVTD_NESTING_NOT_ALLOWED: TdxStatus = TdxStatus(0xC000_0D0C_0000_0000);

    /// `TDX_SERVTD_CANNOT_BE_MIGRATABLE` = `0xC0000D0D00000000`: class 0x0D (service TD), error,
    /// non-recoverable. In module 2.0.18.
    pub const SERVTD_CANNOT_BE_MIGRATABLE: TdxStatus = TdxStatus(0xC000_0D0D_0000_0000);

    /// `TDX_INVALID_MBMD` = `0xC0000E0000000000`: class 0x0E (migration and memory scan), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INVALID_MBMD: TdxStatus = TdxStatus(0xC000_0E00_0000_0000);

    /// `TDX_INCORRECT_MBMD_MAC` = `0xC0000E0100000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INCORRECT_MBMD_MAC: TdxStatus = TdxStatus(0xC000_0E01_0000_0000);

    /// `TDX_NOT_WRITE_BLOCKED` = `0xC0000E0200000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const NOT_WRITE_BLOCKED: TdxStatus = TdxStatus(0xC000_0E02_0000_0000);

    /// `TDX_NOT_EXPORTED` = `0xC0000E0400000000`: class 0x0E (migration and memory scan), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const NOT_EXPORTED: TdxStatus = TdxStatus(0xC000_0E04_0000_0000);

    /// `TDX_MIGRATION_STREAM_STATE_INCORRECT` = `0xC0000E0500000000`: class 0x0E (migration and
    /// memory scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const MIGRATION_STREAM_STATE_INCORRECT: TdxStatus = TdxStatus(0xC000_0E05_0000_0000);

    /// `TDX_MAX_MIGS_NUM_EXCEEDED` = `0xC0000E0600000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const MAX_MIGS_NUM_EXCEEDED: TdxStatus = TdxStatus(0xC000_0E06_0000_0000);

    /// `TDX_EXPORTED_DIRTY_PAGES_REMAIN` = `0xC0000E0700000000`: class 0x0E (migration and memory
    /// scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const EXPORTED_DIRTY_PAGES_REMAIN: TdxStatus = TdxStatus(0xC000_0E07_0000_0000);

    /// `TDX_MIGRATION_DECRYPTION_KEY_NOT_SET` = `0xC0000E0800000000`: class 0x0E (migration and
    /// memory scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const MIGRATION_DECRYPTION_KEY_NOT_SET: TdxStatus = TdxStatus(0xC000_0E08_0000_0000);

    /// `TDX_TD_NOT_MIGRATABLE` = `0xC0000E0900000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const TD_NOT_MIGRATABLE: TdxStatus = TdxStatus(0xC000_0E09_0000_0000);

    /// `TDX_PREVIOUS_EXPORT_CLEANUP_INCOMPLETE` = `0xC0000E0A00000000`: class 0x0E (migration and
    /// memory scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const PREVIOUS_EXPORT_CLEANUP_INCOMPLETE: TdxStatus = TdxStatus(0xC000_0E0A_0000_0000);

    /// `TDX_NUM_MIGS_HIGHER_THAN_CREATED` = `0xC0000E0B00000000`: class 0x0E (migration and memory
    /// scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const NUM_MIGS_HIGHER_THAN_CREATED: TdxStatus = TdxStatus(0xC000_0E0B_0000_0000);

    /// `TDX_IMPORT_MISMATCH` = `0xC0000E0C00000000`: class 0x0E (migration and memory scan), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const IMPORT_MISMATCH: TdxStatus = TdxStatus(0xC000_0E0C_0000_0000);

    /// `TDX_MIGRATION_EPOCH_OVERFLOW` = `0xC0000E0D00000000`: class 0x0E (migration and memory
    /// scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const MIGRATION_EPOCH_OVERFLOW: TdxStatus = TdxStatus(0xC000_0E0D_0000_0000);

    /// `TDX_MAX_EXPORTS_EXCEEDED` = `0xC0000E0E00000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const MAX_EXPORTS_EXCEEDED: TdxStatus = TdxStatus(0xC000_0E0E_0000_0000);

    /// `TDX_INVALID_PAGE_MAC` = `0xC0000E0F00000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INVALID_PAGE_MAC: TdxStatus = TdxStatus(0xC000_0E0F_0000_0000);

    /// `TDX_MIGRATED_IN_CURRENT_EPOCH` = `0xC0000E1000000000`: class 0x0E (migration and memory
    /// scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const MIGRATED_IN_CURRENT_EPOCH: TdxStatus = TdxStatus(0xC000_0E10_0000_0000);

    /// `TDX_DISALLOWED_IMPORT_OVER_REMOVED` = `0xC0000E1100000000`: class 0x0E (migration and
    /// memory scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const DISALLOWED_IMPORT_OVER_REMOVED: TdxStatus = TdxStatus(0xC000_0E11_0000_0000);

    /// `TDX_SOME_VCPUS_NOT_MIGRATED` = `0xC0000E1200000000`: class 0x0E (migration and memory
    /// scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const SOME_VCPUS_NOT_MIGRATED: TdxStatus = TdxStatus(0xC000_0E12_0000_0000);

    /// `TDX_ALL_VCPUS_IMPORTED` = `0xC0000E1300000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const ALL_VCPUS_IMPORTED: TdxStatus = TdxStatus(0xC000_0E13_0000_0000);

    /// `TDX_MIN_MIGS_NOT_CREATED` = `0xC0000E1400000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const MIN_MIGS_NOT_CREATED: TdxStatus = TdxStatus(0xC000_0E14_0000_0000);

    /// `TDX_VCPU_ALREADY_EXPORTED` = `0xC0000E1500000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const VCPU_ALREADY_EXPORTED: TdxStatus = TdxStatus(0xC000_0E15_0000_0000);

    /// `TDX_INVALID_MIGRATION_DECRYPTION_KEY` = `0xC0000E1600000000`: class 0x0E (migration and
    /// memory scan), error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INVALID_MIGRATION_DECRYPTION_KEY: TdxStatus = TdxStatus(0xC000_0E16_0000_0000);

    /// `TDX_MEM_SCAN_CONFIG_ALREADY_DONE` = `0xC0000E1E00000000`: class 0x0E (migration and memory
    /// scan), error, non-recoverable. In module 2.0.18.
    pub const MEM_SCAN_CONFIG_ALREADY_DONE: TdxStatus = TdxStatus(0xC000_0E1E_0000_0000);

    /// `TDX_BLOCKING_DISALLOWED` = `0xC0000E2000000000`: class 0x0E (migration and memory scan),
    /// error, non-recoverable. In module 2.0.18.
    pub const BLOCKING_DISALLOWED: TdxStatus = TdxStatus(0xC000_0E20_0000_0000);

    /// `TDX_INCOMPATIBLE_MBMD_MAC_CONTEXT` = `0xC0000E2200000000`: class 0x0E (migration and memory
    /// scan), error, non-recoverable. In module 1.5.25, 2.0.18.
    pub const INCOMPATIBLE_MBMD_MAC_CONTEXT: TdxStatus = TdxStatus(0xC000_0E22_0000_0000);

    /// `TDX_IOMMU_INVALID_STATE` = `0xC0000F0000000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const IOMMU_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F00_0000_0000);

    /// `TDX_IOMMU_RP_NOT_CONFIGURED` = `0xC0000F0200000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IOMMU_RP_NOT_CONFIGURED: TdxStatus = TdxStatus(0xC000_0F02_0000_0000);

    /// `TDX_IOMMU_IOTLB_TRACKING_NOT_DONE` = `0xC0000F0300000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IOMMU_IOTLB_TRACKING_NOT_DONE: TdxStatus = TdxStatus(0xC000_0F03_0000_0000);

    /// `TDX_IOMMU_RP_IDE_MUST_BE_DISABLED` = `0xC0000F0400000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IOMMU_RP_IDE_MUST_BE_DISABLED: TdxStatus = TdxStatus(0xC000_0F04_0000_0000);

    /// `TDX_SPDM_HAS_ACTIVE_IDE_STREAMS` = `0xC0000F0500000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const SPDM_HAS_ACTIVE_IDE_STREAMS: TdxStatus = TdxStatus(0xC000_0F05_0000_0000);

    /// `TDX_SPDM_INVALID_STATE` = `0xC0000F0600000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const SPDM_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F06_0000_0000);

    /// `TDX_DMAR_INVALID_MAPPING_STATE` = `0xC0000F0700000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DMAR_INVALID_MAPPING_STATE: TdxStatus = TdxStatus(0xC000_0F07_0000_0000);

    /// `TDX_DMAR_INVALID_INV_STATE` = `0xC0000F0800000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DMAR_INVALID_INV_STATE: TdxStatus = TdxStatus(0xC000_0F08_0000_0000);

    /// `TDX_DMAR_INVALID_RID_PASID` = `0xC0000F0900000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DMAR_INVALID_RID_PASID: TdxStatus = TdxStatus(0xC000_0F09_0000_0000);

    /// `TDX_DEVIF_HANDLE_ERROR` = `0xC0000F0A00000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_HANDLE_ERROR: TdxStatus = TdxStatus(0xC000_0F0A_0000_0000);

    /// `TDX_DEVIF_PKH_MISMATCH` = `0xC0000F0B00000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_PKH_MISMATCH: TdxStatus = TdxStatus(0xC000_0F0B_0000_0000);

    /// `TDX_DEVIF_INVALID` = `0xC0000F0C00000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_INVALID: TdxStatus = TdxStatus(0xC000_0F0C_0000_0000);

    /// `TDX_DEVIF_TDISP_INVALID_REQ_STS` = `0xC0000F0E00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_TDISP_INVALID_REQ_STS: TdxStatus = TdxStatus(0xC000_0F0E_0000_0000);

    /// `TDX_DEVIF_TDISP_INVALID_MESSAGE` = `0xC0000F0F00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_TDISP_INVALID_MESSAGE: TdxStatus = TdxStatus(0xC000_0F0F_0000_0000);

    /// `TDX_DEVIF_TDISP_INVALID_STATE` = `0xC0000F1000000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_TDISP_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F10_0000_0000);

    /// `TDX_DEVIF_INVALID_STATE` = `0xC0000F1100000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F11_0000_0000);

    /// `TDX_DEVIF_HAS_BOUND_PASIDS` = `0xC0000F1200000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_HAS_BOUND_PASIDS: TdxStatus = TdxStatus(0xC000_0F12_0000_0000);

    /// `TDX_DEVIF_HAS_MAPPED_MMIO` = `0xC0000F1300000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_HAS_MAPPED_MMIO: TdxStatus = TdxStatus(0xC000_0F13_0000_0000);

    /// `TDX_DEVIF_TDISP_OUT_REQ` = `0xC0000F1400000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_TDISP_OUT_REQ: TdxStatus = TdxStatus(0xC000_0F14_0000_0000);

    /// `TDX_IDE_STREAM_NOT_FREE` = `0xC0000F1600000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_NOT_FREE: TdxStatus = TdxStatus(0xC000_0F16_0000_0000);

    /// `TDX_IDE_STREAM_NOT_SUPPORTED` = `0xC0000F1700000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_NOT_SUPPORTED: TdxStatus = TdxStatus(0xC000_0F17_0000_0000);

    /// `TDX_IDE_STREAM_NOT_CONFIGURED` = `0xC0000F1800000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_NOT_CONFIGURED: TdxStatus = TdxStatus(0xC000_0F18_0000_0000);

    /// `TDX_IDE_STREAM_BLOCKED` = `0xC0000F1900000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_BLOCKED: TdxStatus = TdxStatus(0xC000_0F19_0000_0000);

    /// `TDX_IDE_STREAM_NOT_BLOCKED` = `0xC0000F1A00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_NOT_BLOCKED: TdxStatus = TdxStatus(0xC000_0F1A_0000_0000);

    /// `TDX_IDE_STREAM_ADDR_OVERLAP` = `0xC0000F1B00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_ADDR_OVERLAP: TdxStatus = TdxStatus(0xC000_0F1B_0000_0000);

    /// `TDX_IDE_STREAM_RID_OVERLAP` = `0xC0000F1C00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_RID_OVERLAP: TdxStatus = TdxStatus(0xC000_0F1C_0000_0000);

    /// `TDX_IDE_STREAM_KEY_ID_ALREADY_USED` = `0xC0000F1D00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_KEY_ID_ALREADY_USED: TdxStatus = TdxStatus(0xC000_0F1D_0000_0000);

    /// `TDX_IDE_STREAM_IDE_ID_ALREADY_USED` = `0xC0000F1E00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_IDE_ID_ALREADY_USED: TdxStatus = TdxStatus(0xC000_0F1E_0000_0000);

    /// `TDX_IDE_STREAM_HAS_DEVICE_INTERFACES` = `0xC0000F1F00000000`: class 0x0F (TDX Connect:
    /// IOMMU, SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_HAS_DEVICE_INTERFACES: TdxStatus = TdxStatus(0xC000_0F1F_0000_0000);

    /// `TDX_IDE_STREAM_IDEKM_OUTREQ` = `0xC0000F2000000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_IDEKM_OUTREQ: TdxStatus = TdxStatus(0xC000_0F20_0000_0000);

    /// `TDX_IDE_STREAM_IDEKM_KEYS_NOT_READY` = `0xC0000F2100000000`: class 0x0F (TDX Connect:
    /// IOMMU, SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_IDEKM_KEYS_NOT_READY: TdxStatus = TdxStatus(0xC000_0F21_0000_0000);

    /// `TDX_IDE_STREAM_IDEKM_NO_ENTROPY` = `0xC0000F2200000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_IDEKM_NO_ENTROPY: TdxStatus = TdxStatus(0xC000_0F22_0000_0000);

    /// `TDX_IDE_STREAM_IDEKM_INVALID_RESPONSE` = `0xC0000F2300000000`: class 0x0F (TDX Connect:
    /// IOMMU, SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_IDEKM_INVALID_RESPONSE: TdxStatus = TdxStatus(0xC000_0F23_0000_0000);

    /// `TDX_IDE_STREAM_INVALID_STATE` = `0xC0000F2400000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IDE_STREAM_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F24_0000_0000);

    /// `TDX_MMIO_INVALID_PAGE_METADATA` = `0xC0000F2500000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const MMIO_INVALID_PAGE_METADATA: TdxStatus = TdxStatus(0xC000_0F25_0000_0000);

    /// `TDX_MMIO_ACCEPT_SIZE_MISMATCH` = `0xC0000F2600000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const MMIO_ACCEPT_SIZE_MISMATCH: TdxStatus = TdxStatus(0xC000_0F26_0000_0000);

    /// `TDX_MMIO_DEVIF_OWNER_MISMATCH` = `0xC0000F2700000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const MMIO_DEVIF_OWNER_MISMATCH: TdxStatus = TdxStatus(0xC000_0F27_0000_0000);

    /// `TDX_PASID_TABLE_ALREADY_MAPPED` = `0xC0000F2900000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_TABLE_ALREADY_MAPPED: TdxStatus = TdxStatus(0xC000_0F29_0000_0000);

    /// `TDX_PASID_TABLE_NOT_MAPPED` = `0xC0000F2A00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_TABLE_NOT_MAPPED: TdxStatus = TdxStatus(0xC000_0F2A_0000_0000);

    /// `TDX_PASID_TABLE_NOT_EMPTY` = `0xC0000F2B00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_TABLE_NOT_EMPTY: TdxStatus = TdxStatus(0xC000_0F2B_0000_0000);

    /// `TDX_PASID_TD_ASSOCIATED_PASIDS_EXIST` = `0xC0000F2C00000000`: class 0x0F (TDX Connect:
    /// IOMMU, SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_TD_ASSOCIATED_PASIDS_EXIST: TdxStatus = TdxStatus(0xC000_0F2C_0000_0000);

    /// `TDX_PASID_TRACK_IN_PROGRESS` = `0xC0000F2D00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_TRACK_IN_PROGRESS: TdxStatus = TdxStatus(0xC000_0F2D_0000_0000);

    /// `TDX_PASID_TRACK_PASID_MISMATCH` = `0xC0000F2E00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_TRACK_PASID_MISMATCH: TdxStatus = TdxStatus(0xC000_0F2E_0000_0000);

    /// `TDX_PASID_TRACK_NOT_DONE` = `0xC0000F2F00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_TRACK_NOT_DONE: TdxStatus = TdxStatus(0xC000_0F2F_0000_0000);

    /// `TDX_PASID_DEVIF_OWNER_MISMATCH` = `0xC0000F3000000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASID_DEVIF_OWNER_MISMATCH: TdxStatus = TdxStatus(0xC000_0F30_0000_0000);

    /// `TDX_GUEST_PASID_ALREADY_MAPPED` = `0xC0000F3100000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const GUEST_PASID_ALREADY_MAPPED: TdxStatus = TdxStatus(0xC000_0F31_0000_0000);

    /// `TDX_GUEST_PASID_NOT_MAPPED` = `0xC0000F3200000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const GUEST_PASID_NOT_MAPPED: TdxStatus = TdxStatus(0xC000_0F32_0000_0000);

    /// `TDX_PASIDMT_NOT_FOUND` = `0xC0000F3300000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASIDMT_NOT_FOUND: TdxStatus = TdxStatus(0xC000_0F33_0000_0000);

    /// `TDX_PASIDMT_ALREADY_PRESENT` = `0xC0000F3400000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASIDMT_ALREADY_PRESENT: TdxStatus = TdxStatus(0xC000_0F34_0000_0000);

    /// `TDX_PASIDMT_NOT_PRESENT` = `0xC0000F3500000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASIDMT_NOT_PRESENT: TdxStatus = TdxStatus(0xC000_0F35_0000_0000);

    /// `TDX_PASIDMT_INVALID_STATE` = `0xC0000F3600000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASIDMT_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F36_0000_0000);

    /// `TDX_PASIDMT_PAGE_NOT_EMPTY` = `0xC0000F3700000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const PASIDMT_PAGE_NOT_EMPTY: TdxStatus = TdxStatus(0xC000_0F37_0000_0000);

    /// `TDX_DMAR_INDEX_OUT_OF_BOUNDS` = `0xC0000F3800000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DMAR_INDEX_OUT_OF_BOUNDS: TdxStatus = TdxStatus(0xC000_0F38_0000_0000);

    /// `TDX_DMAR_ENTRY_NOT_PRESENT` = `0xC0000F3900000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DMAR_ENTRY_NOT_PRESENT: TdxStatus = TdxStatus(0xC000_0F39_0000_0000);

    /// `TDX_TD_HAS_ATTACHED_DEVICES` = `0xC0000F3A00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const TD_HAS_ATTACHED_DEVICES: TdxStatus = TdxStatus(0xC000_0F3A_0000_0000);

    /// `TDX_SPDM_AUTH_FAILED` = `0xC0000F3C00000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const SPDM_AUTH_FAILED: TdxStatus = TdxStatus(0xC000_0F3C_0000_0000);

    /// `TDX_IOMMU_MT_PAGE_IN_USE` = `0xC0000F3D00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IOMMU_MT_PAGE_IN_USE: TdxStatus = TdxStatus(0xC000_0F3D_0000_0000);

    /// `TDX_IOMMU_KCB_MUST_BE_DISABLED` = `0xC0000F3E00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IOMMU_KCB_MUST_BE_DISABLED: TdxStatus = TdxStatus(0xC000_0F3E_0000_0000);

    /// `TDX_DEVIF_HAS_MAPPED_DMA` = `0xC0000F3F00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_HAS_MAPPED_DMA: TdxStatus = TdxStatus(0xC000_0F3F_0000_0000);

    /// `TDX_DEVIFMT_NOT_PRESENT` = `0xC0000F4000000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIFMT_NOT_PRESENT: TdxStatus = TdxStatus(0xC000_0F40_0000_0000);

    /// `TDX_DEVIF_INVALID_METADATA` = `0xC0000F4100000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_INVALID_METADATA: TdxStatus = TdxStatus(0xC000_0F41_0000_0000);

    /// `TDX_DEVIFMT_ALREADY_PRESENT` = `0xC0000F4200000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIFMT_ALREADY_PRESENT: TdxStatus = TdxStatus(0xC000_0F42_0000_0000);

    /// `TDX_SPDM_ENTRY_ALREADY_PRESENT` = `0xC0000F4300000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const SPDM_ENTRY_ALREADY_PRESENT: TdxStatus = TdxStatus(0xC000_0F43_0000_0000);

    /// `TDX_SPDM_ENTRY_NOT_PRESENT` = `0xC0000F4400000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const SPDM_ENTRY_NOT_PRESENT: TdxStatus = TdxStatus(0xC000_0F44_0000_0000);

    /// `TDX_SPDM_SESSION_KEY_REQUIRE_REFRESH` = `0xC0000F4500000000`: class 0x0F (TDX Connect:
    /// IOMMU, SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const SPDM_SESSION_KEY_REQUIRE_REFRESH: TdxStatus = TdxStatus(0xC000_0F45_0000_0000);

    /// `TDX_CONNECT_INVALID_STATE` = `0xC0000F4600000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const CONNECT_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F46_0000_0000);

    /// `TDX_MMIOMT_NOT_PRESENT` = `0xC0000F4700000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const MMIOMT_NOT_PRESENT: TdxStatus = TdxStatus(0xC000_0F47_0000_0000);

    /// `TDX_IOMMU_RP_INVALID_CONFIGURATION` = `0xC0000F4800000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const IOMMU_RP_INVALID_CONFIGURATION: TdxStatus = TdxStatus(0xC000_0F48_0000_0000);

    /// `TDX_DEVIF_INVALID_TDI_CONFIGURATION` = `0xC0000F4900000000`: class 0x0F (TDX Connect:
    /// IOMMU, SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_INVALID_TDI_CONFIGURATION: TdxStatus = TdxStatus(0xC000_0F49_0000_0000);

    /// `TDX_DEVIF_TDISP_ERROR_STATE` = `0xC0000F4A00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_TDISP_ERROR_STATE: TdxStatus = TdxStatus(0xC000_0F4A_0000_0000);

    /// `TDX_DEVIF_TDISP_INVALID_REPORT` = `0xC0000F4B00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const DEVIF_TDISP_INVALID_REPORT: TdxStatus = TdxStatus(0xC000_0F4B_0000_0000);

    /// `TDX_MMIO_PAGE_NOT_IN_ASSOC_RANGE` = `0xC0000F4C00000000`: class 0x0F (TDX Connect: IOMMU,
    /// SPDM, IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const MMIO_PAGE_NOT_IN_ASSOC_RANGE: TdxStatus = TdxStatus(0xC000_0F4C_0000_0000);

    /// `TDX_MMIO_INVALID_HPA_OFFSET` = `0xC0000F4D00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const MMIO_INVALID_HPA_OFFSET: TdxStatus = TdxStatus(0xC000_0F4D_0000_0000);

    /// `TDX_SPDM_INVALID_MESSAGE` = `0xC0000F4E00000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const SPDM_INVALID_MESSAGE: TdxStatus = TdxStatus(0xC000_0F4E_0000_0000);

    /// `TDX_TPR_INVALID_STATE` = `0xC0000F4F00000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const TPR_INVALID_STATE: TdxStatus = TdxStatus(0xC000_0F4F_0000_0000);

    /// `TDX_SMRR_OVERLAPS_IO_RANGE` = `0xC0000F5000000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const SMRR_OVERLAPS_IO_RANGE: TdxStatus = TdxStatus(0xC000_0F50_0000_0000);

    /// `TDX_GUEST_INV_IN_PROGRESS` = `0xC0000F5400000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const GUEST_INV_IN_PROGRESS: TdxStatus = TdxStatus(0xC000_0F54_0000_0000);

    /// `TDX_GUEST_INV_INVALID_DESC` = `0xC0000F5500000000`: class 0x0F (TDX Connect: IOMMU, SPDM,
    /// IDE, MMIO), error, non-recoverable. In module 2.0.18.
    pub const GUEST_INV_INVALID_DESC: TdxStatus = TdxStatus(0xC000_0F55_0000_0000);

    /// `TDX_TPR_RANGE_ENABLED` = `0xC0000F5C00000000`: class 0x0F (TDX Connect: IOMMU, SPDM, IDE,
    /// MMIO), error, non-recoverable. In module 2.0.18.
    pub const TPR_RANGE_ENABLED: TdxStatus = TdxStatus(0xC000_0F5C_0000_0000);

    /// `TDX_INVALID_CPUSVN` = `0xC000100000000000`: class 0x10 (CPUSVN, report and SVN), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INVALID_CPUSVN: TdxStatus = TdxStatus(0xC000_1000_0000_0000);

    /// `TDX_INVALID_REPORTMACSTRUCT` = `0xC000100100000000`: class 0x10 (CPUSVN, report and SVN),
    /// error, non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const INVALID_REPORTMACSTRUCT: TdxStatus = TdxStatus(0xC000_1001_0000_0000);

    /// `TDX_MR_KEY_GET_NOT_SUPPORTED` = `0xC000100400000000`: class 0x10 (CPUSVN, report and SVN),
    /// error, non-recoverable. In module 2.0.18.
    pub const MR_KEY_GET_NOT_SUPPORTED: TdxStatus = TdxStatus(0xC000_1004_0000_0000);

    /// `TDX_SVN_INVALID` = `0xC000100600000000`: class 0x10 (CPUSVN, report and SVN), error,
    /// non-recoverable. In module 2.0.18.
    pub const SVN_INVALID: TdxStatus = TdxStatus(0xC000_1006_0000_0000);

    /// `TDX_GLA_NOT_CANONICAL` = `0xC000116000000000`: class 0x11 (L2 and TD partitioning), error,
    /// non-recoverable. In module 1.5.01, 1.5.06, 1.5.25, 2.0.18.
    pub const GLA_NOT_CANONICAL: TdxStatus = TdxStatus(0xC000_1160_0000_0000);

    /// The TD is non-recoverable: wrong APIC mode (TDH.VP.ENTER). Bit 63 is set: an error, not a
    /// success with information.
    ///
    /// `TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE` = `0xE000000700000000`: class 0x00 (general and TD
    /// entry), error, non-recoverable, fatal. In every module version (1.0.00 to 2.0.18). Module
    /// 1.0.00, 1.0.3 used `0xC000000700000000`: [`TdxStatus::name`] recognises that value under
    /// this name too, [`TdxStatus::matches`] does not.
    pub const NON_RECOVERABLE_TD_WRONG_APIC_MODE: TdxStatus = TdxStatus(0xE000_0007_0000_0000);

    /// The TD is in the fatal state. Bit 63 is set: an error.
    ///
    /// `TDX_TD_FATAL` = `0xE000060400000000`: class 0x06 (TD state), error, non-recoverable, fatal.
    /// In every module version (1.0.00 to 2.0.18). Module 1.0.00, 1.0.3 used `0xC000060400000000`:
    /// [`TdxStatus::name`] recognises that value under this name too, [`TdxStatus::matches`] does
    /// not.
    pub const TD_FATAL: TdxStatus = TdxStatus(0xE000_0604_0000_0000);

    /// `TDX_INCOMPATIBLE_EXPORT_MODE_TD_NON_ACCESSIBLE` = `0xE0000E2300000000`: class 0x0E
    /// (migration and memory scan), error, non-recoverable, fatal. In module 2.0.18.
    pub const INCOMPATIBLE_EXPORT_MODE_TD_NON_ACCESSIBLE: TdxStatus =
        TdxStatus(0xE000_0E23_0000_0000);

    /// Software error (class 0xFF with the error bit): also the mask Linux tests software errors
    /// with.
    ///
    /// `TDX_SW_ERROR` = `0x8000FF0000000000`: class 0xFF (software, Linux), error. Linux's, never
    /// returned by the TDX module:
    /// `torvalds/linux:arch/x86/include/asm/tdx.h@d829c46f770a428cf14673594c0381b24d52b669`.
    pub const SW_ERROR: TdxStatus = TdxStatus(0x8000_FF00_0000_0000);

    /// Software status: SEAMCALL raised #UD (`TDX_SW_ERROR | X86_TRAP_UD`).
    ///
    /// `TDX_SEAMCALL_UD` = `0x8000FF0000000006`: class 0xFF (software, Linux), error. Linux's,
    /// never returned by the TDX module:
    /// `torvalds/linux:arch/x86/include/asm/tdx.h@d829c46f770a428cf14673594c0381b24d52b669`,
    /// `torvalds/linux:arch/x86/virt/vmx/tdx/tdxcall.S@3bf3e21c15d4386a5f15118ec39bbc1b67ea5759`.
    pub const SEAMCALL_UD: TdxStatus = TdxStatus(0x8000_FF00_0000_0006);

    /// Software status: SEAMCALL raised #GP (`TDX_SW_ERROR | X86_TRAP_GP`).
    ///
    /// `TDX_SEAMCALL_GP` = `0x8000FF000000000D`: class 0xFF (software, Linux), error. Linux's,
    /// never returned by the TDX module:
    /// `torvalds/linux:arch/x86/include/asm/tdx.h@d829c46f770a428cf14673594c0381b24d52b669`,
    /// `torvalds/linux:arch/x86/virt/vmx/tdx/tdxcall.S@3bf3e21c15d4386a5f15118ec39bbc1b67ea5759`.
    pub const SEAMCALL_GP: TdxStatus = TdxStatus(0x8000_FF00_0000_000D);

    /// Software status: SEAMCALL failed with VMfailInvalid (CF=1: no TDX module loaded, or the
    /// P-SEAMLDR is busy); RAX was stale and the wrapper substituted this value.
    ///
    /// `TDX_SEAMCALL_VMFAILINVALID` = `0x8000FF00FFFF0000`: class 0xFF (software, Linux), error.
    /// Linux's, never returned by the TDX module:
    /// `torvalds/linux:arch/x86/include/asm/tdx.h@d829c46f770a428cf14673594c0381b24d52b669`,
    /// `torvalds/linux:arch/x86/virt/vmx/tdx/tdxcall.S@3bf3e21c15d4386a5f15118ec39bbc1b67ea5759`.
    pub const SEAMCALL_VMFAILINVALID: TdxStatus = TdxStatus(0x8000_FF00_FFFF_0000);

    /// Every value [`TdxStatus::name`] recognises, with the name it reports, sorted by value (304
    /// entries): each constant's value, plus the module 1.0 value of the codes whose value changed
    /// in 1.5. Where two module names share a value (a code renamed between versions) the newer
    /// name is the one listed.
    #[rustfmt::skip]
    pub const NAMED: &'static [(TdxStatus, &'static str)] = &[
        (TdxStatus(0x0000_0000_0000_0000), "TDX_SUCCESS"),
        (TdxStatus(0x0000_0301_0000_0000), "TDX_PAGE_ALREADY_FREE"),
        (TdxStatus(0x0000_0815_0000_0000), "TDX_KEY_CONFIGURED"),
        (TdxStatus(0x0000_0821_0000_0000), "TDX_NO_HKID_READY_TO_WBCACHE"),
        (TdxStatus(0x0000_0A03_0000_0000), "TDX_TDMR_ALREADY_INITIALIZED"),
        (TdxStatus(0x0000_0B07_0000_0000), "TDX_GPA_RANGE_ALREADY_BLOCKED"),
        (TdxStatus(0x0000_0B0A_0000_0000), "TDX_PAGE_ALREADY_ACCEPTED"),
        (TdxStatus(0x0000_0C0B_0000_0000), "TDX_METADATA_FIRST_FIELD_ID_IN_CONTEXT"),
        (TdxStatus(0x0000_0C0C_0000_0000), "TDX_METADATA_FIELD_SKIP"),
        (TdxStatus(0x0000_0E03_0000_0000), "TDX_ALREADY_WRITE_BLOCKED"),
        (TdxStatus(0x0000_0E17_0000_0000), "TDX_MEM_RANGE_SCAN_SUCCESS"),
        (TdxStatus(0x0000_0E18_0000_0000), "TDX_MEM_SCAN_SUCCESS"),
        (TdxStatus(0x0000_0F0D_0000_0000), "TDX_DEVIF_ALREADY_VALID"),
        (TdxStatus(0x0000_0F28_0000_0000), "TDX_MMIO_PAGE_ALREADY_ACCEPTED"),
        (TdxStatus(0x0000_0F3B_0000_0000), "TDX_IOMMU_IOTLB_TRACKING_NOT_REQUIRED"),
        (TdxStatus(0x0000_0F53_0000_0000), "TDX_GUEST_INV_NOT_REQUIRED"),
        (TdxStatus(0x0000_0F56_0000_0000), "TDX_IOTLB_INV_REQUEST"),
        (TdxStatus(0x0000_1100_0000_0000), "TDX_L2_EXIT_HOST_ROUTED_ASYNC"),
        (TdxStatus(0x0000_1101_0000_0000), "TDX_L2_EXIT_HOST_ROUTED_TDVMCALL"),
        (TdxStatus(0x0000_1102_0000_0000), "TDX_L2_EXIT_PENDING_INTERRUPT"),
        (TdxStatus(0x0000_1120_0000_0000), "TDX_PENDING_INTERRUPT"),
        (TdxStatus(0x0000_1140_0000_0000), "TDX_TD_EXIT_BEFORE_L2_ENTRY"),
        (TdxStatus(0x0000_1141_0000_0000), "TDX_TD_EXIT_ON_L2_VM_EXIT"),
        (TdxStatus(0x0000_1142_0000_0000), "TDX_TD_EXIT_ON_L2_TO_L1"),
        (TdxStatus(0x4000_0001_0000_0000), "TDX_NON_RECOVERABLE_VCPU"),
        // TDX_NON_RECOVERABLE_TD in module 1.0.00, 1.0.3
        (TdxStatus(0x4000_0002_0000_0000), "TDX_NON_RECOVERABLE_TD"),
        (TdxStatus(0x4000_0005_0000_0000), "TDX_NON_RECOVERABLE_TD_FATAL"),
        (TdxStatus(0x6000_0002_0000_0000), "TDX_NON_RECOVERABLE_TD"),
        (TdxStatus(0x6000_0005_0000_0000), "TDX_NON_RECOVERABLE_TD_NON_ACCESSIBLE"),
        (TdxStatus(0x6000_000A_0000_0000), "TDX_NON_RECOVERABLE_TD_CORRUPTED_MD"),
        (TdxStatus(0x8000_0003_0000_0000), "TDX_INTERRUPTED_RESUMABLE"),
        (TdxStatus(0x8000_0004_0000_0000), "TDX_INTERRUPTED_RESTARTABLE"),
        (TdxStatus(0x8000_0008_0000_0000), "TDX_CROSS_TD_FAULT"),
        (TdxStatus(0x8000_000C_0000_0000), "TDX_INTERRUPTED_LIST_FULL"),
        (TdxStatus(0x8000_0200_0000_0000), "TDX_OPERAND_BUSY"),
        (TdxStatus(0x8000_0201_0000_0000), "TDX_PREVIOUS_TLB_EPOCH_BUSY"),
        (TdxStatus(0x8000_0202_0000_0000), "TDX_SYS_BUSY"),
        (TdxStatus(0x8000_0203_0000_0000), "TDX_RND_NO_ENTROPY"),
        (TdxStatus(0x8000_0204_0000_0000), "TDX_OPERAND_BUSY_HOST_PRIORITY"),
        (TdxStatus(0x8000_0206_0000_0000), "TDX_INTERRUPTED_BUSY"),
        (TdxStatus(0x8000_0307_0000_0000), "TDX_INTERRUPTED_PAMT"),
        (TdxStatus(0x8000_0308_0000_0000), "TDX_MISSING_PAMT_PAGE_PAIR"),
        (TdxStatus(0x8000_0512_0000_0000), "TDX_UPDATE_COMPATIBILITY_SENSITIVE"),
        (TdxStatus(0x8000_0701_0000_0000), "TDX_VCPU_ASSOCIATED"),
        (TdxStatus(0x8000_0702_0000_0000), "TDX_VCPU_NOT_ASSOCIATED"),
        (TdxStatus(0x8000_0800_0000_0000), "TDX_KEY_GENERATION_FAILED"),
        (TdxStatus(0x8000_0810_0000_0000), "TDX_TD_KEYS_NOT_CONFIGURED"),
        (TdxStatus(0x8000_0817_0000_0000), "TDX_WBCACHE_NOT_COMPLETE"),
        (TdxStatus(0x8000_0824_0000_0000), "TDX_FLUSHVP_NOT_DONE"),
        (TdxStatus(0x8000_0B13_0000_0000), "TDX_BLOCKED_MEMORY_EXISTS"),
        (TdxStatus(0x8000_0E19_0000_0000), "TDX_MEM_SCAN_FAILED_BLOCKED_RANGE"),
        (TdxStatus(0x8000_0E1A_0000_0000), "TDX_MEM_SCAN_FAILED_OTHER_THREAD"),
        (TdxStatus(0x8000_0E1B_0000_0000), "TDX_MEM_SCAN_CONFIG_REQUIRED"),
        (TdxStatus(0x8000_0E1C_0000_0000), "TDX_MEM_SCAN_ALREADY_SUCCESSFUL"),
        (TdxStatus(0x8000_0E1D_0000_0000), "TDX_UNEXPORTED_MEMORY_REMAINS"),
        (TdxStatus(0x8000_0E1F_0000_0000), "TDX_MEM_SCAN_IN_PROGRESS"),
        (TdxStatus(0x8000_0E21_0000_0000), "TDX_MEM_SCAN_DCHECK_NOT_DONE"),
        (TdxStatus(0x8000_0F01_0000_0000), "TDX_IOMMU_IQ_FULL"),
        (TdxStatus(0x8000_0F51_0000_0000), "TDX_IOMMU_ECMD_TIMEOUT"),
        (TdxStatus(0x8000_0F52_0000_0000), "TDX_IOMMU_ECMD_ERROR"),
        (TdxStatus(0x8000_1103_0000_0000), "TDX_L2_VM_ENTRY_FAILED"),
        (TdxStatus(0x8000_FF00_0000_0000), "TDX_SW_ERROR"),
        (TdxStatus(0x8000_FF00_0000_0006), "TDX_SEAMCALL_UD"),
        (TdxStatus(0x8000_FF00_0000_000D), "TDX_SEAMCALL_GP"),
        (TdxStatus(0x8000_FF00_FFFF_0000), "TDX_SEAMCALL_VMFAILINVALID"),
        (TdxStatus(0x9000_0009_0000_0000), "TDX_CROSS_TD_TRAP"),
        (TdxStatus(0x9000_0205_0000_0000), "TDX_HOST_PRIORITY_BUSY_TIMEOUT"),
        (TdxStatus(0xC000_0006_0000_0000), "TDX_INVALID_RESUMPTION"),
        // TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE in module 1.0.00, 1.0.3
        (TdxStatus(0xC000_0007_0000_0000), "TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE"),
        (TdxStatus(0xC000_0100_0000_0000), "TDX_OPERAND_INVALID"),
        (TdxStatus(0xC000_0101_0000_0000), "TDX_OPERAND_ADDR_RANGE_ERROR"),
        (TdxStatus(0xC000_0102_0000_0000), "TDX_EVENT_FILTER_INVALID"),
        (TdxStatus(0xC000_0103_0000_0000), "TDX_EVENT_FILTER_ORDER_INVALID"),
        (TdxStatus(0xC000_0300_0000_0000), "TDX_PAGE_METADATA_INCORRECT"),
        (TdxStatus(0xC000_0302_0000_0000), "TDX_PAGE_NOT_OWNED_BY_TD"),
        (TdxStatus(0xC000_0303_0000_0000), "TDX_PAGE_NOT_FREE"),
        (TdxStatus(0xC000_0304_0000_0000), "TDX_HPA_RANGE_NOT_FREE"),
        (TdxStatus(0xC000_0305_0000_0000), "TDX_NO_PAMT_PAGE_PAIR"),
        (TdxStatus(0xC000_0306_0000_0000), "TDX_PAMT_PAGE_NOT_EMPTY"),
        (TdxStatus(0xC000_0400_0000_0000), "TDX_TD_ASSOCIATED_PAGES_EXIST"),
        (TdxStatus(0xC000_0500_0000_0000), "TDX_SYS_INIT_NOT_PENDING"),
        (TdxStatus(0xC000_0502_0000_0000), "TDX_SYS_LP_INIT_NOT_DONE"),
        (TdxStatus(0xC000_0503_0000_0000), "TDX_SYS_LP_INIT_DONE"),
        (TdxStatus(0xC000_0505_0000_0000), "TDX_SYS_NOT_READY"),
        (TdxStatus(0xC000_0506_0000_0000), "TDX_SYS_SHUTDOWN"),
        (TdxStatus(0xC000_0507_0000_0000), "TDX_SYS_KEY_CONFIG_NOT_PENDING"),
        (TdxStatus(0xC000_0508_0000_0000), "TDX_SYS_STATE_INCORRECT"),
        (TdxStatus(0xC000_0509_0000_0000), "TDX_SYS_INVALID_HANDOFF"),
        (TdxStatus(0xC000_050A_0000_0000), "TDX_SYS_INCOMPATIBLE_SIGSTRUCT"),
        (TdxStatus(0xC000_050B_0000_0000), "TDX_SYS_LP_INIT_NOT_PENDING"),
        (TdxStatus(0xC000_050C_0000_0000), "TDX_SYS_CONFIG_NOT_PENDING"),
        (TdxStatus(0xC000_050D_0000_0000), "TDX_INCOMPATIBLE_SEAM_CAPABILITIES"),
        (TdxStatus(0xC000_050F_0000_0000), "TDX_INCOMPATIBLE_SEAM_FEATURES"),
        (TdxStatus(0xC000_0511_0000_0000), "TDX_CRYPTO_SELF_TEST_FAILED"),
        (TdxStatus(0xC000_0600_0000_0000), "TDX_TD_NOT_INITIALIZED"),
        (TdxStatus(0xC000_0601_0000_0000), "TDX_TD_INITIALIZED"),
        (TdxStatus(0xC000_0602_0000_0000), "TDX_TD_NOT_FINALIZED"),
        (TdxStatus(0xC000_0603_0000_0000), "TDX_TD_FINALIZED"),
        // TDX_TD_FATAL in module 1.0.00, 1.0.3
        (TdxStatus(0xC000_0604_0000_0000), "TDX_TD_FATAL"),
        (TdxStatus(0xC000_0605_0000_0000), "TDX_TD_NON_DEBUG"),
        (TdxStatus(0xC000_0606_0000_0000), "TDX_TDCS_NOT_ALLOCATED"),
        (TdxStatus(0xC000_0607_0000_0000), "TDX_LIFECYCLE_STATE_INCORRECT"),
        (TdxStatus(0xC000_0608_0000_0000), "TDX_OP_STATE_INCORRECT"),
        (TdxStatus(0xC000_0609_0000_0000), "TDX_NO_VCPUS"),
        (TdxStatus(0xC000_060A_0000_0000), "TDX_DEBUG_MEM_NOT_WRITABLE"),
        (TdxStatus(0xC000_0610_0000_0000), "TDX_TDCX_NUM_INCORRECT"),
        (TdxStatus(0xC000_0621_0000_0000), "TDX_X2APIC_ID_NOT_UNIQUE"),
        (TdxStatus(0xC000_0622_0000_0000), "TDX_INCOMPATIBLE_MRTD_CONTEXT"),
        (TdxStatus(0xC000_0700_0000_0000), "TDX_VCPU_STATE_INCORRECT"),
        (TdxStatus(0xC000_0703_0000_0000), "TDX_TDVPX_NUM_INCORRECT"),
        (TdxStatus(0xC000_0704_0000_0000), "TDX_NO_VALID_VE_INFO"),
        (TdxStatus(0xC000_0705_0000_0000), "TDX_MAX_VCPUS_EXCEEDED"),
        (TdxStatus(0xC000_0706_0000_0000), "TDX_TSC_ROLLBACK"),
        (TdxStatus(0xC000_0707_0000_0000), "TDX_INTERRUPTIBILITY_BLOCKED"),
        (TdxStatus(0xC000_0720_0000_0000), "TDX_FIELD_NOT_WRITABLE"),
        (TdxStatus(0xC000_0721_0000_0000), "TDX_FIELD_NOT_READABLE"),
        (TdxStatus(0xC000_0730_0000_0000), "TDX_TD_VMCS_FIELD_NOT_INITIALIZED"),
        (TdxStatus(0xC000_0731_0000_0000), "TD_VMCS_FIELD_ERROR"),
        (TdxStatus(0xC000_0811_0000_0000), "TDX_KEY_STATE_INCORRECT"),
        (TdxStatus(0xC000_0820_0000_0000), "TDX_HKID_NOT_FREE"),
        (TdxStatus(0xC000_0823_0000_0000), "TDX_WBCACHE_RESUME_ERROR"),
        (TdxStatus(0xC000_0825_0000_0000), "TDX_NUM_ACTIVATED_HKIDS_NOT_SUPPORTED"),
        (TdxStatus(0xC000_0900_0000_0000), "TDX_INCORRECT_CPUID_VALUE"),
        (TdxStatus(0xC000_0901_0000_0000), "TDX_LIMIT_CPUID_MAXVAL_SET"),
        (TdxStatus(0xC000_0902_0000_0000), "TDX_INCONSISTENT_CPUID_FIELD"),
        (TdxStatus(0xC000_0903_0000_0000), "TDX_CPUID_MAX_SUBLEAVES_UNRECOGNIZED"),
        (TdxStatus(0xC000_0904_0000_0000), "TDX_CPUID_LEAF_1F_FORMAT_UNRECOGNIZED"),
        (TdxStatus(0xC000_0905_0000_0000), "TDX_INVALID_WBINVD_SCOPE"),
        (TdxStatus(0xC000_0906_0000_0000), "TDX_INVALID_PKG_ID"),
        (TdxStatus(0xC000_0907_0000_0000), "TDX_ENABLE_MONITOR_FSM_NOT_SET"),
        (TdxStatus(0xC000_0908_0000_0000), "TDX_CPUID_LEAF_NOT_SUPPORTED"),
        (TdxStatus(0xC000_0910_0000_0000), "TDX_SMRR_NOT_LOCKED"),
        (TdxStatus(0xC000_0911_0000_0000), "TDX_INVALID_SMRR_CONFIGURATION"),
        (TdxStatus(0xC000_0912_0000_0000), "TDX_SMRR_OVERLAPS_CMR"),
        (TdxStatus(0xC000_0913_0000_0000), "TDX_SMRR_LOCK_NOT_SUPPORTED"),
        (TdxStatus(0xC000_0914_0000_0000), "TDX_SMRR_NOT_SUPPORTED"),
        (TdxStatus(0xC000_0920_0000_0000), "TDX_INCONSISTENT_MSR"),
        (TdxStatus(0xC000_0921_0000_0000), "TDX_INCORRECT_MSR_VALUE"),
        (TdxStatus(0xC000_0930_0000_0000), "TDX_SEAMREPORT_NOT_AVAILABLE"),
        (TdxStatus(0xC000_0931_0000_0000), "TDX_SEAMDB_GETREF_NOT_AVAILABLE"),
        (TdxStatus(0xC000_0932_0000_0000), "TDX_SEAMDB_REPORT_NOT_AVAILABLE"),
        (TdxStatus(0xC000_0933_0000_0000), "TDX_SEAMVERIFYREPORT_NOT_AVAILABLE"),
        (TdxStatus(0xC000_0A00_0000_0000), "TDX_INVALID_TDMR"),
        (TdxStatus(0xC000_0A01_0000_0000), "TDX_NON_ORDERED_TDMR"),
        (TdxStatus(0xC000_0A02_0000_0000), "TDX_TDMR_OUTSIDE_CMRS"),
        (TdxStatus(0xC000_0A10_0000_0000), "TDX_INVALID_PAMT"),
        (TdxStatus(0xC000_0A11_0000_0000), "TDX_PAMT_OUTSIDE_CMRS"),
        (TdxStatus(0xC000_0A12_0000_0000), "TDX_PAMT_OVERLAP"),
        (TdxStatus(0xC000_0A20_0000_0000), "TDX_INVALID_RESERVED_IN_TDMR"),
        (TdxStatus(0xC000_0A21_0000_0000), "TDX_NON_ORDERED_RESERVED_IN_TDMR"),
        (TdxStatus(0xC000_0A22_0000_0000), "TDX_CMR_LIST_INVALID"),
        (TdxStatus(0xC000_0B00_0000_0000), "TDX_EPT_WALK_FAILED"),
        (TdxStatus(0xC000_0B01_0000_0000), "TDX_EPT_ENTRY_FREE"),
        (TdxStatus(0xC000_0B02_0000_0000), "TDX_EPT_ENTRY_NOT_FREE"),
        (TdxStatus(0xC000_0B03_0000_0000), "TDX_EPT_ENTRY_NOT_PRESENT"),
        (TdxStatus(0xC000_0B04_0000_0000), "TDX_EPT_ENTRY_NOT_LEAF"),
        (TdxStatus(0xC000_0B05_0000_0000), "TDX_EPT_ENTRY_LEAF"),
        (TdxStatus(0xC000_0B06_0000_0000), "TDX_GPA_RANGE_NOT_BLOCKED"),
        (TdxStatus(0xC000_0B08_0000_0000), "TDX_TLB_TRACKING_NOT_DONE"),
        (TdxStatus(0xC000_0B09_0000_0000), "TDX_EPT_INVALID_PROMOTE_CONDITIONS"),
        (TdxStatus(0xC000_0B0B_0000_0000), "TDX_PAGE_SIZE_MISMATCH"),
        (TdxStatus(0xC000_0B0C_0000_0000), "TDX_GPA_RANGE_BLOCKED"),
        (TdxStatus(0xC000_0B0D_0000_0000), "TDX_EPT_ENTRY_STATE_INCORRECT"),
        (TdxStatus(0xC000_0B0E_0000_0000), "TDX_EPT_PAGE_NOT_FREE"),
        (TdxStatus(0xC000_0B0F_0000_0000), "TDX_L2_SEPT_WALK_FAILED"),
        (TdxStatus(0xC000_0B10_0000_0000), "TDX_L2_SEPT_ENTRY_NOT_FREE"),
        (TdxStatus(0xC000_0B11_0000_0000), "TDX_PAGE_ATTR_INVALID"),
        (TdxStatus(0xC000_0B12_0000_0000), "TDX_L2_SEPT_PAGE_NOT_PROVIDED"),
        (TdxStatus(0xC000_0C00_0000_0000), "TDX_METADATA_FIELD_ID_INCORRECT"),
        (TdxStatus(0xC000_0C01_0000_0000), "TDX_METADATA_FIELD_NOT_WRITABLE"),
        (TdxStatus(0xC000_0C02_0000_0000), "TDX_METADATA_FIELD_NOT_READABLE"),
        (TdxStatus(0xC000_0C03_0000_0000), "TDX_METADATA_FIELD_VALUE_NOT_VALID"),
        (TdxStatus(0xC000_0C04_0000_0000), "TDX_METADATA_LIST_OVERFLOW"),
        (TdxStatus(0xC000_0C05_0000_0000), "TDX_INVALID_METADATA_LIST_HEADER"),
        (TdxStatus(0xC000_0C06_0000_0000), "TDX_REQUIRED_METADATA_FIELD_MISSING"),
        (TdxStatus(0xC000_0C07_0000_0000), "TDX_METADATA_ELEMENT_SIZE_INCORRECT"),
        (TdxStatus(0xC000_0C08_0000_0000), "TDX_METADATA_LAST_ELEMENT_INCORRECT"),
        (TdxStatus(0xC000_0C09_0000_0000), "TDX_METADATA_FIELD_CURRENTLY_NOT_WRITABLE"),
        (TdxStatus(0xC000_0C0A_0000_0000), "TDX_METADATA_WR_MASK_NOT_VALID"),
        (TdxStatus(0xC000_0C0D_0000_0000), "TDX_VIRTUAL_MSR_VALUE_NOT_VALID"),
        (TdxStatus(0xC000_0C0E_0000_0000), "TDX_METADATA_FIELD_NOT_ALLOCATED"),
        (TdxStatus(0xC000_0D00_0000_0000), "TDX_SERVTD_ALREADY_BOUND_FOR_TYPE"),
        (TdxStatus(0xC000_0D01_0000_0000), "TDX_SERVTD_TYPE_MISMATCH"),
        (TdxStatus(0xC000_0D02_0000_0000), "TDX_SERVTD_ATTR_MISMATCH"),
        (TdxStatus(0xC000_0D03_0000_0000), "TDX_SERVTD_INFO_HASH_MISMATCH"),
        (TdxStatus(0xC000_0D04_0000_0000), "TDX_SERVTD_UUID_MISMATCH"),
        (TdxStatus(0xC000_0D05_0000_0000), "TDX_SERVTD_NOT_BOUND"),
        (TdxStatus(0xC000_0D06_0000_0000), "TDX_SERVTD_BOUND"),
        (TdxStatus(0xC000_0D07_0000_0000), "TDX_TARGET_UUID_MISMATCH"),
        (TdxStatus(0xC000_0D08_0000_0000), "TDX_TARGET_UUID_UPDATED"),
        (TdxStatus(0xC000_0D0C_0000_0000), "TDX_SERVTD_NESTING_NOT_ALLOWED"),
        (TdxStatus(0xC000_0D0D_0000_0000), "TDX_SERVTD_CANNOT_BE_MIGRATABLE"),
        (TdxStatus(0xC000_0E00_0000_0000), "TDX_INVALID_MBMD"),
        (TdxStatus(0xC000_0E01_0000_0000), "TDX_INCORRECT_MBMD_MAC"),
        (TdxStatus(0xC000_0E02_0000_0000), "TDX_NOT_WRITE_BLOCKED"),
        (TdxStatus(0xC000_0E04_0000_0000), "TDX_NOT_EXPORTED"),
        (TdxStatus(0xC000_0E05_0000_0000), "TDX_MIGRATION_STREAM_STATE_INCORRECT"),
        (TdxStatus(0xC000_0E06_0000_0000), "TDX_MAX_MIGS_NUM_EXCEEDED"),
        (TdxStatus(0xC000_0E07_0000_0000), "TDX_EXPORTED_DIRTY_PAGES_REMAIN"),
        (TdxStatus(0xC000_0E08_0000_0000), "TDX_MIGRATION_DECRYPTION_KEY_NOT_SET"),
        (TdxStatus(0xC000_0E09_0000_0000), "TDX_TD_NOT_MIGRATABLE"),
        (TdxStatus(0xC000_0E0A_0000_0000), "TDX_PREVIOUS_EXPORT_CLEANUP_INCOMPLETE"),
        (TdxStatus(0xC000_0E0B_0000_0000), "TDX_NUM_MIGS_HIGHER_THAN_CREATED"),
        (TdxStatus(0xC000_0E0C_0000_0000), "TDX_IMPORT_MISMATCH"),
        (TdxStatus(0xC000_0E0D_0000_0000), "TDX_MIGRATION_EPOCH_OVERFLOW"),
        (TdxStatus(0xC000_0E0E_0000_0000), "TDX_MAX_EXPORTS_EXCEEDED"),
        (TdxStatus(0xC000_0E0F_0000_0000), "TDX_INVALID_PAGE_MAC"),
        (TdxStatus(0xC000_0E10_0000_0000), "TDX_MIGRATED_IN_CURRENT_EPOCH"),
        (TdxStatus(0xC000_0E11_0000_0000), "TDX_DISALLOWED_IMPORT_OVER_REMOVED"),
        (TdxStatus(0xC000_0E12_0000_0000), "TDX_SOME_VCPUS_NOT_MIGRATED"),
        (TdxStatus(0xC000_0E13_0000_0000), "TDX_ALL_VCPUS_IMPORTED"),
        (TdxStatus(0xC000_0E14_0000_0000), "TDX_MIN_MIGS_NOT_CREATED"),
        (TdxStatus(0xC000_0E15_0000_0000), "TDX_VCPU_ALREADY_EXPORTED"),
        (TdxStatus(0xC000_0E16_0000_0000), "TDX_INVALID_MIGRATION_DECRYPTION_KEY"),
        (TdxStatus(0xC000_0E1E_0000_0000), "TDX_MEM_SCAN_CONFIG_ALREADY_DONE"),
        (TdxStatus(0xC000_0E20_0000_0000), "TDX_BLOCKING_DISALLOWED"),
        (TdxStatus(0xC000_0E22_0000_0000), "TDX_INCOMPATIBLE_MBMD_MAC_CONTEXT"),
        (TdxStatus(0xC000_0F00_0000_0000), "TDX_IOMMU_INVALID_STATE"),
        (TdxStatus(0xC000_0F02_0000_0000), "TDX_IOMMU_RP_NOT_CONFIGURED"),
        (TdxStatus(0xC000_0F03_0000_0000), "TDX_IOMMU_IOTLB_TRACKING_NOT_DONE"),
        (TdxStatus(0xC000_0F04_0000_0000), "TDX_IOMMU_RP_IDE_MUST_BE_DISABLED"),
        (TdxStatus(0xC000_0F05_0000_0000), "TDX_SPDM_HAS_ACTIVE_IDE_STREAMS"),
        (TdxStatus(0xC000_0F06_0000_0000), "TDX_SPDM_INVALID_STATE"),
        (TdxStatus(0xC000_0F07_0000_0000), "TDX_DMAR_INVALID_MAPPING_STATE"),
        (TdxStatus(0xC000_0F08_0000_0000), "TDX_DMAR_INVALID_INV_STATE"),
        (TdxStatus(0xC000_0F09_0000_0000), "TDX_DMAR_INVALID_RID_PASID"),
        (TdxStatus(0xC000_0F0A_0000_0000), "TDX_DEVIF_HANDLE_ERROR"),
        (TdxStatus(0xC000_0F0B_0000_0000), "TDX_DEVIF_PKH_MISMATCH"),
        (TdxStatus(0xC000_0F0C_0000_0000), "TDX_DEVIF_INVALID"),
        (TdxStatus(0xC000_0F0E_0000_0000), "TDX_DEVIF_TDISP_INVALID_REQ_STS"),
        (TdxStatus(0xC000_0F0F_0000_0000), "TDX_DEVIF_TDISP_INVALID_MESSAGE"),
        (TdxStatus(0xC000_0F10_0000_0000), "TDX_DEVIF_TDISP_INVALID_STATE"),
        (TdxStatus(0xC000_0F11_0000_0000), "TDX_DEVIF_INVALID_STATE"),
        (TdxStatus(0xC000_0F12_0000_0000), "TDX_DEVIF_HAS_BOUND_PASIDS"),
        (TdxStatus(0xC000_0F13_0000_0000), "TDX_DEVIF_HAS_MAPPED_MMIO"),
        (TdxStatus(0xC000_0F14_0000_0000), "TDX_DEVIF_TDISP_OUT_REQ"),
        (TdxStatus(0xC000_0F16_0000_0000), "TDX_IDE_STREAM_NOT_FREE"),
        (TdxStatus(0xC000_0F17_0000_0000), "TDX_IDE_STREAM_NOT_SUPPORTED"),
        (TdxStatus(0xC000_0F18_0000_0000), "TDX_IDE_STREAM_NOT_CONFIGURED"),
        (TdxStatus(0xC000_0F19_0000_0000), "TDX_IDE_STREAM_BLOCKED"),
        (TdxStatus(0xC000_0F1A_0000_0000), "TDX_IDE_STREAM_NOT_BLOCKED"),
        (TdxStatus(0xC000_0F1B_0000_0000), "TDX_IDE_STREAM_ADDR_OVERLAP"),
        (TdxStatus(0xC000_0F1C_0000_0000), "TDX_IDE_STREAM_RID_OVERLAP"),
        (TdxStatus(0xC000_0F1D_0000_0000), "TDX_IDE_STREAM_KEY_ID_ALREADY_USED"),
        (TdxStatus(0xC000_0F1E_0000_0000), "TDX_IDE_STREAM_IDE_ID_ALREADY_USED"),
        (TdxStatus(0xC000_0F1F_0000_0000), "TDX_IDE_STREAM_HAS_DEVICE_INTERFACES"),
        (TdxStatus(0xC000_0F20_0000_0000), "TDX_IDE_STREAM_IDEKM_OUTREQ"),
        (TdxStatus(0xC000_0F21_0000_0000), "TDX_IDE_STREAM_IDEKM_KEYS_NOT_READY"),
        (TdxStatus(0xC000_0F22_0000_0000), "TDX_IDE_STREAM_IDEKM_NO_ENTROPY"),
        (TdxStatus(0xC000_0F23_0000_0000), "TDX_IDE_STREAM_IDEKM_INVALID_RESPONSE"),
        (TdxStatus(0xC000_0F24_0000_0000), "TDX_IDE_STREAM_INVALID_STATE"),
        (TdxStatus(0xC000_0F25_0000_0000), "TDX_MMIO_INVALID_PAGE_METADATA"),
        (TdxStatus(0xC000_0F26_0000_0000), "TDX_MMIO_ACCEPT_SIZE_MISMATCH"),
        (TdxStatus(0xC000_0F27_0000_0000), "TDX_MMIO_DEVIF_OWNER_MISMATCH"),
        (TdxStatus(0xC000_0F29_0000_0000), "TDX_PASID_TABLE_ALREADY_MAPPED"),
        (TdxStatus(0xC000_0F2A_0000_0000), "TDX_PASID_TABLE_NOT_MAPPED"),
        (TdxStatus(0xC000_0F2B_0000_0000), "TDX_PASID_TABLE_NOT_EMPTY"),
        (TdxStatus(0xC000_0F2C_0000_0000), "TDX_PASID_TD_ASSOCIATED_PASIDS_EXIST"),
        (TdxStatus(0xC000_0F2D_0000_0000), "TDX_PASID_TRACK_IN_PROGRESS"),
        (TdxStatus(0xC000_0F2E_0000_0000), "TDX_PASID_TRACK_PASID_MISMATCH"),
        (TdxStatus(0xC000_0F2F_0000_0000), "TDX_PASID_TRACK_NOT_DONE"),
        (TdxStatus(0xC000_0F30_0000_0000), "TDX_PASID_DEVIF_OWNER_MISMATCH"),
        (TdxStatus(0xC000_0F31_0000_0000), "TDX_GUEST_PASID_ALREADY_MAPPED"),
        (TdxStatus(0xC000_0F32_0000_0000), "TDX_GUEST_PASID_NOT_MAPPED"),
        (TdxStatus(0xC000_0F33_0000_0000), "TDX_PASIDMT_NOT_FOUND"),
        (TdxStatus(0xC000_0F34_0000_0000), "TDX_PASIDMT_ALREADY_PRESENT"),
        (TdxStatus(0xC000_0F35_0000_0000), "TDX_PASIDMT_NOT_PRESENT"),
        (TdxStatus(0xC000_0F36_0000_0000), "TDX_PASIDMT_INVALID_STATE"),
        (TdxStatus(0xC000_0F37_0000_0000), "TDX_PASIDMT_PAGE_NOT_EMPTY"),
        (TdxStatus(0xC000_0F38_0000_0000), "TDX_DMAR_INDEX_OUT_OF_BOUNDS"),
        (TdxStatus(0xC000_0F39_0000_0000), "TDX_DMAR_ENTRY_NOT_PRESENT"),
        (TdxStatus(0xC000_0F3A_0000_0000), "TDX_TD_HAS_ATTACHED_DEVICES"),
        (TdxStatus(0xC000_0F3C_0000_0000), "TDX_SPDM_AUTH_FAILED"),
        (TdxStatus(0xC000_0F3D_0000_0000), "TDX_IOMMU_MT_PAGE_IN_USE"),
        (TdxStatus(0xC000_0F3E_0000_0000), "TDX_IOMMU_KCB_MUST_BE_DISABLED"),
        (TdxStatus(0xC000_0F3F_0000_0000), "TDX_DEVIF_HAS_MAPPED_DMA"),
        (TdxStatus(0xC000_0F40_0000_0000), "TDX_DEVIFMT_NOT_PRESENT"),
        (TdxStatus(0xC000_0F41_0000_0000), "TDX_DEVIF_INVALID_METADATA"),
        (TdxStatus(0xC000_0F42_0000_0000), "TDX_DEVIFMT_ALREADY_PRESENT"),
        (TdxStatus(0xC000_0F43_0000_0000), "TDX_SPDM_ENTRY_ALREADY_PRESENT"),
        (TdxStatus(0xC000_0F44_0000_0000), "TDX_SPDM_ENTRY_NOT_PRESENT"),
        (TdxStatus(0xC000_0F45_0000_0000), "TDX_SPDM_SESSION_KEY_REQUIRE_REFRESH"),
        (TdxStatus(0xC000_0F46_0000_0000), "TDX_CONNECT_INVALID_STATE"),
        (TdxStatus(0xC000_0F47_0000_0000), "TDX_MMIOMT_NOT_PRESENT"),
        (TdxStatus(0xC000_0F48_0000_0000), "TDX_IOMMU_RP_INVALID_CONFIGURATION"),
        (TdxStatus(0xC000_0F49_0000_0000), "TDX_DEVIF_INVALID_TDI_CONFIGURATION"),
        (TdxStatus(0xC000_0F4A_0000_0000), "TDX_DEVIF_TDISP_ERROR_STATE"),
        (TdxStatus(0xC000_0F4B_0000_0000), "TDX_DEVIF_TDISP_INVALID_REPORT"),
        (TdxStatus(0xC000_0F4C_0000_0000), "TDX_MMIO_PAGE_NOT_IN_ASSOC_RANGE"),
        (TdxStatus(0xC000_0F4D_0000_0000), "TDX_MMIO_INVALID_HPA_OFFSET"),
        (TdxStatus(0xC000_0F4E_0000_0000), "TDX_SPDM_INVALID_MESSAGE"),
        (TdxStatus(0xC000_0F4F_0000_0000), "TDX_TPR_INVALID_STATE"),
        (TdxStatus(0xC000_0F50_0000_0000), "TDX_SMRR_OVERLAPS_IO_RANGE"),
        (TdxStatus(0xC000_0F54_0000_0000), "TDX_GUEST_INV_IN_PROGRESS"),
        (TdxStatus(0xC000_0F55_0000_0000), "TDX_GUEST_INV_INVALID_DESC"),
        (TdxStatus(0xC000_0F5C_0000_0000), "TDX_TPR_RANGE_ENABLED"),
        (TdxStatus(0xC000_1000_0000_0000), "TDX_INVALID_CPUSVN"),
        (TdxStatus(0xC000_1001_0000_0000), "TDX_INVALID_REPORTMACSTRUCT"),
        (TdxStatus(0xC000_1004_0000_0000), "TDX_MR_KEY_GET_NOT_SUPPORTED"),
        (TdxStatus(0xC000_1006_0000_0000), "TDX_SVN_INVALID"),
        (TdxStatus(0xC000_1160_0000_0000), "TDX_GLA_NOT_CANONICAL"),
        (TdxStatus(0xE000_0007_0000_0000), "TDX_NON_RECOVERABLE_TD_WRONG_APIC_MODE"),
        (TdxStatus(0xE000_0604_0000_0000), "TDX_TD_FATAL"),
        (TdxStatus(0xE000_0E23_0000_0000), "TDX_INCOMPATIBLE_EXPORT_MODE_TD_NON_ACCESSIBLE"),
    ];
}
