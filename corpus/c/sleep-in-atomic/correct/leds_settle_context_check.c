// SPDX-License-Identifier: GPL-2.0
/*
 * lx8 - 8-channel LED sink controller behind a memory-mapped register block.
 * Tricky: lx8_settle() contains an msleep() and is called from
 * lx8_set_pattern() with priv->lock held via spin_lock_irqsave().  A checker
 * that only sees "helper may sleep, called under a spinlock" reports the
 * lx8_settle() call.
 * Correct: the helper picks the delay primitive at run time with
 * `if (in_atomic() || irqs_disabled()) mdelay(); else msleep();`.  Under
 * spin_lock_irqsave() interrupts are off, so irqs_disabled() is true and the
 * busy-wait branch is taken; msleep() is only reached from lx8_probe(),
 * which calls the same helper without any lock.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define LX8_REG_CTRL		0x00
#define LX8_REG_PATTERN		0x04
#define LX8_REG_CURRENT(n)	(0x10 + 4 * (n))
#define LX8_CTRL_RESET		BIT(0)
#define LX8_CTRL_LATCH		BIT(1)
#define LX8_NUM_CHANNELS	8
#define LX8_SETTLE_MS		2

struct lx8_priv {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;		/* serialises register sequences */
	u8 pattern;
};

/* The latch needs ~2 ms after a pattern or reset write before it is read. */
static void lx8_settle(unsigned int ms)
{
	if (in_atomic() || irqs_disabled())
		mdelay(ms);
	else
		msleep(ms);
}

static void lx8_set_pattern(struct lx8_priv *priv, u8 pattern)
{
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	writel(pattern, priv->base + LX8_REG_PATTERN);
	writel(LX8_CTRL_LATCH, priv->base + LX8_REG_CTRL);
	lx8_settle(LX8_SETTLE_MS);
	writel(0, priv->base + LX8_REG_CTRL);
	priv->pattern = pattern;
	spin_unlock_irqrestore(&priv->lock, flags);
}

static ssize_t pattern_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct lx8_priv *priv = dev_get_drvdata(dev);
	u8 val;
	int ret;

	ret = kstrtou8(buf, 0, &val);
	if (ret)
		return ret;
	lx8_set_pattern(priv, val);
	return count;
}
static DEVICE_ATTR_WO(pattern);

static int lx8_probe(struct platform_device *pdev)
{
	struct lx8_priv *priv;
	int i;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->dev = &pdev->dev;
	spin_lock_init(&priv->lock);

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	/* Process context, no lock held: the helper sleeps here. */
	writel(LX8_CTRL_RESET, priv->base + LX8_REG_CTRL);
	lx8_settle(LX8_SETTLE_MS);
	writel(0, priv->base + LX8_REG_CTRL);
	for (i = 0; i < LX8_NUM_CHANNELS; i++)
		writel(0x20, priv->base + LX8_REG_CURRENT(i));

	platform_set_drvdata(pdev, priv);
	return device_create_file(&pdev->dev, &dev_attr_pattern);
}

static int lx8_remove(struct platform_device *pdev)
{
	struct lx8_priv *priv = platform_get_drvdata(pdev);

	device_remove_file(&pdev->dev, &dev_attr_pattern);
	lx8_set_pattern(priv, 0);
	return 0;
}

static const struct of_device_id lx8_of_match[] = {
	{ .compatible = "acme,lx8" },
	{ }
};
MODULE_DEVICE_TABLE(of, lx8_of_match);

static struct platform_driver lx8_driver = {
	.probe	= lx8_probe,
	.remove	= lx8_remove,
	.driver	= {
		.name = "lx8",
		.of_match_table = lx8_of_match,
	},
};
module_platform_driver(lx8_driver);
MODULE_LICENSE("GPL");
