// SPDX-License-Identifier: GPL-2.0
/* Platform stepper-motor pulse generator; fixed: hrtimer_cancel() before kfree(). */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/of.h>

#define STEP_REG_OUT		0x00
#define STEP_REG_DIR		0x04
#define STEP_OUT_PULSE		BIT(0)
#define STEP_DEFAULT_PERIOD_US	500

struct step_priv {
	struct device *dev;
	void __iomem *regs;
	struct hrtimer pulse_timer;
	ktime_t period;
	bool level;
	u64 steps;
};

static enum hrtimer_restart step_pulse_fn(struct hrtimer *t)
{
	struct step_priv *sp = container_of(t, struct step_priv, pulse_timer);

	sp->level = !sp->level;
	writel(sp->level ? STEP_OUT_PULSE : 0, sp->regs + STEP_REG_OUT);
	if (sp->level)
		sp->steps++;
	hrtimer_forward_now(t, sp->period);
	return HRTIMER_RESTART;
}

static int step_probe(struct platform_device *pdev)
{
	struct step_priv *sp;
	u32 period_us = STEP_DEFAULT_PERIOD_US;
	int ret;

	sp = kzalloc(sizeof(*sp), GFP_KERNEL);
	if (!sp)
		return -ENOMEM;
	sp->dev = &pdev->dev;

	sp->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(sp->regs)) {
		ret = PTR_ERR(sp->regs);
		goto err_free;
	}
	of_property_read_u32(pdev->dev.of_node, "example,step-period-us", &period_us);
	if (!period_us) {
		dev_err(&pdev->dev, "invalid step period\n");
		ret = -EINVAL;
		goto err_free;
	}
	sp->period = us_to_ktime(period_us / 2);
	writel(0, sp->regs + STEP_REG_DIR);
	platform_set_drvdata(pdev, sp);

	hrtimer_init(&sp->pulse_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	sp->pulse_timer.function = step_pulse_fn;
	hrtimer_start(&sp->pulse_timer, sp->period, HRTIMER_MODE_REL);
	return 0;

err_free:
	kfree(sp);
	return ret;
}

static int step_remove(struct platform_device *pdev)
{
	struct step_priv *sp = platform_get_drvdata(pdev);

	hrtimer_cancel(&sp->pulse_timer);
	dev_info(&pdev->dev, "stopped after %llu steps\n", sp->steps);
	writel(0, sp->regs + STEP_REG_OUT);
	kfree(sp);
	return 0;
}

static const struct of_device_id step_of_match[] = {
	{ .compatible = "example,step-pulse" },
	{ }
};
MODULE_DEVICE_TABLE(of, step_of_match);

static struct platform_driver step_driver = {
	.probe	= step_probe,
	.remove	= step_remove,
	.driver	= {
		.name		= "exsteppulse",
		.of_match_table	= step_of_match,
	},
};
module_platform_driver(step_driver);
MODULE_DESCRIPTION("Example stepper pulse generator");
MODULE_LICENSE("GPL");
