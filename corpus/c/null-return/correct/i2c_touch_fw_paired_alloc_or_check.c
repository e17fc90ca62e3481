// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: two allocations made back to back and checked by ONE combined
 * condition, as real drivers do when both buffers are needed together:
 *   - the firmware download builds each I2C packet from a kzalloc()'d
 *     block header and a kmalloc()'d packet buffer, tested together with
 *     `if (!hdr || !pkt) goto err_free;`; the shared exit label kfree()s
 *     both, one of which may be NULL there (kfree(NULL) is a no-op);
 *   - probe tests a devm_kzalloc() and a devm_kcalloc() with
 *     `if (ts == NULL || rep == NULL) return -ENOMEM;`.
 *
 * A naive checker tracks a NULL test only when the whole condition is
 * `!p` or `p == NULL`; with the short-circuit `||` it sees no check for
 * the second operand (or for either), and reports hdr->magic, the memcpy()
 * into pkt and ts->client / rep[i].  On the fall-through path of
 * `!a || !b` both a and b are non-NULL, and the kfree() calls on the error
 * path accept NULL.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/firmware.h>
#include <linux/slab.h>
#include <linux/delay.h>

#define TFW_MAGIC	0x5446
#define TFW_CHUNK	64
#define TFW_PKT_SIZE	(sizeof(struct tfw_block_hdr) + TFW_CHUNK)
#define TFW_NREPORTS	10

struct tfw_block_hdr {
	__le16 magic;
	__le16 addr;
	u8 len;
	u8 flags;
} __packed;

struct tfw_report {
	u16 x, y;
	u8 pressure;
};

struct tfw_ts {
	struct i2c_client *client;
	struct tfw_report *reports;
	unsigned int fw_blocks;
};

static int tfw_flash(struct tfw_ts *ts, const struct firmware *fw)
{
	struct tfw_block_hdr *hdr;
	size_t off, n;
	u8 *pkt;
	int ret;

	hdr = kzalloc(sizeof(*hdr), GFP_KERNEL);
	pkt = kmalloc(TFW_PKT_SIZE, GFP_KERNEL);
	if (!hdr || !pkt) {
		ret = -ENOMEM;
		goto err_free;
	}

	hdr->magic = cpu_to_le16(TFW_MAGIC);
	for (off = 0; off < fw->size; off += n) {
		n = min_t(size_t, TFW_CHUNK, fw->size - off);
		hdr->addr = cpu_to_le16(off);
		hdr->len = n;
		hdr->flags = (off + n == fw->size) ? 1 : 0;
		memcpy(pkt, hdr, sizeof(*hdr));
		memcpy(pkt + sizeof(*hdr), fw->data + off, n);
		ret = i2c_master_send(ts->client, pkt, sizeof(*hdr) + n);
		if (ret < 0)
			goto err_free;
		ts->fw_blocks++;
		usleep_range(500, 1000);	/* flash page programming */
	}
	ret = 0;

err_free:
	kfree(pkt);
	kfree(hdr);
	return ret;
}

static int tfw_probe(struct i2c_client *client)
{
	const struct firmware *fw;
	struct tfw_report *rep;
	struct tfw_ts *ts;
	int i, ret;

	ts = devm_kzalloc(&client->dev, sizeof(*ts), GFP_KERNEL);
	rep = devm_kcalloc(&client->dev, TFW_NREPORTS, sizeof(*rep), GFP_KERNEL);
	if (ts == NULL || rep == NULL)
		return -ENOMEM;

	ts->client = client;
	for (i = 0; i < TFW_NREPORTS; i++)
		rep[i].pressure = 0;
	ts->reports = rep;
	i2c_set_clientdata(client, ts);

	ret = request_firmware(&fw, "tfw-touch.bin", &client->dev);
	if (ret)
		return ret;
	ret = tfw_flash(ts, fw);
	release_firmware(fw);
	if (ret)
		dev_err(&client->dev, "firmware download failed: %d\n", ret);
	return ret;
}

static const struct i2c_device_id tfw_ids[] = {
	{ "tfw-touch", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, tfw_ids);

static struct i2c_driver tfw_driver = {
	.driver		= { .name = "tfw-touch" },
	.probe_new	= tfw_probe,
	.id_table	= tfw_ids,
};
module_i2c_driver(tfw_driver);
MODULE_LICENSE("GPL");
