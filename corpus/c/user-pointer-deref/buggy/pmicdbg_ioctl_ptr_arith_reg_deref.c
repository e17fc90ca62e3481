// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: an ioctl derives a user pointer to one field by pointer
 * arithmetic on the cast argument, `u8 __user *p = (u8 __user *)arg + 4;`,
 * and then reads it with a plain dereference (reg = *p).
 *
 * Models fixes like "fetch the register byte with get_user()" in PMIC
 * debug/bring-up drivers that expose a raw register-write ioctl: the
 * length was fetched correctly with get_user() and the payload with
 * copy_from_user(), but the register index in between was read directly
 * through the offset user pointer.  The fix fetches it with get_user().
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/fs.h>

#define PMICDBG_MAX_DATA	32

/* user layout: __u32 len; __u8 reg; __u8 rsvd[3]; __u8 data[PMICDBG_MAX_DATA]; */
#define PMICDBG_XFER_SIZE	(8 + PMICDBG_MAX_DATA)

#define PMICDBG_IOC_MAGIC	'p'
#define PMICDBG_IOC_WRITE	_IOC(_IOC_WRITE, PMICDBG_IOC_MAGIC, 1, PMICDBG_XFER_SIZE)

struct pmicdbg {
	struct i2c_client *client;
	struct mutex lock;	/* one raw transfer at a time */
	u8 buf[PMICDBG_MAX_DATA];
	struct miscdevice misc;
};

static long pmicdbg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pmicdbg *pd = container_of(file->private_data, struct pmicdbg, misc);
	u8 __user *p = (u8 __user *)arg + 4;	/* reg follows the 32-bit length */
	u32 len;
	u8 reg;
	int ret;

	if (cmd != PMICDBG_IOC_WRITE)
		return -ENOTTY;

	if (get_user(len, (u32 __user *)arg))
		return -EFAULT;
	if (!len || len > PMICDBG_MAX_DATA)
		return -EINVAL;
	reg = *p; /* expect: user-pointer-deref */

	mutex_lock(&pd->lock);
	if (copy_from_user(pd->buf, p + 4, len)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	ret = i2c_smbus_write_i2c_block_data(pd->client, reg, len, pd->buf);
out_unlock:
	mutex_unlock(&pd->lock);
	return ret < 0 ? ret : 0;
}

static const struct file_operations pmicdbg_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= pmicdbg_ioctl,
	.llseek		= noop_llseek,
};

static int pmicdbg_probe(struct i2c_client *client)
{
	struct pmicdbg *pd;

	pd = devm_kzalloc(&client->dev, sizeof(*pd), GFP_KERNEL);
	if (!pd)
		return -ENOMEM;
	pd->client = client;
	mutex_init(&pd->lock);

	pd->misc.minor = MISC_DYNAMIC_MINOR;
	pd->misc.name = "pmic-dbg";
	pd->misc.fops = &pmicdbg_fops;
	pd->misc.parent = &client->dev;
	pd->misc.mode = 0600;
	i2c_set_clientdata(client, pd);
	return misc_register(&pd->misc);
}

static void pmicdbg_remove(struct i2c_client *client)
{
	struct pmicdbg *pd = i2c_get_clientdata(client);

	misc_deregister(&pd->misc);
}

static const struct of_device_id pmicdbg_of_match[] = {
	{ .compatible = "example,pmic-debug" },
	{ }
};
MODULE_DEVICE_TABLE(of, pmicdbg_of_match);

static struct i2c_driver pmicdbg_driver = {
	.driver = {
		.name		= "pmic-debug",
		.of_match_table	= pmicdbg_of_match,
	},
	.probe_new	= pmicdbg_probe,
	.remove		= pmicdbg_remove,
};
module_i2c_driver(pmicdbg_driver);
MODULE_LICENSE("GPL");
