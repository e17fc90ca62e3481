// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: preempt_disable() without preempt_enable() on one return.
 *
 * Models fixes like "re-enable preemption when the per-CPU queue is full" in
 * network/crypto offload drivers that batch requests in per-CPU queues: the
 * enqueue path disables preemption to stay on the current CPU's queue and
 * returns -EBUSY on overflow without preempt_enable(), leaving the task
 * non-preemptible ("scheduling while atomic" on the next sleep).
 * The bottom-half protected functions below are correct.
 * Fixed twin: the overflow path re-enables preemption.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/spinlock.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

#define OFL_QUEUE_DEPTH		32

struct ofl_cpu_queue {
	struct sk_buff *skbs[OFL_QUEUE_DEPTH];
	unsigned int count;
	u64 overflows;
};

struct ofl_engine {
	struct ofl_cpu_queue __percpu *queues;
	spinlock_t hw_lock;		/* taken from softirq (NAPI) too */
	u64 submitted;
};

int ofl_enqueue(struct ofl_engine *eng, struct sk_buff *skb)
{
	struct ofl_cpu_queue *q;

	preempt_disable();
	q = this_cpu_ptr(eng->queues);
	if (q->count >= OFL_QUEUE_DEPTH) {
		q->overflows++;
		preempt_enable();
		return -EBUSY;
	}
	q->skbs[q->count++] = skb;
	preempt_enable();
	return 0;
}
EXPORT_SYMBOL_GPL(ofl_enqueue);

/* Called from process context: flush this CPU's batch to the hardware. */
int ofl_flush_local(struct ofl_engine *eng)
{
	struct ofl_cpu_queue *q;
	unsigned int i, n;

	local_bh_disable();
	q = this_cpu_ptr(eng->queues);
	n = q->count;
	if (!n) {
		local_bh_enable();
		return 0;
	}
	spin_lock(&eng->hw_lock);
	for (i = 0; i < n; i++)
		dev_kfree_skb_any(q->skbs[i]);	/* handed to hw in real code */
	eng->submitted += n;
	spin_unlock(&eng->hw_lock);
	q->count = 0;
	local_bh_enable();
	return n;
}
EXPORT_SYMBOL_GPL(ofl_flush_local);

u64 ofl_submitted(struct ofl_engine *eng)
{
	u64 val;

	spin_lock_bh(&eng->hw_lock);
	val = eng->submitted;
	spin_unlock_bh(&eng->hw_lock);
	return val;
}
EXPORT_SYMBOL_GPL(ofl_submitted);

struct ofl_engine *ofl_engine_create(void)
{
	struct ofl_engine *eng;

	eng = kzalloc(sizeof(*eng), GFP_KERNEL);
	if (!eng)
		return NULL;
	eng->queues = alloc_percpu(struct ofl_cpu_queue);
	if (!eng->queues) {
		kfree(eng);
		return NULL;
	}
	spin_lock_init(&eng->hw_lock);
	return eng;
}
EXPORT_SYMBOL_GPL(ofl_engine_create);
MODULE_LICENSE("GPL");
