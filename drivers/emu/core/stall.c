// SPDX-License-Identifier: GPL-2.0-only
/*
 * The stall model of the emulated SMMUv3 (§3.12.2), on instances with
 * s3e_smmu_config.stall_slots (SMMU_IDR0.STALL_MODEL = 0b00).
 *
 * A translation-related fault (F_TRANSLATION, F_ADDR_SIZE, F_ACCESS,
 * F_PERMISSION) at a stage configured to stall (stage 1: CD.S = 1 with
 * STE.S1STALLD = 0; stage 2: STE.S2S = 1) does not terminate the
 * transaction: it takes a stall slot and is always recorded, whatever
 * CD.R/STE.S2R say, with Stall = 1 and the slot's STAG.  The client waits
 * (S3E_TXN_STALL, s3e_smmu_stall_poll()) until software answers:
 *
 *  - CMD_RESUME (§4.7.1) of the StreamID and STAG: retry (the transaction
 *    is translated again as though it had just arrived, so the fix
 *    software made is seen) or terminate, always with an abort
 *    (SMMU_IDR0.TERM_MODEL = 1, the Abort parameter is ignored).  A STAG
 *    that holds no stall, or one of another StreamID, has no effect.
 *  - CMD_STALL_TERM (§4.7.2): every stall of the StreamID is terminated.
 *  - SMMUEN = 0 and reset terminate every stall (§3.12.2).
 *
 * STAG: bits [5:0] the slot, bits [15:6] a generation bumped at each use
 * of the slot, so that a late CMD_RESUME for a released STAG does not hit
 * its next stall (§3.12.2: a STAG is not reused until acknowledged).
 *
 * Choices where the architecture allows them:
 *  - every slot in use: the fault terminates the transaction (abort) and
 *    is recorded with Stall = 0 as the terminate model records it (CD.R /
 *    STE.S2R), as §3.12 permits for a stalling configuration;
 *  - the stall's record cannot be written (event queue disabled, full or
 *    in EVENTQ_ABT_ERR): the transaction is terminated with an abort
 *    instead of being retried when the queue is next writable (§3.12.2
 *    retries it; terminating it keeps a client from waiting on a stall
 *    software was never told of);
 *  - stall records are not suppressed as duplicates (§3.12.2.1: permitted,
 *    not required).
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"

#define STAG_SLOT_BITS		6
#define STAG_SLOT(stag)		((stag) & ((1U << STAG_SLOT_BITS) - 1))
#define STAG_GEN(stag)		(((stag) >> STAG_SLOT_BITS) & 0x3ff)

static s3e_u32 slot_stag(const struct s3e_stall *st, unsigned int i)
{
	return (s3e_u32)st->gen << STAG_SLOT_BITS | i;
}

/* The slot of (@sid, @stag) in state @state, or NULL */
static struct s3e_stall *stall_find(struct s3e_smmu *s, s3e_u32 sid,
				    s3e_u32 stag)
{
	unsigned int i = STAG_SLOT(stag);
	struct s3e_stall *st;

	if (!s->stall || i >= s->cfg.stall_slots || stag >> 16)
		return S3E_NULL;
	st = &s->stall[i];
	if (st->state == S3E_STALL_SLOT_FREE || st->gen != STAG_GEN(stag) ||
	    st->sid != sid)
		return S3E_NULL;
	return st;
}

int s3e_stall_begin(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 ssid,
		    s3e_u32 *stag)
{
	struct s3e_stall *st;
	unsigned int i;

	for (i = 0; i < s->cfg.stall_slots; i++) {
		st = &s->stall[i];
		if (st->state != S3E_STALL_SLOT_FREE)
			continue;
		st->gen = (st->gen + 1) & 0x3ff;
		st->sid = sid;
		st->ssid = ssid;
		st->state = S3E_STALL_SLOT_STALLED;
		*stag = slot_stag(st, i);
		return 0;
	}
	s->stats.stall_full++;
	return -1;
}

void s3e_stall_cancel(struct s3e_smmu *s, s3e_u32 stag)
{
	s->stall[STAG_SLOT(stag)].state = S3E_STALL_SLOT_FREE;
}

/* Give @st its outcome: the client's, or released when it left */
static void stall_end(struct s3e_smmu *s, struct s3e_stall *st, int retry)
{
	if (retry)
		s->stats.stall_retries++;
	else
		s->stats.stall_aborts++;
	if (st->state == S3E_STALL_SLOT_ABANDONED)
		st->state = S3E_STALL_SLOT_FREE;
	else
		st->state = retry ? S3E_STALL_SLOT_RETRY :
				    S3E_STALL_SLOT_ABORT;
}

static void stall_wake(struct s3e_smmu *s)
{
	if (s->host.stall_wake)
		s->host.stall_wake(s->host.ctx);
}

static int stall_waiting(const struct s3e_stall *st)
{
	return st->state == S3E_STALL_SLOT_STALLED ||
	       st->state == S3E_STALL_SLOT_ABANDONED;
}

void s3e_stall_resume(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 stag,
		      int retry)
{
	struct s3e_stall *st = stall_find(s, sid, stag);

	/* §4.7.1: no stall of that StreamID and STAG: no effect */
	if (!st || !stall_waiting(st))
		return;
	stall_end(s, st, retry);
	stall_wake(s);
}

void s3e_stall_term(struct s3e_smmu *s, int all, s3e_u32 sid)
{
	unsigned int i, n = 0;

	if (!s->stall)
		return;
	for (i = 0; i < s->cfg.stall_slots; i++) {
		if (!stall_waiting(&s->stall[i]) ||
		    (!all && s->stall[i].sid != sid))
			continue;
		stall_end(s, &s->stall[i], 0);
		n++;
	}
	if (n)
		stall_wake(s);
}

int s3e_smmu_stall_poll(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 stag)
{
	struct s3e_stall *st = stall_find(s, sid, stag);

	if (!st)
		return S3E_STALL_GONE;
	switch (st->state) {
	case S3E_STALL_SLOT_STALLED:
		return S3E_STALL_PENDING;
	case S3E_STALL_SLOT_RETRY:
		st->state = S3E_STALL_SLOT_FREE;
		return S3E_STALL_RETRY;
	case S3E_STALL_SLOT_ABORT:
		st->state = S3E_STALL_SLOT_FREE;
		return S3E_STALL_ABORT;
	}
	return S3E_STALL_GONE;
}

void s3e_smmu_stall_abandon(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 stag)
{
	struct s3e_stall *st = stall_find(s, sid, stag);

	if (!st)
		return;
	if (st->state == S3E_STALL_SLOT_STALLED) {
		/* Still owed a CMD_RESUME or CMD_STALL_TERM */
		st->state = S3E_STALL_SLOT_ABANDONED;
		s->stats.stall_abandoned++;
	} else if (st->state != S3E_STALL_SLOT_ABANDONED) {
		/* Answered already: the outcome is dropped */
		st->state = S3E_STALL_SLOT_FREE;
	}
}
