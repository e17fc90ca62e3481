// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kzalloc(GFP_KERNEL) in a hard interrupt handler registered
 * with devm_request_irq().
 *
 * Models fixes like "use GFP_ATOMIC in the interrupt handler" in event-hub /
 * mailbox drivers that queue one record per hardware event for a reader
 * process: the handler allocates the record with GFP_KERNEL, which may enter
 * direct reclaim and sleep with interrupts disabled.  The fix allocates with
 * GFP_ATOMIC (and already copes with the allocation failing).
 * Fixed twin: the event record is allocated with GFP_ATOMIC.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define EVHUB_STATUS	0x00
#define EVHUB_FIFO	0x04
#define EVHUB_ACK	0x08
#define EVHUB_ST_PENDING	BIT(0)

struct evhub_event {
	struct list_head node;
	u32 code;
	u64 stamp;
};

struct evhub {
	void __iomem *base;
	spinlock_t lock;		/* protects events */
	struct list_head events;
	wait_queue_head_t wq;
	unsigned long dropped;
	struct miscdevice misc;
};

static irqreturn_t evhub_irq(int irq, void *data)
{
	struct evhub *hub = data;
	struct evhub_event *ev;

	if (!(readl(hub->base + EVHUB_STATUS) & EVHUB_ST_PENDING))
		return IRQ_NONE;

	ev = kzalloc(sizeof(*ev), GFP_ATOMIC);
	if (!ev) {
		hub->dropped++;
		writel(1, hub->base + EVHUB_ACK);
		return IRQ_HANDLED;
	}
	ev->code = readl(hub->base + EVHUB_FIFO);
	ev->stamp = ktime_get_ns();
	writel(1, hub->base + EVHUB_ACK);

	spin_lock(&hub->lock);
	list_add_tail(&ev->node, &hub->events);
	spin_unlock(&hub->lock);
	wake_up_interruptible(&hub->wq);
	return IRQ_HANDLED;
}

static ssize_t evhub_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct evhub *hub = container_of(file->private_data, struct evhub, misc);
	struct evhub_event *ev;
	u32 code;
	int ret;

	if (count < sizeof(code))
		return -EINVAL;
	ret = wait_event_interruptible(hub->wq, !list_empty(&hub->events));
	if (ret)
		return ret;

	spin_lock_irq(&hub->lock);
	ev = list_first_entry_or_null(&hub->events, struct evhub_event, node);
	if (ev)
		list_del(&ev->node);
	spin_unlock_irq(&hub->lock);
	if (!ev)
		return -EAGAIN;

	code = ev->code;
	kfree(ev);
	if (copy_to_user(buf, &code, sizeof(code)))
		return -EFAULT;
	return sizeof(code);
}

static const struct file_operations evhub_fops = {
	.owner	= THIS_MODULE,
	.read	= evhub_read,
	.llseek	= noop_llseek,
};

static int evhub_probe(struct platform_device *pdev)
{
	struct evhub *hub;
	int irq, ret;

	hub = devm_kzalloc(&pdev->dev, sizeof(*hub), GFP_KERNEL);
	if (!hub)
		return -ENOMEM;
	hub->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hub->base))
		return PTR_ERR(hub->base);
	spin_lock_init(&hub->lock);
	INIT_LIST_HEAD(&hub->events);
	init_waitqueue_head(&hub->wq);

	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, evhub_irq, 0, dev_name(&pdev->dev), hub);
	if (ret)
		return ret;

	hub->misc.minor = MISC_DYNAMIC_MINOR;
	hub->misc.name = "evhub";
	hub->misc.fops = &evhub_fops;
	hub->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, hub);
	return misc_register(&hub->misc);
}

static int evhub_remove(struct platform_device *pdev)
{
	struct evhub *hub = platform_get_drvdata(pdev);
	struct evhub_event *ev, *tmp;

	misc_deregister(&hub->misc);
	spin_lock_irq(&hub->lock);	/* the devm IRQ handler still queues events */
	list_for_each_entry_safe(ev, tmp, &hub->events, node)
		kfree(ev);
	INIT_LIST_HEAD(&hub->events);
	spin_unlock_irq(&hub->lock);
	return 0;
}

static struct platform_driver evhub_driver = {
	.probe	= evhub_probe,
	.remove	= evhub_remove,
	.driver	= { .name = "evhub" },
};
module_platform_driver(evhub_driver);
MODULE_LICENSE("GPL");
