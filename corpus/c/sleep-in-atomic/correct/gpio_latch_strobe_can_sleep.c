// SPDX-License-Identifier: GPL-2.0
/*
 * sgl - 32-line output-only GPIO controller built from a strobed shadow latch.
 * Tricky: the strobe helper sgl_strobe(sgl, can_sleep) contains
 * usleep_range() and is called from the gpio_chip .set callback with
 * sgl->lock held via spin_lock_irqsave().  A checker that decides once per
 * function "sgl_strobe() may sleep" reports that call.
 * Correct: the helper does `if (can_sleep) usleep_range(); else udelay();`
 * and the locked caller passes can_sleep = false, so only udelay() runs
 * under the spinlock.  The sleeping branch is used by sgl_probe(), which
 * latches the reset value with no lock held.  The chip is registered with
 * gc.can_sleep = false because .set never sleeps.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/gpio/driver.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/io.h>

#define SGL_REG_SHADOW		0x00
#define SGL_REG_STROBE		0x04
#define SGL_STROBE_LATCH	BIT(0)
#define SGL_NGPIO		32
#define SGL_STROBE_US		20

struct sgl {
	struct gpio_chip gc;
	void __iomem *base;
	spinlock_t lock;		/* protects shadow and the strobe sequence */
	u32 shadow;
};

static void sgl_strobe(struct sgl *sgl, bool can_sleep)
{
	writel(SGL_STROBE_LATCH, sgl->base + SGL_REG_STROBE);
	if (can_sleep)
		usleep_range(SGL_STROBE_US, 2 * SGL_STROBE_US);
	else
		udelay(SGL_STROBE_US);
	writel(0, sgl->base + SGL_REG_STROBE);
}

static void sgl_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct sgl *sgl = gpiochip_get_data(gc);
	unsigned long flags;

	spin_lock_irqsave(&sgl->lock, flags);
	if (value)
		sgl->shadow |= BIT(offset);
	else
		sgl->shadow &= ~BIT(offset);
	writel(sgl->shadow, sgl->base + SGL_REG_SHADOW);
	sgl_strobe(sgl, false);
	spin_unlock_irqrestore(&sgl->lock, flags);
}

static int sgl_get_direction(struct gpio_chip *gc, unsigned int offset)
{
	return GPIO_LINE_DIRECTION_OUT;
}

static int sgl_direction_output(struct gpio_chip *gc, unsigned int offset, int value)
{
	sgl_set(gc, offset, value);
	return 0;
}

static int sgl_probe(struct platform_device *pdev)
{
	struct sgl *sgl;

	sgl = devm_kzalloc(&pdev->dev, sizeof(*sgl), GFP_KERNEL);
	if (!sgl)
		return -ENOMEM;
	spin_lock_init(&sgl->lock);

	sgl->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sgl->base))
		return PTR_ERR(sgl->base);

	/* Latch all-low before the lines are handed out; nothing else runs yet. */
	sgl->shadow = 0;
	writel(sgl->shadow, sgl->base + SGL_REG_SHADOW);
	sgl_strobe(sgl, true);

	sgl->gc.label = dev_name(&pdev->dev);
	sgl->gc.parent = &pdev->dev;
	sgl->gc.owner = THIS_MODULE;
	sgl->gc.base = -1;
	sgl->gc.ngpio = SGL_NGPIO;
	sgl->gc.can_sleep = false;
	sgl->gc.get_direction = sgl_get_direction;
	sgl->gc.direction_output = sgl_direction_output;
	sgl->gc.set = sgl_set;

	return devm_gpiochip_add_data(&pdev->dev, &sgl->gc, sgl);
}

static const struct of_device_id sgl_of_match[] = {
	{ .compatible = "acme,sgl" },
	{ }
};
MODULE_DEVICE_TABLE(of, sgl_of_match);

static struct platform_driver sgl_driver = {
	.probe	= sgl_probe,
	.driver	= {
		.name = "sgl",
		.of_match_table = sgl_of_match,
	},
};
module_platform_driver(sgl_driver);
MODULE_LICENSE("GPL");
