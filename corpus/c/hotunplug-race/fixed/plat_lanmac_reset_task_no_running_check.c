// SPDX-License-Identifier: GPL-2.0
/* Platform 100M MAC; fixed: the reset work tests netif_running() under RTNL and bails out, so it cannot touch the rings ndo_stop freed. */
#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/io.h>

#define LANMAC_REG_CTRL		0x00
#define LANMAC_REG_ISR		0x04
#define LANMAC_REG_IMR		0x08
#define LANMAC_REG_RX_LEN	0x0c
#define LANMAC_REG_RX_IDX	0x10
#define LANMAC_REG_TX_IDX	0x14
#define LANMAC_CTRL_RX_EN	BIT(0)
#define LANMAC_CTRL_TX_EN	BIT(1)
#define LANMAC_CTRL_SOFT_RESET	BIT(31)
#define LANMAC_ISR_RX		BIT(0)
#define LANMAC_ISR_TX		BIT(1)
#define LANMAC_ISR_DMA_ERR	BIT(15)
#define LANMAC_RX_RING		64
#define LANMAC_TX_RING		64
#define LANMAC_RX_BUF_LEN	1536

struct lanmac_priv {
	void __iomem *base;
	struct net_device *netdev;
	int irq;
	struct work_struct reset_task;
	struct sk_buff **rx_skbs;
	struct sk_buff **tx_skbs;
	unsigned int rx_next;
	unsigned int tx_next, tx_done;
};

static void lanmac_drop_ring(struct sk_buff **ring, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < size; i++) {
		dev_kfree_skb_any(ring[i]);
		ring[i] = NULL;
	}
}

static int lanmac_refill_rx(struct lanmac_priv *priv)
{
	struct sk_buff *skb;
	unsigned int i;

	for (i = 0; i < LANMAC_RX_RING; i++) {
		if (priv->rx_skbs[i])
			continue;
		skb = netdev_alloc_skb(priv->netdev, LANMAC_RX_BUF_LEN);
		if (!skb)
			return -ENOMEM;
		priv->rx_skbs[i] = skb;
	}
	return 0;
}

static void lanmac_hw_init(struct lanmac_priv *priv)
{
	priv->rx_next = 0;
	priv->tx_next = 0;
	priv->tx_done = 0;
	writel(0, priv->base + LANMAC_REG_RX_IDX);
	writel(0, priv->base + LANMAC_REG_TX_IDX);
	writel(LANMAC_ISR_RX | LANMAC_ISR_TX | LANMAC_ISR_DMA_ERR, priv->base + LANMAC_REG_IMR);
	writel(LANMAC_CTRL_RX_EN | LANMAC_CTRL_TX_EN, priv->base + LANMAC_REG_CTRL);
}

static void lanmac_reset_task(struct work_struct *work)
{
	struct lanmac_priv *priv = container_of(work, struct lanmac_priv, reset_task);
	struct net_device *netdev = priv->netdev;

	rtnl_lock();
	/* closed since the reset was queued: ndo_stop has freed the rings */
	if (!netif_running(netdev))
		goto bail;

	netif_tx_disable(netdev);
	writel(LANMAC_CTRL_SOFT_RESET, priv->base + LANMAC_REG_CTRL);
	lanmac_drop_ring(priv->tx_skbs, LANMAC_TX_RING);
	lanmac_drop_ring(priv->rx_skbs, LANMAC_RX_RING);
	if (lanmac_refill_rx(priv))
		netdev_warn(netdev, "rx ring only partly refilled after reset\n");
	lanmac_hw_init(priv);
	netif_wake_queue(netdev);
bail:
	rtnl_unlock();
}

static void lanmac_tx_timeout(struct net_device *netdev, unsigned int txqueue)
{
	struct lanmac_priv *priv = netdev_priv(netdev);

	netdev_err(netdev, "transmit timed out, resetting\n");
	schedule_work(&priv->reset_task);
}

static irqreturn_t lanmac_interrupt(int irq, void *dev_id)
{
	struct lanmac_priv *priv = dev_id;
	struct net_device *netdev = priv->netdev;
	u32 isr = readl(priv->base + LANMAC_REG_ISR);
	struct sk_buff *skb;

	if (!isr)
		return IRQ_NONE;
	writel(isr, priv->base + LANMAC_REG_ISR);

	if (isr & LANMAC_ISR_DMA_ERR) {
		/* descriptor fetch failed: the engine is halted until a reset */
		writel(0, priv->base + LANMAC_REG_IMR);
		schedule_work(&priv->reset_task);
		return IRQ_HANDLED;
	}
	if (isr & LANMAC_ISR_RX) {
		skb = priv->rx_skbs[priv->rx_next];
		priv->rx_skbs[priv->rx_next] = netdev_alloc_skb(netdev, LANMAC_RX_BUF_LEN);
		if (skb) {
			skb_put(skb, readl(priv->base + LANMAC_REG_RX_LEN));
			skb->protocol = eth_type_trans(skb, netdev);
			netif_rx(skb);
		}
		priv->rx_next = (priv->rx_next + 1) % LANMAC_RX_RING;
		writel(priv->rx_next, priv->base + LANMAC_REG_RX_IDX);
	}
	if (isr & LANMAC_ISR_TX) {
		while (priv->tx_done != readl(priv->base + LANMAC_REG_TX_IDX)) {
			dev_consume_skb_irq(priv->tx_skbs[priv->tx_done]);
			priv->tx_skbs[priv->tx_done] = NULL;
			priv->tx_done = (priv->tx_done + 1) % LANMAC_TX_RING;
		}
		netif_wake_queue(netdev);
	}
	return IRQ_HANDLED;
}

static netdev_tx_t lanmac_start_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct lanmac_priv *priv = netdev_priv(netdev);
	unsigned int next = (priv->tx_next + 1) % LANMAC_TX_RING;

	if (next == priv->tx_done) {
		netif_stop_queue(netdev);
		return NETDEV_TX_BUSY;
	}
	priv->tx_skbs[priv->tx_next] = skb;
	priv->tx_next = next;
	writel(priv->tx_next, priv->base + LANMAC_REG_TX_IDX);
	return NETDEV_TX_OK;
}

static int lanmac_open(struct net_device *netdev)
{
	struct lanmac_priv *priv = netdev_priv(netdev);
	int ret;

	priv->rx_skbs = kcalloc(LANMAC_RX_RING, sizeof(*priv->rx_skbs), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(LANMAC_TX_RING, sizeof(*priv->tx_skbs), GFP_KERNEL);
	if (!priv->tx_skbs) {
		ret = -ENOMEM;
		goto err_free_rx;
	}
	ret = lanmac_refill_rx(priv);
	if (ret)
		goto err_drop_rx;
	ret = request_irq(priv->irq, lanmac_interrupt, 0, netdev->name, priv);
	if (ret)
		goto err_drop_rx;

	lanmac_hw_init(priv);
	netif_start_queue(netdev);
	return 0;

err_drop_rx:
	lanmac_drop_ring(priv->rx_skbs, LANMAC_RX_RING);
	kfree(priv->tx_skbs);
err_free_rx:
	kfree(priv->rx_skbs);
	return ret;
}

static int lanmac_stop(struct net_device *netdev)
{
	struct lanmac_priv *priv = netdev_priv(netdev);

	netif_stop_queue(netdev);
	writel(0, priv->base + LANMAC_REG_IMR);
	writel(0, priv->base + LANMAC_REG_CTRL);
	free_irq(priv->irq, priv);
	/*
	 * A reset queued by the last DMA error or a transmit timeout may
	 * still be pending.  It cannot be cancelled synchronously here: the
	 * work takes RTNL, which the core holds around ndo_stop.  remove
	 * cancels it.
	 */
	lanmac_drop_ring(priv->tx_skbs, LANMAC_TX_RING);
	lanmac_drop_ring(priv->rx_skbs, LANMAC_RX_RING);
	kfree(priv->rx_skbs);
	kfree(priv->tx_skbs);
	priv->rx_skbs = NULL;
	priv->tx_skbs = NULL;
	return 0;
}

static const struct net_device_ops lanmac_netdev_ops = {
	.ndo_open	= lanmac_open,
	.ndo_stop	= lanmac_stop,
	.ndo_start_xmit	= lanmac_start_xmit,
	.ndo_tx_timeout	= lanmac_tx_timeout,
};

static int lanmac_probe(struct platform_device *pdev)
{
	struct lanmac_priv *priv;
	struct net_device *netdev;
	int ret;

	netdev = alloc_etherdev(sizeof(*priv));
	if (!netdev)
		return -ENOMEM;
	priv = netdev_priv(netdev);
	priv->netdev = netdev;
	INIT_WORK(&priv->reset_task, lanmac_reset_task);

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free_netdev;
	}
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0) {
		ret = priv->irq;
		goto err_free_netdev;
	}

	netdev->netdev_ops = &lanmac_netdev_ops;
	netdev->watchdog_timeo = 5 * HZ;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	eth_hw_addr_random(netdev);
	platform_set_drvdata(pdev, netdev);
	ret = register_netdev(netdev);
	if (ret)
		goto err_free_netdev;
	return 0;

err_free_netdev:
	free_netdev(netdev);
	return ret;
}

static void lanmac_remove(struct platform_device *pdev)
{
	struct net_device *netdev = platform_get_drvdata(pdev);
	struct lanmac_priv *priv = netdev_priv(netdev);

	unregister_netdev(netdev);	/* runs lanmac_stop() if the interface was up */
	cancel_work_sync(&priv->reset_task);
	free_netdev(netdev);
}

static const struct of_device_id lanmac_of_match[] = {
	{ .compatible = "example,lanmac" },
	{ }
};
MODULE_DEVICE_TABLE(of, lanmac_of_match);

static struct platform_driver lanmac_driver = {
	.probe		= lanmac_probe,
	.remove_new	= lanmac_remove,
	.driver		= {
		.name		= "lanmac",
		.of_match_table	= lanmac_of_match,
	},
};
module_platform_driver(lanmac_driver);
MODULE_DESCRIPTION("Example platform 100M Ethernet MAC");
MODULE_LICENSE("GPL");
