// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: scalar user accesses with get_user() / put_user() on user
 * pointers made from the ioctl argument and from the write() buffer, in
 * the style of the legacy (pre-watchdog-core) /dev/watchdog drivers:
 *   - `int __user *p = (int __user *)arg;` then get_user(t, p) and
 *     put_user(hw->timeout, p);
 *   - `u32 __user *up = argp;` with put_user(lo, up) and
 *     put_user(hi, up + 1) for a two-word counter (pointer arithmetic on
 *     a user pointer, handed to put_user());
 *   - the "magic close" scan in write(): get_user(c, data + i) for each
 *     byte, then the comparison on the kernel char c.
 *
 * A naive checker sees `p`, `up + 1` and `data + i` built from user
 * pointers inside expressions and reports them, or confuses get_user(t, p)
 * (whose first argument is an lvalue written by the macro) with a read
 * through p.  get_user()/put_user() are the checked accessors; no user
 * pointer is dereferenced directly.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/io.h>
#include <linux/spinlock.h>

#define HWDT_LOAD	0x00
#define HWDT_KICK	0x04
#define HWDT_CTRL	0x08
#define HWDT_CNT_LO	0x10
#define HWDT_CNT_HI	0x14
#define HWDT_KICK_KEY	0x5a5a
#define HWDT_MAX_TIMEOUT 300

#define HWDT_IOC_MAGIC		'W'
#define HWDT_IOC_KEEPALIVE	_IOR(HWDT_IOC_MAGIC, 5, int)
#define HWDT_IOC_SETTIMEOUT	_IOWR(HWDT_IOC_MAGIC, 6, int)
#define HWDT_IOC_GETTIMEOUT	_IOR(HWDT_IOC_MAGIC, 7, int)
#define HWDT_IOC_GETUPTIME	_IOR(HWDT_IOC_MAGIC, 0x20, __u64)

struct hwdt {
	void __iomem *base;
	spinlock_t lock;	/* register sequence */
	int timeout;
	bool expect_close;
	struct miscdevice misc;
};

static void hwdt_ping(struct hwdt *hw)
{
	spin_lock(&hw->lock);
	writel(hw->timeout, hw->base + HWDT_LOAD);
	writel(HWDT_KICK_KEY, hw->base + HWDT_KICK);
	spin_unlock(&hw->lock);
}

static ssize_t hwdt_write(struct file *file, const char __user *data, size_t len, loff_t *ppos)
{
	struct hwdt *hw = container_of(file->private_data, struct hwdt, misc);
	size_t i;
	char c;

	if (!len)
		return 0;
	hw->expect_close = false;
	for (i = 0; i != len; i++) {
		if (get_user(c, data + i))
			return -EFAULT;
		if (c == 'V')
			hw->expect_close = true;
	}
	hwdt_ping(hw);
	return len;
}

static long hwdt_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct hwdt *hw = container_of(file->private_data, struct hwdt, misc);
	void __user *argp = (void __user *)arg;
	int __user *p = (int __user *)arg;
	u32 __user *up = argp;
	u32 lo, hi;
	int t;

	switch (cmd) {
	case HWDT_IOC_KEEPALIVE:
		hwdt_ping(hw);
		return 0;
	case HWDT_IOC_SETTIMEOUT:
		if (get_user(t, p))
			return -EFAULT;
		if (t < 1 || t > HWDT_MAX_TIMEOUT)
			return -EINVAL;
		hw->timeout = t;
		hwdt_ping(hw);
		fallthrough;
	case HWDT_IOC_GETTIMEOUT:
		return put_user(hw->timeout, p);
	case HWDT_IOC_GETUPTIME:
		spin_lock(&hw->lock);
		lo = readl(hw->base + HWDT_CNT_LO);
		hi = readl(hw->base + HWDT_CNT_HI);
		spin_unlock(&hw->lock);
		if (put_user(lo, up) || put_user(hi, up + 1))
			return -EFAULT;
		return 0;
	default:
		return -ENOTTY;
	}
}

static int hwdt_release(struct inode *inode, struct file *file)
{
	struct hwdt *hw = container_of(file->private_data, struct hwdt, misc);

	if (hw->expect_close)
		writel(0, hw->base + HWDT_CTRL);	/* orderly close: stop */
	else
		hwdt_ping(hw);
	return 0;
}

static const struct file_operations hwdt_fops = {
	.owner		= THIS_MODULE,
	.write		= hwdt_write,
	.unlocked_ioctl	= hwdt_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.release	= hwdt_release,
	.llseek		= no_llseek,
};

static int hwdt_probe(struct platform_device *pdev)
{
	struct hwdt *hw;

	hw = devm_kzalloc(&pdev->dev, sizeof(*hw), GFP_KERNEL);
	if (!hw)
		return -ENOMEM;
	spin_lock_init(&hw->lock);
	hw->timeout = 30;
	hw->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(hw->base))
		return PTR_ERR(hw->base);

	hw->misc.minor = MISC_DYNAMIC_MINOR;
	hw->misc.name = "hwdt";
	hw->misc.fops = &hwdt_fops;
	hw->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, hw);
	return misc_register(&hw->misc);
}

static int hwdt_remove(struct platform_device *pdev)
{
	struct hwdt *hw = platform_get_drvdata(pdev);

	misc_deregister(&hw->misc);
	return 0;
}

static const struct of_device_id hwdt_of_match[] = {
	{ .compatible = "example,legacy-wdt" },
	{ }
};
MODULE_DEVICE_TABLE(of, hwdt_of_match);

static struct platform_driver hwdt_driver = {
	.probe	= hwdt_probe,
	.remove	= hwdt_remove,
	.driver	= {
		.name		= "legacy-wdt",
		.of_match_table	= hwdt_of_match,
	},
};
module_platform_driver(hwdt_driver);
MODULE_LICENSE("GPL");
