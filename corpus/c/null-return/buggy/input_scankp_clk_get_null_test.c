// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: devm_clk_get() result tested with `if (!kp->clk)`.
 * devm_clk_get() reports failure with an ERR_PTR (-ENOENT, -EPROBE_DEFER...),
 * never NULL, so the test never fires: probe deferral is lost and the error
 * pointer is handed to clk_prepare_enable().
 *
 * Models the "fix the error check of devm_clk_get()" fixes in SoC keypad
 * and input drivers: the NULL test is replaced with IS_ERR()/PTR_ERR().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/input.h>
#include <linux/interrupt.h>
#include <linux/clk.h>
#include <linux/io.h>
#include <linux/of.h>

#define SKP_NKEYS		8
#define SKP_CTRL		0x00
#define SKP_CTRL_SCAN_EN	BIT(0)
#define SKP_CTRL_IRQ_EN		BIT(1)
#define SKP_STATE		0x04
#define SKP_IRQ_ACK		0x08

struct scankp {
	void __iomem *base;
	struct clk *clk;
	struct input_dev *input;
	u32 last_state;
};

static irqreturn_t scankp_irq(int irq, void *dev_id)
{
	struct scankp *kp = dev_id;
	u32 state, changed;
	unsigned int i;

	state = readl(kp->base + SKP_STATE) & GENMASK(SKP_NKEYS - 1, 0);
	writel(1, kp->base + SKP_IRQ_ACK);
	changed = state ^ kp->last_state;
	if (!changed)
		return IRQ_NONE;

	for (i = 0; i < SKP_NKEYS; i++)
		if (changed & BIT(i))
			input_report_key(kp->input, BTN_0 + i, !!(state & BIT(i)));
	input_sync(kp->input);
	kp->last_state = state;
	return IRQ_HANDLED;
}

static void scankp_disable(void *data)
{
	struct scankp *kp = data;

	writel(0, kp->base + SKP_CTRL);
	clk_disable_unprepare(kp->clk);
}

static int scankp_probe(struct platform_device *pdev)
{
	struct scankp *kp;
	unsigned int i;
	int irq, ret;

	kp = devm_kzalloc(&pdev->dev, sizeof(*kp), GFP_KERNEL);
	if (!kp)
		return -ENOMEM;

	kp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(kp->base))
		return PTR_ERR(kp->base);

	kp->clk = devm_clk_get(&pdev->dev, "scan");
	if (!kp->clk) /* expect: null-return */
		return -ENODEV;

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;

	kp->input = devm_input_allocate_device(&pdev->dev);
	if (!kp->input)
		return -ENOMEM;
	kp->input->name = "exmp scan keypad";
	for (i = 0; i < SKP_NKEYS; i++)
		input_set_capability(kp->input, EV_KEY, BTN_0 + i);

	ret = clk_prepare_enable(kp->clk);
	if (ret)
		return ret;
	writel(SKP_CTRL_SCAN_EN | SKP_CTRL_IRQ_EN, kp->base + SKP_CTRL);
	ret = devm_add_action_or_reset(&pdev->dev, scankp_disable, kp);
	if (ret)
		return ret;

	ret = devm_request_irq(&pdev->dev, irq, scankp_irq, 0, "exmp-scankp", kp);
	if (ret)
		return ret;
	return input_register_device(kp->input);
}

static const struct of_device_id scankp_of_match[] = {
	{ .compatible = "example,scan-keypad" },
	{ }
};
MODULE_DEVICE_TABLE(of, scankp_of_match);

static struct platform_driver scankp_driver = {
	.probe	= scankp_probe,
	.driver	= {
		.name		= "exmp-scankp",
		.of_match_table	= scankp_of_match,
	},
};
module_platform_driver(scankp_driver);
MODULE_LICENSE("GPL");
