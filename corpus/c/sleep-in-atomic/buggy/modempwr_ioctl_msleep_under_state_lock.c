// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: msleep() while holding a spinlock (spin_lock) in an ioctl.
 *
 * Models fixes like "don't sleep with the state lock held during reset" in
 * modem power-sequencing drivers: the reset ioctl takes the spinlock that
 * also protects the status word read by the wake interrupt, asserts the
 * reset line, sleeps for the reset pulse width and only then deasserts and
 * unlocks.  The fix drops the lock around the sleep and retakes it to
 * finish the sequence.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/fs.h>

#define MPWR_CTRL		0x00
#define MPWR_CTRL_RESET		BIT(0)
#define MPWR_CTRL_POWER		BIT(1)
#define MPWR_STATUS		0x04
#define MPWR_STATUS_WAKE	BIT(0)

#define MPWR_IOC_MAGIC		'M'
#define MPWR_IOC_RESET		_IO(MPWR_IOC_MAGIC, 1)
#define MPWR_IOC_POWER_OFF	_IO(MPWR_IOC_MAGIC, 2)

#define MPWR_RESET_PULSE_MS	20

struct mpwr {
	void __iomem *base;
	struct device *dev;
	spinlock_t lock;	/* ctrl register and state, shared with the IRQ */
	u32 ctrl;
	unsigned int resets;
	unsigned int wakes;
	struct miscdevice misc;
};

static irqreturn_t mpwr_wake_irq(int irq, void *data)
{
	struct mpwr *mp = data;
	u32 st;

	spin_lock(&mp->lock);
	st = readl(mp->base + MPWR_STATUS);
	if (st & MPWR_STATUS_WAKE)
		mp->wakes++;
	writel(st, mp->base + MPWR_STATUS);
	spin_unlock(&mp->lock);
	return IRQ_HANDLED;
}

static long mpwr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct mpwr *mp = container_of(file->private_data, struct mpwr, misc);

	switch (cmd) {
	case MPWR_IOC_RESET:
		spin_lock(&mp->lock);
		mp->ctrl |= MPWR_CTRL_RESET;
		writel(mp->ctrl, mp->base + MPWR_CTRL);
		msleep(MPWR_RESET_PULSE_MS); /* expect: sleep-in-atomic */
		mp->ctrl &= ~MPWR_CTRL_RESET;
		writel(mp->ctrl, mp->base + MPWR_CTRL);
		mp->resets++;
		spin_unlock(&mp->lock);
		return 0;
	case MPWR_IOC_POWER_OFF:
		spin_lock(&mp->lock);
		mp->ctrl &= ~MPWR_CTRL_POWER;
		writel(mp->ctrl, mp->base + MPWR_CTRL);
		spin_unlock(&mp->lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations mpwr_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= mpwr_ioctl,
};

static int mpwr_probe(struct platform_device *pdev)
{
	struct mpwr *mp;
	int irq, ret;

	mp = devm_kzalloc(&pdev->dev, sizeof(*mp), GFP_KERNEL);
	if (!mp)
		return -ENOMEM;
	mp->dev = &pdev->dev;
	spin_lock_init(&mp->lock);

	mp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mp->base))
		return PTR_ERR(mp->base);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, mpwr_wake_irq, 0, "modem-pwr", mp);
	if (ret)
		return ret;

	mp->ctrl = MPWR_CTRL_POWER;
	writel(mp->ctrl, mp->base + MPWR_CTRL);

	mp->misc.minor = MISC_DYNAMIC_MINOR;
	mp->misc.name = "modem-pwr";
	mp->misc.fops = &mpwr_fops;
	mp->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, mp);
	return misc_register(&mp->misc);
}

static int mpwr_remove(struct platform_device *pdev)
{
	struct mpwr *mp = platform_get_drvdata(pdev);

	misc_deregister(&mp->misc);
	writel(0, mp->base + MPWR_CTRL);
	return 0;
}

static const struct of_device_id mpwr_of_match[] = {
	{ .compatible = "example,modem-pwrseq" },
	{ }
};
MODULE_DEVICE_TABLE(of, mpwr_of_match);

static struct platform_driver mpwr_driver = {
	.probe	= mpwr_probe,
	.remove	= mpwr_remove,
	.driver	= {
		.name		= "modem-pwrseq",
		.of_match_table	= mpwr_of_match,
	},
};
module_platform_driver(mpwr_driver);
MODULE_LICENSE("GPL");
