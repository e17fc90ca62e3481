// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kmalloc(GFP_KERNEL) of a list element inside an
 * rcu_read_lock() section (workqueue function): a sleeping allocation in an
 * RCU read-side critical section.
 *
 * Models fixes like "use GFP_ATOMIC when queueing events under RCU" in
 * sensor hub / event fan-out drivers: the sample work walks the RCU-protected
 * list of open clients and allocates one event node per client while still
 * inside rcu_read_lock().  The work function itself may sleep, the RCU
 * section may not.  The fix allocates with GFP_ATOMIC (a client that misses
 * a sample on allocation failure simply drops it).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/rculist.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/fs.h>
#include <linux/io.h>

#define SHUB_IRQ_STATUS		0x00
#define SHUB_SAMPLE		0x04
#define SHUB_MAX_QUEUED		64

struct shub_sample {
	__s64 ts;
	__s32 value;
	__u32 pad;
};

struct shub_event {
	struct list_head node;
	u64 ts;
	s32 value;
};

struct shub;

struct shub_client {
	struct list_head node;		/* on shub.clients, RCU */
	struct shub *hub;
	spinlock_t lock;		/* events, nevents */
	struct list_head events;
	unsigned int nevents;
	wait_queue_head_t wait;
};

struct shub {
	void __iomem *base;
	spinlock_t clients_lock;	/* writers of clients */
	struct list_head clients;
	struct work_struct sample_work;
	struct miscdevice misc;
};

static void shub_sample_work(struct work_struct *work)
{
	struct shub *hub = container_of(work, struct shub, sample_work);
	s32 value = readl(hub->base + SHUB_SAMPLE);
	u64 ts = ktime_get_ns();
	struct shub_client *c;
	struct shub_event *ev;

	rcu_read_lock();
	list_for_each_entry_rcu(c, &hub->clients, node) {
		ev = kmalloc(sizeof(*ev), GFP_KERNEL); /* expect: sleep-in-atomic */
		if (!ev)
			continue;
		ev->ts = ts;
		ev->value = value;
		spin_lock(&c->lock);
		if (c->nevents < SHUB_MAX_QUEUED) {
			list_add_tail(&ev->node, &c->events);
			c->nevents++;
			ev = NULL;
		}
		spin_unlock(&c->lock);
		kfree(ev);
		wake_up_interruptible(&c->wait);
	}
	rcu_read_unlock();
}

static irqreturn_t shub_irq(int irq, void *data)
{
	struct shub *hub = data;
	u32 status = readl(hub->base + SHUB_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	writel(status, hub->base + SHUB_IRQ_STATUS);
	schedule_work(&hub->sample_work);
	return IRQ_HANDLED;
}

static int shub_open(struct inode *inode, struct file *file)
{
	struct shub *hub = container_of(file->private_data, struct shub, misc);
	struct shub_client *c;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->hub = hub;
	spin_lock_init(&c->lock);
	INIT_LIST_HEAD(&c->events);
	init_waitqueue_head(&c->wait);

	spin_lock(&hub->clients_lock);
	list_add_tail_rcu(&c->node, &hub->clients);
	spin_unlock(&hub->clients_lock);
	file->private_data = c;
	return 0;
}

static ssize_t shub_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct shub_client *c = file->private_data;
	struct shub_sample out = { };
	struct shub_event *ev;
	int ret;

	if (count < sizeof(out))
		return -EINVAL;
	ret = wait_event_interruptible(c->wait, !list_empty(&c->events));
	if (ret)
		return ret;

	spin_lock(&c->lock);
	ev = list_first_entry_or_null(&c->events, struct shub_event, node);
	if (ev) {
		list_del(&ev->node);
		c->nevents--;
	}
	spin_unlock(&c->lock);
	if (!ev)
		return -EAGAIN;

	out.ts = ev->ts;
	out.value = ev->value;
	kfree(ev);
	if (copy_to_user(buf, &out, sizeof(out)))
		return -EFAULT;
	return sizeof(out);
}

static int shub_release(struct inode *inode, struct file *file)
{
	struct shub_client *c = file->private_data;
	struct shub *hub = c->hub;
	struct shub_event *ev, *tmp;

	spin_lock(&hub->clients_lock);
	list_del_rcu(&c->node);
	spin_unlock(&hub->clients_lock);
	synchronize_rcu();

	list_for_each_entry_safe(ev, tmp, &c->events, node)
		kfree(ev);
	kfree(c);
	return 0;
}

static const struct file_operations shub_fops = {
	.owner		= THIS_MODULE,
	.open		= shub_open,
	.read		= shub_read,
	.release	= shub_release,
};

static int shub_probe(struct platform_device *pdev)
{
	struct shub *hub;
	int irq, ret;

	hub = devm_kzalloc(&pdev->dev, sizeof(*hub), GFP_KERNEL);
	if (!hub)
		return -ENOMEM;
	spin_lock_init(&hub->clients_lock);
	INIT_LIST_HEAD(&hub->clients);
	INIT_WORK(&hub->sample_work, shub_sample_work);

	hub->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hub->base))
		return PTR_ERR(hub->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, shub_irq, 0, "sensorhub", hub);
	if (ret)
		return ret;

	hub->misc.minor = MISC_DYNAMIC_MINOR;
	hub->misc.name = "sensorhub";
	hub->misc.fops = &shub_fops;
	hub->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, hub);
	return misc_register(&hub->misc);
}

static int shub_remove(struct platform_device *pdev)
{
	struct shub *hub = platform_get_drvdata(pdev);

	misc_deregister(&hub->misc);
	disable_irq(platform_get_irq(pdev, 0));	/* the devm IRQ would queue the work again */
	cancel_work_sync(&hub->sample_work);
	return 0;
}

static const struct of_device_id shub_of_match[] = {
	{ .compatible = "example,sensor-hub" },
	{ }
};
MODULE_DEVICE_TABLE(of, shub_of_match);

static struct platform_driver shub_driver = {
	.probe	= shub_probe,
	.remove	= shub_remove,
	.driver	= {
		.name		= "sensorhub",
		.of_match_table	= shub_of_match,
	},
};
module_platform_driver(shub_driver);
MODULE_LICENSE("GPL");
