// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: a procfs write handler verifies a checksum by iterating over
 * the user buffer, `for (i = 0; i < count; i++) sum += ubuf[i];`, so every
 * iteration dereferences the `const char __user *ubuf` parameter.
 *
 * Models fixes like "checksum the kernel copy of the config blob" in I2C
 * GPIO-expander drivers that accept a raw register image through
 * /proc/driver: the blob was duplicated with memdup_user() only after the
 * checksum had been computed in place in user memory.  The fix duplicates
 * the blob first and sums the kernel copy.
 *
 * Fixed twin: the blob is duplicated with memdup_user() first and the
 * checksum loop sums the kernel copy (freed on a bad checksum).
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/of.h>
#include <linux/proc_fs.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/fs.h>

#define GPX_REG_BASE		0x00
#define GPX_NREGS		16
#define GPX_BLOB_LEN		(GPX_NREGS + 1)	/* registers + checksum byte */

struct gpx {
	struct i2c_client *client;
	struct mutex lock;	/* serialises register programming */
	struct proc_dir_entry *pde;
};

static ssize_t gpx_cfg_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct gpx *gx = pde_data(file_inode(file));
	u8 *blob;
	u8 sum = 0;
	size_t i;
	int ret = 0;

	if (count != GPX_BLOB_LEN)
		return -EINVAL;

	blob = memdup_user(ubuf, count);
	if (IS_ERR(blob))
		return PTR_ERR(blob);

	for (i = 0; i < count; i++)
		sum += blob[i];
	if (sum) {
		kfree(blob);
		return -EBADMSG;
	}

	mutex_lock(&gx->lock);
	for (i = 0; i < GPX_NREGS && !ret; i++)
		ret = i2c_smbus_write_byte_data(gx->client, GPX_REG_BASE + i, blob[i]);
	mutex_unlock(&gx->lock);

	kfree(blob);
	if (ret < 0)
		return ret;
	return count;
}

static const struct proc_ops gpx_cfg_proc_ops = {
	.proc_write	= gpx_cfg_write,
	.proc_lseek	= noop_llseek,
};

static int gpx_probe(struct i2c_client *client)
{
	struct gpx *gx;

	gx = devm_kzalloc(&client->dev, sizeof(*gx), GFP_KERNEL);
	if (!gx)
		return -ENOMEM;
	gx->client = client;
	mutex_init(&gx->lock);

	gx->pde = proc_create_data("driver/gpx_cfg", 0200, NULL, &gpx_cfg_proc_ops, gx);
	if (!gx->pde)
		return -ENOMEM;
	i2c_set_clientdata(client, gx);
	return 0;
}

static void gpx_remove(struct i2c_client *client)
{
	struct gpx *gx = i2c_get_clientdata(client);

	proc_remove(gx->pde);
}

static const struct of_device_id gpx_of_match[] = {
	{ .compatible = "example,gpio-expander-cfg" },
	{ }
};
MODULE_DEVICE_TABLE(of, gpx_of_match);

static struct i2c_driver gpx_driver = {
	.driver = {
		.name		= "gpx-cfg",
		.of_match_table	= gpx_of_match,
	},
	.probe_new	= gpx_probe,
	.remove		= gpx_remove,
};
module_i2c_driver(gpx_driver);
MODULE_LICENSE("GPL");
