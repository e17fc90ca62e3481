// SPDX-License-Identifier: GPL-2.0
/*
 * rtp - resistive touch panel controller (memory-mapped ADC front end).
 * Tricky: rtp_afe_reset() holds the analogue front end in reset for 1 ms
 * and contains an msleep(1).  It is called from rtp_irq(), a hard-IRQ
 * handler registered with devm_request_irq(), when the controller flags an
 * AFE fault, and from rtp_probe().  A checker that sees "helper may sleep,
 * called from an IRQ handler" reports the rtp_afe_reset() call in rtp_irq().
 * Correct: the helper tests `if (!in_interrupt()) msleep(1); else udelay()`.
 * In the IRQ handler in_interrupt() is true and only udelay() runs; the
 * msleep() branch is reached from probe only.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/input.h>
#include <linux/delay.h>
#include <linux/io.h>

#define RTP_REG_CTRL		0x00
#define RTP_REG_STATUS		0x04
#define RTP_REG_XY		0x08
#define RTP_CTRL_AFE_RESET	BIT(0)
#define RTP_CTRL_ENABLE		BIT(1)
#define RTP_STAT_PEN_DOWN	BIT(0)
#define RTP_STAT_AFE_FAULT	BIT(4)
#define RTP_MAX_COORD		0xfff

struct rtp {
	struct device *dev;
	void __iomem *base;
	struct input_dev *input;
	unsigned int afe_resets;
};

static void rtp_afe_reset(struct rtp *ts)
{
	writel(RTP_CTRL_AFE_RESET, ts->base + RTP_REG_CTRL);
	if (!in_interrupt())
		msleep(1);
	else
		udelay(1000);
	writel(RTP_CTRL_ENABLE, ts->base + RTP_REG_CTRL);
	ts->afe_resets++;
}

static irqreturn_t rtp_irq(int irq, void *dev_id)
{
	struct rtp *ts = dev_id;
	u32 status, xy;

	status = readl(ts->base + RTP_REG_STATUS);
	if (!status)
		return IRQ_NONE;
	writel(status, ts->base + RTP_REG_STATUS);

	if (status & RTP_STAT_AFE_FAULT) {
		rtp_afe_reset(ts);
		return IRQ_HANDLED;
	}

	if (status & RTP_STAT_PEN_DOWN) {
		xy = readl(ts->base + RTP_REG_XY);
		input_report_abs(ts->input, ABS_X, xy & RTP_MAX_COORD);
		input_report_abs(ts->input, ABS_Y, (xy >> 16) & RTP_MAX_COORD);
		input_report_key(ts->input, BTN_TOUCH, 1);
	} else {
		input_report_key(ts->input, BTN_TOUCH, 0);
	}
	input_sync(ts->input);
	return IRQ_HANDLED;
}

static int rtp_probe(struct platform_device *pdev)
{
	struct rtp *ts;
	int irq, ret;

	ts = devm_kzalloc(&pdev->dev, sizeof(*ts), GFP_KERNEL);
	if (!ts)
		return -ENOMEM;
	ts->dev = &pdev->dev;

	ts->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ts->base))
		return PTR_ERR(ts->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;

	ts->input = devm_input_allocate_device(&pdev->dev);
	if (!ts->input)
		return -ENOMEM;
	ts->input->name = "rtp touchscreen";
	input_set_capability(ts->input, EV_KEY, BTN_TOUCH);
	input_set_abs_params(ts->input, ABS_X, 0, RTP_MAX_COORD, 0, 0);
	input_set_abs_params(ts->input, ABS_Y, 0, RTP_MAX_COORD, 0, 0);

	/* Process context: the helper sleeps for the reset pulse here. */
	rtp_afe_reset(ts);

	ret = devm_request_irq(&pdev->dev, irq, rtp_irq, 0, "rtp", ts);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, ts);
	return input_register_device(ts->input);
}

static const struct of_device_id rtp_of_match[] = {
	{ .compatible = "acme,rtp" },
	{ }
};
MODULE_DEVICE_TABLE(of, rtp_of_match);

static struct platform_driver rtp_driver = {
	.probe	= rtp_probe,
	.driver	= {
		.name = "rtp",
		.of_match_table = rtp_of_match,
	},
};
module_platform_driver(rtp_driver);
MODULE_LICENSE("GPL");
