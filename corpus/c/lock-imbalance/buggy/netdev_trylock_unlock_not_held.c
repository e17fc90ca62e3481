// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: unlock on the path where spin_trylock() failed.
 *
 * Models fixes titled along the lines of "don't release tx_lock we never
 * got" in lockless-TX (LLTX style) Ethernet drivers: ndo_start_xmit() uses
 * spin_trylock() on the ring lock and, when contended, drops the packet and
 * jumps to the common exit label, which unlocks a spinlock owned by another
 * CPU.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define LTX_RING_SIZE		64
#define LTX_REG_TX_TAIL		0x20

struct ltx_priv {
	void __iomem *base;
	spinlock_t tx_lock;
	struct sk_buff *tx_skb[LTX_RING_SIZE];
	unsigned int tx_head;
	unsigned int tx_tail;
};

static unsigned int ltx_tx_free(const struct ltx_priv *priv)
{
	return LTX_RING_SIZE - 1 - ((priv->tx_head - priv->tx_tail) % LTX_RING_SIZE);
}

static netdev_tx_t ltx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ltx_priv *priv = netdev_priv(ndev);

	if (!spin_trylock(&priv->tx_lock)) {
		/* ring busy on another CPU: drop rather than spin in xmit */
		ndev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		goto out_unlock;
	}
	if (!ltx_tx_free(priv)) {
		netif_stop_queue(ndev);
		spin_unlock(&priv->tx_lock);
		return NETDEV_TX_BUSY;
	}
	priv->tx_skb[priv->tx_head] = skb;
	priv->tx_head = (priv->tx_head + 1) % LTX_RING_SIZE;
	writel(priv->tx_head, priv->base + LTX_REG_TX_TAIL);
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += skb->len;
out_unlock:
	spin_unlock(&priv->tx_lock); /* expect: lock-imbalance */
	return NETDEV_TX_OK;
}

void ltx_tx_complete(struct net_device *ndev, unsigned int hw_tail)
{
	struct ltx_priv *priv = netdev_priv(ndev);
	struct sk_buff *skb;

	spin_lock(&priv->tx_lock);
	while (priv->tx_tail != hw_tail) {
		skb = priv->tx_skb[priv->tx_tail];
		priv->tx_skb[priv->tx_tail] = NULL;
		priv->tx_tail = (priv->tx_tail + 1) % LTX_RING_SIZE;
		dev_consume_skb_any(skb);
	}
	if (netif_queue_stopped(ndev) && ltx_tx_free(priv))
		netif_wake_queue(ndev);
	spin_unlock(&priv->tx_lock);
}
EXPORT_SYMBOL_GPL(ltx_tx_complete);

static int ltx_open(struct net_device *ndev)
{
	struct ltx_priv *priv = netdev_priv(ndev);

	spin_lock_bh(&priv->tx_lock);
	priv->tx_head = 0;
	priv->tx_tail = 0;
	spin_unlock_bh(&priv->tx_lock);
	netif_start_queue(ndev);
	return 0;
}

static int ltx_stop(struct net_device *ndev)
{
	netif_stop_queue(ndev);
	return 0;
}

static const struct net_device_ops ltx_netdev_ops = {
	.ndo_open	= ltx_open,
	.ndo_stop	= ltx_stop,
	.ndo_start_xmit	= ltx_start_xmit,
};

struct net_device *ltx_create_netdev(void __iomem *base)
{
	struct net_device *ndev;
	struct ltx_priv *priv;

	ndev = alloc_etherdev(sizeof(*priv));
	if (!ndev)
		return NULL;
	priv = netdev_priv(ndev);
	priv->base = base;
	spin_lock_init(&priv->tx_lock);
	ndev->netdev_ops = &ltx_netdev_ops;
	ndev->features |= NETIF_F_LLTX;
	eth_hw_addr_random(ndev);
	return ndev;
}
EXPORT_SYMBOL_GPL(ltx_create_netdev);
MODULE_LICENSE("GPL");
