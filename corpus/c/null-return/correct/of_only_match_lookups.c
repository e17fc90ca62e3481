// SPDX-License-Identifier: GPL-2.0
/*
 * pwrbtn - PMIC power-button and reset-input block, device-tree only.
 * Models the many DT-only platform drivers that dereference the result of
 * of_device_get_match_data() and of_match_device() in probe without a NULL
 * test: the driver has an OF match table (wrapped in of_match_ptr()), no
 * platform_device_id table and no ACPI table, so probe runs only after an
 * OF match, the matched entry exists, and every entry carries .data.
 * Tricky: both lookups are documented to return NULL, and on x86 builds
 * (CONFIG_OF=n) of_match_ptr() expands to NULL, hiding the table from the
 * compiler.  A second driver in the same file has a table whose entries do
 * not all carry .data: it only uses of_match_device(), whose entry is
 * non-NULL all the same.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/interrupt.h>
#include <linux/io.h>

struct pwrbtn_variant {
	u32 status_reg;
	u32 irq_mask;
	bool has_reset_input;
};

struct pwrbtn {
	void __iomem *base;
	const struct pwrbtn_variant *variant;
};

static const struct pwrbtn_variant pwrbtn_v1 = { .status_reg = 0x10, .irq_mask = BIT(0) };
static const struct pwrbtn_variant pwrbtn_v2 = { .status_reg = 0x48, .irq_mask = BIT(3), .has_reset_input = true };

static irqreturn_t pwrbtn_irq(int irq, void *data)
{
	struct pwrbtn *btn = data;

	if (!(readl(btn->base + btn->variant->status_reg) & btn->variant->irq_mask))
		return IRQ_NONE;
	return IRQ_HANDLED;
}

static int pwrbtn_probe(struct platform_device *pdev)
{
	struct pwrbtn *btn;
	int irq;

	btn = devm_kzalloc(&pdev->dev, sizeof(*btn), GFP_KERNEL);
	if (!btn)
		return -ENOMEM;
	btn->variant = of_device_get_match_data(&pdev->dev);
	btn->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(btn->base))
		return PTR_ERR(btn->base);
	if (btn->variant->has_reset_input)
		writel(0, btn->base + btn->variant->status_reg + 4);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return devm_request_irq(&pdev->dev, irq, pwrbtn_irq, 0, "pwrbtn", btn);
}

static const struct of_device_id pwrbtn_of_match[] = {
	{ .compatible = "acme,pmic-pwrbtn", .data = &pwrbtn_v1 },
	{ .compatible = "acme,pmic2-pwrbtn", .data = &pwrbtn_v2 },
	{ }
};
MODULE_DEVICE_TABLE(of, pwrbtn_of_match);

static struct platform_driver pwrbtn_driver = {
	.probe = pwrbtn_probe,
	.driver = {
		.name = "acme-pwrbtn",
		.of_match_table = of_match_ptr(pwrbtn_of_match),
	},
};

/* the reset-input block: one compatible without .data */
static const struct of_device_id rstin_of_match[] = {
	{ .compatible = "acme,pmic-rstin" },
	{ .compatible = "acme,pmic2-rstin", .data = &pwrbtn_v2 },
	{ }
};
MODULE_DEVICE_TABLE(of, rstin_of_match);

static int rstin_probe(struct platform_device *pdev)
{
	const struct of_device_id *id = of_match_device(rstin_of_match, &pdev->dev);

	dev_info(&pdev->dev, "reset input %s\n", id->compatible);
	return 0;
}

static struct platform_driver rstin_driver = {
	.probe = rstin_probe,
	.driver = {
		.name = "acme-rstin",
		.of_match_table = rstin_of_match,
	},
};

static struct platform_driver * const pwrbtn_drivers[] = { &pwrbtn_driver, &rstin_driver };

static int __init pwrbtn_init(void)
{
	return platform_register_drivers(pwrbtn_drivers, ARRAY_SIZE(pwrbtn_drivers));
}
module_init(pwrbtn_init);

static void __exit pwrbtn_exit(void)
{
	platform_unregister_drivers(pwrbtn_drivers, ARRAY_SIZE(pwrbtn_drivers));
}
module_exit(pwrbtn_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("PMIC power button and reset input");
