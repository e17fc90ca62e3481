// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: nested locks - an early return releases the outer lock but
 * leaves the inner one held.
 *
 * Models fixes like "also drop irq_lock when the stream is already running"
 * in platform audio/DMA drivers: the configuration path holds cfg_lock
 * (mutex) and, nested inside it, the IRQ spinlock; the -EBUSY bail-out
 * unlocks only the outer mutex and returns with the spinlock held and
 * interrupts disabled.
 * Fixed twin: the busy path drops the inner spinlock before the outer mutex.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/io.h>

#define ADMA_REG_CTRL		0x00
#define ADMA_REG_PERIOD		0x04
#define ADMA_REG_STATUS		0x08
#define ADMA_CTRL_RUN		BIT(0)
#define ADMA_MAX_PERIOD		8192

struct adma_stream {
	struct device *dev;
	void __iomem *base;
	struct mutex cfg_lock;		/* outer: serialises configuration */
	spinlock_t irq_lock;		/* inner: shared with the IRQ handler */
	bool running;
	u32 period_bytes;
	unsigned long periods_elapsed;
};

int adma_set_period(struct adma_stream *s, u32 period_bytes)
{
	if (!period_bytes || period_bytes > ADMA_MAX_PERIOD)
		return -EINVAL;

	mutex_lock(&s->cfg_lock);
	spin_lock_irq(&s->irq_lock);
	if (s->running) {
		spin_unlock_irq(&s->irq_lock);
		mutex_unlock(&s->cfg_lock);
		dev_warn(s->dev, "cannot change period while running\n");
		return -EBUSY;
	}
	s->period_bytes = period_bytes;
	s->periods_elapsed = 0;
	spin_unlock_irq(&s->irq_lock);

	writel(period_bytes, s->base + ADMA_REG_PERIOD);
	mutex_unlock(&s->cfg_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(adma_set_period);

int adma_trigger(struct adma_stream *s, bool start)
{
	mutex_lock(&s->cfg_lock);
	spin_lock_irq(&s->irq_lock);
	s->running = start;
	writel(start ? ADMA_CTRL_RUN : 0, s->base + ADMA_REG_CTRL);
	spin_unlock_irq(&s->irq_lock);
	mutex_unlock(&s->cfg_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(adma_trigger);

static irqreturn_t adma_irq(int irq, void *data)
{
	struct adma_stream *s = data;
	u32 status;

	status = readl(s->base + ADMA_REG_STATUS);
	if (!status)
		return IRQ_NONE;
	writel(status, s->base + ADMA_REG_STATUS);

	spin_lock(&s->irq_lock);
	if (s->running)
		s->periods_elapsed++;
	spin_unlock(&s->irq_lock);
	return IRQ_HANDLED;
}

static int adma_probe(struct platform_device *pdev)
{
	struct adma_stream *s;
	int irq;

	s = devm_kzalloc(&pdev->dev, sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->dev = &pdev->dev;
	s->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(s->base))
		return PTR_ERR(s->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	mutex_init(&s->cfg_lock);
	spin_lock_init(&s->irq_lock);
	platform_set_drvdata(pdev, s);
	return devm_request_irq(&pdev->dev, irq, adma_irq, 0, "adma", s);
}

static struct platform_driver adma_driver = {
	.probe	= adma_probe,
	.driver	= { .name = "adma-stream" },
};
module_platform_driver(adma_driver);
MODULE_LICENSE("GPL");
