// SPDX-License-Identifier: GPL-2.0
/* Platform pulse/event counter whose IRQ is optional: requested only if (priv->irq > 0) in probe and freed under the same test in remove before kfree(). */
#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/sysfs.h>

#define EVC_REG_COUNT		0x00
#define EVC_REG_IRQ_STAT	0x04
#define EVC_REG_IRQ_EN		0x08
#define EVC_IRQ_WRAP		BIT(0)

struct evc_priv {
	void __iomem *base;
	int irq;
	u32 wraps;
};

static irqreturn_t evc_irq(int irq, void *dev_id)
{
	struct evc_priv *priv = dev_id;

	if (!(readl(priv->base + EVC_REG_IRQ_STAT) & EVC_IRQ_WRAP))
		return IRQ_NONE;
	writel(EVC_IRQ_WRAP, priv->base + EVC_REG_IRQ_STAT);
	priv->wraps++;
	return IRQ_HANDLED;
}

static ssize_t count_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct evc_priv *priv = dev_get_drvdata(dev);
	u64 count = ((u64)priv->wraps << 32) | readl(priv->base + EVC_REG_COUNT);

	return sysfs_emit(buf, "%llu\n", count);
}
static DEVICE_ATTR_RO(count);

static int evc_probe(struct platform_device *pdev)
{
	struct evc_priv *priv;
	int ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base)) {
		ret = PTR_ERR(priv->base);
		goto err_free;
	}

	/* without the wrap interrupt the counter is only 32 bits wide */
	priv->irq = platform_get_irq_optional(pdev, 0);
	if (priv->irq > 0) {
		ret = request_irq(priv->irq, evc_irq, 0, "exevcount", priv);
		if (ret)
			goto err_free;
		writel(EVC_IRQ_WRAP, priv->base + EVC_REG_IRQ_EN);
	}

	platform_set_drvdata(pdev, priv);
	ret = device_create_file(&pdev->dev, &dev_attr_count);
	if (ret)
		goto err_irq;
	return 0;

err_irq:
	if (priv->irq > 0)
		free_irq(priv->irq, priv);
err_free:
	kfree(priv);
	return ret;
}

static void evc_remove(struct platform_device *pdev)
{
	struct evc_priv *priv = platform_get_drvdata(pdev);

	device_remove_file(&pdev->dev, &dev_attr_count);
	if (priv->irq > 0) {
		writel(0, priv->base + EVC_REG_IRQ_EN);
		free_irq(priv->irq, priv);
	}
	kfree(priv);
}

static const struct platform_device_id evc_ids[] = {
	{ "exevcount", 0 },
	{ }
};
MODULE_DEVICE_TABLE(platform, evc_ids);

static struct platform_driver evc_driver = {
	.probe		= evc_probe,
	.remove_new	= evc_remove,
	.id_table	= evc_ids,
	.driver		= {
		.name	= "exevcount",
	},
};
module_platform_driver(evc_driver);
MODULE_DESCRIPTION("Example platform event counter");
MODULE_LICENSE("GPL");
