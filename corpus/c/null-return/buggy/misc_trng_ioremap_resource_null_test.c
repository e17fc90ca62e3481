// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: devm_ioremap_resource() result tested with `if (!base)`.
 * devm_ioremap_resource() never returns NULL: it returns ERR_PTR(-EINVAL),
 * ERR_PTR(-EBUSY) or ERR_PTR(-ENOMEM) on failure, so the test never fires
 * and the error pointer is used as an MMIO base later.
 *
 * Models the many "fix the return value check of devm_ioremap_resource()"
 * fixes: the NULL test (and the -ENOMEM it returns) is replaced with
 * IS_ERR()/PTR_ERR().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/of.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/minmax.h>

#define TRNG_CTRL		0x00
#define TRNG_CTRL_EN		BIT(0)
#define TRNG_STATUS		0x04
#define TRNG_STATUS_READY	BIT(0)
#define TRNG_DATA		0x08
#define TRNG_CHUNK		32	/* words per read() */

struct trng {
	void __iomem *base;
	struct mutex lock;	/* one reader drains the FIFO at a time */
	struct miscdevice misc;
};

static int trng_read_words(struct trng *tr, u32 *out, unsigned int n)
{
	unsigned int i, tries;

	for (i = 0; i < n; i++) {
		for (tries = 0; !(readl(tr->base + TRNG_STATUS) & TRNG_STATUS_READY); tries++) {
			if (tries > 100)
				return i;
			usleep_range(10, 20);
		}
		out[i] = readl(tr->base + TRNG_DATA);
	}
	return n;
}

static ssize_t trng_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct trng *tr = container_of(file->private_data, struct trng, misc);
	u32 words[TRNG_CHUNK];
	size_t len;
	int got;

	mutex_lock(&tr->lock);
	got = trng_read_words(tr, words, TRNG_CHUNK);
	mutex_unlock(&tr->lock);
	if (!got)
		return -EAGAIN;

	len = min_t(size_t, count, got * sizeof(u32));
	if (copy_to_user(buf, words, len))
		return -EFAULT;
	return len;
}

static const struct file_operations trng_fops = {
	.owner	= THIS_MODULE,
	.read	= trng_read,
	.llseek	= noop_llseek,
};

static int trng_probe(struct platform_device *pdev)
{
	struct resource *res;
	void __iomem *base;
	struct trng *tr;

	tr = devm_kzalloc(&pdev->dev, sizeof(*tr), GFP_KERNEL);
	if (!tr)
		return -ENOMEM;
	mutex_init(&tr->lock);

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	base = devm_ioremap_resource(&pdev->dev, res);
	if (!base) /* expect: null-return */
		return -ENOMEM;
	tr->base = base;

	writel(TRNG_CTRL_EN, tr->base + TRNG_CTRL);

	tr->misc.minor = MISC_DYNAMIC_MINOR;
	tr->misc.name = "exmp-trng";
	tr->misc.fops = &trng_fops;
	tr->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, tr);
	return misc_register(&tr->misc);
}

static int trng_remove(struct platform_device *pdev)
{
	struct trng *tr = platform_get_drvdata(pdev);

	misc_deregister(&tr->misc);
	writel(0, tr->base + TRNG_CTRL);
	return 0;
}

static const struct of_device_id trng_of_match[] = {
	{ .compatible = "example,trng" },
	{ }
};
MODULE_DEVICE_TABLE(of, trng_of_match);

static struct platform_driver trng_driver = {
	.probe	= trng_probe,
	.remove	= trng_remove,
	.driver	= {
		.name		= "exmp-trng",
		.of_match_table	= trng_of_match,
	},
};
module_platform_driver(trng_driver);
MODULE_LICENSE("GPL");
