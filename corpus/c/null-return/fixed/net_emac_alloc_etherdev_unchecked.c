// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: alloc_etherdev() result dereferenced without a NULL check.
 *
 * Models fixes like "check alloc_etherdev() return value" in embedded MAC
 * drivers: probe allocates the net_device with room for the private data and
 * immediately links it to the platform device (SET_NETDEV_DEV writes
 * ndev->dev.parent) and fetches netdev_priv().  alloc_etherdev() returns NULL
 * on allocation failure.  The fix returns -ENOMEM when it does.
 * Fixed twin: probe returns -ENOMEM when alloc_etherdev() returns NULL,
 * before SET_NETDEV_DEV() and netdev_priv().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/io.h>
#include <linux/of.h>

#define EMAC_CTRL		0x00
#define EMAC_CTRL_TX_EN		BIT(0)
#define EMAC_CTRL_RX_EN		BIT(1)
#define EMAC_TX_DATA		0x10
#define EMAC_TX_LEN		0x14

struct emac_priv {
	struct net_device *ndev;
	struct platform_device *pdev;
	void __iomem *base;
};

static int emac_open(struct net_device *ndev)
{
	struct emac_priv *priv = netdev_priv(ndev);

	writel(EMAC_CTRL_TX_EN | EMAC_CTRL_RX_EN, priv->base + EMAC_CTRL);
	netif_start_queue(ndev);
	return 0;
}

static int emac_stop(struct net_device *ndev)
{
	struct emac_priv *priv = netdev_priv(ndev);

	netif_stop_queue(ndev);
	writel(0, priv->base + EMAC_CTRL);
	return 0;
}

static netdev_tx_t emac_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct emac_priv *priv = netdev_priv(ndev);

	iowrite32_rep(priv->base + EMAC_TX_DATA, skb->data, DIV_ROUND_UP(skb->len, 4));
	writel(skb->len, priv->base + EMAC_TX_LEN);
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += skb->len;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops emac_netdev_ops = {
	.ndo_open		= emac_open,
	.ndo_stop		= emac_stop,
	.ndo_start_xmit		= emac_start_xmit,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_set_mac_address	= eth_mac_addr,
};

static int emac_probe(struct platform_device *pdev)
{
	struct net_device *ndev;
	struct emac_priv *priv;
	void __iomem *base;
	int ret;

	base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(base))
		return PTR_ERR(base);

	ndev = alloc_etherdev(sizeof(*priv));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	priv->pdev = pdev;
	priv->base = base;

	ndev->netdev_ops = &emac_netdev_ops;
	eth_hw_addr_random(ndev);
	platform_set_drvdata(pdev, ndev);

	ret = register_netdev(ndev);
	if (ret) {
		free_netdev(ndev);
		return ret;
	}
	return 0;
}

static int emac_remove(struct platform_device *pdev)
{
	struct net_device *ndev = platform_get_drvdata(pdev);

	unregister_netdev(ndev);
	free_netdev(ndev);
	return 0;
}

static const struct of_device_id emac_of_match[] = {
	{ .compatible = "example,fifo-emac" },
	{ }
};
MODULE_DEVICE_TABLE(of, emac_of_match);

static struct platform_driver emac_driver = {
	.probe	= emac_probe,
	.remove	= emac_remove,
	.driver	= {
		.name		= "exmp-emac",
		.of_match_table	= emac_of_match,
	},
};
module_platform_driver(emac_driver);
MODULE_LICENSE("GPL");
