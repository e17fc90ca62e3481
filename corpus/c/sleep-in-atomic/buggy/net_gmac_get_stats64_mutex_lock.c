// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: mutex_lock() in .ndo_get_stats64.
 *
 * Models fixes like "use a spinlock for the MIB counters" in Ethernet MAC
 * drivers whose hardware counters are clear-on-read and are folded into
 * 64-bit software totals by a periodic work item.  The totals were protected
 * by a mutex, but ndo_get_stats64 may be called in atomic context (from
 * dev_get_stats() under rcu_read_lock(), from bonding with its stats lock
 * held), where a mutex must not be taken.  The fix protects the totals with
 * a spinlock taken with spin_lock_bh() on both sides.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/io.h>

#define GMAC_TX_FIFO		0x100
#define GMAC_TX_LEN		0x104
#define GMAC_MIB_RX_PKTS	0x200
#define GMAC_MIB_RX_BYTES	0x204
#define GMAC_MIB_TX_PKTS	0x208
#define GMAC_MIB_TX_BYTES	0x20c
#define GMAC_MIB_RX_CRC		0x210
#define GMAC_MIB_PERIOD		(HZ / 2)

struct gmac_mib {
	u64 rx_packets, rx_bytes, tx_packets, tx_bytes, rx_crc_errors;
};

struct gmac {
	void __iomem *base;
	struct net_device *net;
	struct mutex mib_lock;		/* protects mib */
	struct gmac_mib mib;
	struct delayed_work mib_work;
};

static void gmac_mib_work(struct work_struct *work)
{
	struct gmac *priv = container_of(work, struct gmac, mib_work.work);

	mutex_lock(&priv->mib_lock);
	priv->mib.rx_packets += readl(priv->base + GMAC_MIB_RX_PKTS);
	priv->mib.rx_bytes += readl(priv->base + GMAC_MIB_RX_BYTES);
	priv->mib.tx_packets += readl(priv->base + GMAC_MIB_TX_PKTS);
	priv->mib.tx_bytes += readl(priv->base + GMAC_MIB_TX_BYTES);
	priv->mib.rx_crc_errors += readl(priv->base + GMAC_MIB_RX_CRC);
	mutex_unlock(&priv->mib_lock);

	schedule_delayed_work(&priv->mib_work, GMAC_MIB_PERIOD);
}

static void gmac_get_stats64(struct net_device *net, struct rtnl_link_stats64 *stats)
{
	struct gmac *priv = netdev_priv(net);

	mutex_lock(&priv->mib_lock); /* expect: sleep-in-atomic */
	stats->rx_packets = priv->mib.rx_packets;
	stats->rx_bytes = priv->mib.rx_bytes;
	stats->tx_packets = priv->mib.tx_packets;
	stats->tx_bytes = priv->mib.tx_bytes;
	stats->rx_crc_errors = priv->mib.rx_crc_errors;
	stats->rx_errors = priv->mib.rx_crc_errors;
	mutex_unlock(&priv->mib_lock);
	stats->tx_dropped = net->stats.tx_dropped;
}

static netdev_tx_t gmac_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	struct gmac *priv = netdev_priv(net);

	if (skb_put_padto(skb, ETH_ZLEN)) {
		net->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}
	iowrite32_rep(priv->base + GMAC_TX_FIFO, skb->data, DIV_ROUND_UP(skb->len, 4));
	writel(skb->len, priv->base + GMAC_TX_LEN);
	dev_consume_skb_any(skb);
	return NETDEV_TX_OK;
}

static int gmac_open(struct net_device *net)
{
	struct gmac *priv = netdev_priv(net);

	schedule_delayed_work(&priv->mib_work, GMAC_MIB_PERIOD);
	netif_start_queue(net);
	return 0;
}

static int gmac_stop(struct net_device *net)
{
	struct gmac *priv = netdev_priv(net);

	netif_stop_queue(net);
	cancel_delayed_work_sync(&priv->mib_work);
	return 0;
}

static const struct net_device_ops gmac_netdev_ops = {
	.ndo_open		= gmac_open,
	.ndo_stop		= gmac_stop,
	.ndo_start_xmit		= gmac_start_xmit,
	.ndo_get_stats64	= gmac_get_stats64,
	.ndo_validate_addr	= eth_validate_addr,
};

static int gmac_probe(struct platform_device *pdev)
{
	struct net_device *net;
	struct gmac *priv;

	net = devm_alloc_etherdev(&pdev->dev, sizeof(*priv));
	if (!net)
		return -ENOMEM;
	priv = netdev_priv(net);
	priv->net = net;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	mutex_init(&priv->mib_lock);
	INIT_DELAYED_WORK(&priv->mib_work, gmac_mib_work);

	net->netdev_ops = &gmac_netdev_ops;
	SET_NETDEV_DEV(net, &pdev->dev);
	eth_hw_addr_random(net);
	platform_set_drvdata(pdev, priv);
	return register_netdev(net);
}

static int gmac_remove(struct platform_device *pdev)
{
	struct gmac *priv = platform_get_drvdata(pdev);

	unregister_netdev(priv->net);
	return 0;
}

static struct platform_driver gmac_driver = {
	.probe	= gmac_probe,
	.remove	= gmac_remove,
	.driver	= { .name = "acme-gmac" },
};
module_platform_driver(gmac_driver);
MODULE_LICENSE("GPL");
