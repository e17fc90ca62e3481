// SPDX-License-Identifier: GPL-2.0
/* Platform Gigabit MAC: the reset work takes RTNL and bails out when !netif_running(), so ndo_stop frees the rings without cancelling it (that would deadlock on RTNL); remove cancels it after unregister_netdev(). */
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

#define GEMAC_REG_CTRL		0x00
#define GEMAC_REG_IRQ_STAT	0x04
#define GEMAC_REG_IRQ_MASK	0x08
#define GEMAC_REG_RX_LEN	0x0c
#define GEMAC_REG_RX_TAIL	0x10
#define GEMAC_CTRL_RX_EN	BIT(0)
#define GEMAC_CTRL_TX_EN	BIT(1)
#define GEMAC_CTRL_RESET	BIT(31)
#define GEMAC_IRQ_RX		BIT(0)
#define GEMAC_IRQ_BUS_ERR	BIT(8)
#define GEMAC_RX_RING		128
#define GEMAC_TX_RING		128
#define GEMAC_RX_BUF_LEN	1536

struct gemac_priv {
	void __iomem *base;
	struct net_device *netdev;
	int irq;
	struct work_struct reset_task;
	struct sk_buff **rx_skbs;
	struct sk_buff **tx_skbs;
	unsigned int rx_head;
};

static void gemac_free_skbs(struct sk_buff **ring, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < size; i++) {
		dev_kfree_skb_any(ring[i]);
		ring[i] = NULL;
	}
}

static int gemac_fill_rx(struct gemac_priv *priv)
{
	struct sk_buff *skb;
	unsigned int i;

	for (i = 0; i < GEMAC_RX_RING; i++) {
		if (priv->rx_skbs[i])
			continue;
		skb = netdev_alloc_skb(priv->netdev, GEMAC_RX_BUF_LEN);
		if (!skb)
			return -ENOMEM;
		priv->rx_skbs[i] = skb;
	}
	return 0;
}

static void gemac_hw_start(struct gemac_priv *priv)
{
	priv->rx_head = 0;
	writel(0, priv->base + GEMAC_REG_RX_TAIL);
	writel(GEMAC_IRQ_RX | GEMAC_IRQ_BUS_ERR, priv->base + GEMAC_REG_IRQ_MASK);
	writel(GEMAC_CTRL_RX_EN | GEMAC_CTRL_TX_EN, priv->base + GEMAC_REG_CTRL);
}

static void gemac_hw_stop(struct gemac_priv *priv)
{
	writel(0, priv->base + GEMAC_REG_IRQ_MASK);
	writel(0, priv->base + GEMAC_REG_CTRL);
}

static void gemac_reinit_locked(struct gemac_priv *priv)
{
	struct net_device *netdev = priv->netdev;

	rtnl_lock();
	/* closed since the reset was queued: ndo_stop has freed the rings */
	if (!netif_running(netdev))
		goto bail;

	netif_tx_disable(netdev);
	writel(GEMAC_CTRL_RESET, priv->base + GEMAC_REG_CTRL);
	gemac_free_skbs(priv->tx_skbs, GEMAC_TX_RING);
	gemac_free_skbs(priv->rx_skbs, GEMAC_RX_RING);
	if (gemac_fill_rx(priv))
		netdev_warn(netdev, "rx ring only partly refilled after reset\n");
	gemac_hw_start(priv);
	netif_wake_queue(netdev);
bail:
	rtnl_unlock();
}

static void gemac_reset_task(struct work_struct *work)
{
	struct gemac_priv *priv = container_of(work, struct gemac_priv, reset_task);

	netdev_warn(priv->netdev, "bus error, resetting the MAC\n");
	gemac_reinit_locked(priv);
}

static irqreturn_t gemac_interrupt(int irq, void *dev_id)
{
	struct gemac_priv *priv = dev_id;
	struct net_device *netdev = priv->netdev;
	u32 stat = readl(priv->base + GEMAC_REG_IRQ_STAT);
	struct sk_buff *skb;

	if (!stat)
		return IRQ_NONE;
	writel(stat, priv->base + GEMAC_REG_IRQ_STAT);

	if (stat & GEMAC_IRQ_BUS_ERR) {
		writel(0, priv->base + GEMAC_REG_IRQ_MASK);
		schedule_work(&priv->reset_task);
		return IRQ_HANDLED;
	}
	if (stat & GEMAC_IRQ_RX) {
		skb = priv->rx_skbs[priv->rx_head];
		priv->rx_skbs[priv->rx_head] = netdev_alloc_skb(netdev, GEMAC_RX_BUF_LEN);
		if (skb) {
			skb_put(skb, readl(priv->base + GEMAC_REG_RX_LEN));
			skb->protocol = eth_type_trans(skb, netdev);
			netif_rx(skb);
		}
		priv->rx_head = (priv->rx_head + 1) % GEMAC_RX_RING;
		writel(priv->rx_head, priv->base + GEMAC_REG_RX_TAIL);
	}
	return IRQ_HANDLED;
}

static int gemac_open(struct net_device *netdev)
{
	struct gemac_priv *priv = netdev_priv(netdev);
	int ret;

	priv->rx_skbs = kcalloc(GEMAC_RX_RING, sizeof(*priv->rx_skbs), GFP_KERNEL);
	if (!priv->rx_skbs)
		return -ENOMEM;
	priv->tx_skbs = kcalloc(GEMAC_TX_RING, sizeof(*priv->tx_skbs), GFP_KERNEL);
	if (!priv->tx_skbs) {
		ret = -ENOMEM;
		goto err_free_rx;
	}
	ret = gemac_fill_rx(priv);
	if (ret)
		goto err_free_skbs;
	ret = request_irq(priv->irq, gemac_interrupt, 0, netdev->name, priv);
	if (ret)
		goto err_free_skbs;

	gemac_hw_start(priv);
	netif_start_queue(netdev);
	return 0;

err_free_skbs:
	gemac_free_skbs(priv->rx_skbs, GEMAC_RX_RING);
	kfree(priv->tx_skbs);
err_free_rx:
	kfree(priv->rx_skbs);
	return ret;
}

static int gemac_stop(struct net_device *netdev)
{
	struct gemac_priv *priv = netdev_priv(netdev);

	netif_stop_queue(netdev);
	gemac_hw_stop(priv);
	free_irq(priv->irq, priv);
	/*
	 * A reset queued by the last bus error may still be pending.  It is not
	 * cancelled here: cancel_work_sync() would deadlock, since the work
	 * takes RTNL and the core calls ndo_stop with RTNL held.  The core has
	 * also cleared netif_running() already, so once the work gets RTNL it
	 * bails out without touching the rings.  remove cancels it for good.
	 */
	gemac_free_skbs(priv->tx_skbs, GEMAC_TX_RING);
	gemac_free_skbs(priv->rx_skbs, GEMAC_RX_RING);
	kfree(priv->rx_skbs);
	kfree(priv->tx_skbs);
	priv->rx_skbs = NULL;
	priv->tx_skbs = NULL;
	return 0;
}

static netdev_tx_t gemac_start_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	/* transmit path elided: the example is about the rx ring lifetime */
	netdev->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops gemac_netdev_ops = {
	.ndo_open	= gemac_open,
	.ndo_stop	= gemac_stop,
	.ndo_start_xmit	= gemac_start_xmit,
};

static int gemac_probe(struct platform_device *pdev)
{
	struct net_device *netdev;
	struct gemac_priv *priv;
	int ret;

	netdev = alloc_etherdev(sizeof(*priv));
	if (!netdev)
		return -ENOMEM;
	priv = netdev_priv(netdev);
	priv->netdev = netdev;
	INIT_WORK(&priv->reset_task, gemac_reset_task);

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

	netdev->netdev_ops = &gemac_netdev_ops;
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

static int gemac_remove(struct platform_device *pdev)
{
	struct net_device *netdev = platform_get_drvdata(pdev);
	struct gemac_priv *priv = netdev_priv(netdev);

	unregister_netdev(netdev);	/* runs gemac_stop() if the interface was up */
	cancel_work_sync(&priv->reset_task);
	free_netdev(netdev);
	return 0;
}

static const struct of_device_id gemac_of_match[] = {
	{ .compatible = "example,gemac" },
	{ }
};
MODULE_DEVICE_TABLE(of, gemac_of_match);

static struct platform_driver gemac_driver = {
	.probe		= gemac_probe,
	.remove		= gemac_remove,
	.driver		= {
		.name		= "gemac",
		.of_match_table	= gemac_of_match,
	},
};
module_platform_driver(gemac_driver);
MODULE_DESCRIPTION("Example platform Gigabit MAC");
MODULE_LICENSE("GPL");
