// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: netdev_alloc_skb() result passed unchecked to skb_put().
 *
 * Models fixes like "handle skb allocation failure in the RX path" in simple
 * FIFO-based Ethernet MACs: the NAPI poll loop allocates an skb for each
 * frame waiting in the RX FIFO and copies the frame in via skb_put().  Under
 * atomic-allocation pressure netdev_alloc_skb() returns NULL and the poll
 * loop oopses in softirq context.  The fix counts a drop, discards the frame
 * in hardware and goes on with the next one.
 * Fixed twin: a NULL skb counts an rx_dropped, discards the head frame in
 * the FIFO and continues with the next one; skb_put() only sees a real skb.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/of.h>

#define FETH_IRQ_STATUS		0x00
#define FETH_IRQ_MASK		0x04
#define FETH_IRQ_RX		BIT(0)
#define FETH_RX_COUNT		0x10	/* frames waiting */
#define FETH_RX_LEN		0x14	/* length of the head frame */
#define FETH_RX_DATA		0x18
#define FETH_RX_CMD		0x1c
#define FETH_RX_CMD_POP		BIT(0)
#define FETH_RX_CMD_DISCARD	BIT(1)

struct feth_priv {
	struct net_device *ndev;
	void __iomem *base;
	struct napi_struct napi;
};

static int feth_rx_poll(struct napi_struct *napi, int budget)
{
	struct feth_priv *priv = container_of(napi, struct feth_priv, napi);
	struct net_device *ndev = priv->ndev;
	struct sk_buff *skb;
	int done = 0;
	u32 len;
	void *data;

	while (done < budget && readl(priv->base + FETH_RX_COUNT)) {
		len = readl(priv->base + FETH_RX_LEN) & 0x7ff;

		skb = netdev_alloc_skb(ndev, len);
		if (!skb) {
			ndev->stats.rx_dropped++;
			writel(FETH_RX_CMD_DISCARD, priv->base + FETH_RX_CMD);
			done++;
			continue;
		}
		data = skb_put(skb, len);
		ioread32_rep(priv->base + FETH_RX_DATA, data, DIV_ROUND_UP(len, 4));
		writel(FETH_RX_CMD_POP, priv->base + FETH_RX_CMD);

		skb->protocol = eth_type_trans(skb, ndev);
		ndev->stats.rx_packets++;
		ndev->stats.rx_bytes += len;
		napi_gro_receive(napi, skb);
		done++;
	}

	if (done < budget && napi_complete_done(napi, done))
		writel(FETH_IRQ_RX, priv->base + FETH_IRQ_MASK);
	return done;
}

static irqreturn_t feth_irq(int irq, void *dev_id)
{
	struct feth_priv *priv = dev_id;
	u32 status = readl(priv->base + FETH_IRQ_STATUS);

	if (!(status & FETH_IRQ_RX))
		return IRQ_NONE;
	writel(status, priv->base + FETH_IRQ_STATUS);
	writel(0, priv->base + FETH_IRQ_MASK);
	napi_schedule(&priv->napi);
	return IRQ_HANDLED;
}

static int feth_open(struct net_device *ndev)
{
	struct feth_priv *priv = netdev_priv(ndev);

	napi_enable(&priv->napi);
	writel(FETH_IRQ_RX, priv->base + FETH_IRQ_MASK);
	netif_start_queue(ndev);
	return 0;
}

static int feth_stop(struct net_device *ndev)
{
	struct feth_priv *priv = netdev_priv(ndev);

	netif_stop_queue(ndev);
	writel(0, priv->base + FETH_IRQ_MASK);
	napi_disable(&priv->napi);
	return 0;
}

static netdev_tx_t feth_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	/* TX side omitted from this model: drop everything. */
	ndev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops feth_netdev_ops = {
	.ndo_open	= feth_open,
	.ndo_stop	= feth_stop,
	.ndo_start_xmit	= feth_xmit,
};

static int feth_probe(struct platform_device *pdev)
{
	struct net_device *ndev;
	struct feth_priv *priv;
	int irq, ret;

	ndev = devm_alloc_etherdev(&pdev->dev, sizeof(*priv));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, &pdev->dev);
	priv = netdev_priv(ndev);
	priv->ndev = ndev;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, feth_irq, 0, dev_name(&pdev->dev), priv);
	if (ret)
		return ret;

	ndev->netdev_ops = &feth_netdev_ops;
	eth_hw_addr_random(ndev);
	netif_napi_add(ndev, &priv->napi, feth_rx_poll);
	platform_set_drvdata(pdev, ndev);
	return register_netdev(ndev);
}

static int feth_remove(struct platform_device *pdev)
{
	struct net_device *ndev = platform_get_drvdata(pdev);
	struct feth_priv *priv = netdev_priv(ndev);

	unregister_netdev(ndev);
	netif_napi_del(&priv->napi);
	return 0;
}

static const struct of_device_id feth_of_match[] = {
	{ .compatible = "example,fifo-eth" },
	{ }
};
MODULE_DEVICE_TABLE(of, feth_of_match);

static struct platform_driver feth_driver = {
	.probe	= feth_probe,
	.remove	= feth_remove,
	.driver	= {
		.name		= "exmp-fifo-eth",
		.of_match_table	= feth_of_match,
	},
};
module_platform_driver(feth_driver);
MODULE_LICENSE("GPL");
