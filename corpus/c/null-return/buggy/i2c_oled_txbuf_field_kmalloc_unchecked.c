// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kmalloc() result stored into a struct field and the field
 * indexed (dev->buf[0] = ...) without a NULL check.
 *
 * Models fixes like "check the return value of kmalloc() for the transfer
 * buffer" in I2C OLED/LCD panel drivers: probe allocates the buffer that
 * carries one control byte followed by a page of pixel data, and writes the
 * control byte into it straight away.  If kmalloc() fails the write hits a
 * NULL pointer.  The fix tests the field and fails probe with -ENOMEM.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/device.h>

#define OLED_WIDTH		128
#define OLED_PAGES		8
#define OLED_CTRL_CMD		0x00
#define OLED_CTRL_DATA		0x40
#define OLED_CMD_DISPLAY_ON	0xaf
#define OLED_CMD_DISPLAY_OFF	0xae
#define OLED_CMD_SET_PAGE	0xb0

struct oled {
	struct i2c_client *client;
	struct mutex lock;	/* protects txbuf */
	u8 *txbuf;		/* control byte + one page of pixels */
	u8 contrast;
};

static int oled_cmd(struct oled *ol, u8 cmd)
{
	u8 msg[2] = { OLED_CTRL_CMD, cmd };
	int ret;

	ret = i2c_master_send(ol->client, msg, sizeof(msg));
	return ret < 0 ? ret : 0;
}

static int oled_write_page(struct oled *ol, unsigned int page, const u8 *pixels)
{
	int ret;

	mutex_lock(&ol->lock);
	ret = oled_cmd(ol, OLED_CMD_SET_PAGE | page);
	if (!ret) {
		memcpy(ol->txbuf + 1, pixels, OLED_WIDTH);
		ret = i2c_master_send(ol->client, ol->txbuf, OLED_WIDTH + 1);
		ret = ret < 0 ? ret : 0;
	}
	mutex_unlock(&ol->lock);
	return ret;
}

static int oled_clear(struct oled *ol)
{
	u8 blank[OLED_WIDTH] = { };
	unsigned int page;
	int ret;

	for (page = 0; page < OLED_PAGES; page++) {
		ret = oled_write_page(ol, page, blank);
		if (ret)
			return ret;
	}
	return 0;
}

static int oled_probe(struct i2c_client *client)
{
	struct oled *ol;
	int ret;

	ol = devm_kzalloc(&client->dev, sizeof(*ol), GFP_KERNEL);
	if (!ol)
		return -ENOMEM;
	ol->client = client;
	ol->contrast = 0x7f;
	mutex_init(&ol->lock);

	ol->txbuf = kmalloc(OLED_WIDTH + 1, GFP_KERNEL);
	ol->txbuf[0] = OLED_CTRL_DATA; /* expect: null-return */

	ret = oled_clear(ol);
	if (ret)
		goto err_free;
	ret = oled_cmd(ol, OLED_CMD_DISPLAY_ON);
	if (ret)
		goto err_free;

	i2c_set_clientdata(client, ol);
	return 0;

err_free:
	kfree(ol->txbuf);
	return ret;
}

static void oled_remove(struct i2c_client *client)
{
	struct oled *ol = i2c_get_clientdata(client);

	oled_cmd(ol, OLED_CMD_DISPLAY_OFF);
	kfree(ol->txbuf);
}

static const struct i2c_device_id oled_id[] = {
	{ "exmp-oled128", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, oled_id);

static struct i2c_driver oled_driver = {
	.driver = {
		.name = "exmp-oled128",
	},
	.probe_new	= oled_probe,
	.remove		= oled_remove,
	.id_table	= oled_id,
};
module_i2c_driver(oled_driver);
MODULE_LICENSE("GPL");
