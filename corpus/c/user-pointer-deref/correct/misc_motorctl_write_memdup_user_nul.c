// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: a text command interface whose write() takes the user buffer
 * with memdup_user_nul() and then parses ONLY the kernel copy:
 * strim(), strsep() tokenising, sysfs_streq(), strncmp(), kstrtoint() and
 * strlen() all run on `kbuf` (or on token pointers into it), and kbuf is
 * freed on every exit.
 *
 * A naive checker that taints by data flow without distinguishing the
 * copy helpers propagates the taint of `ubuf` through
 * `kbuf = memdup_user_nul(ubuf, count)` and reports every string call on
 * the line below it.  memdup_user_nul() returns a fresh kernel buffer (or
 * an ERR_PTR, tested with IS_ERR()), so nothing here reads user memory
 * directly.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/io.h>

#define MCTL_SPEED	0x00
#define MCTL_DIR	0x04
#define MCTL_ENABLE	0x08
#define MCTL_MAX_SPEED	4095
#define MCTL_MAX_CMD	64

struct mctl {
	void __iomem *base;
	struct mutex lock;	/* speed/dir/enable registers */
	int speed;
	bool reverse;
	struct miscdevice misc;
};

static int mctl_apply(struct mctl *mc, const char *verb, const char *val)
{
	int speed, ret = 0;

	mutex_lock(&mc->lock);
	if (sysfs_streq(verb, "stop")) {
		writel(0, mc->base + MCTL_ENABLE);
	} else if (!strncmp(verb, "speed", 5) && val) {
		ret = kstrtoint(val, 0, &speed);
		if (!ret && (speed < 0 || speed > MCTL_MAX_SPEED))
			ret = -ERANGE;
		if (!ret) {
			mc->speed = speed;
			writel(speed, mc->base + MCTL_SPEED);
			writel(1, mc->base + MCTL_ENABLE);
		}
	} else if (sysfs_streq(verb, "dir") && val) {
		mc->reverse = sysfs_streq(val, "rev");
		writel(mc->reverse, mc->base + MCTL_DIR);
	} else {
		ret = -EINVAL;
	}
	mutex_unlock(&mc->lock);
	return ret;
}

static ssize_t mctl_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct mctl *mc = container_of(file->private_data, struct mctl, misc);
	char *kbuf, *cur, *verb, *val;
	int ret;

	if (count > MCTL_MAX_CMD)
		return -EINVAL;
	kbuf = memdup_user_nul(ubuf, count);
	if (IS_ERR(kbuf))
		return PTR_ERR(kbuf);

	cur = strim(kbuf);
	if (!strlen(cur)) {
		ret = -EINVAL;
		goto out;
	}
	verb = strsep(&cur, " ");
	val = cur ? skip_spaces(cur) : NULL;
	ret = mctl_apply(mc, verb, val);
out:
	kfree(kbuf);
	return ret ? ret : count;
}

static const struct file_operations mctl_fops = {
	.owner	= THIS_MODULE,
	.write	= mctl_write,
	.llseek	= noop_llseek,
};

static int mctl_probe(struct platform_device *pdev)
{
	struct mctl *mc;

	mc = devm_kzalloc(&pdev->dev, sizeof(*mc), GFP_KERNEL);
	if (!mc)
		return -ENOMEM;
	mutex_init(&mc->lock);
	mc->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mc->base))
		return PTR_ERR(mc->base);

	mc->misc.minor = MISC_DYNAMIC_MINOR;
	mc->misc.name = "motorctl";
	mc->misc.fops = &mctl_fops;
	mc->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, mc);
	return misc_register(&mc->misc);
}

static int mctl_remove(struct platform_device *pdev)
{
	struct mctl *mc = platform_get_drvdata(pdev);

	misc_deregister(&mc->misc);
	writel(0, mc->base + MCTL_ENABLE);
	return 0;
}

static const struct of_device_id mctl_of_match[] = {
	{ .compatible = "example,motor-ctl" },
	{ }
};
MODULE_DEVICE_TABLE(of, mctl_of_match);

static struct platform_driver mctl_driver = {
	.probe	= mctl_probe,
	.remove	= mctl_remove,
	.driver	= {
		.name		= "motor-ctl",
		.of_match_table	= mctl_of_match,
	},
};
module_platform_driver(mctl_driver);
MODULE_LICENSE("GPL");
