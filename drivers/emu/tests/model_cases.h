/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test cases of the emulated SMMUv3 device model, shared by the native
 * test program (drivers/emu/native/smmu_test.c) and the KUnit suites
 * (kunit/emu_model_test.c).  Include after model_helpers.h.
 *
 * A case is S3E_CASE(name) { ... }: it starts from model_reset() (no
 * instance, memory zeroed) and builds what it needs.  A table-driven case
 * runs once per element of a static array whose elements start with
 * "const char *name" (the element's name), declared with S3E_PARAMS(); the
 * case finds its element in test->param_value.
 *
 * The cases are in the cases_<area>.h files, included below in order (a
 * file may use the helpers of those before it).  The s3e_model_<area>[]
 * lists at the end name every case, one list per area, as
 * S3E_LIST_ENTRY(case) or S3E_PARAM_ENTRY(case, array), ended by an empty
 * entry.  The environment defines what they are made of: KUnit
 * cases for kunit/emu_model_test.c, where struct s3e_test is struct kunit,
 * so that a case is its own KUnit case; the native runner's entries in
 * smmu_test.c.  The environment defines:
 *  struct s3e_test      with a const void *param_value member
 *  S3E_LIST_TYPE        the struct tag of the list entries
 *  S3E_LIST_ENTRY(n)    entry of case n
 *  S3E_PARAM_ENTRY(n, array)  entry of table-driven case n over array
 *  S3E_PARAMS(array)    whatever the environment needs per array
 *  __maybe_unused       (the kernel's attribute)
 * besides what model_helpers.h lists.
 */
#ifndef S3E_MODEL_CASES_H
#define S3E_MODEL_CASES_H

#include "model_helpers.h"

#define S3E_CASE(name) \
	static void s3e_case_##name(struct s3e_test *test __maybe_unused)

/* The cases, by area */
#include "cases_regs.h"
#include "cases_queues.h"
#include "cases_strtab.h"
#include "cases_cd.h"
#include "cases_translate.h"
#include "cases_inval.h"
#include "cases_dma.h"
#include "cases_robust.h"
#include "cases_strict.h"
#include "cases_caching.h"
#include "cases_stall.h"
#include "cases_httu.h"

/* ================================================================== */
/* Case lists, by area */

static struct S3E_LIST_TYPE s3e_model_regs[] = {
	S3E_LIST_ENTRY(reset_idr0),
	S3E_LIST_ENTRY(reset_idr1_5_iidr_aidr),
	S3E_LIST_ENTRY(idr_stage1_only),
	S3E_LIST_ENTRY(stage1_only_strw_res0),
	S3E_LIST_ENTRY(idr_stage2_only),
	S3E_PARAM_ENTRY(create_rejects, create_bad),
	S3E_LIST_ENTRY(create_alloc_failure),
	S3E_LIST_ENTRY(mem_size_matches_allocations),
	S3E_LIST_ENTRY(reset_values),
	S3E_LIST_ENTRY(reset_restores_state),
	S3E_LIST_ENTRY(cr0_ack_mirrors_and_res0),
	S3E_LIST_ENTRY(irq_ctrl_ack),
	S3E_LIST_ENTRY(cr1_cr2_writable_only_while_disabled),
	S3E_LIST_ENTRY(gbpa_update_handshake),
	S3E_LIST_ENTRY(gbpa_abort_when_disabled),
	S3E_LIST_ENTRY(gbpa_bypass_when_disabled),
	S3E_LIST_ENTRY(gbpa_bypass_beyond_oas_aborts),
	S3E_LIST_ENTRY(gerror_toggle_and_ack),
	S3E_LIST_ENTRY(gerrorn_inactive_bits_ignored),
	S3E_LIST_ENTRY(gerror_irq_gated),
	S3E_LIST_ENTRY(gerror_msi),
	S3E_LIST_ENTRY(gerror_msi_abort),
	S3E_LIST_ENTRY(strtab_base_ignored_while_smmuen),
	S3E_LIST_ENTRY(queue_base_ignored_while_enabled),
	S3E_LIST_ENTRY(queue_indices_ro_while_enabled),
	S3E_LIST_ENTRY(irq_cfg_ro_while_irq_enabled),
	S3E_LIST_ENTRY(page1_aliases),
	S3E_LIST_ENTRY(reg64_halves),
	S3E_LIST_ENTRY(readonly_unaligned_unimplemented),
	{}
};

static struct S3E_LIST_TYPE s3e_model_queues[] = {
	S3E_LIST_ENTRY(cmdq_sync_consumed),
	S3E_LIST_ENTRY(cmdq_wrap),
	S3E_LIST_ENTRY(cmdq_full_queue_in_one_write),
	S3E_LIST_ENTRY(queue_base_truncated_to_oas),
	S3E_LIST_ENTRY(queue_base_aligned_to_size),
	S3E_LIST_ENTRY(cmdq_log2_capped_by_idr1),
	S3E_LIST_ENTRY(cmdq_not_consumed_while_disabled),
	S3E_LIST_ENTRY(cmdq_cerror_ill_stops),
	S3E_LIST_ENTRY(cmdq_cerror_ill_recover_after_ack),
	S3E_LIST_ENTRY(cmdq_budget_bounds_each_write),
	S3E_LIST_ENTRY(cmdq_syncs_queued_max),
	S3E_LIST_ENTRY(cmdq_budget_error_stops_pending),
	S3E_LIST_ENTRY(cmdq_budget_nothing_pending_while_disabled),
	S3E_LIST_ENTRY(cmdq_cerror_abt),
	S3E_PARAM_ENTRY(cerror_ill, cmd_ill),
	S3E_PARAM_ENTRY(cerror_ill_tlbi_range, tlbi_range_ill),
	S3E_LIST_ENTRY(cmd_every_legal_opcode_accepted),
	S3E_LIST_ENTRY(cmd_sync_cs_irq_line),
	S3E_LIST_ENTRY(cmd_sync_cs_irq_msi),
	S3E_LIST_ENTRY(cmd_sync_msi_abort),
	S3E_LIST_ENTRY(cmd_sync_sev_and_none_silent),
	S3E_LIST_ENTRY(cmdq_sev_when_full_queue_drains),
	S3E_LIST_ENTRY(cmd_sync_msi_addr_above_oas),
	S3E_LIST_ENTRY(evtq_overflow_flag_and_ack),
	S3E_LIST_ENTRY(evtq_disabled_drops),
	S3E_LIST_ENTRY(evtq_irq_gating),
	S3E_LIST_ENTRY(evtq_msi),
	S3E_LIST_ENTRY(evtq_msi_abort),
	S3E_LIST_ENTRY(evtq_write_abort),
	S3E_LIST_ENTRY(evtq_abt_err_stops_recording),
	{}
};

static struct S3E_LIST_TYPE s3e_model_strtab[] = {
	S3E_LIST_ENTRY(ste_bypass),
	S3E_LIST_ENTRY(ste_abort_no_event),
	S3E_LIST_ENTRY(bad_streamid_recorded),
	S3E_LIST_ENTRY(bad_streamid_silent_without_recinvsid),
	S3E_LIST_ENTRY(bad_streamid_beyond_sidsize),
	S3E_LIST_ENTRY(sidsize_32_all_streamids),
	S3E_LIST_ENTRY(ste_fetch_abort_linear),
	S3E_LIST_ENTRY(ste_cached_after_fetch),
	S3E_LIST_ENTRY(strtab_2lvl_lookup),
	S3E_LIST_ENTRY(ste_read_view),
	S3E_LIST_ENTRY(strtab_split_reserved_and_base_alignment),
	S3E_LIST_ENTRY(strtab_2lvl_span0),
	S3E_LIST_ENTRY(strtab_2lvl_beyond_span),
	S3E_LIST_ENTRY(strtab_2lvl_span_reserved),
	S3E_LIST_ENTRY(strtab_2lvl_beyond_log2size),
	S3E_LIST_ENTRY(strtab_2lvl_l1_fetch_abort),
	S3E_LIST_ENTRY(strtab_2lvl_l2_fetch_abort),
	S3E_PARAM_ENTRY(c_bad_ste, bad_ste),
	S3E_LIST_ENTRY(c_bad_ste_not_cached),
	S3E_LIST_ENTRY(ste_s2ttb_beyond_s2ps),
	S3E_LIST_ENTRY(ste_config_reserved_aborts),
	S3E_LIST_ENTRY(ste_s1fmt_reserved_linear),
	S3E_LIST_ENTRY(ste_s2ps_reserved_as_52),
	S3E_LIST_ENTRY(ste_s1cdmax_ignored_without_substreams),
	{}
};

static struct S3E_LIST_TYPE s3e_model_cd[] = {
	S3E_LIST_ENTRY(cd_single_translate),
	S3E_LIST_ENTRY(cd_linear_table_substreams),
	S3E_LIST_ENTRY(cd_2lvl_64k_leaves),
	S3E_LIST_ENTRY(cd_2lvl_4k_leaves),
	S3E_LIST_ENTRY(cd_fetch_abort),
	S3E_LIST_ENTRY(cd_l1_fetch_abort),
	S3E_LIST_ENTRY(cd_l2_fetch_abort),
	S3E_PARAM_ENTRY(c_bad_substreamid, bad_ssid),
	S3E_LIST_ENTRY(s1dss_terminate_stream_disabled),
	S3E_LIST_ENTRY(s1dss_reserved_behaves_as_terminate),
	S3E_LIST_ENTRY(s1dss_bypass_stage1_only),
	S3E_LIST_ENTRY(s1dss_bypass_nested_uses_stage2),
	S3E_LIST_ENTRY(s1dss_ssid0_uses_cd0),
	S3E_LIST_ENTRY(s1dss_ssid0_substream0_disabled),
	S3E_LIST_ENTRY(cd_l1_l2ptr_beyond_oas),
	S3E_LIST_ENTRY(cd_ttb_beyond_ips),
	S3E_PARAM_ENTRY(c_bad_cd, bad_cd),
	S3E_PARAM_ENTRY(cd_accepted, good_cd),
	{}
};

static struct S3E_LIST_TYPE s3e_model_walk[] = {
	S3E_LIST_ENTRY(s1_4k_4level_then_cached),
	S3E_LIST_ENTRY(s1_2m_block),
	S3E_LIST_ENTRY(s1_16k_granule),
	S3E_LIST_ENTRY(s1_64k_granule),
	S3E_LIST_ENTRY(s1_ttb1_upper_range),
	S3E_LIST_ENTRY(s1_tbi),
	S3E_LIST_ENTRY(f_translation_s1_record_fields),
	S3E_LIST_ENTRY(f_translation_s1_silent_without_cd_r),
	S3E_LIST_ENTRY(f_permission_s1_write_readonly),
	S3E_LIST_ENTRY(f_permission_s1_exec_uxn),
	S3E_LIST_ENTRY(f_permission_s1_silent_without_cd_r),
	S3E_LIST_ENTRY(f_access_s1),
	S3E_LIST_ENTRY(host_without_read64_and_cmpxchg64),
	S3E_LIST_ENTRY(f_addr_size_s1),
	S3E_LIST_ENTRY(f_walk_eabt_s1_recorded_without_cd_r),
	S3E_LIST_ENTRY(f_translation_s1_epd0),
	S3E_LIST_ENTRY(ste_privcfg_instcfg_res0),
	S3E_LIST_ENTRY(s2_only_translate),
	S3E_LIST_ENTRY(f_addr_size_s1_bypassed_beyond_ias),
	S3E_LIST_ENTRY(ste_bypass_beyond_oas_addr_size),
	S3E_LIST_ENTRY(s1dss_bypass_beyond_ias_addr_size),
	S3E_LIST_ENTRY(f_translation_s2_record_fields),
	S3E_LIST_ENTRY(f_translation_s2_silent_without_s2r),
	S3E_LIST_ENTRY(f_permission_s2_write),
	S3E_LIST_ENTRY(f_access_s2_and_s2ha),
	S3E_LIST_ENTRY(f_addr_size_s2),
	S3E_LIST_ENTRY(f_walk_eabt_s2),
	S3E_LIST_ENTRY(nested_translate),
	S3E_LIST_ENTRY(nested_s2_fault_on_s1_table),
	S3E_LIST_ENTRY(nested_s2_fault_on_output),
	S3E_LIST_ENTRY(nested_s1_fault_not_s2),
	S3E_LIST_ENTRY(nested_cd_fetch_through_s2_fault),
	S3E_LIST_ENTRY(nested_cd_fetch_abort_after_s2),
	S3E_LIST_ENTRY(nested_s2ptw_cd_fetch_device),
	S3E_LIST_ENTRY(nested_s2_walk_eabt_on_s1_table),
	S3E_LIST_ENTRY(el2_regime_tlbi_scope),
	S3E_LIST_ENTRY(el2_epd0_ignored),
	S3E_LIST_ENTRY(el2_e2h_regime_asid),
	{}
};

static struct S3E_LIST_TYPE s3e_model_inval[] = {
	S3E_PARAM_ENTRY(stale_then_tlbi, tlbi_s1_cases),
	S3E_LIST_ENTRY(stale_then_tlbi_s2_ipa),
	S3E_LIST_ENTRY(stale_then_tlbi_s12_vmall_nested),
	S3E_LIST_ENTRY(stale_then_tlbi_nh_asid_nested_vmid),
	S3E_LIST_ENTRY(tlbi_vmid_ignored_without_stage2),
	S3E_PARAM_ENTRY(stale_then_cfgi, cfgi_cases),
	S3E_LIST_ENTRY(stale_then_cfgi_cd),
	S3E_LIST_ENTRY(stale_then_cfgi_cd_all),
	S3E_LIST_ENTRY(cd_change_new_asid_after_cfgi_no_tlbi),
	S3E_LIST_ENTRY(reset_drops_caches),
	S3E_LIST_ENTRY(strict_tlbi_without_sync_stale),
	S3E_LIST_ENTRY(strict_tlbi_then_sync_fresh),
	S3E_LIST_ENTRY(default_tlbi_without_sync_fresh),
	S3E_LIST_ENTRY(strict_cfgi_without_sync_stale),
	S3E_LIST_ENTRY(default_cfgi_without_sync_fresh),
	S3E_LIST_ENTRY(strict_pending_overflow_completes_oldest),
	S3E_LIST_ENTRY(strict_sync_cs_none_completes),
	S3E_LIST_ENTRY(strict_cmd_error_keeps_pending),
	S3E_LIST_ENTRY(checker_absent_in_default_mode),
	S3E_LIST_ENTRY(checker_tlb_stale_used_reported),
	S3E_LIST_ENTRY(checker_tlb_tlbi_sync_clean),
	S3E_LIST_ENTRY(checker_tlb_stale_unused_clean),
	S3E_LIST_ENTRY(checker_tlb_stale_s2_reported),
	S3E_LIST_ENTRY(checker_ste_stale_used_reported),
	S3E_LIST_ENTRY(checker_cd_stale_used_reported),
	S3E_LIST_ENTRY(checker_ste_cfgi_sync_clean),
	S3E_LIST_ENTRY(checker_queue_prod_overflow_reported),
	S3E_LIST_ENTRY(checker_queue_base_while_enabled_reported),
	S3E_LIST_ENTRY(checker_queue_clean),
	S3E_LIST_ENTRY(checker_ste_torn_reported),
	S3E_LIST_ENTRY(checker_ste_break_before_make_clean),
	S3E_LIST_ENTRY(checker_cd_torn_reported),
	{}
};

static struct S3E_LIST_TYPE s3e_model_dma[] = {
	S3E_LIST_ENTRY(dma_write_read_across_pages),
	S3E_LIST_ENTRY(dma_fault_mid_transfer),
	S3E_LIST_ENTRY(dma_not_ram_aborts),
	S3E_LIST_ENTRY(dma_zero_length),
	S3E_LIST_ENTRY(stats_counters),
	S3E_PARAM_ENTRY(fuzz_round, fuzz_rounds),
	{}
};

static struct S3E_LIST_TYPE s3e_model_caching[] = {
	S3E_LIST_ENTRY(wc_leaf_tlbi_keeps_table_walk),
	S3E_PARAM_ENTRY(tlbi_ttl_level, ttl_cases),
	S3E_LIST_ENTRY(checker_wc_stale_table_reported),
	S3E_LIST_ENTRY(checker_wc_table_rewritten_reported),
	S3E_LIST_ENTRY(checker_wc_table_freed_reported),
	S3E_LIST_ENTRY(checker_wc_leaf0_then_free_clean),
	S3E_LIST_ENTRY(wc_neighbour_walk_starts_below),
	S3E_LIST_ENTRY(spec_fill_next_mapping),
	S3E_LIST_ENTRY(checker_spec_fill_stale_reported),
	S3E_LIST_ENTRY(prefetch_addr_fills_tlb),
	S3E_LIST_ENTRY(prefetch_config_then_unsynced_change),
	S3E_LIST_ENTRY(spec_config_after_cfgi),
	S3E_PARAM_ENTRY(wc_invalidation_scope_s1, wc_inv_s1_cases),
	S3E_PARAM_ENTRY(wc_invalidation_scope_s2, wc_inv_s2_cases),
	S3E_LIST_ENTRY(wc_reset_drops),
	S3E_LIST_ENTRY(l1std_cached_until_cfgi_leaf0),
	S3E_PARAM_ENTRY(l1std_invalidation_scope, l1std_inv_cases),
	S3E_PARAM_ENTRY(l1cd_invalidation_scope, l1cd_inv_cases),
	{}
};

static struct S3E_LIST_TYPE s3e_model_stall[] = {
	S3E_LIST_ENTRY(stall_resume_retry_sees_fix),
	S3E_LIST_ENTRY(stall_resume_terminate_and_refault),
	S3E_LIST_ENTRY(stall_resume_wrong_stag_or_sid_no_effect),
	S3E_LIST_ENTRY(stall_term_stream),
	S3E_LIST_ENTRY(stall_slots_full_terminates),
	S3E_LIST_ENTRY(stall_s1stalld_and_eabt_terminate),
	S3E_LIST_ENTRY(stall_s2),
	S3E_LIST_ENTRY(stall_smmuen_off_terminates),
	S3E_LIST_ENTRY(stall_abandoned_until_answered),
	S3E_LIST_ENTRY(stall_without_event_queue_terminates),
	S3E_LIST_ENTRY(stall_fields_legal_only_with_stalls),
	S3E_LIST_ENTRY(stall_forced_contexts),
	{}
};

static struct S3E_LIST_TYPE s3e_model_httu[] = {
	S3E_LIST_ENTRY(httu_idr0_per_config),
	S3E_PARAM_ENTRY(httu_cd_legality, ht_cd_cases),
	S3E_PARAM_ENTRY(httu_ste_legality, ht_ste_cases),
	S3E_LIST_ENTRY(httu_s1_af_set),
	S3E_LIST_ENTRY(httu_s1_af_fault_without_ha),
	S3E_LIST_ENTRY(httu_s1_dirty_write_clears_ap2),
	S3E_LIST_ENTRY(httu_s1_dirty_and_af_at_once),
	S3E_LIST_ENTRY(httu_s1_dbm0_readonly_faults),
	S3E_LIST_ENTRY(httu_s1_dirty_needs_ha_hd_and_httu2),
	S3E_LIST_ENTRY(httu_s1_dirty_privilege_aptable_pan),
	S3E_LIST_ENTRY(httu_s1_wxn_writable_clean),
	S3E_LIST_ENTRY(httu_s2_af_set),
	S3E_LIST_ENTRY(httu_s2_dirty_sets_s2ap1),
	S3E_LIST_ENTRY(httu_nested_s1_update_writes_through_s2),
	S3E_LIST_ENTRY(httu_cd_fetch_s2_af_not_dirty),
	S3E_PARAM_ENTRY(httu_race_with_software, ht_race_cases),
	S3E_LIST_ENTRY(httu_tlb_write_after_read_updates),
	S3E_LIST_ENTRY(httu_checker_hw_update_not_stale),
	S3E_LIST_ENTRY(httu_checker_wc_table_af_not_rewritten),
	S3E_LIST_ENTRY(httu_noncacheable_walk),
	{}
};

#endif /* S3E_MODEL_CASES_H */
