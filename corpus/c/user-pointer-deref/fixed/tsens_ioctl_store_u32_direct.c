// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: an ioctl returns a value by storing through the cast ioctl
 * argument, `*(u32 __user *)arg = val;`, i.e. a plain store to a user
 * address.
 *
 * Models fixes like "use put_user() to return the reading" in on-die
 * temperature sensor drivers with a small character-device interface:
 * the GET_TEMP and GET_TRIP ioctls wrote the result with a direct store
 * through the user pointer.  The fix returns the values with put_user(),
 * which also reports -EFAULT for a bad address.
 *
 * Fixed twin: both readings are returned with put_user(), which takes the
 * user pointer and checks it.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/bits.h>
#include <linux/io.h>
#include <linux/fs.h>

#define TSENS_DATA		0x00
#define TSENS_DATA_VALID	BIT(31)
#define TSENS_DATA_CODE		GENMASK(11, 0)
#define TSENS_TRIP		0x04

#define TSENS_IOC_MAGIC		't'
#define TSENS_IOC_GET_TEMP	_IOR(TSENS_IOC_MAGIC, 1, __u32)
#define TSENS_IOC_GET_TRIP	_IOR(TSENS_IOC_MAGIC, 2, __u32)

struct tsens {
	void __iomem *base;
	struct device *dev;
	struct miscdevice misc;
};

/* millidegrees Celsius from the 12-bit ADC code: 0 -> -40 C, 1 LSB = 0.1 C */
static u32 tsens_code_to_mc(u32 code)
{
	return code * 100 - 40000;
}

static long tsens_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tsens *ts = container_of(file->private_data, struct tsens, misc);
	u32 raw;

	switch (cmd) {
	case TSENS_IOC_GET_TEMP:
		raw = readl(ts->base + TSENS_DATA);
		if (!(raw & TSENS_DATA_VALID))
			return -EAGAIN;
		return put_user(tsens_code_to_mc(raw & TSENS_DATA_CODE), (u32 __user *)arg);
	case TSENS_IOC_GET_TRIP:
		raw = readl(ts->base + TSENS_TRIP);
		return put_user(tsens_code_to_mc(raw & TSENS_DATA_CODE), (u32 __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tsens_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= tsens_ioctl,
	.llseek		= noop_llseek,
};

static int tsens_probe(struct platform_device *pdev)
{
	struct tsens *ts;

	ts = devm_kzalloc(&pdev->dev, sizeof(*ts), GFP_KERNEL);
	if (!ts)
		return -ENOMEM;
	ts->dev = &pdev->dev;

	ts->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ts->base))
		return PTR_ERR(ts->base);

	ts->misc.minor = MISC_DYNAMIC_MINOR;
	ts->misc.name = "tsens";
	ts->misc.fops = &tsens_fops;
	ts->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, ts);
	return misc_register(&ts->misc);
}

static int tsens_remove(struct platform_device *pdev)
{
	struct tsens *ts = platform_get_drvdata(pdev);

	misc_deregister(&ts->misc);
	return 0;
}

static const struct of_device_id tsens_of_match[] = {
	{ .compatible = "example,ondie-tsens" },
	{ }
};
MODULE_DEVICE_TABLE(of, tsens_of_match);

static struct platform_driver tsens_driver = {
	.probe	= tsens_probe,
	.remove	= tsens_remove,
	.driver	= {
		.name		= "ondie-tsens",
		.of_match_table	= tsens_of_match,
	},
};
module_platform_driver(tsens_driver);
MODULE_LICENSE("GPL");
