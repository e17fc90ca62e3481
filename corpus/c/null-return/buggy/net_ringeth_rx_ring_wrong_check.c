// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: NULL check on the wrong pointer - the second kcalloc()'s
 * result is never tested because the copy-pasted check tests the first one
 * again, and the unchecked ring is then indexed.
 *
 * Models fixes like "fix copy-paste error in ring allocation check" in
 * Ethernet drivers that allocate TX and RX software rings back to back in
 * ndo_open: `if (!priv->tx_ring)` was duplicated after the RX allocation, so
 * a failed RX allocation is missed and the initialisation loop writes through
 * NULL.  The fix tests priv->rx_ring.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/of.h>

#define RETH_RING_SIZE		64
#define RETH_RX_BUF_LEN		1536
#define RETH_CTRL		0x00
#define RETH_CTRL_EN		BIT(0)

struct reth_ring_ent {
	struct sk_buff *skb;
	u32 len;
	u32 flags;
};

struct reth_priv {
	struct net_device *ndev;
	void __iomem *base;
	struct reth_ring_ent *tx_ring;
	struct reth_ring_ent *rx_ring;
	unsigned int tx_head, tx_tail;
	unsigned int rx_head;
};

static int reth_alloc_rings(struct reth_priv *priv)
{
	unsigned int i;

	priv->tx_ring = kcalloc(RETH_RING_SIZE, sizeof(*priv->tx_ring), GFP_KERNEL);
	if (!priv->tx_ring)
		return -ENOMEM;

	priv->rx_ring = kcalloc(RETH_RING_SIZE, sizeof(*priv->rx_ring), GFP_KERNEL);
	if (!priv->tx_ring) {
		kfree(priv->tx_ring);
		return -ENOMEM;
	}

	for (i = 0; i < RETH_RING_SIZE; i++)
		priv->rx_ring[i].len = RETH_RX_BUF_LEN; /* expect: null-return */
	priv->tx_head = 0;
	priv->tx_tail = 0;
	priv->rx_head = 0;
	return 0;
}

static void reth_free_rings(struct reth_priv *priv)
{
	kfree(priv->rx_ring);
	kfree(priv->tx_ring);
	priv->rx_ring = NULL;
	priv->tx_ring = NULL;
}

static int reth_open(struct net_device *ndev)
{
	struct reth_priv *priv = netdev_priv(ndev);
	int ret;

	ret = reth_alloc_rings(priv);
	if (ret)
		return ret;
	writel(RETH_CTRL_EN, priv->base + RETH_CTRL);
	netif_start_queue(ndev);
	return 0;
}

static int reth_stop(struct net_device *ndev)
{
	struct reth_priv *priv = netdev_priv(ndev);

	netif_stop_queue(ndev);
	writel(0, priv->base + RETH_CTRL);
	reth_free_rings(priv);
	return 0;
}

static netdev_tx_t reth_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	/* The DMA engine is left out of this model: count and drop. */
	ndev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops reth_netdev_ops = {
	.ndo_open	= reth_open,
	.ndo_stop	= reth_stop,
	.ndo_start_xmit	= reth_xmit,
};

static int reth_probe(struct platform_device *pdev)
{
	struct net_device *ndev;
	struct reth_priv *priv;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*priv));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	priv = netdev_priv(ndev);
	priv->ndev = ndev;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	ndev->netdev_ops = &reth_netdev_ops;
	eth_hw_addr_random(ndev);
	platform_set_drvdata(pdev, ndev);
	return register_netdev(ndev);
}

static int reth_remove(struct platform_device *pdev)
{
	unregister_netdev(platform_get_drvdata(pdev));
	return 0;
}

static const struct of_device_id reth_of_match[] = {
	{ .compatible = "example,ring-eth" },
	{ }
};
MODULE_DEVICE_TABLE(of, reth_of_match);

static struct platform_driver reth_driver = {
	.probe	= reth_probe,
	.remove	= reth_remove,
	.driver	= {
		.name		= "exmp-ring-eth",
		.of_match_table	= reth_of_match,
	},
};
module_platform_driver(reth_driver);
MODULE_LICENSE("GPL");
