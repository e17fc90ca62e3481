// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: the ERR_PTR-returning probe helpers are each tested the way
 * their contract requires, and the NULL-returning lookup feeding one of
 * them is legitimately left unchecked.
 *   - `res = platform_get_resource(...)` (may be NULL) is passed straight
 *     to devm_ioremap_resource(), which itself rejects a NULL resource
 *     with ERR_PTR(-EINVAL); its result is tested with IS_ERR();
 *   - devm_platform_ioremap_resource() and devm_clk_get(): IS_ERR() /
 *     PTR_ERR(), then writel(base + ...) and clk_get_rate(clk);
 *   - devm_gpiod_get_optional(): IS_ERR() for real errors, then
 *     `if (led->enable_gpio)` around every use, since an absent optional
 *     GPIO is NULL;
 *   - devm_reset_control_get_optional_exclusive(): PTR_ERR_OR_ZERO(),
 *     then reset_control_deassert(), which accepts the NULL "no reset
 *     line" value;
 *   - debugfs_create_dir(): result deliberately not checked and only
 *     passed to other debugfs calls, as the debugfs API asks.
 *
 * A naive checker reports the unchecked platform_get_resource() result,
 * wants `if (!p)` after the ERR_PTR helpers, or flags the optional GPIO
 * and reset (which may be NULL after IS_ERR()) when passed on.  None of
 * these is dereferenced while it can be NULL or an error pointer.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/io.h>
#include <linux/clk.h>
#include <linux/gpio/consumer.h>
#include <linux/reset.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/mutex.h>

#define PLED_PERIOD	0x00
#define PLED_DUTY	0x04
#define PLED_CTRL	0x08
#define PLED_CTRL_EN	BIT(0)
#define PLED_AUX_MUX	0x00
#define PLED_FREQ_HZ	20000

struct pled {
	void __iomem *base;
	struct clk *clk;
	struct gpio_desc *enable_gpio;	/* optional: NULL when absent */
	struct reset_control *rst;	/* optional: NULL when absent */
	struct dentry *dbg;
	struct mutex lock;		/* duty and the enable line */
	u32 period;
	u32 duty;
};

static void pled_apply(struct pled *led, u32 duty)
{
	mutex_lock(&led->lock);
	led->duty = min(duty, led->period);
	writel(led->duty, led->base + PLED_DUTY);
	writel(led->duty ? PLED_CTRL_EN : 0, led->base + PLED_CTRL);
	if (led->enable_gpio)
		gpiod_set_value_cansleep(led->enable_gpio, led->duty != 0);
	mutex_unlock(&led->lock);
}

static ssize_t duty_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct pled *led = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u/%u\n", led->duty, led->period);
}

static ssize_t duty_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct pled *led = dev_get_drvdata(dev);
	u32 duty;
	int ret;

	ret = kstrtou32(buf, 0, &duty);
	if (ret)
		return ret;
	pled_apply(led, duty);
	return count;
}
static DEVICE_ATTR_RW(duty);

static struct attribute *pled_attrs[] = {
	&dev_attr_duty.attr,
	NULL
};
ATTRIBUTE_GROUPS(pled);

static int pled_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	void __iomem *aux;
	struct resource *res;
	struct pled *led;
	int ret;

	led = devm_kzalloc(dev, sizeof(*led), GFP_KERNEL);
	if (!led)
		return -ENOMEM;
	mutex_init(&led->lock);

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	led->base = devm_ioremap_resource(dev, res);
	if (IS_ERR(led->base))
		return PTR_ERR(led->base);

	aux = devm_platform_ioremap_resource(pdev, 1);
	if (IS_ERR(aux))
		return PTR_ERR(aux);
	writel(1, aux + PLED_AUX_MUX);

	led->clk = devm_clk_get(dev, NULL);
	if (IS_ERR(led->clk))
		return dev_err_probe(dev, PTR_ERR(led->clk), "no clock\n");

	led->enable_gpio = devm_gpiod_get_optional(dev, "enable", GPIOD_OUT_LOW);
	if (IS_ERR(led->enable_gpio))
		return PTR_ERR(led->enable_gpio);

	led->rst = devm_reset_control_get_optional_exclusive(dev, NULL);
	ret = PTR_ERR_OR_ZERO(led->rst);
	if (ret)
		return ret;
	reset_control_deassert(led->rst);

	ret = clk_prepare_enable(led->clk);
	if (ret)
		return ret;
	led->period = clk_get_rate(led->clk) / PLED_FREQ_HZ;
	writel(led->period, led->base + PLED_PERIOD);
	platform_set_drvdata(pdev, led);
	pled_apply(led, 0);

	led->dbg = debugfs_create_dir(dev_name(dev), NULL);
	debugfs_create_u32("period", 0444, led->dbg, &led->period);
	return 0;
}

static int pled_remove(struct platform_device *pdev)
{
	struct pled *led = platform_get_drvdata(pdev);

	debugfs_remove_recursive(led->dbg);
	pled_apply(led, 0);
	clk_disable_unprepare(led->clk);
	reset_control_assert(led->rst);
	return 0;
}

static const struct of_device_id pled_of_match[] = {
	{ .compatible = "example,pwm-led-ctl" },
	{ }
};
MODULE_DEVICE_TABLE(of, pled_of_match);

static struct platform_driver pled_driver = {
	.probe	= pled_probe,
	.remove	= pled_remove,
	.driver	= {
		.name		= "pwm-led-ctl",
		.of_match_table	= pled_of_match,
		.dev_groups	= pled_groups,
	},
};
module_platform_driver(pled_driver);
MODULE_LICENSE("GPL");
