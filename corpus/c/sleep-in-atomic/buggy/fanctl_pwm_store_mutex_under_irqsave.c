// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: mutex_lock() inside a spin_lock_irqsave() region (sysfs
 * store), i.e. a sleeping lock taken with interrupts disabled.
 *
 * Models fixes like "take update_lock before irq_lock in pwm_store" in fan
 * controller drivers: the store masks the tachometer interrupt under the
 * irq-safe spinlock and then takes the mutex that serialises the PWM
 * programming sequence, which may sleep with interrupts off.  The fix
 * reorders the locks so the mutex is the outer one.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/sysfs.h>
#include <linux/io.h>

#define FANC_PWM		0x00
#define FANC_IRQ_EN		0x04
#define FANC_IRQ_STAT		0x08
#define FANC_IRQ_TACH		BIT(0)

struct fanc {
	void __iomem *base;
	spinlock_t irq_lock;		/* irq_en and pulses, shared with the IRQ */
	struct mutex update_lock;	/* PWM programming sequence */
	u32 irq_en;
	unsigned int pulses;
	u8 pwm;
};

static irqreturn_t fanc_irq(int irq, void *data)
{
	struct fanc *fc = data;
	u32 stat;

	spin_lock(&fc->irq_lock);
	stat = readl(fc->base + FANC_IRQ_STAT);
	if (stat & FANC_IRQ_TACH)
		fc->pulses++;
	writel(stat, fc->base + FANC_IRQ_STAT);
	spin_unlock(&fc->irq_lock);
	return stat ? IRQ_HANDLED : IRQ_NONE;
}

static ssize_t pwm1_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct fanc *fc = dev_get_drvdata(dev);
	u8 pwm;

	mutex_lock(&fc->update_lock);
	pwm = fc->pwm;
	mutex_unlock(&fc->update_lock);
	return sysfs_emit(buf, "%u\n", pwm);
}

static ssize_t pwm1_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct fanc *fc = dev_get_drvdata(dev);
	unsigned long flags;
	unsigned int val;
	int ret;

	ret = kstrtouint(buf, 0, &val);
	if (ret)
		return ret;
	if (val > 255)
		return -EINVAL;

	spin_lock_irqsave(&fc->irq_lock, flags);
	fc->irq_en &= ~FANC_IRQ_TACH;
	writel(fc->irq_en, fc->base + FANC_IRQ_EN);
	fc->pulses = 0;
	mutex_lock(&fc->update_lock); /* expect: sleep-in-atomic */
	writel(val, fc->base + FANC_PWM);
	fc->pwm = val;
	mutex_unlock(&fc->update_lock);
	fc->irq_en |= FANC_IRQ_TACH;
	writel(fc->irq_en, fc->base + FANC_IRQ_EN);
	spin_unlock_irqrestore(&fc->irq_lock, flags);

	return count;
}
static DEVICE_ATTR_RW(pwm1);

static ssize_t fan1_pulses_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct fanc *fc = dev_get_drvdata(dev);
	unsigned long flags;
	unsigned int pulses;

	spin_lock_irqsave(&fc->irq_lock, flags);
	pulses = fc->pulses;
	spin_unlock_irqrestore(&fc->irq_lock, flags);
	return sysfs_emit(buf, "%u\n", pulses);
}
static DEVICE_ATTR_RO(fan1_pulses);

static struct attribute *fanc_attrs[] = {
	&dev_attr_pwm1.attr,
	&dev_attr_fan1_pulses.attr,
	NULL
};
ATTRIBUTE_GROUPS(fanc);

static int fanc_probe(struct platform_device *pdev)
{
	struct fanc *fc;
	int irq;

	fc = devm_kzalloc(&pdev->dev, sizeof(*fc), GFP_KERNEL);
	if (!fc)
		return -ENOMEM;
	spin_lock_init(&fc->irq_lock);
	mutex_init(&fc->update_lock);

	fc->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fc->base))
		return PTR_ERR(fc->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;

	fc->pwm = 255;
	writel(fc->pwm, fc->base + FANC_PWM);
	platform_set_drvdata(pdev, fc);

	fc->irq_en = FANC_IRQ_TACH;
	writel(fc->irq_en, fc->base + FANC_IRQ_EN);
	return devm_request_irq(&pdev->dev, irq, fanc_irq, 0, "fanctl", fc);
}

static const struct of_device_id fanc_of_match[] = {
	{ .compatible = "example,fan-ctl" },
	{ }
};
MODULE_DEVICE_TABLE(of, fanc_of_match);

static struct platform_driver fanc_driver = {
	.probe	= fanc_probe,
	.driver	= {
		.name		= "fanctl",
		.of_match_table	= fanc_of_match,
		.dev_groups	= fanc_groups,
	},
};
module_platform_driver(fanc_driver);
MODULE_LICENSE("GPL");
