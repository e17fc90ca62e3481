// SPDX-License-Identifier: GPL-2.0
/*
 * oobser - USB serial adapter whose ports share one out-of-band command
 * channel.  A sender waits for the channel with the port lock taken by
 * spin_lock_irqsave(); while it is busy, a helper drops the lock with
 * spin_unlock_irqrestore() and sleeps, and the sender retakes the lock, or
 * gives up with -EINTR when a signal is pending.
 * Tricky: on the paths that waited, the sender takes the lock with
 * spin_lock_irqsave() twice and drops it with one spin_unlock_irqrestore()
 * at the end; that is balanced only because the helper's unlock gave back
 * the interrupts as well as the lock.  A summary of the helper that drops
 * only the lock leaves interrupts disabled at the final return.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/io.h>

#define OOBSER_STAT	0x04
#define OOBSER_BUSY	0x1
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/minmax.h>
#include <linux/export.h>

struct oobser_chan {
	spinlock_t lock;
	wait_queue_head_t wait;
	void __iomem *regs;
	unsigned char cmd[8];
};

int oobser_submit(struct oobser_chan *ch, int len);

static long oobser_wait_irqrestore(wait_queue_head_t *q, long timeout, spinlock_t *lock,
				   unsigned long flags)
{
	DEFINE_WAIT(wait);

	prepare_to_wait(q, &wait, TASK_INTERRUPTIBLE);
	spin_unlock_irqrestore(lock, flags);
	timeout = schedule_timeout(timeout);
	finish_wait(q, &wait);
	return timeout;
}

int oobser_send(struct oobser_chan *ch, const unsigned char *buf, int count, int interruptible)
{
	unsigned long flags;
	int ret = 0;
	int len;

	spin_lock_irqsave(&ch->lock, flags);
	while (count > 0) {
		while (readl(ch->regs + OOBSER_STAT) & OOBSER_BUSY) {
			oobser_wait_irqrestore(&ch->wait, HZ / 10, &ch->lock, flags);
			if (interruptible && signal_pending(current))
				return -EINTR;
			spin_lock_irqsave(&ch->lock, flags);
		}
		len = min(count, 8);
		memcpy(ch->cmd, buf, len);
		ret = oobser_submit(ch, len);
		if (ret == 0) {
			count -= len;
			buf += len;
		}
	}
	spin_unlock_irqrestore(&ch->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(oobser_send);

MODULE_LICENSE("GPL");
