// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: debugfs read()/write() handlers that never touch their
 * `char __user *` buffers except through the library helpers made for
 * that:
 *   - "pwm" read: the value is formatted into a kernel array with
 *     scnprintf() and returned with simple_read_from_buffer(ubuf, ...);
 *   - "pwm" write: kstrtouint_from_user(ubuf, count, 0, &val) parses the
 *     user text (it copies into a kernel buffer internally);
 *   - "curve" write: simple_write_to_buffer() copies the user text into a
 *     kernel array, which is NUL-terminated, then parsed with sscanf()
 *     and strim() / strcmp() on the kernel copy.
 *
 * A naive checker flags any string/number parser in a handler that has a
 * __user buffer, e.g. sscanf(kbuf, ...) next to simple_write_to_buffer(...,
 * ubuf, count), or treats kstrtouint_from_user() like kstrtouint().  The
 * parsers run on kernel copies; kstrtouint_from_user() and the
 * simple_*_buffer() helpers use copy_{from,to}_user() internally.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/mutex.h>

#define FANC_REG_PWM		0x30
#define FANC_REG_CURVE(i)	(0x40 + (i))
#define FANC_CURVE_POINTS	4

struct fanc {
	struct i2c_client *client;
	struct dentry *dbg;
	struct mutex lock;	/* pwm and curve registers */
	unsigned int pwm;
	u8 curve[FANC_CURVE_POINTS];
};

static ssize_t fanc_pwm_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct fanc *fc = file->private_data;
	char tmp[16];
	int len;

	len = scnprintf(tmp, sizeof(tmp), "%u\n", fc->pwm);
	return simple_read_from_buffer(ubuf, count, ppos, tmp, len);
}

static ssize_t fanc_pwm_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct fanc *fc = file->private_data;
	unsigned int val;
	int ret;

	ret = kstrtouint_from_user(ubuf, count, 0, &val);
	if (ret)
		return ret;
	if (val > 255)
		return -ERANGE;

	mutex_lock(&fc->lock);
	ret = i2c_smbus_write_byte_data(fc->client, FANC_REG_PWM, val);
	if (!ret)
		fc->pwm = val;
	mutex_unlock(&fc->lock);
	return ret ? ret : count;
}

static ssize_t fanc_curve_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct fanc *fc = file->private_data;
	unsigned int pt[FANC_CURVE_POINTS];
	char kbuf[48], *s;
	ssize_t len;
	int i, ret = 0;

	if (*ppos != 0 || count >= sizeof(kbuf))
		return -EINVAL;
	len = simple_write_to_buffer(kbuf, sizeof(kbuf) - 1, ppos, ubuf, count);
	if (len < 0)
		return len;
	kbuf[len] = '\0';
	s = strim(kbuf);

	if (!strcmp(s, "default")) {
		for (i = 0; i < FANC_CURVE_POINTS; i++)
			pt[i] = 64 * i + 63;
	} else if (sscanf(s, "%u %u %u %u", &pt[0], &pt[1], &pt[2], &pt[3]) != FANC_CURVE_POINTS) {
		return -EINVAL;
	}

	mutex_lock(&fc->lock);
	for (i = 0; i < FANC_CURVE_POINTS && !ret; i++) {
		fc->curve[i] = min_t(unsigned int, pt[i], 255);
		ret = i2c_smbus_write_byte_data(fc->client, FANC_REG_CURVE(i), fc->curve[i]);
	}
	mutex_unlock(&fc->lock);
	return ret ? ret : len;
}

static const struct file_operations fanc_pwm_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= fanc_pwm_read,
	.write	= fanc_pwm_write,
	.llseek	= default_llseek,
};

static const struct file_operations fanc_curve_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.write	= fanc_curve_write,
	.llseek	= default_llseek,
};

static int fanc_probe(struct i2c_client *client)
{
	struct fanc *fc;

	fc = devm_kzalloc(&client->dev, sizeof(*fc), GFP_KERNEL);
	if (!fc)
		return -ENOMEM;
	fc->client = client;
	mutex_init(&fc->lock);
	i2c_set_clientdata(client, fc);

	fc->dbg = debugfs_create_dir(dev_name(&client->dev), NULL);
	debugfs_create_file("pwm", 0600, fc->dbg, fc, &fanc_pwm_fops);
	debugfs_create_file("curve", 0200, fc->dbg, fc, &fanc_curve_fops);
	return 0;
}

static void fanc_remove(struct i2c_client *client)
{
	struct fanc *fc = i2c_get_clientdata(client);

	debugfs_remove_recursive(fc->dbg);
}

static const struct i2c_device_id fanc_ids[] = {
	{ "fanctl-4pt", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, fanc_ids);

static struct i2c_driver fanc_driver = {
	.driver		= { .name = "fanctl-4pt" },
	.probe_new	= fanc_probe,
	.remove		= fanc_remove,
	.id_table	= fanc_ids,
};
module_i2c_driver(fanc_driver);
MODULE_LICENSE("GPL");
