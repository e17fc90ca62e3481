// SPDX-License-Identifier: GPL-2.0
/* Platform doorbell mailbox; bug: remove frees the IRQ and kfree()s priv without tasklet_kill(), a tasklet scheduled by the last IRQ still runs. */
#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define DBELL_REG_STATUS	0x00
#define DBELL_REG_ACK		0x04
#define DBELL_REG_MSG(n)	(0x10 + 4 * (n))
#define DBELL_REG_MASK		0x40
#define DBELL_NR_MSG		4

struct dbell_priv {
	void __iomem *base;
	int irq;
	struct tasklet_struct rx_tasklet;
	spinlock_t rx_lock;		/* protects pending, msg[] */
	u32 pending;
	u32 msg[DBELL_NR_MSG];
	unsigned long delivered;
};

static void dbell_rx_tasklet(struct tasklet_struct *t)
{
	struct dbell_priv *db = from_tasklet(db, t, rx_tasklet);
	unsigned long flags;
	int i;

	spin_lock_irqsave(&db->rx_lock, flags);
	for (i = 0; i < DBELL_NR_MSG; i++) {
		if (db->pending & BIT(i)) {
			db->msg[i] = readl(db->base + DBELL_REG_MSG(i));
			db->delivered++;
		}
	}
	db->pending = 0;
	spin_unlock_irqrestore(&db->rx_lock, flags);
}

static irqreturn_t dbell_hardirq(int irq, void *dev_id)
{
	struct dbell_priv *db = dev_id;
	u32 status = readl(db->base + DBELL_REG_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, db->base + DBELL_REG_ACK);
	spin_lock(&db->rx_lock);
	db->pending |= status;
	spin_unlock(&db->rx_lock);
	tasklet_schedule(&db->rx_tasklet);
	return IRQ_HANDLED;
}

static int dbell_probe(struct platform_device *pdev)
{
	struct dbell_priv *db;
	int ret;

	db = kzalloc(sizeof(*db), GFP_KERNEL);
	if (!db)
		return -ENOMEM;
	spin_lock_init(&db->rx_lock);
	tasklet_setup(&db->rx_tasklet, dbell_rx_tasklet);

	db->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(db->base)) {
		ret = PTR_ERR(db->base);
		goto err_free;
	}
	db->irq = platform_get_irq(pdev, 0);
	if (db->irq < 0) {
		ret = db->irq;
		goto err_free;
	}
	ret = request_irq(db->irq, dbell_hardirq, 0, "exdbell", db);
	if (ret)
		goto err_free;

	platform_set_drvdata(pdev, db);
	writel(0, db->base + DBELL_REG_MASK);
	return 0;

err_free:
	kfree(db);
	return ret;
}

static void dbell_remove(struct platform_device *pdev)
{
	struct dbell_priv *db = platform_get_drvdata(pdev);

	writel(~0u, db->base + DBELL_REG_MASK);
	free_irq(db->irq, db);
	/* no more interrupts, so nothing can schedule the tasklet again */
	kfree(db); /* expect: hotunplug-race */
}

static const struct platform_device_id dbell_ids[] = {
	{ "exdbell", 0 },
	{ }
};
MODULE_DEVICE_TABLE(platform, dbell_ids);

static struct platform_driver dbell_driver = {
	.probe		= dbell_probe,
	.remove_new	= dbell_remove,
	.id_table	= dbell_ids,
	.driver		= {
		.name	= "exdbell",
	},
};
module_platform_driver(dbell_driver);
MODULE_DESCRIPTION("Example platform doorbell mailbox");
MODULE_LICENSE("GPL");
