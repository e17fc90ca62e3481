// SPDX-License-Identifier: GPL-2.0
/*
 * adcmux - analog multiplexer in front of an SoC ADC.
 * Bug pattern: of_device_get_match_data() dereferenced without a check in a
 * platform driver that can also be bound by name from a board file (it has a
 * platform_device_id table): there is no OF match then, the lookup returns
 * NULL and probe oopses on mux->cfg->channels.
 * Fix in the twin: fall back to the id table's driver_data.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/io.h>
#include <linux/slab.h>

#define ADCMUX_REG_SEL	0x00

struct adcmux_cfg {
	unsigned int channels;
	u32 sel_mask;
};

struct adcmux {
	void __iomem *base;
	const struct adcmux_cfg *cfg;
};

static const struct adcmux_cfg adcmux4_cfg = { .channels = 4, .sel_mask = 0x3 };
static const struct adcmux_cfg adcmux8_cfg = { .channels = 8, .sel_mask = 0x7 };

static int adcmux_probe(struct platform_device *pdev)
{
	struct adcmux *mux;

	mux = devm_kzalloc(&pdev->dev, sizeof(*mux), GFP_KERNEL);
	if (!mux)
		return -ENOMEM;
	mux->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mux->base))
		return PTR_ERR(mux->base);
	mux->cfg = of_device_get_match_data(&pdev->dev);
	writel(mux->cfg->sel_mask, mux->base + ADCMUX_REG_SEL); /* expect: null-return */
	dev_info(&pdev->dev, "%u channels\n", mux->cfg->channels);
	platform_set_drvdata(pdev, mux);
	return 0;
}

static const struct of_device_id adcmux_of_match[] = {
	{ .compatible = "acme,adcmux4", .data = &adcmux4_cfg },
	{ .compatible = "acme,adcmux8", .data = &adcmux8_cfg },
	{ }
};
MODULE_DEVICE_TABLE(of, adcmux_of_match);

static const struct platform_device_id adcmux_ids[] = {
	{ "adcmux4", (kernel_ulong_t)&adcmux4_cfg },
	{ "adcmux8", (kernel_ulong_t)&adcmux8_cfg },
	{ }
};
MODULE_DEVICE_TABLE(platform, adcmux_ids);

static struct platform_driver adcmux_driver = {
	.probe = adcmux_probe,
	.id_table = adcmux_ids,
	.driver = {
		.name = "adcmux",
		.of_match_table = of_match_ptr(adcmux_of_match),
	},
};
module_platform_driver(adcmux_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ADC input multiplexer");
