// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a NAPI poll function reaches msleep() through three levels of
 * driver helpers (poll -> emac_rx_recover -> emac_rx_dma_stop ->
 * emac_dma_wait_idle -> msleep).
 *
 * Models fixes like "don't sleep in the rx overflow recovery path" in
 * embedded Ethernet MAC drivers: the recovery helpers were first written for
 * ndo_stop (process context), where polling the DMA idle bit with msleep()
 * is fine, and were later reused from the NAPI poll function, which runs in
 * softirq context.  The fix busy-waits with udelay() in the idle poll (the
 * DMA engine stops within microseconds), so every caller may use it.
 * Fixed twin: emac_dma_wait_idle() polls with udelay(10) instead of msleep(1).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/dma-mapping.h>
#include <linux/delay.h>
#include <linux/io.h>

#define EMAC_INT_STATUS		0x00
#define EMAC_INT_ENABLE		0x04
#define EMAC_RX_CTRL		0x10
#define EMAC_RX_RING		0x14
#define EMAC_DMA_STATUS		0x18
#define EMAC_INT_RX		BIT(0)
#define EMAC_INT_RX_OVF		BIT(1)
#define EMAC_RX_EN		BIT(0)
#define EMAC_DMA_RX_IDLE	BIT(4)
#define EMAC_DESC_OWN		BIT(31)
#define EMAC_DESC_LEN(c)	((c) & 0x7ff)
#define EMAC_RX_RING_SIZE	64
#define EMAC_RX_BUF_SIZE	1536

struct emac_desc {
	__le32 ctrl;
	__le32 addr;
};

struct emac {
	void __iomem *base;
	struct net_device *net;
	struct napi_struct napi;
	struct emac_desc *rx_ring;
	dma_addr_t rx_ring_dma;
	u8 *rx_bufs;
	dma_addr_t rx_bufs_dma;
	unsigned int rx_head;
};

static int emac_dma_wait_idle(struct emac *priv)
{
	int tries;

	for (tries = 0; tries < 100; tries++) {
		if (readl(priv->base + EMAC_DMA_STATUS) & EMAC_DMA_RX_IDLE)
			return 0;
		udelay(10);
	}
	return -ETIMEDOUT;
}

static int emac_rx_dma_stop(struct emac *priv)
{
	writel(0, priv->base + EMAC_RX_CTRL);
	return emac_dma_wait_idle(priv);
}

static void emac_rx_ring_init(struct emac *priv)
{
	int i;

	for (i = 0; i < EMAC_RX_RING_SIZE; i++) {
		priv->rx_ring[i].addr = cpu_to_le32(priv->rx_bufs_dma + i * EMAC_RX_BUF_SIZE);
		priv->rx_ring[i].ctrl = cpu_to_le32(EMAC_DESC_OWN);
	}
	priv->rx_head = 0;
	writel(priv->rx_ring_dma, priv->base + EMAC_RX_RING);
}

static void emac_rx_recover(struct emac *priv)
{
	netdev_warn(priv->net, "rx overflow, restarting rx dma\n");
	if (emac_rx_dma_stop(priv))
		netdev_err(priv->net, "rx dma did not stop\n");
	emac_rx_ring_init(priv);
	writel(EMAC_RX_EN, priv->base + EMAC_RX_CTRL);
}

static int emac_poll(struct napi_struct *napi, int budget)
{
	struct emac *priv = container_of(napi, struct emac, napi);
	u32 status = readl(priv->base + EMAC_INT_STATUS);
	int done = 0;

	if (status & EMAC_INT_RX_OVF) {
		priv->net->stats.rx_over_errors++;
		emac_rx_recover(priv);
	}

	while (done < budget) {
		struct emac_desc *desc = &priv->rx_ring[priv->rx_head];
		u32 ctrl = le32_to_cpu(desc->ctrl);
		unsigned int len = EMAC_DESC_LEN(ctrl);
		struct sk_buff *skb;

		if (ctrl & EMAC_DESC_OWN)
			break;
		skb = napi_alloc_skb(napi, len);
		if (skb) {
			skb_put_data(skb, priv->rx_bufs + priv->rx_head * EMAC_RX_BUF_SIZE, len);
			skb->protocol = eth_type_trans(skb, priv->net);
			napi_gro_receive(napi, skb);
		} else {
			priv->net->stats.rx_dropped++;
		}
		desc->ctrl = cpu_to_le32(EMAC_DESC_OWN);
		priv->rx_head = (priv->rx_head + 1) % EMAC_RX_RING_SIZE;
		done++;
	}

	if (done < budget && napi_complete_done(napi, done))
		writel(EMAC_INT_RX | EMAC_INT_RX_OVF, priv->base + EMAC_INT_ENABLE);
	return done;
}

static irqreturn_t emac_irq(int irq, void *dev_id)
{
	struct emac *priv = dev_id;

	writel(0, priv->base + EMAC_INT_ENABLE);
	napi_schedule(&priv->napi);
	return IRQ_HANDLED;
}

static netdev_tx_t emac_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	/* tx path omitted: this MAC model is receive-only */
	net->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static int emac_open(struct net_device *net)
{
	struct emac *priv = netdev_priv(net);

	emac_rx_ring_init(priv);
	napi_enable(&priv->napi);
	writel(EMAC_RX_EN, priv->base + EMAC_RX_CTRL);
	writel(EMAC_INT_RX | EMAC_INT_RX_OVF, priv->base + EMAC_INT_ENABLE);
	return 0;
}

static int emac_stop(struct net_device *net)
{
	struct emac *priv = netdev_priv(net);

	writel(0, priv->base + EMAC_INT_ENABLE);
	napi_disable(&priv->napi);
	return emac_rx_dma_stop(priv);
}

static const struct net_device_ops emac_netdev_ops = {
	.ndo_open	= emac_open,
	.ndo_stop	= emac_stop,
	.ndo_start_xmit	= emac_start_xmit,
};

static int emac_probe(struct platform_device *pdev)
{
	struct net_device *net;
	struct emac *priv;
	int irq, ret;

	net = devm_alloc_etherdev(&pdev->dev, sizeof(*priv));
	if (!net)
		return -ENOMEM;
	priv = netdev_priv(net);
	priv->net = net;
	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	priv->rx_ring = dmam_alloc_coherent(&pdev->dev, EMAC_RX_RING_SIZE * sizeof(struct emac_desc),
					    &priv->rx_ring_dma, GFP_KERNEL);
	priv->rx_bufs = dmam_alloc_coherent(&pdev->dev, EMAC_RX_RING_SIZE * EMAC_RX_BUF_SIZE,
					    &priv->rx_bufs_dma, GFP_KERNEL);
	if (!priv->rx_ring || !priv->rx_bufs)
		return -ENOMEM;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, emac_irq, 0, dev_name(&pdev->dev), priv);
	if (ret)
		return ret;

	net->netdev_ops = &emac_netdev_ops;
	SET_NETDEV_DEV(net, &pdev->dev);
	eth_hw_addr_random(net);
	netif_napi_add(net, &priv->napi, emac_poll);
	platform_set_drvdata(pdev, priv);
	return register_netdev(net);
}

static int emac_remove(struct platform_device *pdev)
{
	struct emac *priv = platform_get_drvdata(pdev);

	unregister_netdev(priv->net);
	netif_napi_del(&priv->napi);
	return 0;
}

static struct platform_driver emac_driver = {
	.probe	= emac_probe,
	.remove	= emac_remove,
	.driver	= { .name = "acme-emac" },
};
module_platform_driver(emac_driver);
MODULE_LICENSE("GPL");
