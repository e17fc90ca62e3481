// SPDX-License-Identifier: GPL-2.0
/*
 * pcap_acq - request queue of a data-acquisition card.
 * Tricky: the queue lock is dropped and re-taken inside the loop body so
 * that each request can be processed (which sleeps) without holding it.
 * At the loop head the lock is always held: the first entry comes from the
 * lock before the loop, later entries from the re-lock at the end of the
 * body, and the "continue" for a cancelled request keeps it held as well.
 * A "break" leaves with the lock held and is followed by the single unlock
 * after the loop.  pcap_drain() does the same with a mutex and msleep() in
 * a for (;;) loop whose only exit is an unlocked return.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include <linux/device.h>

struct pcap_req {
	struct list_head node;
	u32 channel;
	bool cancelled;
	int status;
	void (*complete)(struct pcap_req *req);
};

struct pcap_dev {
	struct device *dev;
	spinlock_t qlock;
	struct list_head pending;
	bool stopping;
	struct mutex hw_lock;
	unsigned int inflight;
	struct work_struct work;
};

static int pcap_hw_run(struct pcap_dev *pd, struct pcap_req *req)
{
	usleep_range(50, 100);	/* the converter needs a settle time */
	return req->channel < 16 ? 0 : -EINVAL;
}

static void pcap_work(struct work_struct *work)
{
	struct pcap_dev *pd = container_of(work, struct pcap_dev, work);
	struct pcap_req *req;

	spin_lock_irq(&pd->qlock);
	while (!list_empty(&pd->pending)) {
		if (pd->stopping)
			break;
		req = list_first_entry(&pd->pending, struct pcap_req, node);
		list_del_init(&req->node);
		if (req->cancelled) {
			kfree(req);
			continue;
		}
		spin_unlock_irq(&pd->qlock);

		req->status = pcap_hw_run(pd, req);
		req->complete(req);
		cond_resched();

		spin_lock_irq(&pd->qlock);
	}
	spin_unlock_irq(&pd->qlock);
}

static int pcap_drain(struct pcap_dev *pd, unsigned int timeout_ms)
{
	mutex_lock(&pd->hw_lock);
	for (;;) {
		if (!pd->inflight) {
			mutex_unlock(&pd->hw_lock);
			return 0;
		}
		if (!timeout_ms--) {
			mutex_unlock(&pd->hw_lock);
			dev_err(pd->dev, "%u requests still in flight\n",
				pd->inflight);
			return -ETIMEDOUT;
		}
		mutex_unlock(&pd->hw_lock);
		msleep(1);
		mutex_lock(&pd->hw_lock);
	}
}

static void pcap_stop(struct pcap_dev *pd)
{
	spin_lock_irq(&pd->qlock);
	pd->stopping = true;
	spin_unlock_irq(&pd->qlock);
	cancel_work_sync(&pd->work);
	if (pcap_drain(pd, 100))
		dev_err(pd->dev, "stop: hardware did not drain\n");
}

MODULE_LICENSE("GPL");
