// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: the value is returned correctly with put_user(), but the
 * error message on the failure path prints *uptr, a plain dereference of
 * the very user pointer that has just faulted.
 *
 * Models fixes like "don't dereference the user pointer in the debug
 * message" in fan-controller drivers with a GET_RPM / GET_DUTY ioctl:
 * the diagnostic meant to show what user space had passed read the user
 * buffer directly.  The fix prints only kernel values.
 *
 * Fixed twin: the debug message prints only the command and the kernel
 * value; the user buffer is not read.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/device.h>
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/fs.h>

#define FANC_TACH		0x00	/* pulses per second, 2 per revolution */
#define FANC_DUTY		0x04
#define FANC_DUTY_MASK		GENMASK(7, 0)

#define FANC_IOC_MAGIC		'f'
#define FANC_IOC_GET_RPM	_IOR(FANC_IOC_MAGIC, 1, __u32)
#define FANC_IOC_GET_DUTY	_IOR(FANC_IOC_MAGIC, 2, __u32)

struct fanctl {
	void __iomem *base;
	struct device *dev;
	struct miscdevice misc;
};

static long fanctl_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct fanctl *fc = container_of(file->private_data, struct fanctl, misc);
	u32 __user *uptr = (u32 __user *)arg;
	u32 val;

	switch (cmd) {
	case FANC_IOC_GET_RPM:
		val = readl(fc->base + FANC_TACH) * 30;
		break;
	case FANC_IOC_GET_DUTY:
		val = readl(fc->base + FANC_DUTY) & FANC_DUTY_MASK;
		break;
	default:
		return -ENOTTY;
	}

	if (put_user(val, uptr)) {
		dev_dbg(fc->dev, "ioctl %#x: cannot return %u\n", cmd, val);
		return -EFAULT;
	}
	return 0;
}

static const struct file_operations fanctl_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= fanctl_ioctl,
	.llseek		= noop_llseek,
};

static int fanctl_probe(struct platform_device *pdev)
{
	struct fanctl *fc;

	fc = devm_kzalloc(&pdev->dev, sizeof(*fc), GFP_KERNEL);
	if (!fc)
		return -ENOMEM;
	fc->dev = &pdev->dev;

	fc->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fc->base))
		return PTR_ERR(fc->base);

	fc->misc.minor = MISC_DYNAMIC_MINOR;
	fc->misc.name = "fanctl";
	fc->misc.fops = &fanctl_fops;
	fc->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, fc);
	return misc_register(&fc->misc);
}

static int fanctl_remove(struct platform_device *pdev)
{
	struct fanctl *fc = platform_get_drvdata(pdev);

	misc_deregister(&fc->misc);
	return 0;
}

static const struct of_device_id fanctl_of_match[] = {
	{ .compatible = "example,fan-controller" },
	{ }
};
MODULE_DEVICE_TABLE(of, fanctl_of_match);

static struct platform_driver fanctl_driver = {
	.probe	= fanctl_probe,
	.remove	= fanctl_remove,
	.driver	= {
		.name		= "fan-controller",
		.of_match_table	= fanctl_of_match,
	},
};
module_platform_driver(fanctl_driver);
MODULE_LICENSE("GPL");
