// SPDX-License-Identifier: GPL-2.0
/*
 * mbx - doorbell mailbox to a co-processor, with firmware-crash recovery.
 * Tricky: the hard-IRQ handler mbx_irq() (devm_request_irq) detects a
 * co-processor crash and calls mbx_kick_recovery(), which hands
 * &mbx->recover_work to schedule_work().  The work function
 * mbx_recover_work() takes a mutex, allocates with GFP_KERNEL and sleeps in
 * msleep() while the co-processor reboots.  A checker that treats
 * schedule_work(&w) as a call of w's function, or that links the work
 * function to the IRQ handler through the shared struct, reports the
 * mbx_kick_recovery() call in the handler.
 * Correct: schedule_work() only queues the item; mbx_recover_work() is
 * registered with INIT_WORK() and runs later in a kworker, where sleeping is
 * allowed.  The IRQ path itself only touches registers and a spinlock.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/io.h>

#define MBX_REG_STATUS		0x00
#define MBX_REG_DATA		0x04
#define MBX_REG_CTRL		0x08
#define MBX_STAT_MSG		BIT(0)
#define MBX_STAT_CRASH		BIT(31)
#define MBX_CTRL_RUN		BIT(0)
#define MBX_BOOT_MS		20
#define MBX_LOG_WORDS		64

struct mbx {
	struct device *dev;
	void __iomem *base;
	spinlock_t irq_lock;		/* protects last_msg and crashed */
	struct mutex ctrl_lock;		/* serialises co-processor control */
	struct work_struct recover_work;
	u32 last_msg;
	bool crashed;
	unsigned int recoveries;
	int irq;
};

static void mbx_kick_recovery(struct mbx *mbx)
{
	writel(0, mbx->base + MBX_REG_CTRL);
	mbx->crashed = true;
	schedule_work(&mbx->recover_work);
}

static irqreturn_t mbx_irq(int irq, void *dev_id)
{
	struct mbx *mbx = dev_id;
	u32 status;

	status = readl(mbx->base + MBX_REG_STATUS);
	if (!status)
		return IRQ_NONE;
	writel(status, mbx->base + MBX_REG_STATUS);

	spin_lock(&mbx->irq_lock);
	if (status & MBX_STAT_CRASH)
		mbx_kick_recovery(mbx);
	else if (status & MBX_STAT_MSG)
		mbx->last_msg = readl(mbx->base + MBX_REG_DATA);
	spin_unlock(&mbx->irq_lock);
	return IRQ_HANDLED;
}

static void mbx_recover_work(struct work_struct *work)
{
	struct mbx *mbx = container_of(work, struct mbx, recover_work);
	u32 *log;
	int i;

	mutex_lock(&mbx->ctrl_lock);
	log = kcalloc(MBX_LOG_WORDS, sizeof(*log), GFP_KERNEL);
	if (log) {
		for (i = 0; i < MBX_LOG_WORDS; i++)
			log[i] = readl(mbx->base + MBX_REG_DATA);
		dev_err(mbx->dev, "co-processor crashed, pc=%08x\n", log[0]);
		kfree(log);
	}

	writel(MBX_CTRL_RUN, mbx->base + MBX_REG_CTRL);
	msleep(MBX_BOOT_MS);

	spin_lock_irq(&mbx->irq_lock);
	mbx->crashed = false;
	mbx->recoveries++;
	spin_unlock_irq(&mbx->irq_lock);
	mutex_unlock(&mbx->ctrl_lock);
}

static int mbx_probe(struct platform_device *pdev)
{
	struct mbx *mbx;
	int irq;

	mbx = devm_kzalloc(&pdev->dev, sizeof(*mbx), GFP_KERNEL);
	if (!mbx)
		return -ENOMEM;
	mbx->dev = &pdev->dev;
	spin_lock_init(&mbx->irq_lock);
	mutex_init(&mbx->ctrl_lock);
	INIT_WORK(&mbx->recover_work, mbx_recover_work);

	mbx->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mbx->base))
		return PTR_ERR(mbx->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	mbx->irq = irq;

	platform_set_drvdata(pdev, mbx);
	writel(MBX_CTRL_RUN, mbx->base + MBX_REG_CTRL);
	return devm_request_irq(&pdev->dev, irq, mbx_irq, 0, "mbx", mbx);
}

static int mbx_remove(struct platform_device *pdev)
{
	struct mbx *mbx = platform_get_drvdata(pdev);

	disable_irq(mbx->irq);
	writel(0, mbx->base + MBX_REG_CTRL);
	cancel_work_sync(&mbx->recover_work);
	return 0;
}

static const struct of_device_id mbx_of_match[] = {
	{ .compatible = "acme,mbx" },
	{ }
};
MODULE_DEVICE_TABLE(of, mbx_of_match);

static struct platform_driver mbx_driver = {
	.probe	= mbx_probe,
	.remove	= mbx_remove,
	.driver	= {
		.name = "mbx",
		.of_match_table = mbx_of_match,
	},
};
module_platform_driver(mbx_driver);
MODULE_LICENSE("GPL");
