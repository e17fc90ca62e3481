// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: the result of mutex_lock_interruptible() is stored but not
 * acted upon, so the code proceeds and finally unlocks a mutex that may
 * never have been taken.
 *
 * Models fixes like "return if mutex_lock_interruptible() fails" in char
 * drivers talking to a microcontroller: the write() handler only logs the
 * interruption and carries on, reaching mutex_unlock() without owning the
 * mutex when a signal arrived while waiting.
 */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/io.h>
#include <linux/iopoll.h>

#define MCU_MAX_CMD		64
#define MCU_REG_FIFO		0x00
#define MCU_REG_STATUS		0x04
#define MCU_STATUS_IDLE		BIT(0)

struct mcu_dev {
	struct miscdevice misc;
	void __iomem *base;
	struct mutex lock;
	u8 cmd_buf[MCU_MAX_CMD];
};

static int mcu_send_cmd(struct mcu_dev *mcu, size_t len)
{
	u32 status;
	size_t i;

	for (i = 0; i < len; i++)
		writeb(mcu->cmd_buf[i], mcu->base + MCU_REG_FIFO);
	return readl_poll_timeout(mcu->base + MCU_REG_STATUS, status,
				  status & MCU_STATUS_IDLE, 100, 20000);
}

static ssize_t mcu_write(struct file *file, const char __user *buf,
			 size_t count, loff_t *ppos)
{
	struct mcu_dev *mcu = container_of(file->private_data,
					   struct mcu_dev, misc);
	ssize_t ret;
	int err;

	if (!count || count > MCU_MAX_CMD)
		return -EINVAL;

	err = mutex_lock_interruptible(&mcu->lock);
	if (err)
		dev_dbg(mcu->misc.this_device, "interrupted waiting for mcu\n");

	if (copy_from_user(mcu->cmd_buf, buf, count)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	ret = mcu_send_cmd(mcu, count);
	if (ret) {
		dev_err(mcu->misc.this_device, "command timed out\n");
		goto out_unlock;
	}
	ret = count;
out_unlock:
	mutex_unlock(&mcu->lock); /* expect: lock-imbalance */
	return ret;
}

static const struct file_operations mcu_fops = {
	.owner	= THIS_MODULE,
	.write	= mcu_write,
	.llseek	= no_llseek,
};

static struct mcu_dev mcu_instance = {
	.misc = {
		.minor	= MISC_DYNAMIC_MINOR,
		.name	= "mcu-cmd",
		.fops	= &mcu_fops,
	},
	.lock = __MUTEX_INITIALIZER(mcu_instance.lock),
};

static int __init mcu_init(void)
{
	mcu_instance.base = ioremap(0xfed40000, 0x100);
	if (!mcu_instance.base)
		return -ENOMEM;
	return misc_register(&mcu_instance.misc);
}
module_init(mcu_init);

static void __exit mcu_exit(void)
{
	misc_deregister(&mcu_instance.misc);
	iounmap(mcu_instance.base);
}
module_exit(mcu_exit);
MODULE_LICENSE("GPL");
