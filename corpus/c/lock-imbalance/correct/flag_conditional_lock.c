// SPDX-License-Identifier: GPL-2.0
/*
 * fxr_eth - TX completion paths of a small Ethernet MAC.
 * Tricky: the TX lock is taken only when a flag says so and released under
 * a second test of the same flag: a parameter (fxr_tx_reap), a local
 * computed once (fxr_tx_flush, with an early error return between the two
 * tests) and a "locked" local set next to the lock call (fxr_dump_ring).
 * A path-insensitive checker merges "locked"/"not locked" after the first
 * test and reports an imbalance; on every real path the lock is released
 * exactly when it was taken.  fxr_stop() holds the lock while calling
 * fxr_tx_reap(priv, false), which then does not take it again.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define FXR_TX_RING_SIZE	64
#define FXR_REG_TX_TAIL		0x40
#define FXR_DESC_DONE		BIT(31)
#define FXR_F_SINGLE_QUEUE	BIT(0)

struct fxr_priv {
	struct napi_struct napi;
	struct net_device *ndev;
	void __iomem *regs;
	spinlock_t tx_lock;
	__le32 *tx_status;		/* DMA'd status word per descriptor */
	struct sk_buff *tx_skb[FXR_TX_RING_SIZE];
	unsigned int tx_head;
	unsigned int tx_tail;
	unsigned long flags;
};

static unsigned int fxr_tx_reap(struct fxr_priv *priv, bool need_lock)
{
	unsigned int done = 0;

	if (need_lock)
		spin_lock_bh(&priv->tx_lock);

	while (priv->tx_tail != priv->tx_head) {
		unsigned int i = priv->tx_tail % FXR_TX_RING_SIZE;

		if (!(le32_to_cpu(priv->tx_status[i]) & FXR_DESC_DONE))
			break;
		dev_consume_skb_any(priv->tx_skb[i]);
		priv->tx_skb[i] = NULL;
		priv->tx_tail++;
		done++;
	}
	if (done && netif_queue_stopped(priv->ndev))
		netif_wake_queue(priv->ndev);

	if (need_lock)
		spin_unlock_bh(&priv->tx_lock);
	return done;
}

static int fxr_tx_flush(struct fxr_priv *priv)
{
	bool need_lock = !(priv->flags & FXR_F_SINGLE_QUEUE);
	unsigned long irqflags = 0;

	if (need_lock)
		spin_lock_irqsave(&priv->tx_lock, irqflags);

	if (!netif_running(priv->ndev)) {
		if (need_lock)
			spin_unlock_irqrestore(&priv->tx_lock, irqflags);
		return -ENETDOWN;
	}
	writel(priv->tx_head % FXR_TX_RING_SIZE, priv->regs + FXR_REG_TX_TAIL);

	if (need_lock)
		spin_unlock_irqrestore(&priv->tx_lock, irqflags);
	return 0;
}

static void fxr_dump_ring(struct fxr_priv *priv, bool from_napi)
{
	bool locked = false;

	if (!from_napi) {
		spin_lock_bh(&priv->tx_lock);
		locked = true;
	}
	netdev_info(priv->ndev, "tx ring: head %u tail %u\n",
		    priv->tx_head, priv->tx_tail);
	if (locked)
		spin_unlock_bh(&priv->tx_lock);
}

static int fxr_stop(struct net_device *ndev)
{
	struct fxr_priv *priv = netdev_priv(ndev);

	netif_stop_queue(ndev);
	spin_lock_bh(&priv->tx_lock);
	fxr_tx_reap(priv, false);
	spin_unlock_bh(&priv->tx_lock);
	fxr_dump_ring(priv, false);
	return 0;
}

static int fxr_poll(struct napi_struct *napi, int budget)
{
	struct fxr_priv *priv = netdev_priv(napi->dev);
	unsigned int done = fxr_tx_reap(priv, true);

	if (done && fxr_tx_flush(priv))
		fxr_dump_ring(priv, true);
	if (done < budget)
		napi_complete_done(napi, done);
	return min_t(int, done, budget);
}

static const struct net_device_ops fxr_netdev_ops __maybe_unused = {
	.ndo_stop = fxr_stop,
};

MODULE_LICENSE("GPL");
