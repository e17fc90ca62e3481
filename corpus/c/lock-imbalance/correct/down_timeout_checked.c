// SPDX-License-Identifier: GPL-2.0
/*
 * fwmbox - mailbox to the firmware of an embedded sensor hub.
 * Models the semaphore variants that acquire only on success:
 * down_timeout() returns 0 when it got the semaphore and -ETIME when the
 * wait expired; down_trylock() returns 0 on success and 1 when the
 * semaphore is busy (the opposite convention of spin_trylock()).
 * Tricky: the early error returns right after the call hold nothing; a
 * checker that treats every down*() as an unconditional acquire (or reads
 * down_trylock()'s non-zero as "taken") sees those returns as leaks, and
 * the later up() as unbalanced.
 */
#include <linux/module.h>
#include <linux/semaphore.h>
#include <linux/jiffies.h>
#include <linux/device.h>
#include <linux/io.h>

#define FWMBOX_REG_CMD		0x00
#define FWMBOX_REG_ARG		0x04
#define FWMBOX_REG_STATUS	0x08
#define FWMBOX_STATUS_BUSY	BIT(0)

struct fwmbox {
	struct device *dev;
	void __iomem *regs;
	struct semaphore sem;		/* one command at a time */
	u32 last_cmd;
};

static int fwmbox_send(struct fwmbox *mb, u32 cmd, u32 arg)
{
	int ret;

	ret = down_timeout(&mb->sem, msecs_to_jiffies(500));
	if (ret < 0)
		return -ETIMEDOUT;

	if (readl(mb->regs + FWMBOX_REG_STATUS) & FWMBOX_STATUS_BUSY) {
		dev_warn(mb->dev, "firmware still busy with %#x\n", mb->last_cmd);
		up(&mb->sem);
		return -EBUSY;
	}
	writel(arg, mb->regs + FWMBOX_REG_ARG);
	writel(cmd, mb->regs + FWMBOX_REG_CMD);
	mb->last_cmd = cmd;
	up(&mb->sem);
	return 0;
}

/* Called from the hub's interrupt path: must not sleep. */
static int fwmbox_poke(struct fwmbox *mb, u32 cmd)
{
	if (down_trylock(&mb->sem))
		return -EBUSY;

	writel(cmd, mb->regs + FWMBOX_REG_CMD);
	mb->last_cmd = cmd;
	up(&mb->sem);
	return 0;
}

static int fwmbox_init(struct fwmbox *mb, struct device *dev, void __iomem *regs)
{
	mb->dev = dev;
	mb->regs = regs;
	sema_init(&mb->sem, 1);
	return fwmbox_send(mb, 0x01 /* hello */, 0);
}

MODULE_LICENSE("GPL");
