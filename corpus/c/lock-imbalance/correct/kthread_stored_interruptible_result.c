// SPDX-License-Identifier: GPL-2.0
/*
 * wlpc - job thread of a PC-card wireless adapter.
 * Tricky: the thread stores the result of down_interruptible() in "locked"
 * on one branch and sets "locked = 1" after an idle wait loop on the other;
 * the single "if (locked) continue;" after the join is what guarantees the
 * semaphore is held below it.  The wait loop has enough exits that the
 * path states reaching the join are merged, so a merge that forgets what
 * the two branches each knew of "locked" sees the up() calls reached with
 * the semaphore free.  The job helpers release the semaphore themselves.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/freezer.h>
#include <linux/sched.h>
#include <linux/semaphore.h>
#include <linux/wait.h>
#include <linux/jiffies.h>
#include <linux/bitops.h>

enum {
	WLPC_JOB_DIE,
	WLPC_JOB_XMIT,
	WLPC_JOB_STATS,
	WLPC_JOB_PROMISC,
	WLPC_JOB_SCAN,
	WLPC_JOB_WEP,
};

#define WLPC_FLAG_FLASHING	0

struct wlpc_dev {
	struct semaphore sem;
	wait_queue_head_t thr_wait;
	unsigned long jobs;
	unsigned long flags;
	unsigned long expires;
	unsigned long scan_timeout;
	int power_event;
	int tx_pending;
	int stats[4];
	int promisc;
};

static void wlpc_end_xmit(struct wlpc_dev *wd)
{
	clear_bit(WLPC_JOB_XMIT, &wd->jobs);
	wd->tx_pending = 0;
	up(&wd->sem);
}

static void wlpc_read_stats(struct wlpc_dev *wd)
{
	clear_bit(WLPC_JOB_STATS, &wd->jobs);
	wd->stats[0]++;
	up(&wd->sem);
}

static void wlpc_set_promisc(struct wlpc_dev *wd)
{
	clear_bit(WLPC_JOB_PROMISC, &wd->jobs);
	wd->promisc = !wd->promisc;
	up(&wd->sem);
}

static void wlpc_scan_results(struct wlpc_dev *wd)
{
	clear_bit(WLPC_JOB_SCAN, &wd->jobs);
	wd->scan_timeout = 0;
	up(&wd->sem);
}

static int wlpc_thread(void *data)
{
	struct wlpc_dev *wd = data;
	int locked;

	set_freezable();
	while (1) {
		try_to_freeze();

		if (test_bit(WLPC_JOB_DIE, &wd->jobs))
			break;

		if (wd->jobs) {
			locked = down_interruptible(&wd->sem);
		} else {
			wait_queue_entry_t wait;

			init_waitqueue_entry(&wait, current);
			add_wait_queue(&wd->thr_wait, &wait);
			for (;;) {
				set_current_state(TASK_INTERRUPTIBLE);
				if (wd->jobs)
					break;
				if (wd->expires || wd->scan_timeout) {
					if (wd->scan_timeout &&
					    time_after_eq(jiffies, wd->scan_timeout)) {
						set_bit(WLPC_JOB_SCAN, &wd->jobs);
						break;
					} else if (wd->expires &&
						   time_after_eq(jiffies, wd->expires)) {
						set_bit(WLPC_JOB_WEP, &wd->jobs);
						break;
					}
					if (!kthread_should_stop() && !freezing(current)) {
						unsigned long wake_at;

						if (!wd->expires || !wd->scan_timeout)
							wake_at = max(wd->expires, wd->scan_timeout);
						else
							wake_at = min(wd->expires, wd->scan_timeout);
						schedule_timeout(wake_at - jiffies);
						continue;
					}
				} else if (!kthread_should_stop() && !freezing(current)) {
					schedule();
					continue;
				}
				break;
			}
			__set_current_state(TASK_RUNNING);
			remove_wait_queue(&wd->thr_wait, &wait);
			locked = 1;
		}

		if (locked)
			continue;

		if (test_bit(WLPC_JOB_DIE, &wd->jobs)) {
			up(&wd->sem);
			break;
		}

		if (wd->power_event || test_bit(WLPC_FLAG_FLASHING, &wd->flags)) {
			up(&wd->sem);
			continue;
		}

		if (test_bit(WLPC_JOB_XMIT, &wd->jobs))
			wlpc_end_xmit(wd);
		else if (test_bit(WLPC_JOB_STATS, &wd->jobs))
			wlpc_read_stats(wd);
		else if (test_bit(WLPC_JOB_PROMISC, &wd->jobs))
			wlpc_set_promisc(wd);
		else if (test_bit(WLPC_JOB_SCAN, &wd->jobs))
			wlpc_scan_results(wd);
		else
			up(&wd->sem);
	}

	return 0;
}

static struct wlpc_dev wlpc_card;

static int __init wlpc_init(void)
{
	struct task_struct *task;

	sema_init(&wlpc_card.sem, 1);
	init_waitqueue_head(&wlpc_card.thr_wait);
	task = kthread_run(wlpc_thread, &wlpc_card, "wlpc");
	return PTR_ERR_OR_ZERO(task);
}
module_init(wlpc_init);

MODULE_LICENSE("GPL");
