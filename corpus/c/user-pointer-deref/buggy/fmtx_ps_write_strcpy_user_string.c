// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: strcpy() from a user string: a write() handler copies the
 * `const char __user *buf` into a stack array with strcpy(), which reads
 * the source as kernel memory (and relies on a NUL that write() never
 * provides).
 *
 * Models fixes like "copy the RDS name with copy_from_user()" in FM
 * transmitter drivers that let user space set the 8-character RDS
 * program-service name through a device node: count was bounded, but the
 * text was strcpy()'d from the user buffer.  The fix copies exactly count
 * bytes with copy_from_user() and NUL-terminates the kernel copy.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/fs.h>

#define FMTX_PS_LEN		8
#define FMTX_REG_PS(n)		(0x40 + (n))
#define FMTX_REG_RDS_CTRL	0x3f
#define FMTX_RDS_PS_UPDATE	0x01

struct fmtx {
	struct i2c_client *client;
	struct mutex lock;	/* serialises PS register updates */
	struct miscdevice misc;
};

static ssize_t fmtx_ps_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *ppos)
{
	struct fmtx *fm = container_of(file->private_data, struct fmtx, misc);
	char ps[FMTX_PS_LEN + 1];
	size_t len;
	int i, ret = 0;

	if (!count || count > FMTX_PS_LEN)
		return -EINVAL;

	strcpy(ps, buf); /* expect: user-pointer-deref */
	len = strnlen(ps, FMTX_PS_LEN);
	if (len && ps[len - 1] == '\n')
		len--;
	memset(ps + len, ' ', FMTX_PS_LEN - len);	/* RDS pads with spaces */

	mutex_lock(&fm->lock);
	for (i = 0; i < FMTX_PS_LEN && !ret; i++)
		ret = i2c_smbus_write_byte_data(fm->client, FMTX_REG_PS(i), ps[i]);
	if (!ret)
		ret = i2c_smbus_write_byte_data(fm->client, FMTX_REG_RDS_CTRL,
						FMTX_RDS_PS_UPDATE);
	mutex_unlock(&fm->lock);

	if (ret < 0)
		return ret;
	return count;
}

static const struct file_operations fmtx_ps_fops = {
	.owner	= THIS_MODULE,
	.write	= fmtx_ps_write,
	.llseek	= noop_llseek,
};

static int fmtx_probe(struct i2c_client *client)
{
	struct fmtx *fm;

	fm = devm_kzalloc(&client->dev, sizeof(*fm), GFP_KERNEL);
	if (!fm)
		return -ENOMEM;
	fm->client = client;
	mutex_init(&fm->lock);

	fm->misc.minor = MISC_DYNAMIC_MINOR;
	fm->misc.name = "fmtx-ps";
	fm->misc.fops = &fmtx_ps_fops;
	fm->misc.parent = &client->dev;
	i2c_set_clientdata(client, fm);
	return misc_register(&fm->misc);
}

static void fmtx_remove(struct i2c_client *client)
{
	struct fmtx *fm = i2c_get_clientdata(client);

	misc_deregister(&fm->misc);
}

static const struct of_device_id fmtx_of_match[] = {
	{ .compatible = "example,fm-transmitter" },
	{ }
};
MODULE_DEVICE_TABLE(of, fmtx_of_match);

static struct i2c_driver fmtx_driver = {
	.driver = {
		.name		= "fm-transmitter",
		.of_match_table	= fmtx_of_match,
	},
	.probe_new	= fmtx_probe,
	.remove		= fmtx_remove,
};
module_i2c_driver(fmtx_driver);
MODULE_LICENSE("GPL");
