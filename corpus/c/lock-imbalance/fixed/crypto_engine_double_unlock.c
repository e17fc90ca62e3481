// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: double unlock - an error branch drops the mutex and then
 * jumps to the common exit label, which drops it again.
 *
 * Models "fix double mutex_unlock in error path" patches in platform
 * crypto/DMA engine drivers: when job setup fails, the branch unlocks
 * hw_lock before logging and then does "goto out", whose mutex_unlock()
 * releases the mutex a second time.
 * Fixed twin: the error branch leaves the unlock to the exit label.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/io.h>

#define CRE_REG_SRC		0x00
#define CRE_REG_DST		0x08
#define CRE_REG_LEN		0x10
#define CRE_REG_CMD		0x14
#define CRE_REG_IRQ		0x18
#define CRE_CMD_START		BIT(0)
#define CRE_CMD_RESET		BIT(31)
#define CRE_MAX_LEN		0x10000
#define CRE_TIMEOUT_MS		500

struct cre_job {
	dma_addr_t src;
	dma_addr_t dst;
	u32 len;
};

struct cre_dev {
	struct device *dev;
	void __iomem *base;
	struct mutex hw_lock;
	struct completion done;
};

static int cre_hw_setup(struct cre_dev *cre, const struct cre_job *job)
{
	if (!job->len || job->len > CRE_MAX_LEN)
		return -EINVAL;
	writel(lower_32_bits(job->src), cre->base + CRE_REG_SRC);
	writel(upper_32_bits(job->src), cre->base + CRE_REG_SRC + 4);
	writel(lower_32_bits(job->dst), cre->base + CRE_REG_DST);
	writel(upper_32_bits(job->dst), cre->base + CRE_REG_DST + 4);
	writel(job->len, cre->base + CRE_REG_LEN);
	return 0;
}

int cre_run_job(struct cre_dev *cre, const struct cre_job *job)
{
	int ret;

	mutex_lock(&cre->hw_lock);
	ret = cre_hw_setup(cre, job);
	if (ret) {
		dev_err(cre->dev, "job setup failed: %d\n", ret);
		goto out;
	}

	reinit_completion(&cre->done);
	writel(CRE_CMD_START, cre->base + CRE_REG_CMD);
	if (!wait_for_completion_timeout(&cre->done,
					 msecs_to_jiffies(CRE_TIMEOUT_MS))) {
		dev_err(cre->dev, "job timed out\n");
		writel(CRE_CMD_RESET, cre->base + CRE_REG_CMD);
		ret = -ETIMEDOUT;
	}
out:
	mutex_unlock(&cre->hw_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(cre_run_job);

static irqreturn_t cre_irq(int irq, void *data)
{
	struct cre_dev *cre = data;
	u32 status = readl(cre->base + CRE_REG_IRQ);

	if (!status)
		return IRQ_NONE;
	writel(status, cre->base + CRE_REG_IRQ);
	complete(&cre->done);
	return IRQ_HANDLED;
}

static int cre_probe(struct platform_device *pdev)
{
	struct cre_dev *cre;
	int irq;

	cre = devm_kzalloc(&pdev->dev, sizeof(*cre), GFP_KERNEL);
	if (!cre)
		return -ENOMEM;
	cre->dev = &pdev->dev;
	cre->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(cre->base))
		return PTR_ERR(cre->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	mutex_init(&cre->hw_lock);
	init_completion(&cre->done);
	platform_set_drvdata(pdev, cre);
	return devm_request_irq(&pdev->dev, irq, cre_irq, 0, dev_name(&pdev->dev), cre);
}

static struct platform_driver cre_driver = {
	.probe	= cre_probe,
	.driver	= { .name = "cre-engine" },
};
module_platform_driver(cre_driver);
MODULE_LICENSE("GPL");
