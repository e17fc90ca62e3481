// SPDX-License-Identifier: GPL-2.0
/*
 * wlagg - A-MPDU aggregation of a USB/PCI wireless NIC: frames of one
 * session are collected on an sk_buff_head, then the first and the last
 * frame get the aggregation flags before the session is pushed out.
 * Tricky: skb_peek() and skb_peek_tail() return NULL on an empty queue, and
 * here they are dereferenced without a NULL test.  Each function first
 * returns or continues when skb_queue_empty() says the queue is empty, and
 * the first peek (also one passed straight to a helper) only reads the
 * queue, so the second peek still sees a non-empty queue.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>

#define WLAGG_FLAG_FIRST	0x1
#define WLAGG_FLAG_LAST		0x2
#define WLAGG_MAX_QUEUES	4

struct wlagg_session {
	struct sk_buff_head skb_list;
	unsigned int dma_len;
};

struct wlagg_priv {
	spinlock_t lock;
	struct sk_buff_head pending[WLAGG_MAX_QUEUES];
	struct sk_buff_head tid_queue[WLAGG_MAX_QUEUES];
	unsigned int density;
};

static void wlagg_mark(struct sk_buff *skb, u8 flag)
{
	skb->data[0] |= flag;
}

static void wlagg_set_params(struct wlagg_priv *priv, struct sk_buff *first)
{
	first->data[1] = priv->density;
}

void wlagg_finalize(struct wlagg_session *session)
{
	struct sk_buff *first, *last;

	if (skb_queue_empty(&session->skb_list))
		return;

	first = skb_peek(&session->skb_list);
	last = skb_peek_tail(&session->skb_list);

	wlagg_mark(first, WLAGG_FLAG_FIRST);
	last->data[0] |= WLAGG_FLAG_LAST;
	session->dma_len += last->len;
}
EXPORT_SYMBOL_GPL(wlagg_finalize);

void wlagg_push(struct wlagg_priv *priv)
{
	struct sk_buff_head agg;
	struct sk_buff *skb;
	int q;

	for (q = 0; q < WLAGG_MAX_QUEUES; q++) {
		__skb_queue_head_init(&agg);

		spin_lock_bh(&priv->lock);
		while ((skb = __skb_dequeue(&priv->tid_queue[q])) != NULL) {
			__skb_queue_tail(&agg, skb);
			if (skb_queue_len(&agg) >= 8)
				break;
		}
		spin_unlock_bh(&priv->lock);

		if (skb_queue_empty(&agg))
			continue;

		wlagg_set_params(priv, skb_peek(&agg));
		wlagg_mark(skb_peek_tail(&agg), WLAGG_FLAG_LAST);
		skb_peek_tail(&agg)->data[2] = q;

		spin_lock_bh(&priv->lock);
		skb_queue_splice_tail_init(&agg, &priv->pending[q]);
		spin_unlock_bh(&priv->lock);
	}
}
EXPORT_SYMBOL_GPL(wlagg_push);

MODULE_LICENSE("GPL");
