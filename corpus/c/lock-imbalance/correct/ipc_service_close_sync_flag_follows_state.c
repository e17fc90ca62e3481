// SPDX-License-Identifier: GPL-2.0
/*
 * mbx - a mailbox IPC whose services are either asynchronous (OPEN) or
 * synchronous (OPENSYNC).  A synchronous service owns the state's sync
 * mutex while it exchanges messages; the open path sets the service's
 * 'sync' flag exactly when it moves the service to OPENSYNC.  Closing a
 * service takes the sync mutex in the OPENSYNC case, falls through to the
 * common OPEN handling, sends the CLOSE message (which keeps the slot mutex
 * on success), and then drops the sync mutex when the service is 'sync'.
 * Tricky: the mutex is taken under a test of one field of the service
 * (srvstate) and released under a test of another field of the same
 * service (sync).  The two agree by the driver's own invariant, which no
 * single function shows; the error path unlocks under the state test.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/errno.h>
#include <linux/printk.h>

enum { MBX_SRV_FREE, MBX_SRV_OPEN, MBX_SRV_OPENSYNC, MBX_SRV_CLOSESENT, MBX_SRV_CLOSERECVD };

struct mbx_state {
	struct mutex slot_mutex;
	struct mutex sync_mutex;
	unsigned int tx_pending;
	unsigned int tx_limit;
};

struct mbx_service {
	struct mbx_state *state;
	int srvstate;
	int sync;
	unsigned int port;
	unsigned int claimed;
};

static void mbx_set_state(struct mbx_service *svc, int newstate)
{
	pr_debug("mbx: port %u state %d -> %d\n", svc->port, svc->srvstate, newstate);
	svc->srvstate = newstate;
}

/* On success the slot mutex stays held for the caller, which moves the state first. */
static int mbx_send_close(struct mbx_state *state, struct mbx_service *svc)
{
	if (mutex_lock_interruptible(&state->slot_mutex))
		return -EAGAIN;
	if (state->tx_pending >= state->tx_limit) {
		mutex_unlock(&state->slot_mutex);
		return -ENOSPC;
	}
	state->tx_pending++;
	return 0;
}

static void mbx_release_claimed(struct mbx_service *svc)
{
	if (svc->sync)
		svc->claimed = 0;
}

static int mbx_complete_close(struct mbx_service *svc)
{
	mbx_set_state(svc, MBX_SRV_FREE);
	return 0;
}

int mbx_close_service(struct mbx_service *svc, int close_recvd)
{
	struct mbx_state *state = svc->state;
	int status = 0;

	switch (svc->srvstate) {
	case MBX_SRV_FREE:
		break;
	case MBX_SRV_OPENSYNC:
		mutex_lock(&state->sync_mutex);
		fallthrough;
	case MBX_SRV_OPEN:
		if (close_recvd && svc->claimed)
			status = -EAGAIN;

		mbx_release_claimed(svc);

		if (!status)
			status = mbx_send_close(state, svc);

		if (status) {
			if (svc->srvstate == MBX_SRV_OPENSYNC)
				mutex_unlock(&state->sync_mutex);
			break;
		}

		if (!close_recvd) {
			mbx_set_state(svc, MBX_SRV_CLOSESENT);
			mutex_unlock(&state->slot_mutex);
			if (svc->sync)
				mutex_unlock(&state->sync_mutex);
			break;
		}

		mbx_set_state(svc, MBX_SRV_CLOSERECVD);
		mutex_unlock(&state->slot_mutex);
		if (svc->sync)
			mutex_unlock(&state->sync_mutex);
		status = mbx_complete_close(svc);
		break;
	default:
		pr_err("mbx: close in state %d\n", svc->srvstate);
		break;
	}
	return status;
}
EXPORT_SYMBOL_GPL(mbx_close_service);

MODULE_LICENSE("GPL");
