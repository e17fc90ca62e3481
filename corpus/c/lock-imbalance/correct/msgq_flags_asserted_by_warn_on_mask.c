// SPDX-License-Identifier: GPL-2.0
/*
 * vcmsg - message queue between the ARM side and a VPU firmware, sharing
 * slots in memory.  queue_message() takes the slot mutex unless the caller
 * says it already holds it (QMF_CALLER_LOCKED) and drops it at the end under
 * the same test.
 * Tricky: the DATA branch drops the mutex on its own error returns with no
 * test of the flag.  That is right because the branch starts with
 * WARN_ON(flags & (QMF_CALLER_LOCKED | QMF_NO_WAIT)): DATA messages never
 * come with either bit, so on that branch the flag test before the lock
 * was false and the mutex is held.  The assertion names a mask with two
 * bits; the lock test names one of them.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/export.h>

#define QMF_CALLER_LOCKED	0x1
#define QMF_NO_WAIT		0x2

enum { VCMSG_CTRL, VCMSG_DATA };

struct vcmsg_state {
	struct mutex slot_mutex;
	int slots_free;
	int conn_up;
	unsigned int tx_pos;
};

int vcmsg_queue_message(struct vcmsg_state *st, int type, unsigned int flags, int size)
{
	if (!(flags & QMF_CALLER_LOCKED) && mutex_lock_killable(&st->slot_mutex))
		return -EAGAIN;

	if (type == VCMSG_DATA) {
		WARN_ON(flags & (QMF_CALLER_LOCKED | QMF_NO_WAIT));
		if (!st->conn_up) {
			mutex_unlock(&st->slot_mutex);
			return -EHOSTDOWN;
		}
		if (st->slots_free < size) {
			mutex_unlock(&st->slot_mutex);
			return -EAGAIN;
		}
		st->slots_free -= size;
	}

	st->tx_pos += size;

	if (!(flags & QMF_CALLER_LOCKED))
		mutex_unlock(&st->slot_mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(vcmsg_queue_message);

MODULE_LICENSE("GPL");
