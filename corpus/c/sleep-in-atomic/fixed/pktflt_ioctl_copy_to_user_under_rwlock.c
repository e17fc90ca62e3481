// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: copy_to_user() (may fault and sleep) while holding the read
 * side of an rwlock_t in an ioctl.
 *
 * Models fixes like "don't copy to user space under rules_lock" in packet
 * classifier / filter offload drivers: the rule table is an rwlock-protected
 * array because the RX interrupt looks rules up, and the GET ioctl copies the
 * table straight from the locked array to the user buffer.  The fix takes a
 * snapshot into a kernel buffer under the lock and copies it out after
 * read_unlock().
 * Fixed twin: the rules are copied to an on-stack snapshot under the
 * lock and copy_to_user() runs after read_unlock().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/io.h>
#include <linux/fs.h>

#define PKTFLT_RX_ETYPE		0x00
#define PKTFLT_RX_QUEUE		0x04
#define PKTFLT_MAX_RULES	16

struct pktflt_rule {
	__u16 ethertype;
	__u8 queue;
	__u8 flags;
	__u32 mark;
};

struct pktflt_table {
	__u32 count;
	struct pktflt_rule rules[PKTFLT_MAX_RULES];
};

#define PKTFLT_IOC_MAGIC	'f'
#define PKTFLT_IOC_GET		_IOR(PKTFLT_IOC_MAGIC, 1, struct pktflt_table)
#define PKTFLT_IOC_ADD		_IOW(PKTFLT_IOC_MAGIC, 2, struct pktflt_rule)

struct pktflt {
	void __iomem *base;
	rwlock_t lock;			/* rules[] and nr_rules; read in hard IRQ */
	struct pktflt_rule rules[PKTFLT_MAX_RULES];
	unsigned int nr_rules;
	struct miscdevice misc;
};

static irqreturn_t pktflt_rx_irq(int irq, void *data)
{
	struct pktflt *fl = data;
	u16 etype = readl(fl->base + PKTFLT_RX_ETYPE);
	unsigned int i;

	read_lock(&fl->lock);
	for (i = 0; i < fl->nr_rules; i++) {
		if (fl->rules[i].ethertype == etype) {
			writel(fl->rules[i].queue, fl->base + PKTFLT_RX_QUEUE);
			break;
		}
	}
	read_unlock(&fl->lock);
	return IRQ_HANDLED;
}

static long pktflt_get(struct pktflt *fl, struct pktflt_table __user *utbl)
{
	struct pktflt_rule snap[PKTFLT_MAX_RULES];
	unsigned int n;

	read_lock(&fl->lock);
	n = fl->nr_rules;
	memcpy(snap, fl->rules, n * sizeof(fl->rules[0]));
	read_unlock(&fl->lock);

	if (copy_to_user(utbl->rules, snap, n * sizeof(snap[0])))
		return -EFAULT;

	return put_user(n, &utbl->count);
}

static long pktflt_add(struct pktflt *fl, const struct pktflt_rule __user *urule)
{
	struct pktflt_rule rule;
	unsigned long flags;
	long ret = 0;

	if (copy_from_user(&rule, urule, sizeof(rule)))
		return -EFAULT;

	write_lock_irqsave(&fl->lock, flags);
	if (fl->nr_rules < PKTFLT_MAX_RULES)
		fl->rules[fl->nr_rules++] = rule;
	else
		ret = -ENOSPC;
	write_unlock_irqrestore(&fl->lock, flags);
	return ret;
}

static long pktflt_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pktflt *fl = container_of(file->private_data, struct pktflt, misc);
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case PKTFLT_IOC_GET:
		return pktflt_get(fl, argp);
	case PKTFLT_IOC_ADD:
		return pktflt_add(fl, argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations pktflt_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= pktflt_ioctl,
};

static int pktflt_probe(struct platform_device *pdev)
{
	struct pktflt *fl;
	int irq, ret;

	fl = devm_kzalloc(&pdev->dev, sizeof(*fl), GFP_KERNEL);
	if (!fl)
		return -ENOMEM;
	rwlock_init(&fl->lock);

	fl->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fl->base))
		return PTR_ERR(fl->base);
	irq = platform_get_irq(pdev, 0);
	if (irq < 0)
		return irq;
	ret = devm_request_irq(&pdev->dev, irq, pktflt_rx_irq, 0, "pktflt", fl);
	if (ret)
		return ret;

	fl->misc.minor = MISC_DYNAMIC_MINOR;
	fl->misc.name = "pktflt";
	fl->misc.fops = &pktflt_fops;
	fl->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, fl);
	return misc_register(&fl->misc);
}

static int pktflt_remove(struct platform_device *pdev)
{
	struct pktflt *fl = platform_get_drvdata(pdev);

	misc_deregister(&fl->misc);
	return 0;
}

static const struct of_device_id pktflt_of_match[] = {
	{ .compatible = "example,pkt-filter" },
	{ }
};
MODULE_DEVICE_TABLE(of, pktflt_of_match);

static struct platform_driver pktflt_driver = {
	.probe	= pktflt_probe,
	.remove	= pktflt_remove,
	.driver	= {
		.name		= "pktflt",
		.of_match_table	= pktflt_of_match,
	},
};
module_platform_driver(pktflt_driver);
MODULE_LICENSE("GPL");
