// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: an ioctl validates the user range with access_ok() and then
 * reads the fields with plain dereferences (uexp->time_us) instead of
 * __get_user().  access_ok() only checks that the range is a user
 * address; it does not make user memory directly accessible.
 *
 * Models fixes like "use __get_user() after access_ok()" in I2C camera
 * sensor drivers with a private exposure ioctl: the author assumed the
 * access_ok() check made the direct reads safe.  The fix keeps
 * access_ok() and fetches each field with __get_user().
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/fs.h>

#define CAMS_REG_EXPO		0x02	/* 16-bit, in lines */
#define CAMS_REG_AGAIN		0x04	/* 16-bit, 1/16 steps */
#define CAMS_LINE_TIME_US	20
#define CAMS_MAX_LINES		0xfff0
#define CAMS_MAX_AGAIN		(16 * 16)

struct cams_exposure {
	__u32 time_us;
	__u16 analog_gain;
	__u16 reserved;
};

#define CAMS_IOC_MAGIC		'c'
#define CAMS_IOC_S_EXPOSURE	_IOW(CAMS_IOC_MAGIC, 1, struct cams_exposure)

struct camsensor {
	struct i2c_client *client;
	struct mutex lock;	/* serialises exposure updates */
	struct miscdevice misc;
};

static long camsensor_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct camsensor *cs = container_of(file->private_data, struct camsensor, misc);
	struct cams_exposure __user *uexp = (struct cams_exposure __user *)arg;
	u32 time_us, lines;
	u16 again;
	int ret;

	if (cmd != CAMS_IOC_S_EXPOSURE)
		return -ENOTTY;

	if (!access_ok(uexp, sizeof(struct cams_exposure)))
		return -EFAULT;
	time_us = uexp->time_us; /* expect: user-pointer-deref */
	again = uexp->analog_gain; /* expect: user-pointer-deref */

	lines = time_us / CAMS_LINE_TIME_US;
	if (!lines || lines > CAMS_MAX_LINES || again > CAMS_MAX_AGAIN)
		return -EINVAL;

	mutex_lock(&cs->lock);
	ret = i2c_smbus_write_word_swapped(cs->client, CAMS_REG_EXPO, lines);
	if (!ret)
		ret = i2c_smbus_write_word_swapped(cs->client, CAMS_REG_AGAIN, again);
	mutex_unlock(&cs->lock);
	return ret;
}

static const struct file_operations camsensor_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= camsensor_ioctl,
	.llseek		= noop_llseek,
};

static int camsensor_probe(struct i2c_client *client)
{
	struct camsensor *cs;

	cs = devm_kzalloc(&client->dev, sizeof(*cs), GFP_KERNEL);
	if (!cs)
		return -ENOMEM;
	cs->client = client;
	mutex_init(&cs->lock);

	cs->misc.minor = MISC_DYNAMIC_MINOR;
	cs->misc.name = "camsensor";
	cs->misc.fops = &camsensor_fops;
	cs->misc.parent = &client->dev;
	i2c_set_clientdata(client, cs);
	return misc_register(&cs->misc);
}

static void camsensor_remove(struct i2c_client *client)
{
	struct camsensor *cs = i2c_get_clientdata(client);

	misc_deregister(&cs->misc);
}

static const struct of_device_id camsensor_of_match[] = {
	{ .compatible = "example,raw-cam-sensor" },
	{ }
};
MODULE_DEVICE_TABLE(of, camsensor_of_match);

static struct i2c_driver camsensor_driver = {
	.driver = {
		.name		= "raw-cam-sensor",
		.of_match_table	= camsensor_of_match,
	},
	.probe_new	= camsensor_probe,
	.remove		= camsensor_remove,
};
module_i2c_driver(camsensor_driver);
MODULE_LICENSE("GPL");
