// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event queue of the emulated SMMUv3: the producer.
 *
 * Event queue: the SMMU is the producer.  A record is written only while
 * the queue is writable (§7.2.1): EVENTQEN = 1, not full, and no
 * unacknowledged GERROR.EVENTQ_ABT_ERR; otherwise it is discarded.  When
 * the queue is full the record is lost and, unless an overflow is already
 * outstanding (PROD.OVFLG != CONS.OVACKFLG), the overflow flag PROD.OVFLG
 * toggles (§7.4); software acknowledges by copying it to CONS.OVACKFLG.
 * A record that cannot be written activates GERROR.EVENTQ_ABT_ERR
 * (§7.2.2), after which delivery stops until software acknowledges it.
 *
 * Translation (translate.c) and the command queue record events here;
 * interrupts and global errors go through signal.c.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"

int s3e_evtq_record(struct s3e_smmu *s, const s3e_u64 *rec)
{
	struct s3e_queue *q = &s->evtq;
	s3e_u64 buf[EVTQ_ENT_DWORDS];
	unsigned int i;

	/*
	 * §7.2.1: not writable while disabled or while EVENTQ_ABT_ERR is
	 * active: the record is discarded, without an overflow (§7.4).
	 */
	if (!(s->cr0 & CR0_EVENTQEN) ||
	    (s3e_gerror_active(s) & GERROR_EVENTQ_ABT_ERR)) {
		s->stats.events_dropped++;
		return 0;
	}
	if (q_full(q)) {
		s->stats.events_dropped++;
		if (!((q->prod ^ q->cons) & Q_OVF)) {
			q->prod ^= Q_OVF;
			s3e_evtq_signal(s);
		}
		return 0;
	}
	for (i = 0; i < EVTQ_ENT_DWORDS; i++)
		buf[i] = s3e_le64(rec[i]);
	if (s->host.write(s->host.ctx, q_entry(q, q->prod, EVTQ_ENT_DWORDS),
			  buf, sizeof(buf))) {
		s->stats.events_dropped++;
		s3e_gerror_raise(s, GERROR_EVENTQ_ABT_ERR);
		return 0;
	}
	q->prod = q_inc(q, q->prod);
	s->stats.events++;
	s3e_evtq_signal(s);
	return 1;
}

