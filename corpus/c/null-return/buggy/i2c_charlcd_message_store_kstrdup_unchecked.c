// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kstrdup() result passed unchecked to strlen().
 *
 * Models fixes like "fix NULL dereference on kstrdup() failure" in sysfs
 * store handlers of small display drivers: the handler duplicates the user's
 * text, trims the trailing newline (strlen() on the copy) and swaps it in as
 * the current message.  kstrdup() returns NULL on allocation failure.  The
 * fix returns -ENOMEM from the store handler.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <linux/sysfs.h>

#define CLCD_COLS		16
#define CLCD_CTRL_CMD		0x80
#define CLCD_CTRL_DATA		0x40
#define CLCD_CMD_CLEAR		0x01
#define CLCD_CMD_HOME		0x02

struct charlcd {
	struct i2c_client *client;
	struct mutex lock;	/* protects msg and the display */
	char *msg;
};

static int clcd_write(struct charlcd *lcd, u8 ctrl, u8 val)
{
	u8 b[2] = { ctrl, val };
	int ret = i2c_master_send(lcd->client, b, sizeof(b));

	return ret < 0 ? ret : 0;
}

static int clcd_show_text(struct charlcd *lcd, const char *text, size_t len)
{
	size_t i;
	int ret;

	ret = clcd_write(lcd, CLCD_CTRL_CMD, CLCD_CMD_CLEAR);
	if (ret)
		return ret;
	ret = clcd_write(lcd, CLCD_CTRL_CMD, CLCD_CMD_HOME);
	for (i = 0; !ret && i < len && i < CLCD_COLS; i++)
		ret = clcd_write(lcd, CLCD_CTRL_DATA, text[i]);
	return ret;
}

static ssize_t message_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct charlcd *lcd = dev_get_drvdata(dev);
	ssize_t n;

	mutex_lock(&lcd->lock);
	n = sysfs_emit(buf, "%s\n", lcd->msg ? lcd->msg : "");
	mutex_unlock(&lcd->lock);
	return n;
}

static ssize_t message_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct charlcd *lcd = dev_get_drvdata(dev);
	char *text, *old;
	size_t len;
	int ret;

	text = kstrdup(buf, GFP_KERNEL);
	len = strlen(text); /* expect: null-return */
	if (len && text[len - 1] == '\n')
		text[--len] = '\0';

	mutex_lock(&lcd->lock);
	ret = clcd_show_text(lcd, text, len);
	old = lcd->msg;
	lcd->msg = text;
	mutex_unlock(&lcd->lock);

	kfree(old);
	return ret ? ret : count;
}
static DEVICE_ATTR_RW(message);

static struct attribute *clcd_attrs[] = {
	&dev_attr_message.attr,
	NULL
};
ATTRIBUTE_GROUPS(clcd);

static int clcd_probe(struct i2c_client *client)
{
	struct charlcd *lcd;
	int ret;

	lcd = devm_kzalloc(&client->dev, sizeof(*lcd), GFP_KERNEL);
	if (!lcd)
		return -ENOMEM;
	lcd->client = client;
	mutex_init(&lcd->lock);
	i2c_set_clientdata(client, lcd);

	ret = clcd_write(lcd, CLCD_CTRL_CMD, CLCD_CMD_CLEAR);
	if (ret)
		return ret;
	return devm_device_add_groups(&client->dev, clcd_groups);
}

static void clcd_remove(struct i2c_client *client)
{
	struct charlcd *lcd = i2c_get_clientdata(client);

	clcd_write(lcd, CLCD_CTRL_CMD, CLCD_CMD_CLEAR);
	kfree(lcd->msg);
}

static const struct i2c_device_id clcd_id[] = {
	{ "exmp-charlcd", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, clcd_id);

static struct i2c_driver clcd_driver = {
	.driver = {
		.name = "exmp-charlcd",
	},
	.probe_new	= clcd_probe,
	.remove		= clcd_remove,
	.id_table	= clcd_id,
};
module_i2c_driver(clcd_driver);
MODULE_LICENSE("GPL");
