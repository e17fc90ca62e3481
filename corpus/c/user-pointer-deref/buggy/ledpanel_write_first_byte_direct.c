// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a write() handler inspects the first byte of the user buffer
 * with buf[0], dereferencing the `const char __user *buf` parameter.
 *
 * Models fixes like "use get_user() to fetch the command byte" in simple
 * front-panel LED drivers whose device node accepts single-character
 * commands ('0' off, '1' on, 'b' blink): the handler switched on buf[0]
 * as if the buffer were in kernel memory.  The fix fetches the byte with
 * get_user() into a local and switches on that.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/fs.h>

#define LEDP_CTRL		0x00
#define LEDP_CTRL_ON		BIT(0)
#define LEDP_CTRL_BLINK		BIT(1)

struct ledpanel {
	void __iomem *base;
	struct mutex lock;	/* protects ctrl */
	u32 ctrl;
	struct miscdevice misc;
};

static ssize_t ledpanel_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	struct ledpanel *lp = container_of(file->private_data, struct ledpanel, misc);
	u32 ctrl;

	if (!count)
		return 0;

	switch (buf[0]) { /* expect: user-pointer-deref */
	case '0':
		ctrl = 0;
		break;
	case '1':
		ctrl = LEDP_CTRL_ON;
		break;
	case 'b':
		ctrl = LEDP_CTRL_ON | LEDP_CTRL_BLINK;
		break;
	default:
		return -EINVAL;
	}

	mutex_lock(&lp->lock);
	lp->ctrl = ctrl;
	writel(ctrl, lp->base + LEDP_CTRL);
	mutex_unlock(&lp->lock);
	return count;
}

static const struct file_operations ledpanel_fops = {
	.owner	= THIS_MODULE,
	.write	= ledpanel_write,
	.llseek	= noop_llseek,
};

static int ledpanel_probe(struct platform_device *pdev)
{
	struct ledpanel *lp;

	lp = devm_kzalloc(&pdev->dev, sizeof(*lp), GFP_KERNEL);
	if (!lp)
		return -ENOMEM;
	mutex_init(&lp->lock);

	lp->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(lp->base))
		return PTR_ERR(lp->base);
	writel(0, lp->base + LEDP_CTRL);

	lp->misc.minor = MISC_DYNAMIC_MINOR;
	lp->misc.name = "ledpanel";
	lp->misc.fops = &ledpanel_fops;
	lp->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, lp);
	return misc_register(&lp->misc);
}

static int ledpanel_remove(struct platform_device *pdev)
{
	struct ledpanel *lp = platform_get_drvdata(pdev);

	misc_deregister(&lp->misc);
	writel(0, lp->base + LEDP_CTRL);
	return 0;
}

static const struct of_device_id ledpanel_of_match[] = {
	{ .compatible = "example,front-panel-led" },
	{ }
};
MODULE_DEVICE_TABLE(of, ledpanel_of_match);

static struct platform_driver ledpanel_driver = {
	.probe	= ledpanel_probe,
	.remove	= ledpanel_remove,
	.driver	= {
		.name		= "front-panel-led",
		.of_match_table	= ledpanel_of_match,
	},
};
module_platform_driver(ledpanel_driver);
MODULE_LICENSE("GPL");
