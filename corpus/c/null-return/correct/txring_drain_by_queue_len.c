// SPDX-License-Identifier: GPL-2.0
/*
 * pcitx - transmit rings of an old PCI wireless NIC, whose driver keeps the
 * skbs in flight on an sk_buff_head per ring.
 * Models ring cleanup and the TX-done interrupt draining a queue with
 * `while (skb_queue_len(&ring->queue))` and dereferencing what
 * __skb_dequeue() returns without a NULL test.
 * Tricky: __skb_dequeue() returns NULL on an empty queue, but the loop test
 * says the queue is not empty, and the queue is changed only under the ring
 * lock held across the loop.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/dma-mapping.h>
#include <linux/pci.h>

struct pcitx_desc {
	__le32 status;
	__le32 buf;
};

struct pcitx_ring {
	struct pcitx_desc *desc;
	unsigned int idx;
	unsigned int entries;
	struct sk_buff_head queue;
};

struct pcitx_priv {
	struct pci_dev *pdev;
	spinlock_t lock;
	struct pcitx_ring ring;
};

void pcitx_free_ring(struct pcitx_priv *priv)
{
	struct pcitx_ring *ring = &priv->ring;
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	while (skb_queue_len(&ring->queue)) {
		struct pcitx_desc *entry = &ring->desc[ring->idx];
		struct sk_buff *skb = __skb_dequeue(&ring->queue);

		dma_unmap_single(&priv->pdev->dev, le32_to_cpu(entry->buf), skb->len, DMA_TO_DEVICE);
		kfree_skb(skb);
		ring->idx = (ring->idx + 1) % ring->entries;
	}
	spin_unlock_irqrestore(&priv->lock, flags);
}
EXPORT_SYMBOL_GPL(pcitx_free_ring);

unsigned int pcitx_tx_done(struct pcitx_priv *priv, unsigned int budget)
{
	struct pcitx_ring *ring = &priv->ring;
	unsigned int done = 0;

	spin_lock(&priv->lock);
	while (done < budget && skb_queue_len(&ring->queue) > 0) {
		struct pcitx_desc *entry = &ring->desc[ring->idx];
		struct sk_buff *skb;

		if (le32_to_cpu(entry->status) & BIT(31))
			break;	/* still owned by the NIC */
		skb = __skb_dequeue(&ring->queue);
		dma_unmap_single(&priv->pdev->dev, le32_to_cpu(entry->buf), skb->len, DMA_TO_DEVICE);
		dev_consume_skb_irq(skb);
		ring->idx = (ring->idx + 1) % ring->entries;
		done++;
	}
	spin_unlock(&priv->lock);
	return done;
}
EXPORT_SYMBOL_GPL(pcitx_tx_done);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("TX rings drained by queue length");
