// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kzalloc() result dereferenced without a NULL check in probe.
 *
 * Models fixes like "add missing check for kzalloc() return value" in small
 * I2C temperature-sensor drivers: probe allocates the driver state and
 * immediately stores the client pointer into it.  When the allocation fails
 * (memory pressure, fault injection) kzalloc() returns NULL and probe oopses
 * on the first store.  The fix returns -ENOMEM when kzalloc() fails.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <linux/sysfs.h>

#define TSENS_REG_TEMP		0x00
#define TSENS_REG_CONFIG	0x01
#define TSENS_CFG_SHUTDOWN	BIT(0)
#define TSENS_CFG_RES_12BIT	(3 << 5)

struct tsens {
	struct i2c_client *client;
	struct mutex lock;	/* serialises register access */
	u8 config;
	int last_mc;
};

static ssize_t temp1_input_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct tsens *ts = dev_get_drvdata(dev);
	s32 raw;

	mutex_lock(&ts->lock);
	raw = i2c_smbus_read_word_swapped(ts->client, TSENS_REG_TEMP);
	if (raw >= 0)
		ts->last_mc = ((s16)raw >> 4) * 625 / 10;
	mutex_unlock(&ts->lock);
	if (raw < 0)
		return raw;
	return sysfs_emit(buf, "%d\n", ts->last_mc);
}
static DEVICE_ATTR_RO(temp1_input);

static struct attribute *tsens_attrs[] = {
	&dev_attr_temp1_input.attr,
	NULL
};
ATTRIBUTE_GROUPS(tsens);

static int tsens_probe(struct i2c_client *client)
{
	struct tsens *ts;
	s32 cfg;
	int ret;

	ts = kzalloc(sizeof(*ts), GFP_KERNEL);
	ts->client = client; /* expect: null-return */
	mutex_init(&ts->lock);

	cfg = i2c_smbus_read_byte_data(client, TSENS_REG_CONFIG);
	if (cfg < 0) {
		ret = cfg;
		goto err_free;
	}
	ts->config = (cfg & ~TSENS_CFG_SHUTDOWN) | TSENS_CFG_RES_12BIT;
	ret = i2c_smbus_write_byte_data(client, TSENS_REG_CONFIG, ts->config);
	if (ret)
		goto err_free;

	i2c_set_clientdata(client, ts);
	ret = sysfs_create_groups(&client->dev.kobj, tsens_groups);
	if (ret)
		goto err_free;
	return 0;

err_free:
	kfree(ts);
	return ret;
}

static void tsens_remove(struct i2c_client *client)
{
	struct tsens *ts = i2c_get_clientdata(client);

	sysfs_remove_groups(&client->dev.kobj, tsens_groups);
	i2c_smbus_write_byte_data(client, TSENS_REG_CONFIG, ts->config | TSENS_CFG_SHUTDOWN);
	kfree(ts);
}

static const struct i2c_device_id tsens_id[] = {
	{ "exmp-tsens", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, tsens_id);

static struct i2c_driver tsens_driver = {
	.driver = {
		.name = "exmp-tsens",
	},
	.probe_new	= tsens_probe,
	.remove		= tsens_remove,
	.id_table	= tsens_id,
};
module_i2c_driver(tsens_driver);
MODULE_LICENSE("GPL");
