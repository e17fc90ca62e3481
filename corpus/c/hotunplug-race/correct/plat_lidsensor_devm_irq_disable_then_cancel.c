// SPDX-License-Identifier: GPL-2.0
/* Platform lid/hall sensor: devm_kzalloc() priv and devm_request_irq(); remove only disable_irq()s then cancel_work_sync()s and frees nothing itself (devres frees the IRQ before priv). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/of.h>

#define LID_REG_STATE		0x00
#define LID_REG_IRQ_CLR		0x04
#define LID_REG_DEBOUNCE	0x08
#define LID_STATE_CLOSED	BIT(0)

struct lid_priv {
	struct device *dev;
	void __iomem *base;
	int irq;
	struct work_struct notify_work;
	bool closed;
	unsigned int transitions;
};

static void lid_notify_work(struct work_struct *work)
{
	struct lid_priv *lid = container_of(work, struct lid_priv, notify_work);

	lid->closed = readl(lid->base + LID_REG_STATE) & LID_STATE_CLOSED;
	lid->transitions++;
	kobject_uevent(&lid->dev->kobj, KOBJ_CHANGE);
}

static irqreturn_t lid_irq(int irq, void *dev_id)
{
	struct lid_priv *lid = dev_id;

	writel(1, lid->base + LID_REG_IRQ_CLR);
	schedule_work(&lid->notify_work);
	return IRQ_HANDLED;
}

static int lid_probe(struct platform_device *pdev)
{
	struct lid_priv *lid;
	u32 debounce_ms = 20;
	int ret;

	lid = devm_kzalloc(&pdev->dev, sizeof(*lid), GFP_KERNEL);
	if (!lid)
		return -ENOMEM;
	lid->dev = &pdev->dev;
	INIT_WORK(&lid->notify_work, lid_notify_work);

	lid->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(lid->base))
		return PTR_ERR(lid->base);
	lid->irq = platform_get_irq(pdev, 0);
	if (lid->irq < 0)
		return lid->irq;

	of_property_read_u32(pdev->dev.of_node, "example,debounce-ms", &debounce_ms);
	writel(debounce_ms, lid->base + LID_REG_DEBOUNCE);
	platform_set_drvdata(pdev, lid);

	ret = devm_request_irq(&pdev->dev, lid->irq, lid_irq, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING,
			       "exlid", lid);
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "cannot request irq %d\n", lid->irq);
	return 0;
}

static int lid_remove(struct platform_device *pdev)
{
	struct lid_priv *lid = platform_get_drvdata(pdev);

	disable_irq(lid->irq);
	cancel_work_sync(&lid->notify_work);
	dev_dbg(&pdev->dev, "%u lid transitions\n", lid->transitions);
	return 0;
}

static const struct of_device_id lid_of_match[] = {
	{ .compatible = "example,lid-hall" },
	{ }
};
MODULE_DEVICE_TABLE(of, lid_of_match);

static struct platform_driver lid_driver = {
	.probe	= lid_probe,
	.remove	= lid_remove,
	.driver	= {
		.name		= "exlid",
		.of_match_table	= lid_of_match,
	},
};
module_platform_driver(lid_driver);
MODULE_DESCRIPTION("Example platform lid sensor");
MODULE_LICENSE("GPL");
