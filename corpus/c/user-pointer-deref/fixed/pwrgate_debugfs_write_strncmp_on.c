// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a debugfs write handler (sysfs-like "on"/"off" knob)
 * compares its `const char __user *ubuf` with strncmp(ubuf, "on", 2),
 * reading user memory as kernel memory.
 *
 * Models fixes like "copy the debugfs input before comparing it" in
 * power-domain / power-gate controller drivers with a debugfs override
 * to force a domain on: the keyword was matched in place in the user
 * buffer.  The fix copies a few bytes into a zeroed stack buffer with
 * copy_from_user() and matches the keyword on that copy.
 *
 * Fixed twin: up to 7 bytes are copied with copy_from_user() into a zeroed
 * stack buffer and the keywords are matched on that copy.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/debugfs.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/fs.h>

#define PG_CTRL			0x00
#define PG_CTRL_FORCE_ON	BIT(8)

struct pwrgate {
	void __iomem *base;
	struct mutex lock;	/* read-modify-write of PG_CTRL */
	struct dentry *dbg;
};

static ssize_t pwrgate_force_write(struct file *file, const char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct pwrgate *pg = file->private_data;
	char kbuf[8] = {};
	bool on;
	u32 val;

	if (copy_from_user(kbuf, ubuf, min_t(size_t, count, sizeof(kbuf) - 1)))
		return -EFAULT;

	if (!strncmp(kbuf, "on", 2))
		on = true;
	else if (!strncmp(kbuf, "off", 3))
		on = false;
	else
		return -EINVAL;

	mutex_lock(&pg->lock);
	val = readl(pg->base + PG_CTRL);
	if (on)
		val |= PG_CTRL_FORCE_ON;
	else
		val &= ~PG_CTRL_FORCE_ON;
	writel(val, pg->base + PG_CTRL);
	mutex_unlock(&pg->lock);
	return count;
}

static const struct file_operations pwrgate_force_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.write	= pwrgate_force_write,
	.llseek	= noop_llseek,
};

static int pwrgate_probe(struct platform_device *pdev)
{
	struct pwrgate *pg;

	pg = devm_kzalloc(&pdev->dev, sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return -ENOMEM;
	mutex_init(&pg->lock);

	pg->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(pg->base))
		return PTR_ERR(pg->base);

	pg->dbg = debugfs_create_dir(dev_name(&pdev->dev), NULL);
	debugfs_create_file("force_on", 0200, pg->dbg, pg, &pwrgate_force_fops);
	platform_set_drvdata(pdev, pg);
	return 0;
}

static int pwrgate_remove(struct platform_device *pdev)
{
	struct pwrgate *pg = platform_get_drvdata(pdev);

	debugfs_remove_recursive(pg->dbg);
	return 0;
}

static const struct of_device_id pwrgate_of_match[] = {
	{ .compatible = "example,power-gate" },
	{ }
};
MODULE_DEVICE_TABLE(of, pwrgate_of_match);

static struct platform_driver pwrgate_driver = {
	.probe	= pwrgate_probe,
	.remove	= pwrgate_remove,
	.driver	= {
		.name		= "power-gate",
		.of_match_table	= pwrgate_of_match,
	},
};
module_platform_driver(pwrgate_driver);
MODULE_LICENSE("GPL");
