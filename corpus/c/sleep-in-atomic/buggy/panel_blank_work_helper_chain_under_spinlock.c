// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a spin_lock_irqsave() region in a work function calls a
 * same-file helper that sleeps one call further down
 * (panel_power_off() -> panel_wait_frame_done() -> usleep_range()).
 *
 * Models fixes like "power the panel off outside state_lock" in simple
 * display panel / timing controller drivers: the blank work decides what to
 * do under the irq-safe lock it shares with the vsync interrupt and runs the
 * power-off sequence in the same critical section, but that sequence polls
 * for the end of the current frame with usleep_range().  The fix only
 * records the decision under the lock and calls panel_power_off() after
 * unlocking.  The non-sleeping panel_power_on() may stay under the lock.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/sysfs.h>
#include <linux/io.h>

#define PANEL_CTRL		0x00
#define PANEL_CTRL_RUN		BIT(0)
#define PANEL_CTRL_STOP		0
#define PANEL_STATUS		0x04
#define PANEL_STATUS_IDLE	BIT(0)
#define PANEL_PWR		0x08
#define PANEL_PWR_ON		(BIT(0) | BIT(1))
#define PANEL_IRQ_ACK		0x0c
#define PANEL_IDLE_TRIES	40

struct panel {
	void __iomem *base;
	spinlock_t state_lock;		/* blank_req, powered, frames; vsync IRQ */
	bool blank_req;
	bool powered;
	unsigned long frames;
	struct work_struct blank_work;
};

static irqreturn_t panel_vsync_irq(int irq, void *data)
{
	struct panel *p = data;

	spin_lock(&p->state_lock);
	p->frames++;
	writel(1, p->base + PANEL_IRQ_ACK);
	spin_unlock(&p->state_lock);
	return IRQ_HANDLED;
}

static int panel_wait_frame_done(struct panel *p)
{
	int i;

	for (i = 0; i < PANEL_IDLE_TRIES; i++) {
		if (readl(p->base + PANEL_STATUS) & PANEL_STATUS_IDLE)
			return 0;
		usleep_range(500, 1000);
	}
	return -ETIMEDOUT;
}

static int panel_power_off(struct panel *p)
{
	int ret;

	writel(PANEL_CTRL_STOP, p->base + PANEL_CTRL);
	ret = panel_wait_frame_done(p);
	writel(0, p->base + PANEL_PWR);
	return ret;
}

static void panel_power_on(struct panel *p)
{
	writel(PANEL_PWR_ON, p->base + PANEL_PWR);
	writel(PANEL_CTRL_RUN, p->base + PANEL_CTRL);
}

static void panel_blank_work(struct work_struct *work)
{
	struct panel *p = container_of(work, struct panel, blank_work);
	unsigned long flags;

	spin_lock_irqsave(&p->state_lock, flags);
	if (p->blank_req && p->powered) {
		p->powered = false;
		panel_power_off(p); /* expect: sleep-in-atomic */
	} else if (!p->blank_req && !p->powered) {
		panel_power_on(p);
		p->powered = true;
	}
	spin_unlock_irqrestore(&p->state_lock, flags);
}

static ssize_t blank_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct panel *p = dev_get_drvdata(dev);
	unsigned long flags;
	bool blank;
	int ret;

	ret = kstrtobool(buf, &blank);
	if (ret)
		return ret;
	spin_lock_irqsave(&p->state_lock, flags);
	p->blank_req = blank;
	spin_unlock_irqrestore(&p->state_lock, flags);
	schedule_work(&p->blank_work);
	return count;
}
static DEVICE_ATTR_WO(blank);

static struct attribute *panel_attrs[] = {
	&dev_attr_blank.attr,
	NULL
};
ATTRIBUTE_GROUPS(panel);

static int panel_probe(struct platform_device *pdev)
{
	struct panel *p;
	int irq, ret;

	p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	spin_lock_init(&p->state_lock);
	INIT_WORK(&p->blank_work, panel_blank_work);
	p->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(p->base))
		return PTR_ERR(p->base);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, panel_vsync_irq, 0, "panel-vsync", p);
	if (ret)
		return ret;

	panel_power_on(p);
	p->powered = true;
	platform_set_drvdata(pdev, p);
	return 0;
}

static int panel_remove(struct platform_device *pdev)
{
	struct panel *p = platform_get_drvdata(pdev);

	cancel_work_sync(&p->blank_work);
	if (p->powered)
		panel_power_off(p);
	return 0;
}

static const struct of_device_id panel_of_match[] = {
	{ .compatible = "example,simple-tcon" },
	{ }
};
MODULE_DEVICE_TABLE(of, panel_of_match);

static struct platform_driver panel_driver = {
	.probe	= panel_probe,
	.remove	= panel_remove,
	.driver	= {
		.name		= "simple-tcon",
		.of_match_table	= panel_of_match,
		.dev_groups	= panel_groups,
	},
};
module_platform_driver(panel_driver);
MODULE_LICENSE("GPL");
