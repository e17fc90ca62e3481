// SPDX-License-Identifier: GPL-2.0
/*
 * sdxh - card-busy wait of a small SD/MMC host controller.
 * Tricky: sdxh_wait_card_idle() sits in a polling loop that is entered and
 * left with host->lock held (spin_lock_irqsave) and contains an msleep().
 * A checker that treats "the function holds the lock" or "the loop body is
 * inside the locked region" as atomic everywhere reports the msleep().
 * Correct: every iteration drops the lock with spin_unlock_irqrestore()
 * right before msleep() and re-takes it right after, so the sleep always
 * runs with the lock released and interrupts enabled; the lock is held only
 * around the register reads and the state checks.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/io.h>

#define SDXH_REG_PRESENT	0x24
#define SDXH_REG_CTRL		0x28
#define SDXH_PRESENT_DAT0	BIT(20)
#define SDXH_PRESENT_CMD_INH	BIT(0)
#define SDXH_CTRL_CLK_EN	BIT(2)
#define SDXH_BUSY_TIMEOUT_MS	500

struct sdxh_host {
	struct device *dev;
	void __iomem *base;
	spinlock_t lock;		/* protects registers and state */
	bool removed;
	unsigned int busy_waits;
};

static int sdxh_wait_card_idle(struct sdxh_host *host)
{
	unsigned long timeout = jiffies + msecs_to_jiffies(SDXH_BUSY_TIMEOUT_MS);
	unsigned long flags;
	int ret = 0;
	u32 present;

	spin_lock_irqsave(&host->lock, flags);
	for (;;) {
		if (host->removed) {
			ret = -ENOMEDIUM;
			break;
		}
		present = readl(host->base + SDXH_REG_PRESENT);
		if ((present & SDXH_PRESENT_DAT0) &&
		    !(present & SDXH_PRESENT_CMD_INH))
			break;
		if (time_after(jiffies, timeout)) {
			ret = -ETIMEDOUT;
			break;
		}
		host->busy_waits++;
		spin_unlock_irqrestore(&host->lock, flags);
		msleep(1);
		spin_lock_irqsave(&host->lock, flags);
	}
	spin_unlock_irqrestore(&host->lock, flags);

	if (ret)
		dev_warn(host->dev, "card stays busy: %d\n", ret);
	return ret;
}

static int sdxh_probe(struct platform_device *pdev)
{
	struct sdxh_host *host;
	int ret;

	host = devm_kzalloc(&pdev->dev, sizeof(*host), GFP_KERNEL);
	if (!host)
		return -ENOMEM;
	host->dev = &pdev->dev;
	spin_lock_init(&host->lock);

	host->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(host->base))
		return PTR_ERR(host->base);

	writel(SDXH_CTRL_CLK_EN, host->base + SDXH_REG_CTRL);
	ret = sdxh_wait_card_idle(host);
	if (ret && ret != -ETIMEDOUT)
		return ret;

	platform_set_drvdata(pdev, host);
	return 0;
}

static int sdxh_remove(struct platform_device *pdev)
{
	struct sdxh_host *host = platform_get_drvdata(pdev);
	unsigned long flags;

	spin_lock_irqsave(&host->lock, flags);
	host->removed = true;
	writel(0, host->base + SDXH_REG_CTRL);
	spin_unlock_irqrestore(&host->lock, flags);
	return 0;
}

static const struct of_device_id sdxh_of_match[] = {
	{ .compatible = "acme,sdxh" },
	{ }
};
MODULE_DEVICE_TABLE(of, sdxh_of_match);

static struct platform_driver sdxh_driver = {
	.probe	= sdxh_probe,
	.remove	= sdxh_remove,
	.driver	= {
		.name = "sdxh",
		.of_match_table = sdxh_of_match,
	},
};
module_platform_driver(sdxh_driver);
MODULE_LICENSE("GPL");
