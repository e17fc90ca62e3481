// SPDX-License-Identifier: GPL-2.0
/* I2C ambient-light sensor with a stale-sample watchdog timer; bug: remove uses del_timer(), which does not wait for a running, self-re-arming callback, then kfree()s priv. */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/sysfs.h>

#define LUX_REG_CTRL		0x00
#define LUX_REG_DATA		0x04
#define LUX_CTRL_ACTIVE		0x03
#define LUX_WATCHDOG_MS		1000
#define LUX_STALE_MS		5000

struct lux_priv {
	struct i2c_client *client;
	struct mutex lock;		/* serialises bus access */
	struct timer_list watchdog;
	wait_queue_head_t stale_wait;
	unsigned long last_sample;
	bool stale;
	u16 lux;
};

static void lux_watchdog_fn(struct timer_list *t)
{
	struct lux_priv *lp = from_timer(lp, t, watchdog);

	if (time_after(jiffies, lp->last_sample + msecs_to_jiffies(LUX_STALE_MS))) {
		lp->stale = true;
		wake_up(&lp->stale_wait);
	}
	mod_timer(&lp->watchdog, jiffies + msecs_to_jiffies(LUX_WATCHDOG_MS));
}

static int lux_read_sample(struct lux_priv *lp)
{
	s32 raw;

	mutex_lock(&lp->lock);
	raw = i2c_smbus_read_word_data(lp->client, LUX_REG_DATA);
	if (raw >= 0) {
		lp->lux = raw;
		lp->last_sample = jiffies;
		lp->stale = false;
	}
	mutex_unlock(&lp->lock);
	return raw < 0 ? raw : 0;
}

static ssize_t illuminance_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct lux_priv *lp = dev_get_drvdata(dev);
	int ret = lux_read_sample(lp);

	return ret ? ret : sysfs_emit(buf, "%u\n", lp->lux);
}
static DEVICE_ATTR_RO(illuminance);

static int lux_probe(struct i2c_client *client)
{
	struct lux_priv *lp;
	int ret;

	lp = kzalloc(sizeof(*lp), GFP_KERNEL);
	if (!lp)
		return -ENOMEM;
	lp->client = client;
	mutex_init(&lp->lock);
	init_waitqueue_head(&lp->stale_wait);

	ret = i2c_smbus_write_byte_data(client, LUX_REG_CTRL, LUX_CTRL_ACTIVE);
	if (ret < 0)
		goto err_free;
	ret = lux_read_sample(lp);
	if (ret)
		goto err_free;

	i2c_set_clientdata(client, lp);
	ret = device_create_file(&client->dev, &dev_attr_illuminance);
	if (ret)
		goto err_free;
	timer_setup(&lp->watchdog, lux_watchdog_fn, 0);
	mod_timer(&lp->watchdog, jiffies + msecs_to_jiffies(LUX_WATCHDOG_MS));
	return 0;

err_free:
	kfree(lp);
	return ret;
}

static void lux_remove(struct i2c_client *client)
{
	struct lux_priv *lp = i2c_get_clientdata(client);

	del_timer(&lp->watchdog);
	device_remove_file(&client->dev, &dev_attr_illuminance);
	i2c_smbus_write_byte_data(client, LUX_REG_CTRL, 0);
	kfree(lp); /* expect: hotunplug-race */
}

static const struct i2c_device_id lux_id[] = {
	{ "exlux", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, lux_id);

static struct i2c_driver lux_driver = {
	.driver = {
		.name	= "exlux",
	},
	.probe_new	= lux_probe,
	.remove		= lux_remove,
	.id_table	= lux_id,
};
module_i2c_driver(lux_driver);
MODULE_DESCRIPTION("Example I2C ambient light sensor");
MODULE_LICENSE("GPL");
