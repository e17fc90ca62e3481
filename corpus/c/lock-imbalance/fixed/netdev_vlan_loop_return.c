// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: return from inside a loop while holding a lock taken before
 * the loop.
 *
 * Models fixes of the form "release filter_lock when the VLAN id is already
 * programmed" in Ethernet drivers: ndo_vlan_rx_add_vid() takes the filter
 * table lock, scans the hardware filter slots and returns -EEXIST from inside
 * the scan loop without dropping the lock; the next filter update deadlocks.
 * Fixed twin: the duplicate-VID exit unlocks before returning.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define NFX_MAX_VLAN_FILTERS	16
#define NFX_REG_VLAN_FILTER(i)	(0x400 + 4 * (i))
#define NFX_VLAN_FILTER_EN	BIT(31)

struct nfx_priv {
	void __iomem *base;
	spinlock_t filter_lock;
	u16 vlan_slots[NFX_MAX_VLAN_FILTERS];
};

static int nfx_vlan_rx_add_vid(struct net_device *ndev, __be16 proto, u16 vid)
{
	struct nfx_priv *priv = netdev_priv(ndev);
	int i, free_slot = -1;

	if (!vid)
		return 0;

	spin_lock_bh(&priv->filter_lock);
	for (i = 0; i < NFX_MAX_VLAN_FILTERS; i++) {
		if (priv->vlan_slots[i] == vid) {
			spin_unlock_bh(&priv->filter_lock);
			netdev_dbg(ndev, "vid %u already in slot %d\n", vid, i);
			return -EEXIST;
		}
		if (!priv->vlan_slots[i] && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0) {
		spin_unlock_bh(&priv->filter_lock);
		netdev_err(ndev, "no free VLAN filter for vid %u\n", vid);
		return -ENOSPC;
	}
	priv->vlan_slots[free_slot] = vid;
	writel(NFX_VLAN_FILTER_EN | vid,
	       priv->base + NFX_REG_VLAN_FILTER(free_slot));
	spin_unlock_bh(&priv->filter_lock);
	return 0;
}

static int nfx_vlan_rx_kill_vid(struct net_device *ndev, __be16 proto, u16 vid)
{
	struct nfx_priv *priv = netdev_priv(ndev);
	int i;

	spin_lock_bh(&priv->filter_lock);
	for (i = 0; i < NFX_MAX_VLAN_FILTERS; i++) {
		if (priv->vlan_slots[i] != vid)
			continue;
		priv->vlan_slots[i] = 0;
		writel(0, priv->base + NFX_REG_VLAN_FILTER(i));
		break;
	}
	spin_unlock_bh(&priv->filter_lock);
	return 0;
}

static int nfx_open(struct net_device *ndev)
{
	netif_start_queue(ndev);
	return 0;
}

static int nfx_stop(struct net_device *ndev)
{
	netif_stop_queue(ndev);
	return 0;
}

static netdev_tx_t nfx_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	ndev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops nfx_netdev_ops = {
	.ndo_open		= nfx_open,
	.ndo_stop		= nfx_stop,
	.ndo_start_xmit		= nfx_start_xmit,
	.ndo_vlan_rx_add_vid	= nfx_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid	= nfx_vlan_rx_kill_vid,
};

struct net_device *nfx_create_netdev(void __iomem *base)
{
	struct net_device *ndev;
	struct nfx_priv *priv;

	ndev = alloc_etherdev(sizeof(*priv));
	if (!ndev)
		return NULL;
	priv = netdev_priv(ndev);
	priv->base = base;
	spin_lock_init(&priv->filter_lock);
	ndev->netdev_ops = &nfx_netdev_ops;
	ndev->features |= NETIF_F_HW_VLAN_CTAG_FILTER;
	eth_hw_addr_random(ndev);
	return ndev;
}
EXPORT_SYMBOL_GPL(nfx_create_netdev);
MODULE_LICENSE("GPL");
