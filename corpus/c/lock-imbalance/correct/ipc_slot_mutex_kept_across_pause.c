// SPDX-License-Identifier: GPL-2.0
/*
 * vpx - shared-memory message slots between the ARM side and a video
 * firmware.  queue_msg() takes the slot mutex unless told NO_LOCK and drops
 * it unless told NO_UNLOCK.  The poll worker pauses the link with a PAUSE
 * message sent with NO_UNLOCK, so the slot mutex stays held while paused,
 * and the RESUME message is sent later with NO_LOCK: it releases the mutex
 * the PAUSE kept.  A teardown sends with both flags under the caller's lock.
 * Tricky: no single flag decides the contract.  The returns that keep the
 * mutex are those with NO_LOCK clear and NO_UNLOCK set; the one that
 * releases a mutex it did not take has NO_LOCK set and NO_UNLOCK clear.
 * Together the two flag tests separate them, and every other return either
 * takes and releases the mutex or never touches it.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/bits.h>

#define VPX_NO_LOCK	BIT(1)
#define VPX_NO_UNLOCK	BIT(2)

enum { VPX_MSG_PAUSE = 1, VPX_MSG_RESUME, VPX_MSG_DATA };

struct vpx_state {
	struct mutex slot_mutex;
	unsigned int tx_pos;
	unsigned int slots_free;
	bool paused;
};

static int vpx_queue_msg(struct vpx_state *st, int type, unsigned int size, int flags)
{
	if (!(flags & VPX_NO_LOCK) && mutex_lock_killable(&st->slot_mutex))
		return -EAGAIN;

	if (type == VPX_MSG_DATA) {
		if (st->slots_free < size) {
			if (!(flags & VPX_NO_UNLOCK))
				mutex_unlock(&st->slot_mutex);
			return -ENOSPC;
		}
		st->slots_free -= size;
	}
	st->tx_pos += size;

	if (!(flags & VPX_NO_UNLOCK))
		mutex_unlock(&st->slot_mutex);
	return 0;
}

int vpx_pause(struct vpx_state *st)
{
	int ret = vpx_queue_msg(st, VPX_MSG_PAUSE, 0, VPX_NO_UNLOCK);

	if (!ret)
		st->paused = true;
	return ret;
}
EXPORT_SYMBOL_GPL(vpx_pause);

int vpx_resume(struct vpx_state *st)
{
	st->paused = false;
	return vpx_queue_msg(st, VPX_MSG_RESUME, 0, VPX_NO_LOCK);
}
EXPORT_SYMBOL_GPL(vpx_resume);

int vpx_send(struct vpx_state *st, unsigned int size)
{
	return vpx_queue_msg(st, VPX_MSG_DATA, size, 0);
}
EXPORT_SYMBOL_GPL(vpx_send);

void vpx_flush_locked(struct vpx_state *st)
{
	mutex_lock(&st->slot_mutex);
	vpx_queue_msg(st, VPX_MSG_DATA, 0, VPX_NO_LOCK | VPX_NO_UNLOCK);
	mutex_unlock(&st->slot_mutex);
}
EXPORT_SYMBOL_GPL(vpx_flush_locked);

MODULE_LICENSE("GPL");
