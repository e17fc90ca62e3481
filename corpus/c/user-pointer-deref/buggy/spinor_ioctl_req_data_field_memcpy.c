// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: the ioctl request structure is copied correctly with
 * copy_from_user(), but its embedded user pointer (`u8 __user *data`) is
 * then used as a kernel pointer: memcpy() reads the payload straight from
 * user space.
 *
 * Models fixes like "copy the payload pointed to by the request with a
 * second copy_from_user()" in SPI NOR / SPI flash programming drivers
 * with a page-program ioctl: the handler copied the {offset, len, data}
 * descriptor and validated it, then memcpy()'d req.data into the transmit
 * buffer.  The fix copies the payload with copy_from_user() (and fails
 * with -EFAULT).
 */
#include <linux/module.h>
#include <linux/spi/spi.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/fs.h>

#define SNOR_CMD_WREN		0x06
#define SNOR_CMD_PP		0x02
#define SNOR_PAGE_SIZE		256
#define SNOR_SIZE		(4 * 1024 * 1024)

struct snor_prog_req {
	u32 offset;
	u32 len;
	u8 __user *data;
};

#define SNOR_IOC_MAGIC		'n'
#define SNOR_IOC_PROGRAM	_IOW(SNOR_IOC_MAGIC, 1, struct snor_prog_req)

struct snor {
	struct spi_device *spi;
	struct mutex lock;	/* protects txbuf and serialises programming */
	u8 txbuf[4 + SNOR_PAGE_SIZE];
	struct miscdevice misc;
};

static int snor_page_program(struct snor *sn, u32 offset, u32 len)
{
	u8 wren = SNOR_CMD_WREN;
	int ret;

	ret = spi_write(sn->spi, &wren, 1);
	if (ret)
		return ret;

	sn->txbuf[0] = SNOR_CMD_PP;
	sn->txbuf[1] = offset >> 16;
	sn->txbuf[2] = offset >> 8;
	sn->txbuf[3] = offset;
	return spi_write(sn->spi, sn->txbuf, 4 + len);
}

static long snor_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct snor *sn = container_of(file->private_data, struct snor, misc);
	struct snor_prog_req req;
	int ret;

	if (cmd != SNOR_IOC_PROGRAM)
		return -ENOTTY;

	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	if (!req.len || req.len > SNOR_PAGE_SIZE || req.offset >= SNOR_SIZE ||
	    (req.offset % SNOR_PAGE_SIZE) + req.len > SNOR_PAGE_SIZE)
		return -EINVAL;

	mutex_lock(&sn->lock);
	memcpy(sn->txbuf + 4, req.data, req.len); /* expect: user-pointer-deref */
	ret = snor_page_program(sn, req.offset, req.len);
	mutex_unlock(&sn->lock);
	return ret;
}

static const struct file_operations snor_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= snor_ioctl,
	.llseek		= noop_llseek,
};

static int snor_probe(struct spi_device *spi)
{
	struct snor *sn;

	sn = devm_kzalloc(&spi->dev, sizeof(*sn), GFP_KERNEL);
	if (!sn)
		return -ENOMEM;
	sn->spi = spi;
	mutex_init(&sn->lock);

	sn->misc.minor = MISC_DYNAMIC_MINOR;
	sn->misc.name = "snor-prog";
	sn->misc.fops = &snor_fops;
	sn->misc.parent = &spi->dev;
	sn->misc.mode = 0600;
	spi_set_drvdata(spi, sn);
	return misc_register(&sn->misc);
}

static void snor_remove(struct spi_device *spi)
{
	struct snor *sn = spi_get_drvdata(spi);

	misc_deregister(&sn->misc);
}

static const struct of_device_id snor_of_match[] = {
	{ .compatible = "example,spi-nor-prog" },
	{ }
};
MODULE_DEVICE_TABLE(of, snor_of_match);

static struct spi_driver snor_driver = {
	.driver = {
		.name		= "spi-nor-prog",
		.of_match_table	= snor_of_match,
	},
	.probe	= snor_probe,
	.remove	= snor_remove,
};
module_spi_driver(snor_driver);
MODULE_LICENSE("GPL");
