// SPDX-License-Identifier: GPL-2.0
/*
 * pxq - a packet processor whose TX queues are per thread; when there are
 * more CPUs than threads, probe marks the shared threads in a bitmap and
 * xmit takes the queue lock only for those.
 * Tricky: the lock and the unlock are both under
 * "test_bit(thread, &priv->lock_map)", with many tests of the descriptor
 * count in between (free space, one or many descriptors, the stop
 * threshold, the TX-done coalescing, the timer), so paths must be merged.
 * In the kernel headers test_bit() is a macro that asks
 * __builtin_constant_p() of its arguments and calls one of two helpers:
 * unless that question gets the compiler's answer (no, for anything but a
 * literal), each test leaves its fact on a different helper's result, and
 * merged paths no longer know which lock state goes with which answer.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/bitops.h>
#include <linux/io.h>

#define PXQ_THREADS	4

struct pxq_txq {
	unsigned int count;
	unsigned int reserved;
	unsigned int stop_threshold;
	unsigned int done_coal;
	bool timer_armed;
};

struct pxq_priv {
	void __iomem *regs;
	unsigned long lock_map;
};

struct pxq_port {
	struct pxq_priv *priv;
	struct net_device *dev;
	bool has_tx_irqs;
	spinlock_t tx_lock[PXQ_THREADS];
	struct pxq_txq txq[PXQ_THREADS];
};

int pxq_reserve(struct pxq_port *port, struct pxq_txq *txq, int frags);
void pxq_put_desc(struct pxq_port *port, struct pxq_txq *txq, struct sk_buff *skb, int last);
int pxq_put_frags(struct pxq_port *port, struct pxq_txq *txq, struct sk_buff *skb);
void pxq_tx_done(struct pxq_port *port, struct pxq_txq *txq);
void pxq_arm_timer(struct pxq_port *port, unsigned int thread);

netdev_tx_t pxq_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct pxq_port *port = netdev_priv(dev);
	unsigned int thread = smp_processor_id() % PXQ_THREADS;
	struct pxq_txq *txq = &port->txq[thread];
	unsigned long flags = 0;
	int frags;

	if (test_bit(thread, &port->priv->lock_map))
		spin_lock_irqsave(&port->tx_lock[thread], flags);

	frags = skb_shinfo(skb)->nr_frags + 1;
	if (pxq_reserve(port, txq, frags)) {
		frags = 0;
		goto out;
	}
	if (frags == 1) {
		pxq_put_desc(port, txq, skb, 1);
	} else {
		pxq_put_desc(port, txq, skb, 0);
		if (pxq_put_frags(port, txq, skb))
			frags = 0;
	}

out:
	if (frags > 0) {
		txq->reserved -= frags;
		txq->count += frags;
		writel(frags, port->priv->regs);
		if (txq->count >= txq->stop_threshold)
			netif_stop_queue(dev);
	} else {
		dev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
	}

	if (!port->has_tx_irqs && txq->count >= txq->done_coal)
		pxq_tx_done(port, txq);

	if (!port->has_tx_irqs && txq->count <= frags && txq->count > 0) {
		if (!txq->timer_armed) {
			txq->timer_armed = true;
			pxq_arm_timer(port, thread);
		}
	}

	if (test_bit(thread, &port->priv->lock_map))
		spin_unlock_irqrestore(&port->tx_lock[thread], flags);

	return NETDEV_TX_OK;
}
EXPORT_SYMBOL(pxq_xmit);

MODULE_LICENSE("GPL");
