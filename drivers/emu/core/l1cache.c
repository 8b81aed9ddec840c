// SPDX-License-Identifier: GPL-2.0-only
/*
 * Level-1 descriptor cache of the SMMUv3 emulator core (strict mode): see
 * l1cache.h.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "l1cache.h"
#include <smmu3/smmu3-arch.h>

static int covers(const struct s3e_l1c_entry *e, s3e_u32 id, s3e_u32 first)
{
	return (s3e_u64)id >> e->log2 == (s3e_u64)first >> e->log2;
}

struct s3e_l1c_entry *s3e_l1c_lookup(struct s3e_l1cache *c, unsigned int type,
				     s3e_u32 sid, s3e_u32 ssid,
				     unsigned int log2, s3e_u64 pa)
{
	struct s3e_l1c_entry *e;
	unsigned int i;

	for (i = 0; i < S3E_L1C_NR; i++) {
		e = &c->e[i];
		if (e->type != type || e->log2 != log2 || e->pa != pa)
			continue;
		if (type == S3E_L1C_STD ? covers(e, sid, e->sid) :
		    e->sid == sid && covers(e, ssid, e->first))
			return e;
	}
	return S3E_NULL;
}

struct s3e_l1c_entry *s3e_l1c_insert(struct s3e_l1cache *c, unsigned int type,
				     s3e_u32 sid, s3e_u32 ssid,
				     unsigned int log2, s3e_u64 pa,
				     s3e_u64 desc)
{
	struct s3e_l1c_entry *e = s3e_l1c_lookup(c, type, sid, ssid, log2, pa);
	unsigned int i;

	for (i = 0; !e && i < S3E_L1C_NR; i++)
		if (!c->e[i].type)
			e = &c->e[i];
	if (!e) {
		e = &c->e[c->next];
		c->next = (c->next + 1) % S3E_L1C_NR;
	}
	*e = (struct s3e_l1c_entry) {
		.desc = desc,
		.pa = pa,
		.sid = type == S3E_L1C_STD ?
		       (s3e_u32)((s3e_u64)sid >> log2 << log2) : sid,
		.first = type == S3E_L1C_CD ?
			 (s3e_u32)((s3e_u64)ssid >> log2 << log2) : 0,
		.log2 = log2,
		.type = type,
	};
	return e;
}

/* Remove the entries of @type whose StreamID is in [@lo, @hi] */
static void inv_sids(struct s3e_l1cache *c, unsigned int type, s3e_u64 lo,
		     s3e_u64 hi)
{
	struct s3e_l1c_entry *e;
	s3e_u64 last;
	unsigned int i;

	for (i = 0; i < S3E_L1C_NR; i++) {
		e = &c->e[i];
		if (e->type != type)
			continue;
		/* An L1STD locates a span of StreamIDs */
		last = type == S3E_L1C_STD ?
		       e->sid + (1ULL << e->log2) - 1 : e->sid;
		if (e->sid <= hi && last >= lo)
			e->type = 0;
	}
}

void s3e_l1c_exec_cmd(struct s3e_l1cache *c, s3e_u64 cmd0, s3e_u64 cmd1)
{
	s3e_u32 sid = s3e_field_get(CMD_0_SID, cmd0);
	s3e_u32 ssid = s3e_field_get(CMD_0_SSID, cmd0);
	unsigned int range = s3e_field_get(CMD_CFGI_1_RANGE, cmd1), i;
	int leaf = !!(cmd1 & CMD_CFGI_1_LEAF);
	s3e_u64 lo, hi;
	struct s3e_l1c_entry *e;

	switch (s3e_field_get(CMD_0_OP, cmd0)) {
	case CMD_OP_CFGI_STE:
		/* §4.3.1: L1STD with Leaf = 0; the StreamID's L1CDs always */
		if (!leaf)
			inv_sids(c, S3E_L1C_STD, sid, sid);
		inv_sids(c, S3E_L1C_CD, sid, sid);
		return;
	case CMD_OP_CFGI_STE_RANGE:
		/* §4.3.2: Range + 1 low bits of StreamID are ignored */
		lo = (s3e_u64)sid >> (range + 1) << (range + 1);
		hi = lo + (1ULL << (range + 1)) - 1;
		inv_sids(c, S3E_L1C_STD, lo, hi);
		inv_sids(c, S3E_L1C_CD, lo, hi);
		return;
	case CMD_OP_CFGI_CD:
		/* §4.3.3: the L1CD locating SubstreamID, with Leaf = 0 */
		if (leaf)
			return;
		for (i = 0; i < S3E_L1C_NR; i++) {
			e = &c->e[i];
			if (e->type == S3E_L1C_CD && e->sid == sid &&
			    covers(e, ssid, e->first))
				e->type = 0;
		}
		return;
	case CMD_OP_CFGI_CD_ALL:
		/* §4.3.4: every L1CD of the StreamID */
		inv_sids(c, S3E_L1C_CD, sid, sid);
		return;
	}
}

void s3e_l1c_flush(struct s3e_l1cache *c)
{
	unsigned int i;

	for (i = 0; i < S3E_L1C_NR; i++)
		c->e[i].type = 0;
	c->next = 0;
}
