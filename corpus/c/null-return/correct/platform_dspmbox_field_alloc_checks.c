// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: allocations are stored straight into struct fields and the NULL
 * test is made on the FIELD, never on a local:
 *   - `dp->shm = kzalloc(); if (!dp->shm) goto err_unmap;` then
 *     memset(dp->shm, ...) and dp->shm[0];
 *   - `dp->ring = kcalloc(); if (dp->ring == NULL) goto err_free_shm;`
 *     then dp->ring[i].status in a loop;
 *   - `dp->regs = ioremap(); if (!dp->regs) return -ENOMEM;` (ioremap()
 *     returns NULL, not an ERR_PTR) after a NULL-checked
 *     platform_get_resource(), whose res->start is then read.
 * The interrupt handler indexes dp->ring without a test of its own: the
 * field was checked in probe before the IRQ was requested.
 *
 * A naive checker that only follows locals loses the NULL test when the
 * result is written to `dp->shm` and reports memset(dp->shm, ...),
 * dp->ring[i] and the ring access in the interrupt handler.  The field is
 * not written between the test and the uses, so every dereference is
 * guarded.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/io.h>

#define DSPM_DOORBELL		0x00
#define DSPM_RING_SIZE_REG	0x04
#define DSPM_IRQ_ACK		0x08
#define DSPM_SLOT_STATUS	0x0c

#define DSPM_RING_LEN		16
#define DSPM_SHM_SIZE		4096
#define DSPM_SHM_HDR		64
#define DSPM_SHM_MAGIC		0xd5
#define DSPM_SLOT_FREE		0

struct dspm_slot {
	u32 cmd;
	u32 status;
	u32 len;
};

struct dspm {
	void __iomem *regs;
	struct dspm_slot *ring;
	u8 *shm;
	spinlock_t lock;	/* ring head, shared with the IRQ */
	unsigned int head;
	int irq;
};

static irqreturn_t dspm_irq(int irq, void *data)
{
	struct dspm *dp = data;
	struct dspm_slot *slot;

	spin_lock(&dp->lock);
	slot = &dp->ring[dp->head];
	slot->status = readl(dp->regs + DSPM_SLOT_STATUS);
	dp->head = (dp->head + 1) % DSPM_RING_LEN;
	writel(1, dp->regs + DSPM_IRQ_ACK);
	spin_unlock(&dp->lock);
	return IRQ_HANDLED;
}

static int dspm_probe(struct platform_device *pdev)
{
	struct resource *res;
	struct dspm *dp;
	int i, ret;

	dp = devm_kzalloc(&pdev->dev, sizeof(*dp), GFP_KERNEL);
	if (!dp)
		return -ENOMEM;
	spin_lock_init(&dp->lock);

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;
	dp->regs = ioremap(res->start, resource_size(res));
	if (!dp->regs)
		return -ENOMEM;

	dp->shm = kzalloc(DSPM_SHM_SIZE, GFP_KERNEL);
	if (!dp->shm) {
		ret = -ENOMEM;
		goto err_unmap;
	}
	memset(dp->shm, 0xff, DSPM_SHM_HDR);
	dp->shm[0] = DSPM_SHM_MAGIC;

	dp->ring = kcalloc(DSPM_RING_LEN, sizeof(*dp->ring), GFP_KERNEL);
	if (dp->ring == NULL) {
		ret = -ENOMEM;
		goto err_free_shm;
	}
	for (i = 0; i < DSPM_RING_LEN; i++)
		dp->ring[i].status = DSPM_SLOT_FREE;
	writel(DSPM_RING_LEN, dp->regs + DSPM_RING_SIZE_REG);

	dp->irq = platform_get_irq(pdev, 0);
	if (dp->irq < 0) {
		ret = dp->irq;
		goto err_free_ring;
	}
	ret = request_irq(dp->irq, dspm_irq, 0, "dsp-mbox", dp);
	if (ret)
		goto err_free_ring;

	platform_set_drvdata(pdev, dp);
	return 0;

err_free_ring:
	kfree(dp->ring);
err_free_shm:
	kfree(dp->shm);
err_unmap:
	iounmap(dp->regs);
	return ret;
}

static int dspm_remove(struct platform_device *pdev)
{
	struct dspm *dp = platform_get_drvdata(pdev);

	free_irq(dp->irq, dp);
	kfree(dp->ring);
	kfree(dp->shm);
	iounmap(dp->regs);
	return 0;
}

static const struct of_device_id dspm_of_match[] = {
	{ .compatible = "example,dsp-mailbox" },
	{ }
};
MODULE_DEVICE_TABLE(of, dspm_of_match);

static struct platform_driver dspm_driver = {
	.probe	= dspm_probe,
	.remove	= dspm_remove,
	.driver	= {
		.name		= "dsp-mailbox",
		.of_match_table	= dspm_of_match,
	},
};
module_platform_driver(dspm_driver);
MODULE_LICENSE("GPL");
