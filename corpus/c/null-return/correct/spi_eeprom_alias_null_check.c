// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: the NULL test is made on an ALIAS of the allocated pointer and
 * the dereferences use the original name.
 *   - seep_read_id(): `buf = kzalloc(); cmd = buf; if (!cmd) return -ENOMEM;`
 *     then buf[0] and the spi_write_then_read() into buf + 1;
 *   - seep_write_page(): `mem = kmalloc(); pc = mem; if (pc == NULL) ...`
 *     (pc is the typed view of the same block) then memset(mem, ...) and
 *     memcpy() into pc->data.
 * Both shapes appear in real SPI drivers, which need kmalloc()'d (DMA-safe)
 * transfer buffers and often keep a byte view and a typed view of one.
 *
 * A naive checker keys the NULL test to the variable name and reports
 * buf[0] and memset(mem, ...) as unchecked dereferences.  After a plain
 * copy `cmd = buf` (or `pc = mem`) both names hold the same value, so the
 * early return on the alias being NULL protects every later use of the
 * original.
 */
#include <linux/module.h>
#include <linux/spi/spi.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <linux/delay.h>

#define SEEP_OP_WREN	0x06
#define SEEP_OP_PROG	0x02
#define SEEP_OP_RDID	0x9f
#define SEEP_ID_LEN	3
#define SEEP_PAGE_SIZE	64

struct seep_prog_cmd {
	u8 op;
	u8 addr[3];
	u8 data[];
} __packed;

struct seep {
	struct spi_device *spi;
	struct mutex lock;	/* one program cycle at a time */
	u8 id[SEEP_ID_LEN];
};

static int seep_read_id(struct seep *ee)
{
	u8 *buf, *cmd;
	int ret;

	buf = kzalloc(1 + SEEP_ID_LEN, GFP_KERNEL);	/* DMA-safe, not on stack */
	cmd = buf;
	if (!cmd)
		return -ENOMEM;

	buf[0] = SEEP_OP_RDID;
	ret = spi_write_then_read(ee->spi, buf, 1, buf + 1, SEEP_ID_LEN);
	if (!ret)
		memcpy(ee->id, buf + 1, SEEP_ID_LEN);
	kfree(cmd);
	return ret;
}

static int seep_write_page(struct seep *ee, u32 addr, const u8 *data, size_t len)
{
	static const u8 wren = SEEP_OP_WREN;
	struct seep_prog_cmd *pc;
	void *mem;
	int ret;

	if (len > SEEP_PAGE_SIZE)
		return -EINVAL;

	mem = kmalloc(sizeof(*pc) + len, GFP_KERNEL);
	pc = mem;
	if (pc == NULL)
		return -ENOMEM;

	memset(mem, 0, sizeof(*pc));
	pc->op = SEEP_OP_PROG;
	pc->addr[0] = addr >> 16;
	pc->addr[1] = addr >> 8;
	pc->addr[2] = addr;
	memcpy(pc->data, data, len);

	mutex_lock(&ee->lock);
	ret = spi_write_then_read(ee->spi, &wren, 1, NULL, 0);
	if (!ret)
		ret = spi_write(ee->spi, mem, sizeof(*pc) + len);
	if (!ret)
		msleep(5);	/* tWC: self-timed write cycle */
	mutex_unlock(&ee->lock);

	kfree(mem);
	return ret;
}

static ssize_t signature_store(struct device *dev, struct device_attribute *attr,
			       const char *buf, size_t count)
{
	struct seep *ee = dev_get_drvdata(dev);
	size_t len = min_t(size_t, count, SEEP_PAGE_SIZE);
	int ret;

	ret = seep_write_page(ee, 0, (const u8 *)buf, len);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(signature);

static struct attribute *seep_attrs[] = {
	&dev_attr_signature.attr,
	NULL
};
ATTRIBUTE_GROUPS(seep);

static int seep_probe(struct spi_device *spi)
{
	struct seep *ee;
	int ret;

	ee = devm_kzalloc(&spi->dev, sizeof(*ee), GFP_KERNEL);
	if (!ee)
		return -ENOMEM;
	ee->spi = spi;
	mutex_init(&ee->lock);
	spi_set_drvdata(spi, ee);

	ret = seep_read_id(ee);
	if (ret)
		return ret;
	dev_info(&spi->dev, "id %02x %02x %02x\n", ee->id[0], ee->id[1], ee->id[2]);
	return 0;
}

static const struct of_device_id seep_of_match[] = {
	{ .compatible = "example,spi-eeprom-64" },
	{ }
};
MODULE_DEVICE_TABLE(of, seep_of_match);

static struct spi_driver seep_driver = {
	.driver = {
		.name		= "spi-eeprom-64",
		.of_match_table	= seep_of_match,
		.dev_groups	= seep_groups,
	},
	.probe	= seep_probe,
};
module_spi_driver(seep_driver);
MODULE_LICENSE("GPL");
