// SPDX-License-Identifier: GPL-2.0
/*
 * fwmbox - firmware mailbox of a storage/NIC adapter.  A command waits for
 * the mailbox to be free, posts the command and waits for the response;
 * both waits retry up to a count the caller chooses, dropping the mailbox
 * spinlock between polls.
 * Tricky: each wait loop breaks out with the lock held and is followed by
 * "if (cnt >= max_retries) fail".  Leaving by a break means the loop test
 * "++cnt < max_retries" held last time (or cnt is still 0 and max_retries
 * is not 0), so the failure branch never runs with the lock held: it
 * follows only the loop's normal exit, after an unlock.  The only caller
 * passes either FWMBOX_RETRIES or that divided by 1000 for a sleeping
 * command, never 0.  Both waits are lock balanced on every path.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define FWMBOX_RETRIES		(500 * 1000)
#define FWMBOX_POLL_US		10
#define FWMBOX_CAN_SLEEP	0x1

struct fwmbox {
	spinlock_t lock;
	void __iomem *regs;
	u32 seq;
	bool pending;
};

struct fwmbox_req {
	u32 cmd;
	u32 param;
	u32 resp;
	u32 flags;
};

static bool fwmbox_busy(struct fwmbox *mb)
{
	return mb->pending && !(readl(mb->regs + 0x04) & 0x1);
}

static int fwmbox_poll(struct fwmbox *mb)
{
	u32 status = readl(mb->regs + 0x08);

	if (status & 0x80000000)
		return -EIO;
	return (status & 0x1) ? 0 : -EAGAIN;
}

static int __fwmbox_cmd(struct fwmbox *mb, struct fwmbox_req *req, u32 max_retries, u32 usecs)
{
	u32 cnt = 0;
	int rc;

	do {
		spin_lock_bh(&mb->lock);
		if (!fwmbox_busy(mb))
			break;
		rc = fwmbox_poll(mb);
		if (!rc)
			break;
		else if (rc != -EAGAIN)
			goto err;
		spin_unlock_bh(&mb->lock);
		udelay(usecs);
	} while (++cnt < max_retries);

	if (cnt >= max_retries)
		return -EBUSY;

	mb->pending = true;
	writel(req->param, mb->regs + 0x10);
	writel(req->cmd | (++mb->seq << 16), mb->regs + 0x0c);
	spin_unlock_bh(&mb->lock);

	do {
		udelay(usecs);
		spin_lock_bh(&mb->lock);
		rc = fwmbox_poll(mb);
		if (!rc)
			break;
		else if (rc != -EAGAIN)
			goto err;
		spin_unlock_bh(&mb->lock);
	} while (++cnt < max_retries);

	if (cnt >= max_retries) {
		spin_lock_bh(&mb->lock);
		mb->pending = false;
		spin_unlock_bh(&mb->lock);
		return -ETIMEDOUT;
	}

	req->resp = readl(mb->regs + 0x14);
	mb->pending = false;
	spin_unlock_bh(&mb->lock);
	return 0;

err:
	mb->pending = false;
	spin_unlock_bh(&mb->lock);
	return rc;
}

int fwmbox_cmd(struct fwmbox *mb, struct fwmbox_req *req)
{
	u32 max_retries = FWMBOX_RETRIES;
	u32 usecs = FWMBOX_POLL_US;

	if (req->flags & FWMBOX_CAN_SLEEP)
		max_retries = DIV_ROUND_UP(max_retries, 1000);
	return __fwmbox_cmd(mb, req, max_retries, usecs);
}
EXPORT_SYMBOL_GPL(fwmbox_cmd);

MODULE_LICENSE("GPL");
