// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a lock taken under one condition is released under a
 * different one.
 *
 * Models fixes such as "use the same condition for taking and releasing the
 * register lock" in platform GPIO/pinctrl drivers: the read-modify-write
 * helper skips the lock when called from the chip's own hard-IRQ handler
 * (atomic_ctx), but the release was written against the "shared registers"
 * flag, so one combination leaks the lock and another unlocks it unowned.
 * Fixed twin: the release tests the same condition as the acquire.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/gpio/driver.h>
#include <linux/interrupt.h>
#include <linux/property.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define GPX_REG_DIR		0x00
#define GPX_REG_OUT		0x04
#define GPX_REG_IRQ_STATUS	0x0c
#define GPX_REG_IRQ_MASK	0x10
#define GPX_FLAG_SHARED_REGS	BIT(0)

struct gpx_chip {
	struct gpio_chip gc;
	void __iomem *base;
	spinlock_t reg_lock;
	unsigned long flags;
};

static int gpx_update_bits(struct gpx_chip *chip, u32 reg, u32 mask, u32 val,
			   bool atomic_ctx)
{
	u32 tmp;

	if (!atomic_ctx)
		spin_lock(&chip->reg_lock);
	tmp = readl(chip->base + reg);
	tmp = (tmp & ~mask) | (val & mask);
	writel(tmp, chip->base + reg);
	if (!atomic_ctx)
		spin_unlock(&chip->reg_lock);
	return 0;
}

static void gpx_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct gpx_chip *chip = gpiochip_get_data(gc);

	gpx_update_bits(chip, GPX_REG_OUT, BIT(offset), value ? BIT(offset) : 0,
			false);
}

static int gpx_direction_input(struct gpio_chip *gc, unsigned int offset)
{
	struct gpx_chip *chip = gpiochip_get_data(gc);

	return gpx_update_bits(chip, GPX_REG_DIR, BIT(offset), 0, false);
}

static irqreturn_t gpx_irq_handler(int irq, void *data)
{
	struct gpx_chip *chip = data;
	u32 pending;

	pending = readl(chip->base + GPX_REG_IRQ_STATUS);
	if (!pending)
		return IRQ_NONE;
	/* mask what fired until the consumer re-arms it; lock is not needed here */
	gpx_update_bits(chip, GPX_REG_IRQ_MASK, pending, 0, true);
	writel(pending, chip->base + GPX_REG_IRQ_STATUS);
	return IRQ_HANDLED;
}

static int gpx_probe(struct platform_device *pdev)
{
	struct gpx_chip *chip;
	int irq, ret;

	chip = devm_kzalloc(&pdev->dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;
	chip->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(chip->base))
		return PTR_ERR(chip->base);
	spin_lock_init(&chip->reg_lock);
	if (device_property_read_bool(&pdev->dev, "gpx,shared-regs"))
		chip->flags |= GPX_FLAG_SHARED_REGS;

	chip->gc.label = dev_name(&pdev->dev);
	chip->gc.parent = &pdev->dev;
	chip->gc.owner = THIS_MODULE;
	chip->gc.base = -1;
	chip->gc.ngpio = 32;
	chip->gc.set = gpx_set;
	chip->gc.direction_input = gpx_direction_input;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, gpx_irq_handler, 0, "gpx", chip);
	if (ret)
		return ret;
	return devm_gpiochip_add_data(&pdev->dev, &chip->gc, chip);
}

static struct platform_driver gpx_driver = {
	.probe	= gpx_probe,
	.driver	= { .name = "gpx-gpio" },
};
module_platform_driver(gpx_driver);
MODULE_LICENSE("GPL");
