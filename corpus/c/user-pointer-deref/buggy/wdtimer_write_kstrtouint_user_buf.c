// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a write() handler passes its `const char __user *buf`
 * straight to kstrtouint(), which parses the string by reading kernel
 * memory.
 *
 * Models fixes like "copy the user string before parsing it" in simple
 * hardware watchdog drivers that accept the timeout in seconds as text on
 * a device node: the handler bounded count but then called kstrtouint()
 * on the user pointer.  The fix copies the text into a NUL-terminated
 * stack buffer with copy_from_user() and parses the kernel copy.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/kernel.h>
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/fs.h>

#define WDT_LOAD		0x00
#define WDT_CTRL		0x04
#define WDT_CTRL_EN		BIT(0)
#define WDT_KICK		0x08
#define WDT_KICK_MAGIC		0x5a5a

#define WDT_CLK_HZ		32768
#define WDT_MAX_TIMEOUT		120
#define WDT_TEXT_MAX		16

struct wdtimer {
	void __iomem *base;
	spinlock_t lock;	/* LOAD/KICK sequence */
	unsigned int timeout;
	struct miscdevice misc;
};

static ssize_t wdtimer_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *ppos)
{
	struct wdtimer *wd = container_of(file->private_data, struct wdtimer, misc);
	unsigned int secs;
	int ret;

	if (!count || count >= WDT_TEXT_MAX)
		return -EINVAL;

	ret = kstrtouint(buf, 0, &secs); /* expect: user-pointer-deref */
	if (ret)
		return ret;
	if (!secs || secs > WDT_MAX_TIMEOUT)
		return -EINVAL;

	spin_lock(&wd->lock);
	wd->timeout = secs;
	writel(secs * WDT_CLK_HZ, wd->base + WDT_LOAD);
	writel(WDT_KICK_MAGIC, wd->base + WDT_KICK);
	spin_unlock(&wd->lock);
	return count;
}

static const struct file_operations wdtimer_fops = {
	.owner	= THIS_MODULE,
	.write	= wdtimer_write,
	.llseek	= noop_llseek,
};

static int wdtimer_probe(struct platform_device *pdev)
{
	struct wdtimer *wd;

	wd = devm_kzalloc(&pdev->dev, sizeof(*wd), GFP_KERNEL);
	if (!wd)
		return -ENOMEM;
	spin_lock_init(&wd->lock);

	wd->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(wd->base))
		return PTR_ERR(wd->base);

	wd->timeout = 30;
	writel(wd->timeout * WDT_CLK_HZ, wd->base + WDT_LOAD);
	writel(WDT_CTRL_EN, wd->base + WDT_CTRL);

	wd->misc.minor = MISC_DYNAMIC_MINOR;
	wd->misc.name = "wdtimer";
	wd->misc.fops = &wdtimer_fops;
	wd->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, wd);
	return misc_register(&wd->misc);
}

static int wdtimer_remove(struct platform_device *pdev)
{
	struct wdtimer *wd = platform_get_drvdata(pdev);

	misc_deregister(&wd->misc);
	writel(0, wd->base + WDT_CTRL);
	return 0;
}

static const struct of_device_id wdtimer_of_match[] = {
	{ .compatible = "example,simple-wdt" },
	{ }
};
MODULE_DEVICE_TABLE(of, wdtimer_of_match);

static struct platform_driver wdtimer_driver = {
	.probe	= wdtimer_probe,
	.remove	= wdtimer_remove,
	.driver	= {
		.name		= "simple-wdt",
		.of_match_table	= wdtimer_of_match,
	},
};
module_platform_driver(wdtimer_driver);
MODULE_LICENSE("GPL");
