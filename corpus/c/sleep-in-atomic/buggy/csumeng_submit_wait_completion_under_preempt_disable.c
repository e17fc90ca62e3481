// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: wait_for_completion_timeout() between preempt_disable() and
 * preempt_enable(): sleeping with preemption disabled.
 *
 * Models fixes like "use a per-queue mutex instead of disabling preemption"
 * in offload engine drivers with one hardware queue per CPU: submission
 * disables preemption so smp_processor_id() selects a stable per-CPU queue,
 * then waits for the job's completion interrupt before re-enabling
 * preemption.  The fix picks the queue with raw_smp_processor_id() and
 * serialises it with a mutex, so the wait happens in preemptible context.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/slab.h>
#include <linux/io.h>

#define CSUM_NR_QUEUES		0x000
#define CSUM_IRQ_STATUS		0x004
#define CSUM_Q_BASE(n)		(0x100 + (n) * 0x20)
#define CSUM_Q_SRC_LO		0x00
#define CSUM_Q_SRC_HI		0x04
#define CSUM_Q_LEN		0x08
#define CSUM_Q_CTRL		0x0c
#define CSUM_Q_CTRL_GO		BIT(0)
#define CSUM_Q_RESULT		0x10
#define CSUM_TIMEOUT_MS		100

struct csum_queue {
	void __iomem *regs;
	struct completion done;
	u32 result;
};

struct csum_engine {
	void __iomem *base;
	struct csum_queue *queues;
	unsigned int nr_queues;
};

static irqreturn_t csum_irq(int irq, void *data)
{
	struct csum_engine *eng = data;
	u32 status = readl(eng->base + CSUM_IRQ_STATUS);
	unsigned int i;

	if (!status)
		return IRQ_NONE;
	writel(status, eng->base + CSUM_IRQ_STATUS);
	for (i = 0; i < eng->nr_queues; i++) {
		if (status & BIT(i)) {
			eng->queues[i].result = readl(eng->queues[i].regs + CSUM_Q_RESULT);
			complete(&eng->queues[i].done);
		}
	}
	return IRQ_HANDLED;
}

int csum_engine_compute(struct device *dev, dma_addr_t src, u32 len, u32 *out)
{
	struct csum_engine *eng = dev_get_drvdata(dev);
	struct csum_queue *q;
	unsigned long left;

	preempt_disable();
	q = &eng->queues[smp_processor_id() % eng->nr_queues];
	reinit_completion(&q->done);
	writel((u32)src, q->regs + CSUM_Q_SRC_LO);
	writel(upper_32_bits(src), q->regs + CSUM_Q_SRC_HI);
	writel(len, q->regs + CSUM_Q_LEN);
	writel(CSUM_Q_CTRL_GO, q->regs + CSUM_Q_CTRL);
	left = wait_for_completion_timeout(&q->done, msecs_to_jiffies(CSUM_TIMEOUT_MS)); /* expect: sleep-in-atomic */
	if (left)
		*out = q->result;
	preempt_enable();

	return left ? 0 : -ETIMEDOUT;
}
EXPORT_SYMBOL_GPL(csum_engine_compute);

static int csum_probe(struct platform_device *pdev)
{
	struct csum_engine *eng;
	unsigned int i;
	int irq;

	eng = devm_kzalloc(&pdev->dev, sizeof(*eng), GFP_KERNEL);
	if (!eng)
		return -ENOMEM;
	eng->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(eng->base))
		return PTR_ERR(eng->base);

	eng->nr_queues = readl(eng->base + CSUM_NR_QUEUES) & 0x1f;
	if (!eng->nr_queues)
		return -ENODEV;
	eng->queues = devm_kcalloc(&pdev->dev, eng->nr_queues, sizeof(*eng->queues), GFP_KERNEL);
	if (!eng->queues)
		return -ENOMEM;
	for (i = 0; i < eng->nr_queues; i++) {
		eng->queues[i].regs = eng->base + CSUM_Q_BASE(i);
		init_completion(&eng->queues[i].done);
	}
	platform_set_drvdata(pdev, eng);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	return devm_request_irq(&pdev->dev, irq, csum_irq, 0, "csum-engine", eng);
}

static const struct of_device_id csum_of_match[] = {
	{ .compatible = "example,csum-engine" },
	{ }
};
MODULE_DEVICE_TABLE(of, csum_of_match);

static struct platform_driver csum_driver = {
	.probe	= csum_probe,
	.driver	= {
		.name		= "csum-engine",
		.of_match_table	= csum_of_match,
	},
};
module_platform_driver(csum_driver);
MODULE_LICENSE("GPL");
