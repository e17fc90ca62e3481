// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: of_get_property() result dereferenced (*prop) without a
 * NULL check.
 *
 * Models fixes like "handle a missing DT property" in memory-mapped GPIO
 * latch drivers that read a vendor cell count with of_get_property() and
 * convert it with be32_to_cpu(*prop): a device tree node without the
 * property makes of_get_property() return NULL and probe oopses.  The fix
 * falls back to the default width when the property is absent.
 * Fixed twin: a missing property (NULL from of_get_property()) keeps the
 * default width; *prop is read only when the property exists.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/gpio/driver.h>
#include <linux/spinlock.h>
#include <linux/io.h>
#include <linux/of.h>

#define LATCH_DEFAULT_NGPIO	8
#define LATCH_MAX_NGPIO		32
#define LATCH_REG_OUT		0x00

struct gpio_latch {
	struct gpio_chip gc;
	void __iomem *base;
	spinlock_t lock;	/* protects shadow */
	u32 shadow;
};

static void latch_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct gpio_latch *gl = gpiochip_get_data(gc);
	unsigned long flags;

	spin_lock_irqsave(&gl->lock, flags);
	if (value)
		gl->shadow |= BIT(offset);
	else
		gl->shadow &= ~BIT(offset);
	writel(gl->shadow, gl->base + LATCH_REG_OUT);
	spin_unlock_irqrestore(&gl->lock, flags);
}

static int latch_get(struct gpio_chip *gc, unsigned int offset)
{
	struct gpio_latch *gl = gpiochip_get_data(gc);

	return !!(READ_ONCE(gl->shadow) & BIT(offset));
}

static int latch_direction_output(struct gpio_chip *gc, unsigned int offset, int value)
{
	latch_set(gc, offset, value);
	return 0;
}

static int latch_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct gpio_latch *gl;
	const __be32 *prop;
	u32 ngpio;

	gl = devm_kzalloc(&pdev->dev, sizeof(*gl), GFP_KERNEL);
	if (!gl)
		return -ENOMEM;
	spin_lock_init(&gl->lock);

	gl->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(gl->base))
		return PTR_ERR(gl->base);

	ngpio = LATCH_DEFAULT_NGPIO;
	prop = of_get_property(np, "example,latch-width", NULL);
	if (prop)
		ngpio = be32_to_cpu(*prop);
	if (!ngpio || ngpio > LATCH_MAX_NGPIO)
		return -EINVAL;

	gl->shadow = 0;
	writel(gl->shadow, gl->base + LATCH_REG_OUT);

	gl->gc.label = dev_name(&pdev->dev);
	gl->gc.parent = &pdev->dev;
	gl->gc.owner = THIS_MODULE;
	gl->gc.base = -1;
	gl->gc.ngpio = ngpio;
	gl->gc.set = latch_set;
	gl->gc.get = latch_get;
	gl->gc.direction_output = latch_direction_output;
	return devm_gpiochip_add_data(&pdev->dev, &gl->gc, gl);
}

static const struct of_device_id latch_of_match[] = {
	{ .compatible = "example,gpio-latch" },
	{ }
};
MODULE_DEVICE_TABLE(of, latch_of_match);

static struct platform_driver latch_driver = {
	.probe	= latch_probe,
	.driver	= {
		.name		= "exmp-gpio-latch",
		.of_match_table	= latch_of_match,
	},
};
module_platform_driver(latch_driver);
MODULE_LICENSE("GPL");
