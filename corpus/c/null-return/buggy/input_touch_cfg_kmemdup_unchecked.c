// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: kmemdup() result used as the source of a memcpy() without a
 * NULL check.
 *
 * Models fixes like "add missing kmemdup() check" in I2C touchscreen
 * drivers that keep a private copy of the configuration blob loaded from
 * firmware: the blob is duplicated, the firmware released, and the header
 * copied out of the duplicate.  If kmemdup() fails the memcpy() reads from
 * NULL.  The fix releases the firmware and fails with -ENOMEM.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/input.h>
#include <linux/firmware.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/string.h>

#define TPNL_FW_NAME		"exmp-tpanel.cfg"
#define TPNL_CFG_MAGIC		0x54434647	/* "TCFG" */
#define TPNL_REG_CFG		0x8000
#define TPNL_REG_POINT		0x8100

struct tpnl_cfg_hdr {
	__le32 magic;
	__le16 max_x;
	__le16 max_y;
	__le16 body_len;
	__le16 reserved;
};

struct tpnl {
	struct i2c_client *client;
	struct input_dev *input;
	struct tpnl_cfg_hdr hdr;
	u8 *cfg;		/* header + body, written to the chip on resume */
	size_t cfg_len;
};

static irqreturn_t tpnl_irq_thread(int irq, void *dev_id)
{
	struct tpnl *tp = dev_id;
	u8 pt[5];

	if (i2c_master_recv(tp->client, pt, sizeof(pt)) != sizeof(pt))
		return IRQ_HANDLED;
	input_report_key(tp->input, BTN_TOUCH, pt[0] & 1);
	if (pt[0] & 1) {
		input_report_abs(tp->input, ABS_X, pt[1] | (pt[2] << 8));
		input_report_abs(tp->input, ABS_Y, pt[3] | (pt[4] << 8));
	}
	input_sync(tp->input);
	return IRQ_HANDLED;
}

static int tpnl_load_config(struct tpnl *tp)
{
	struct device *dev = &tp->client->dev;
	const struct firmware *fw;
	u8 *cfg;
	int ret;

	ret = request_firmware(&fw, TPNL_FW_NAME, dev);
	if (ret)
		return ret;
	if (fw->size < sizeof(struct tpnl_cfg_hdr)) {
		release_firmware(fw);
		return -EINVAL;
	}

	cfg = kmemdup(fw->data, fw->size, GFP_KERNEL);
	tp->cfg_len = fw->size;
	release_firmware(fw);

	memcpy(&tp->hdr, cfg, sizeof(tp->hdr)); /* expect: null-return */
	if (le32_to_cpu(tp->hdr.magic) != TPNL_CFG_MAGIC) {
		kfree(cfg);
		return -EINVAL;
	}
	tp->cfg = cfg;
	return 0;
}

static int tpnl_probe(struct i2c_client *client)
{
	struct tpnl *tp;
	int ret;

	tp = devm_kzalloc(&client->dev, sizeof(*tp), GFP_KERNEL);
	if (!tp)
		return -ENOMEM;
	tp->client = client;

	ret = tpnl_load_config(tp);
	if (ret)
		return ret;

	tp->input = devm_input_allocate_device(&client->dev);
	if (!tp->input) {
		ret = -ENOMEM;
		goto err_free_cfg;
	}
	tp->input->name = "exmp touch panel";
	input_set_capability(tp->input, EV_KEY, BTN_TOUCH);
	input_set_abs_params(tp->input, ABS_X, 0, le16_to_cpu(tp->hdr.max_x), 0, 0);
	input_set_abs_params(tp->input, ABS_Y, 0, le16_to_cpu(tp->hdr.max_y), 0, 0);
	ret = input_register_device(tp->input);
	if (ret)
		goto err_free_cfg;

	ret = devm_request_threaded_irq(&client->dev, client->irq, NULL, tpnl_irq_thread,
					IRQF_ONESHOT, "exmp-tpanel", tp);
	if (ret)
		goto err_free_cfg;
	i2c_set_clientdata(client, tp);
	return 0;

err_free_cfg:
	kfree(tp->cfg);
	return ret;
}

static void tpnl_remove(struct i2c_client *client)
{
	struct tpnl *tp = i2c_get_clientdata(client);

	kfree(tp->cfg);
}

static const struct i2c_device_id tpnl_id[] = {
	{ "exmp-tpanel", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, tpnl_id);

static struct i2c_driver tpnl_driver = {
	.driver = {
		.name = "exmp-tpanel",
	},
	.probe_new	= tpnl_probe,
	.remove		= tpnl_remove,
	.id_table	= tpnl_id,
};
module_i2c_driver(tpnl_driver);
MODULE_LICENSE("GPL");
MODULE_FIRMWARE(TPNL_FW_NAME);
