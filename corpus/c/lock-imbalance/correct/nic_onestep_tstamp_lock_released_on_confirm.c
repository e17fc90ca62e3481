// SPDX-License-Identifier: GPL-2.0
/*
 * dpx - a NIC whose one-step PTP timestamping uses a single hardware
 * register: only one such frame may be in flight.  A worker sends the
 * queued frames, taking a mutex before each; the TX confirmation path
 * releases it once the hardware reports the frame sent (or the transmit
 * path when it drops the frame).
 * Tricky: the worker takes the mutex again on every pass of its loop while
 * the previous pass's acquisition is still "held" in this function.  The
 * file hands the mutex over: the confirmation releases it without taking
 * it, and nothing that calls the confirmation takes it.  Taking a handed-
 * over mutex again waits for that release; it is the protocol, not a
 * self-deadlock.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>

#define DPX_TSTAMP_ONESTEP	2

struct dpx_priv {
	struct net_device *net_dev;
	struct mutex onestep_lock;
	struct sk_buff_head tx_skbs;
	struct work_struct onestep_work;
};

int dpx_hw_enqueue(struct dpx_priv *priv, struct sk_buff *skb);

static void dpx_free_tx_frame(struct dpx_priv *priv, struct sk_buff *skb)
{
	if (skb->cb[0] == DPX_TSTAMP_ONESTEP)
		mutex_unlock(&priv->onestep_lock);
	dev_kfree_skb_any(skb);
}

static void dpx_xmit_one(struct dpx_priv *priv, struct sk_buff *skb)
{
	if (dpx_hw_enqueue(priv, skb))
		dpx_free_tx_frame(priv, skb);
}

static void dpx_onestep_work(struct work_struct *work)
{
	struct dpx_priv *priv = container_of(work, struct dpx_priv, onestep_work);
	struct sk_buff *skb;

	while (true) {
		skb = skb_dequeue(&priv->tx_skbs);
		if (!skb)
			return;
		/* released by dpx_free_tx_frame() once the frame is confirmed */
		mutex_lock(&priv->onestep_lock);
		dpx_xmit_one(priv, skb);
	}
}

void dpx_tx_confirm(struct dpx_priv *priv, struct sk_buff *skb)
{
	dpx_free_tx_frame(priv, skb);
}
EXPORT_SYMBOL(dpx_tx_confirm);

void dpx_init(struct dpx_priv *priv)
{
	mutex_init(&priv->onestep_lock);
	skb_queue_head_init(&priv->tx_skbs);
	INIT_WORK(&priv->onestep_work, dpx_onestep_work);
}
EXPORT_SYMBOL(dpx_init);

MODULE_LICENSE("GPL");
