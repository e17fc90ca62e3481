// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: IS_ERR() applied to a kzalloc() result.  kzalloc() returns
 * NULL on failure, never an ERR_PTR, so IS_ERR() is always false and the
 * NULL context is used.
 *
 * Models the "kzalloc() returns NULL, not ERR_PTR: fix the error check"
 * fixes in character-device open() handlers that allocate a per-file reader
 * context: the IS_ERR()/PTR_ERR() pair is replaced with a NULL test
 * returning -ENOMEM.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/of.h>
#include <linux/uaccess.h>

#define EVLOG_STATUS	0x00
#define EVLOG_CODE	0x04

struct evlog {
	void __iomem *base;
	spinlock_t lock;	/* protects seq and last_code, taken in the IRQ */
	u32 seq;
	u32 last_code;
	struct miscdevice misc;
};

struct evlog_reader {
	struct evlog *ev;
	u32 seen_seq;
};

static irqreturn_t evlog_irq(int irq, void *dev_id)
{
	struct evlog *ev = dev_id;

	if (!readl(ev->base + EVLOG_STATUS))
		return IRQ_NONE;
	spin_lock(&ev->lock);
	ev->last_code = readl(ev->base + EVLOG_CODE);
	ev->seq++;
	spin_unlock(&ev->lock);
	writel(1, ev->base + EVLOG_STATUS);
	return IRQ_HANDLED;
}

static int evlog_open(struct inode *inode, struct file *file)
{
	struct evlog *ev = container_of(file->private_data, struct evlog, misc);
	struct evlog_reader *rd;

	rd = kzalloc(sizeof(*rd), GFP_KERNEL);
	if (IS_ERR(rd)) /* expect: null-return */
		return PTR_ERR(rd);
	rd->ev = ev;
	spin_lock_irq(&ev->lock);
	rd->seen_seq = ev->seq;
	spin_unlock_irq(&ev->lock);
	file->private_data = rd;
	return nonseekable_open(inode, file);
}

static int evlog_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t evlog_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct evlog_reader *rd = file->private_data;
	struct evlog *ev = rd->ev;
	u32 rec[2];

	if (count < sizeof(rec))
		return -EINVAL;
	spin_lock_irq(&ev->lock);
	rec[0] = ev->seq;
	rec[1] = ev->last_code;
	spin_unlock_irq(&ev->lock);
	if (rec[0] == rd->seen_seq)
		return -EAGAIN;
	rd->seen_seq = rec[0];
	if (copy_to_user(buf, rec, sizeof(rec)))
		return -EFAULT;
	return sizeof(rec);
}

static const struct file_operations evlog_fops = {
	.owner		= THIS_MODULE,
	.open		= evlog_open,
	.release	= evlog_release,
	.read		= evlog_read,
	.llseek		= no_llseek,
};

static int evlog_probe(struct platform_device *pdev)
{
	struct evlog *ev;
	int irq, ret;

	ev = devm_kzalloc(&pdev->dev, sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return -ENOMEM;
	spin_lock_init(&ev->lock);

	ev->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ev->base))
		return PTR_ERR(ev->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, evlog_irq, 0, "exmp-evlog", ev);
	if (ret)
		return ret;

	ev->misc.minor = MISC_DYNAMIC_MINOR;
	ev->misc.name = "exmp-evlog";
	ev->misc.fops = &evlog_fops;
	ev->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, ev);
	return misc_register(&ev->misc);
}

static int evlog_remove(struct platform_device *pdev)
{
	struct evlog *ev = platform_get_drvdata(pdev);

	misc_deregister(&ev->misc);
	return 0;
}

static const struct of_device_id evlog_of_match[] = {
	{ .compatible = "example,event-log" },
	{ }
};
MODULE_DEVICE_TABLE(of, evlog_of_match);

static struct platform_driver evlog_driver = {
	.probe	= evlog_probe,
	.remove	= evlog_remove,
	.driver	= {
		.name		= "exmp-evlog",
		.of_match_table	= evlog_of_match,
	},
};
module_platform_driver(evlog_driver);
MODULE_LICENSE("GPL");
