// SPDX-License-Identifier: GPL-2.0
/*
 * lcdtx - character device feeding a serial LCD controller.
 * Tricky: every lock here may fail.  mutex_lock_interruptible(),
 * mutex_lock_killable() and down_interruptible() only acquire when they
 * return 0, so the early "return -ERESTARTSYS" / "return ret" paths hold
 * nothing, while the paths after the test do.  Both idioms are used: the
 * call tested directly in the if, and the result stored in ret and tested
 * on the next line (also with "!= 0").  A checker that treats these calls
 * like mutex_lock() sees returns without the matching unlock.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/uaccess.h>
#include <linux/cdev.h>
#include <linux/device.h>

#define LCDTX_BUF_SIZE	256

struct lcdtx_dev {
	struct cdev cdev;
	struct device *dev;
	struct mutex io_lock;
	struct semaphore cfg_sem;
	char buf[LCDTX_BUF_SIZE];
	size_t len;
	u8 contrast;
};

static ssize_t lcdtx_read(struct file *file, char __user *ubuf, size_t count,
			  loff_t *ppos)
{
	struct lcdtx_dev *ld = file->private_data;
	ssize_t ret;

	if (mutex_lock_interruptible(&ld->io_lock))
		return -ERESTARTSYS;

	ret = simple_read_from_buffer(ubuf, count, ppos, ld->buf, ld->len);
	mutex_unlock(&ld->io_lock);
	return ret;
}

static ssize_t lcdtx_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	struct lcdtx_dev *ld = file->private_data;
	int ret;

	if (count > LCDTX_BUF_SIZE)
		return -EFBIG;

	ret = mutex_lock_interruptible(&ld->io_lock);
	if (ret)
		return ret;

	if (copy_from_user(ld->buf, ubuf, count)) {
		mutex_unlock(&ld->io_lock);
		return -EFAULT;
	}
	ld->len = count;
	mutex_unlock(&ld->io_lock);
	return count;
}

static int lcdtx_set_contrast(struct lcdtx_dev *ld, u8 level)
{
	int ret;

	ret = mutex_lock_killable(&ld->io_lock);
	if (ret != 0)
		return ret;
	ld->contrast = level;
	mutex_unlock(&ld->io_lock);
	return 0;
}

static long lcdtx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct lcdtx_dev *ld = file->private_data;
	long ret = 0;

	if (down_interruptible(&ld->cfg_sem))
		return -ERESTARTSYS;

	if (arg > 0xff) {
		dev_err(ld->dev, "contrast %lu out of range\n", arg);
		ret = -EINVAL;
	} else {
		ret = lcdtx_set_contrast(ld, arg);
	}
	up(&ld->cfg_sem);
	return ret;
}

static const struct file_operations lcdtx_fops __maybe_unused = {
	.owner		= THIS_MODULE,
	.read		= lcdtx_read,
	.write		= lcdtx_write,
	.unlocked_ioctl	= lcdtx_ioctl,
};

MODULE_LICENSE("GPL");
