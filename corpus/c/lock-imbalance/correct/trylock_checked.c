// SPDX-License-Identifier: GPL-2.0
/*
 * wlnk - transmit and interrupt paths of a small WLAN-style NIC.
 * Tricky: every lock is a trylock whose result decides whether the lock is
 * held: spin_trylock() negated in an early return, spin_trylock_irqsave()
 * as the condition of the block that unlocks, mutex_trylock() stored in a
 * local and tested twice, and down_trylock(), which returns 0 on success
 * (the opposite convention).  A checker that treats a trylock as an
 * unconditional acquire reports the failure paths as leaking the lock.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/workqueue.h>
#include <linux/io.h>

#define WLNK_REG_TXQ		0x100
#define WLNK_REG_ISR		0x104
#define WLNK_REG_STATS		0x108

struct wlnk_priv {
	struct net_device *ndev;
	void __iomem *mmio;
	spinlock_t tx_lock;
	spinlock_t isr_lock;
	struct mutex stats_lock;
	struct semaphore fw_sem;
	u32 pending_isr;
	unsigned long hw_drops;
	struct delayed_work stats_work;
};

static netdev_tx_t wlnk_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct wlnk_priv *priv = netdev_priv(ndev);

	if (!spin_trylock(&priv->tx_lock))
		return NETDEV_TX_BUSY;

	writel(skb->len, priv->mmio + WLNK_REG_TXQ);
	ndev->stats.tx_packets++;
	spin_unlock(&priv->tx_lock);
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;
}

static irqreturn_t wlnk_isr(int irq, void *data)
{
	struct wlnk_priv *priv = data;
	unsigned long flags;
	u32 isr = readl(priv->mmio + WLNK_REG_ISR);

	if (!isr)
		return IRQ_NONE;

	if (spin_trylock_irqsave(&priv->isr_lock, flags)) {
		priv->pending_isr |= isr;
		spin_unlock_irqrestore(&priv->isr_lock, flags);
	}
	writel(isr, priv->mmio + WLNK_REG_ISR);
	return IRQ_HANDLED;
}

/* Periodic refresh: if a reader holds stats_lock, skip this round. */
static void wlnk_stats_work(struct work_struct *work)
{
	struct wlnk_priv *priv = container_of(to_delayed_work(work),
					      struct wlnk_priv, stats_work);
	bool fresh = mutex_trylock(&priv->stats_lock);

	if (fresh) {
		priv->hw_drops += readl(priv->mmio + WLNK_REG_STATS);
		priv->ndev->stats.rx_dropped = priv->hw_drops;
	}
	netdev_dbg(priv->ndev, "stats refresh%s\n", fresh ? "" : " skipped");
	if (fresh)
		mutex_unlock(&priv->stats_lock);
	schedule_delayed_work(&priv->stats_work, HZ);
}

static int wlnk_fw_poke(struct wlnk_priv *priv, u32 word)
{
	if (down_trylock(&priv->fw_sem)) {
		netdev_dbg(priv->ndev, "firmware busy, poke dropped\n");
		return -EBUSY;
	}
	writel(word, priv->mmio + WLNK_REG_TXQ + 0x40);
	up(&priv->fw_sem);
	return 0;
}

static int wlnk_open(struct net_device *ndev)
{
	return wlnk_fw_poke(netdev_priv(ndev), 1);
}

static const struct net_device_ops wlnk_netdev_ops __maybe_unused = {
	.ndo_open	= wlnk_open,
	.ndo_start_xmit	= wlnk_start_xmit,
};

MODULE_LICENSE("GPL");
