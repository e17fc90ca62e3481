// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: mutex_lock() in a timer callback registered with
 * timer_setup().
 *
 * Models fixes like "convert hist_lock from mutex to spinlock" in sampling
 * drivers (pulse counters, tachometers) that read a hardware counter from a
 * periodic kernel timer and publish a rate history to user space.  Timer
 * callbacks run in softirq context; a mutex may sleep there ("BUG: sleeping
 * function called from invalid context").  The critical sections are only a
 * few loads and stores, so the fix turns the mutex into a spinlock, taken
 * with spin_lock_bh() on the process-context side.
 * Fixed twin: hist_lock is a spinlock (spin_lock() in the timer, spin_lock_bh() in read).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/uaccess.h>

#define PCNT_COUNT	0x10
#define PCNT_HIST_LEN	16
#define PCNT_PERIOD_MS	100

struct pcnt {
	void __iomem *base;
	spinlock_t lock;		/* protects hist, head, last */
	u32 hist[PCNT_HIST_LEN];
	unsigned int head;
	u32 last;
	struct timer_list timer;
	struct miscdevice misc;
};

static void pcnt_sample(struct timer_list *t)
{
	struct pcnt *pc = from_timer(pc, t, timer);
	u32 now = readl(pc->base + PCNT_COUNT);

	spin_lock(&pc->lock);
	pc->hist[pc->head] = now - pc->last;
	pc->head = (pc->head + 1) % PCNT_HIST_LEN;
	pc->last = now;
	spin_unlock(&pc->lock);

	mod_timer(&pc->timer, jiffies + msecs_to_jiffies(PCNT_PERIOD_MS));
}

static ssize_t pcnt_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct pcnt *pc = container_of(file->private_data, struct pcnt, misc);
	u32 snap[PCNT_HIST_LEN];
	unsigned int i, head;

	if (count < sizeof(snap))
		return -EINVAL;

	spin_lock_bh(&pc->lock);
	head = pc->head;
	for (i = 0; i < PCNT_HIST_LEN; i++)
		snap[i] = pc->hist[(head + i) % PCNT_HIST_LEN];
	spin_unlock_bh(&pc->lock);

	if (copy_to_user(buf, snap, sizeof(snap)))
		return -EFAULT;
	return sizeof(snap);
}

static const struct file_operations pcnt_fops = {
	.owner	= THIS_MODULE,
	.read	= pcnt_read,
	.llseek	= noop_llseek,
};

static int pcnt_probe(struct platform_device *pdev)
{
	struct pcnt *pc;
	int ret;

	pc = devm_kzalloc(&pdev->dev, sizeof(*pc), GFP_KERNEL);
	if (!pc)
		return -ENOMEM;
	pc->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pc->base))
		return PTR_ERR(pc->base);
	spin_lock_init(&pc->lock);
	pc->last = readl(pc->base + PCNT_COUNT);

	pc->misc.minor = MISC_DYNAMIC_MINOR;
	pc->misc.name = "pcnt";
	pc->misc.fops = &pcnt_fops;
	pc->misc.parent = &pdev->dev;
	ret = misc_register(&pc->misc);
	if (ret)
		return ret;

	platform_set_drvdata(pdev, pc);
	timer_setup(&pc->timer, pcnt_sample, 0);
	mod_timer(&pc->timer, jiffies + msecs_to_jiffies(PCNT_PERIOD_MS));
	return 0;
}

static int pcnt_remove(struct platform_device *pdev)
{
	struct pcnt *pc = platform_get_drvdata(pdev);

	del_timer_sync(&pc->timer);
	misc_deregister(&pc->misc);
	return 0;
}

static struct platform_driver pcnt_driver = {
	.probe	= pcnt_probe,
	.remove	= pcnt_remove,
	.driver	= { .name = "pulse-counter" },
};
module_platform_driver(pcnt_driver);
MODULE_LICENSE("GPL");
