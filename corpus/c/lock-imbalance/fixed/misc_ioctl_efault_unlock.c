// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: mutex_unlock() missing on an error path of an ioctl handler.
 *
 * Models the frequent fix "unlock the device mutex when copy_from_user()
 * fails" in misc/char drivers: the SET ioctl takes the device mutex first and
 * then copies the argument from user space; the -EFAULT return leaves the
 * mutex held, so the next open/ioctl on the device hangs forever.
 * Fixed twin: the user copy is done before taking the mutex.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/fs.h>
#include <linux/io.h>

struct fanctl_limits {
	__u32 min_rpm;
	__u32 max_rpm;
};

#define FANCTL_IOC_MAGIC	'F'
#define FANCTL_SET_LIMITS	_IOW(FANCTL_IOC_MAGIC, 1, struct fanctl_limits)
#define FANCTL_GET_LIMITS	_IOR(FANCTL_IOC_MAGIC, 2, struct fanctl_limits)
#define FANCTL_REG_MIN		0x10
#define FANCTL_REG_MAX		0x14

struct fanctl_dev {
	struct miscdevice misc;
	void __iomem *base;
	struct mutex lock;
	struct fanctl_limits limits;
};

static int fanctl_set_limits(struct fanctl_dev *fd, void __user *argp)
{
	struct fanctl_limits lim;

	if (copy_from_user(&lim, argp, sizeof(lim)))
		return -EFAULT;
	mutex_lock(&fd->lock);
	if (lim.min_rpm > lim.max_rpm) {
		mutex_unlock(&fd->lock);
		return -EINVAL;
	}
	writel(lim.min_rpm, fd->base + FANCTL_REG_MIN);
	writel(lim.max_rpm, fd->base + FANCTL_REG_MAX);
	fd->limits = lim;
	mutex_unlock(&fd->lock);
	return 0;
}

static int fanctl_get_limits(struct fanctl_dev *fd, void __user *argp)
{
	struct fanctl_limits lim;

	mutex_lock(&fd->lock);
	lim = fd->limits;
	mutex_unlock(&fd->lock);
	if (copy_to_user(argp, &lim, sizeof(lim)))
		return -EFAULT;
	return 0;
}

static long fanctl_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct fanctl_dev *fd = container_of(file->private_data,
					     struct fanctl_dev, misc);
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case FANCTL_SET_LIMITS:
		return fanctl_set_limits(fd, argp);
	case FANCTL_GET_LIMITS:
		return fanctl_get_limits(fd, argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations fanctl_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= fanctl_ioctl,
};

static int fanctl_probe(struct platform_device *pdev)
{
	struct fanctl_dev *fd;

	fd = devm_kzalloc(&pdev->dev, sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return -ENOMEM;
	fd->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(fd->base))
		return PTR_ERR(fd->base);
	mutex_init(&fd->lock);
	fd->misc.minor = MISC_DYNAMIC_MINOR;
	fd->misc.name = "fanctl";
	fd->misc.fops = &fanctl_fops;
	platform_set_drvdata(pdev, fd);
	return misc_register(&fd->misc);
}

static int fanctl_remove(struct platform_device *pdev)
{
	struct fanctl_dev *fd = platform_get_drvdata(pdev);

	misc_deregister(&fd->misc);
	return 0;
}

static struct platform_driver fanctl_driver = {
	.probe	= fanctl_probe,
	.remove	= fanctl_remove,
	.driver	= { .name = "fanctl" },
};
module_platform_driver(fanctl_driver);
MODULE_LICENSE("GPL");
