// SPDX-License-Identifier: GPL-2.0
/* Platform RX DMA engine; fixed: devm_free_irq() before the ring is freed. */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/of.h>

#define RXD_REG_CTRL		0x00
#define RXD_REG_HEAD		0x04
#define RXD_REG_IRQ_STAT	0x08
#define RXD_CTRL_ENABLE		BIT(0)
#define RXD_IRQ_DONE		BIT(0)
#define RXD_RING_SIZE		256

struct rxd_desc {
	u32 len;
	u32 flags;
	unsigned long cookie;
};

struct rxd_priv {
	struct device *dev;
	void __iomem *base;
	int irq;
	struct rxd_desc *ring;
	unsigned int tail;
	unsigned long frames;
};

static irqreturn_t rxd_irq(int irq, void *dev_id)
{
	struct rxd_priv *priv = dev_id;
	unsigned int head;

	if (!(readl(priv->base + RXD_REG_IRQ_STAT) & RXD_IRQ_DONE))
		return IRQ_NONE;
	writel(RXD_IRQ_DONE, priv->base + RXD_REG_IRQ_STAT);

	head = readl(priv->base + RXD_REG_HEAD) % RXD_RING_SIZE;
	while (priv->tail != head) {
		priv->ring[priv->tail].flags = 0;
		priv->frames++;
		priv->tail = (priv->tail + 1) % RXD_RING_SIZE;
	}
	return IRQ_HANDLED;
}

static int rxd_probe(struct platform_device *pdev)
{
	struct rxd_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);
	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;

	priv->ring = kcalloc(RXD_RING_SIZE, sizeof(*priv->ring), GFP_KERNEL);
	if (!priv->ring)
		return -ENOMEM;

	ret = devm_request_irq(&pdev->dev, priv->irq, rxd_irq, 0, dev_name(&pdev->dev), priv);
	if (ret) {
		kfree(priv->ring);
		return ret;
	}

	platform_set_drvdata(pdev, priv);
	writel(RXD_CTRL_ENABLE, priv->base + RXD_REG_CTRL);
	return 0;
}

static int rxd_remove(struct platform_device *pdev)
{
	struct rxd_priv *priv = platform_get_drvdata(pdev);

	writel(0, priv->base + RXD_REG_CTRL);
	devm_free_irq(&pdev->dev, priv->irq, priv);
	kfree(priv->ring);
	dev_dbg(&pdev->dev, "%lu frames received\n", priv->frames);
	return 0;
}

static const struct of_device_id rxd_of_match[] = {
	{ .compatible = "example,rxdma-1.0" },
	{ }
};
MODULE_DEVICE_TABLE(of, rxd_of_match);

static struct platform_driver rxd_driver = {
	.probe	= rxd_probe,
	.remove	= rxd_remove,
	.driver	= {
		.name		= "exrxdma",
		.of_match_table	= rxd_of_match,
	},
};
module_platform_driver(rxd_driver);
MODULE_DESCRIPTION("Example platform RX DMA engine");
MODULE_LICENSE("GPL");
