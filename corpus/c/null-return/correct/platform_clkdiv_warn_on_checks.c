// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: NULL tests written inside WARN_ON() / WARN_ON_ONCE(), the form
 * drivers use for "cannot happen unless the device tree or the board code
 * is broken":
 *   - `if (WARN_ON(!res)) return -ENODEV;` for platform_get_resource(),
 *     then res->start;
 *   - `if (WARN_ON(!tbl || len < sizeof(*tbl))) return -EINVAL;` for a
 *     mandatory of_get_property() (the match table guarantees it), then
 *     tbl[i];
 *   - `if (WARN_ON_ONCE(!cg->div)) return -ENOMEM;` for a devm_kcalloc()
 *     stored in a field, then cg->div[i];
 *   - `if (WARN_ON(!cfg)) return;` in a void helper for a kmemdup() of
 *     the current configuration, then cfg[i].
 * WARN_ON(x) evaluates to x, so the early return is taken exactly when
 * the pointer is NULL.
 *
 * A naive checker does not look through the WARN_ON() call (a real call
 * in the built-in headers, a statement-expression macro in the kernel's)
 * and reports res->start, tbl[i], cg->div[i] and cfg[i] as unchecked.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/bug.h>
#include <linux/mutex.h>

#define CGDIV_SEL	0x00
#define CGDIV_VAL(i)	(0x10 + 4 * (i))
#define CGDIV_MAX	8

struct cgdiv {
	struct device *dev;
	void __iomem *regs;
	struct mutex lock;	/* divider registers */
	u32 *div;
	unsigned int ndiv;
	unsigned int sel;
};

static void cgdiv_program(struct cgdiv *cg)
{
	unsigned int i, n;
	u32 *cfg;

	mutex_lock(&cg->lock);
	n = cg->ndiv;
	cfg = kmemdup(cg->div, n * sizeof(*cfg), GFP_KERNEL);
	mutex_unlock(&cg->lock);
	if (WARN_ON(!cfg))
		return;

	for (i = 0; i < n; i++)
		writel(cfg[i], cg->regs + CGDIV_VAL(i));
	writel(cg->sel, cg->regs + CGDIV_SEL);
	kfree(cfg);
}

static int cgdiv_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	const __be32 *tbl;
	struct resource *res;
	struct cgdiv *cg;
	unsigned int i;
	int len;

	cg = devm_kzalloc(&pdev->dev, sizeof(*cg), GFP_KERNEL);
	if (!cg)
		return -ENOMEM;
	cg->dev = &pdev->dev;
	mutex_init(&cg->lock);

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (WARN_ON(!res))
		return -ENODEV;
	cg->regs = devm_ioremap(&pdev->dev, res->start, resource_size(res));
	if (!cg->regs)
		return -ENOMEM;

	tbl = of_get_property(np, "example,dividers", &len);
	if (WARN_ON(!tbl || len < sizeof(*tbl)))
		return -EINVAL;
	cg->ndiv = min_t(unsigned int, len / sizeof(*tbl), CGDIV_MAX);

	cg->div = devm_kcalloc(&pdev->dev, cg->ndiv, sizeof(*cg->div), GFP_KERNEL);
	if (WARN_ON_ONCE(!cg->div))
		return -ENOMEM;
	for (i = 0; i < cg->ndiv; i++)
		cg->div[i] = be32_to_cpu(tbl[i]);

	platform_set_drvdata(pdev, cg);
	cgdiv_program(cg);
	return 0;
}

static const struct of_device_id cgdiv_of_match[] = {
	{ .compatible = "example,clkgen-div" },
	{ }
};
MODULE_DEVICE_TABLE(of, cgdiv_of_match);

static struct platform_driver cgdiv_driver = {
	.probe	= cgdiv_probe,
	.driver	= {
		.name		= "clkgen-div",
		.of_match_table	= cgdiv_of_match,
	},
};
module_platform_driver(cgdiv_driver);
MODULE_LICENSE("GPL");
