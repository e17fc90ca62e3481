// SPDX-License-Identifier: GPL-2.0
/*
 * pmx - small PMIC reached through an indirect MMIO register window.
 * Tricky: pmx_win_write() takes win_lock with spin_lock_irqsave() only
 * `if (atomic)`, later calls msleep() under `if (!atomic)` while waiting for
 * the window, and releases the lock under a second `if (atomic)` (also on
 * the timeout path).  A path-insensitive checker merges "locked" and "not
 * locked" after the first test and reports the msleep() as a sleep with
 * win_lock held.
 * Correct: the lock and the sleep depend on the same unchanged flag, so no
 * path both takes the spinlock and reaches msleep(): with atomic == true the
 * wait is udelay(), with atomic == false the lock is never taken (those
 * callers are serialised by pmx->lock, a mutex).  The atomic variant is for
 * pmx_emergency_off(), exported for board code that runs with IRQs off.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/io.h>

#define PMX_WIN_ADDR		0x00
#define PMX_WIN_DATA		0x04
#define PMX_WIN_STATUS		0x08
#define PMX_WIN_BUSY		BIT(0)
#define PMX_BUSY_TRIES		20
#define PMX_REG_LDO_EN(n)	(0x20 + (n))
#define PMX_REG_SYS_CTRL	0x40
#define PMX_SYS_OFF		BIT(7)
#define PMX_NUM_LDO		4

struct pmx {
	struct device *dev;
	void __iomem *base;
	spinlock_t win_lock;		/* window access from atomic callers */
	struct mutex lock;		/* window access from process context */
};

static struct pmx *pmx_global;

static int pmx_win_write(struct pmx *pmx, u8 reg, u8 val, bool atomic)
{
	unsigned long flags = 0;
	int tries = PMX_BUSY_TRIES;
	int ret = 0;

	if (atomic)
		spin_lock_irqsave(&pmx->win_lock, flags);

	while (readl(pmx->base + PMX_WIN_STATUS) & PMX_WIN_BUSY) {
		if (!--tries) {
			ret = -ETIMEDOUT;
			goto out;
		}
		if (!atomic)
			msleep(1);
		else
			udelay(50);
	}
	writel(reg, pmx->base + PMX_WIN_ADDR);
	writel(val, pmx->base + PMX_WIN_DATA);

out:
	if (atomic)
		spin_unlock_irqrestore(&pmx->win_lock, flags);
	return ret;
}

/* For board code: may be called with interrupts disabled. */
void pmx_emergency_off(void)
{
	struct pmx *pmx = READ_ONCE(pmx_global);

	if (pmx)
		pmx_win_write(pmx, PMX_REG_SYS_CTRL, PMX_SYS_OFF, true);
}
EXPORT_SYMBOL_GPL(pmx_emergency_off);

static int pmx_set_ldo(struct pmx *pmx, unsigned int ldo, bool on)
{
	int ret;

	mutex_lock(&pmx->lock);
	ret = pmx_win_write(pmx, PMX_REG_LDO_EN(ldo), on, false);
	mutex_unlock(&pmx->lock);
	return ret;
}

static int pmx_probe(struct platform_device *pdev)
{
	struct pmx *pmx;
	unsigned int i;
	int ret;

	pmx = devm_kzalloc(&pdev->dev, sizeof(*pmx), GFP_KERNEL);
	if (!pmx)
		return -ENOMEM;
	pmx->dev = &pdev->dev;
	spin_lock_init(&pmx->win_lock);
	mutex_init(&pmx->lock);

	pmx->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pmx->base))
		return PTR_ERR(pmx->base);

	for (i = 0; i < PMX_NUM_LDO; i++) {
		ret = pmx_set_ldo(pmx, i, true);
		if (ret)
			return dev_err_probe(&pdev->dev, ret, "LDO%u\n", i);
	}
	platform_set_drvdata(pdev, pmx);
	WRITE_ONCE(pmx_global, pmx);
	return 0;
}

static int pmx_remove(struct platform_device *pdev)
{
	WRITE_ONCE(pmx_global, NULL);
	return 0;
}

static const struct of_device_id pmx_of_match[] = {
	{ .compatible = "acme,pmx" },
	{ }
};
MODULE_DEVICE_TABLE(of, pmx_of_match);

static struct platform_driver pmx_driver = {
	.probe	= pmx_probe,
	.remove	= pmx_remove,
	.driver	= {
		.name = "pmx",
		.of_match_table = pmx_of_match,
	},
};
module_platform_driver(pmx_driver);
MODULE_LICENSE("GPL");
