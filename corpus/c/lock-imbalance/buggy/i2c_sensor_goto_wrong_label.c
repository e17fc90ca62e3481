// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: error path jumps to a label placed after the unlock.
 *
 * Models the classic one-word fix "goto out_unlock instead of goto out" seen
 * in I2C sensor drivers: after the update mutex is taken, a failed SMBus read
 * jumps to the label that only drops the runtime-PM reference, so the sysfs
 * read returns an error with the mutex still held.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/mutex.h>
#include <linux/pm_runtime.h>
#include <linux/sysfs.h>

#define TMPX_REG_TEMP		0x00
#define TMPX_REG_CONFIG		0x01
#define TMPX_CONFIG_SHUTDOWN	BIT(0)

struct tmpx_data {
	struct i2c_client *client;
	struct mutex update_lock;
	bool shutdown;
	int last_temp;
};

static int tmpx_read_temp(struct tmpx_data *data, int *temp)
{
	struct device *dev = &data->client->dev;
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret < 0)
		return ret;

	if (data->shutdown) {
		ret = -ENODATA;
		goto out;
	}

	mutex_lock(&data->update_lock);
	ret = i2c_smbus_read_word_swapped(data->client, TMPX_REG_TEMP);
	if (ret < 0) {
		dev_err(dev, "failed to read temperature: %d\n", ret);
		goto out;
	}
	/* 12-bit two's complement, 0.0625 degC per LSB */
	data->last_temp = (sign_extend32(ret >> 4, 11) * 1000) / 16;
	*temp = data->last_temp;
	ret = 0;

	mutex_unlock(&data->update_lock);
out:
	pm_runtime_put_autosuspend(dev);
	return ret; /* expect: lock-imbalance */
}

static ssize_t temp1_input_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct tmpx_data *data = dev_get_drvdata(dev);
	int temp, ret;

	ret = tmpx_read_temp(data, &temp);
	if (ret)
		return ret;
	return sysfs_emit(buf, "%d\n", temp);
}
static DEVICE_ATTR_RO(temp1_input);

static struct attribute *tmpx_attrs[] = {
	&dev_attr_temp1_input.attr,
	NULL
};
ATTRIBUTE_GROUPS(tmpx);

static int tmpx_probe(struct i2c_client *client)
{
	struct tmpx_data *data;
	int cfg;

	data = devm_kzalloc(&client->dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->client = client;
	mutex_init(&data->update_lock);
	i2c_set_clientdata(client, data);

	cfg = i2c_smbus_read_byte_data(client, TMPX_REG_CONFIG);
	if (cfg < 0)
		return dev_err_probe(&client->dev, cfg, "no response\n");
	data->shutdown = cfg & TMPX_CONFIG_SHUTDOWN;

	pm_runtime_set_active(&client->dev);
	pm_runtime_use_autosuspend(&client->dev);
	pm_runtime_set_autosuspend_delay(&client->dev, 1000);
	devm_pm_runtime_enable(&client->dev);
	return devm_device_add_groups(&client->dev, tmpx_groups);
}

static const struct i2c_device_id tmpx_id[] = {
	{ "tmpx", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, tmpx_id);

static struct i2c_driver tmpx_driver = {
	.driver = { .name = "tmpx" },
	.probe_new = tmpx_probe,
	.id_table = tmpx_id,
};
module_i2c_driver(tmpx_driver);
MODULE_LICENSE("GPL");
