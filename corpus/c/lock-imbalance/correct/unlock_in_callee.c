// SPDX-License-Identifier: GPL-2.0
/*
 * hcmd - host command interface of a storage controller.
 * Tricky: (1) the caller takes cmd_mutex and never unlocks it itself;
 * hcmd_finish_unlock() (annotated __releases) or hcmd_wake_unlock() (not
 * annotated) releases it on every path, including the early error return.
 * Each helper alone unlocks a mutex it never took; each caller alone
 * returns with the mutex apparently held.  (2) hcmd_wait_fifo() is
 * __must_hold(&hc->fifo_lock): it starts with the lock held, drops it
 * around the sleep, re-takes it, and returns with it held on both its
 * success and its timeout return; the caller holds it across the call.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/io.h>

#define HCMD_REG_OPCODE		0x00
#define HCMD_REG_FIFO_FREE	0x04
#define HCMD_REG_FIFO_DATA	0x08

struct hcmd_ctrl {
	struct device *dev;
	void __iomem *regs;
	struct mutex cmd_mutex;
	spinlock_t fifo_lock;
	wait_queue_head_t idle_wq;
	bool online;
	int last_status;
	unsigned int waiters;
};

static void hcmd_finish_unlock(struct hcmd_ctrl *hc, int status)
	__releases(&hc->cmd_mutex)
{
	hc->last_status = status;
	if (status)
		dev_err(hc->dev, "command failed: %d\n", status);
	mutex_unlock(&hc->cmd_mutex);
}

static void hcmd_wake_unlock(struct hcmd_ctrl *hc)
{
	if (hc->waiters) {
		mutex_unlock(&hc->cmd_mutex);
		wake_up(&hc->idle_wq);
		return;
	}
	mutex_unlock(&hc->cmd_mutex);
}

static int hcmd_wait_fifo(struct hcmd_ctrl *hc, unsigned int need)
	__must_hold(&hc->fifo_lock)
{
	unsigned int tries = 100;

	while (readl(hc->regs + HCMD_REG_FIFO_FREE) < need) {
		if (!--tries)
			return -ETIMEDOUT;
		spin_unlock_irq(&hc->fifo_lock);
		usleep_range(20, 40);
		spin_lock_irq(&hc->fifo_lock);
	}
	return 0;
}

static int hcmd_exec(struct hcmd_ctrl *ctrl, u32 opcode, const u32 *args,
		     unsigned int nargs)
{
	unsigned int i;
	int ret;

	mutex_lock(&ctrl->cmd_mutex);
	if (!ctrl->online) {
		hcmd_finish_unlock(ctrl, -ENODEV);
		return -ENODEV;
	}

	spin_lock_irq(&ctrl->fifo_lock);
	ret = hcmd_wait_fifo(ctrl, nargs);
	if (!ret) {
		for (i = 0; i < nargs; i++)
			writel(args[i], ctrl->regs + HCMD_REG_FIFO_DATA);
		writel(opcode, ctrl->regs + HCMD_REG_OPCODE);
	}
	spin_unlock_irq(&ctrl->fifo_lock);

	hcmd_finish_unlock(ctrl, ret);
	return ret;
}

static void hcmd_set_offline(struct hcmd_ctrl *ctrl)
{
	mutex_lock(&ctrl->cmd_mutex);
	ctrl->online = false;
	hcmd_wake_unlock(ctrl);
}

MODULE_LICENSE("GPL");
