// SPDX-License-Identifier: GPL-2.0
/*
 * qrx - a PCIe WLAN chip's RX path: a frame that did not fit one RX
 * buffer arrives as a chain of buffers, which the ring pop collects on a
 * local sk_buff_head before the chain is joined into one skb.
 * Tricky: the unchain helper takes the first buffer with __skb_dequeue()
 * and peeks at the queue's head in the validator without testing for
 * NULL.  Both are called only after the ring pop queued at least one
 * buffer (it returns "chained" only then, and the caller returns early on
 * an empty list).  A dequeue or a peek returns NULL only on an empty
 * queue, which is the driver's own state, not a failure from outside.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/pci.h>

#define QRX_MAX_CHAIN	8

struct qrx_desc {
	u16 len;
	u8 flags;
#define QRX_DESC_MORE	0x1
};

struct qrx_ring {
	struct sk_buff *bufs[64];
	unsigned int head;
};

struct qrx {
	struct pci_dev *pdev;
	struct qrx_ring ring;
	u32 chained;
};

static struct sk_buff *qrx_ring_take(struct qrx_ring *ring)
{
	struct sk_buff *skb = ring->bufs[ring->head % 64];

	ring->bufs[ring->head % 64] = NULL;
	ring->head++;
	return skb;
}

/* Returns 1 when the frame is chained over several buffers, 0 when it fits one. */
static int qrx_ring_pop(struct qrx *qrx, struct sk_buff_head *list)
{
	struct sk_buff *skb;
	struct qrx_desc *desc;
	int n = 0;

	do {
		skb = qrx_ring_take(&qrx->ring);
		if (!skb)
			return n ? 1 : 0;
		desc = (struct qrx_desc *)skb->data;
		__skb_queue_tail(list, skb);
		n++;
	} while ((desc->flags & QRX_DESC_MORE) && n < QRX_MAX_CHAIN);
	return n > 1;
}

static int qrx_unchain(struct sk_buff_head *list)
{
	struct sk_buff *first, *skb;
	int total = 0;

	first = __skb_dequeue(list);
	skb_queue_walk(list, skb)
		total += skb->len;
	if (skb_tailroom(first) < total)
		return -ENOMEM;
	while ((skb = __skb_dequeue(list))) {
		skb_put_data(first, skb->data, skb->len);
		dev_kfree_skb_any(skb);
	}
	__skb_queue_head(list, first);
	return 0;
}

static bool qrx_validate(struct sk_buff_head *list)
{
	struct sk_buff *first = skb_peek(list);

	return first->len >= ETH_HLEN;
}

void qrx_rx(struct qrx *qrx)
{
	struct sk_buff_head list;
	struct sk_buff *skb;
	int chained;

	__skb_queue_head_init(&list);
	chained = qrx_ring_pop(qrx, &list);
	if (skb_queue_empty(&list))
		return;
	if (chained) {
		qrx->chained++;
		if (qrx_unchain(&list))
			goto drop;
	}
	if (!qrx_validate(&list))
		goto drop;
	while ((skb = __skb_dequeue(&list)))
		netif_receive_skb(skb);
	return;
drop:
	__skb_queue_purge(&list);
}
EXPORT_SYMBOL(qrx_rx);

MODULE_LICENSE("GPL");
