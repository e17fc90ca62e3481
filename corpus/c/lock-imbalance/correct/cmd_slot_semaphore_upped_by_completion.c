// SPDX-License-Identifier: GPL-2.0
/*
 * fwcmd - command dispatch of a NIC's firmware interface (the queue and its
 * semaphores are set up by another file of the driver).  A command takes a
 * slot semaphore - the page-request one for page commands, the regular one
 * otherwise - in its work handler, rings the doorbell and returns; the slot
 * comes back from the completion handler, which ups whichever semaphore the
 * command used.
 * Tricky: the work handler returns holding the semaphore on success and
 * releases it itself only on its error paths, which looks like a lock left
 * held at one return and released at another.  But a semaphore has no
 * owner, and this file has a function that only ups it - the completion
 * that signals the slot free - so the down is handed to that signaller.
 */
#include <linux/module.h>
#include <linux/semaphore.h>
#include <linux/workqueue.h>
#include <linux/io.h>

struct fwcmd_queue {
	struct semaphore sem;
	struct semaphore pages_sem;
	void __iomem *doorbell;
	unsigned long bitmask;
};

struct fwcmd_ent {
	struct work_struct work;
	struct fwcmd_queue *cmd;
	bool page_queue;
	int idx;
	int ret;
};

int fwcmd_alloc_index(struct fwcmd_queue *cmd);
void fwcmd_free_index(struct fwcmd_queue *cmd, int idx);
void fwcmd_comp_handler(struct fwcmd_queue *cmd, struct fwcmd_ent *ent);
void fwcmd_finish(struct fwcmd_ent *ent);

static void fwcmd_work_handler(struct work_struct *work)
{
	struct fwcmd_ent *ent = container_of(work, struct fwcmd_ent, work);
	struct fwcmd_queue *cmd = ent->cmd;

	if (!ent->page_queue) {
		if (down_timeout(&cmd->sem, HZ)) {
			ent->ret = -EBUSY;
			fwcmd_finish(ent);
			return;
		}
		ent->idx = fwcmd_alloc_index(cmd);
		if (ent->idx < 0) {
			ent->ret = -EAGAIN;
			up(&cmd->sem);
			fwcmd_finish(ent);
			return;
		}
	} else {
		down(&cmd->pages_sem);
		ent->idx = 31;
	}
	writel(1 << ent->idx, cmd->doorbell);
}

void fwcmd_comp_handler(struct fwcmd_queue *cmd, struct fwcmd_ent *ent)
{
	fwcmd_free_index(cmd, ent->idx);
	up(ent->page_queue ? &cmd->pages_sem : &cmd->sem);
	fwcmd_finish(ent);
}
EXPORT_SYMBOL_GPL(fwcmd_comp_handler);

void fwcmd_queue_cmd(struct fwcmd_ent *ent)
{
	INIT_WORK(&ent->work, fwcmd_work_handler);
	schedule_work(&ent->work);
}
EXPORT_SYMBOL_GPL(fwcmd_queue_cmd);

MODULE_LICENSE("GPL");
