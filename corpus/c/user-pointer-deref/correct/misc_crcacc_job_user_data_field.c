// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: a job descriptor whose fields are themselves user pointers,
 * handled with a second copy and NULL comparisons only:
 *   - the descriptor is copied with copy_from_user(&job, argp, ...); its
 *     `const __u8 __user *data` field is compared with NULL, then the
 *     payload is copied with a SECOND copy_from_user() into a kmalloc()'d
 *     kernel buffer, which is memcpy()'d into the DMA buffer;
 *   - the optional `__u32 __user *result` field is only tested
 *     (`if (job.result)`) and passed to copy_to_user();
 *   - the driver-internal bounce pointer is passed to a same-file helper
 *     that memcpy()s it: kernel memory.
 *
 * A naive checker marks the struct copy as user-tainted because it holds
 * __user fields, and reports memcpy(ca->dma_buf, kdata, ...) (kdata was
 * filled from job.data) or the `job.data` / `job.result` NULL tests as
 * dereferences.  Reading a __user field of a kernel struct is not a read
 * of user memory; only the copy helpers follow those pointers.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/io.h>
#include <linux/iopoll.h>

#define CACC_SRC	0x00
#define CACC_LEN	0x08
#define CACC_CTRL	0x0c
#define CACC_CTRL_GO	BIT(0)
#define CACC_STATUS	0x10
#define CACC_STATUS_DONE BIT(0)
#define CACC_RESULT	0x14
#define CACC_MAX_LEN	65536

struct cacc_job {
	__u32 len;
	__u32 seed;
	const __u8 __user *data;
	__u32 __user *result;	/* optional, may be NULL */
};

#define CACC_IOC_MAGIC	'C'
#define CACC_IOC_CRC32	_IOW(CACC_IOC_MAGIC, 1, struct cacc_job)

struct cacc {
	void __iomem *base;
	struct device *dev;
	struct mutex lock;	/* one job in the engine at a time */
	void *dma_buf;
	dma_addr_t dma_addr;
	struct miscdevice misc;
};

static void cacc_stage(struct cacc *ca, const u8 *src, u32 len)
{
	memcpy(ca->dma_buf, src, len);
	writel(lower_32_bits(ca->dma_addr), ca->base + CACC_SRC);
	writel(len, ca->base + CACC_LEN);
}

static long cacc_crc32(struct cacc *ca, void __user *argp)
{
	struct cacc_job job;
	u32 status, crc = 0;
	u8 *kdata;
	int ret;

	if (copy_from_user(&job, argp, sizeof(job)))
		return -EFAULT;
	if (!job.len || job.len > CACC_MAX_LEN || job.data == NULL)
		return -EINVAL;

	kdata = kmalloc(job.len, GFP_KERNEL);
	if (!kdata)
		return -ENOMEM;
	if (copy_from_user(kdata, job.data, job.len)) {
		ret = -EFAULT;
		goto out_free;
	}

	mutex_lock(&ca->lock);
	cacc_stage(ca, kdata, job.len);
	writel(job.seed, ca->base + CACC_RESULT);
	writel(CACC_CTRL_GO, ca->base + CACC_CTRL);
	ret = readl_poll_timeout(ca->base + CACC_STATUS, status,
				 status & CACC_STATUS_DONE, 10, 100000);
	if (!ret)
		crc = readl(ca->base + CACC_RESULT);
	mutex_unlock(&ca->lock);

	if (!ret && job.result) {
		if (copy_to_user(job.result, &crc, sizeof(crc)))
			ret = -EFAULT;
	}
out_free:
	kfree(kdata);
	return ret;
}

static long cacc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct cacc *ca = container_of(file->private_data, struct cacc, misc);

	if (cmd != CACC_IOC_CRC32)
		return -ENOTTY;
	return cacc_crc32(ca, (void __user *)arg);
}

static const struct file_operations cacc_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= cacc_ioctl,
	.llseek		= noop_llseek,
};

static int cacc_probe(struct platform_device *pdev)
{
	struct cacc *ca;

	ca = devm_kzalloc(&pdev->dev, sizeof(*ca), GFP_KERNEL);
	if (!ca)
		return -ENOMEM;
	ca->dev = &pdev->dev;
	mutex_init(&ca->lock);
	ca->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(ca->base))
		return PTR_ERR(ca->base);
	ca->dma_buf = dmam_alloc_coherent(&pdev->dev, CACC_MAX_LEN, &ca->dma_addr, GFP_KERNEL);
	if (!ca->dma_buf)
		return -ENOMEM;

	ca->misc.minor = MISC_DYNAMIC_MINOR;
	ca->misc.name = "crc-acc";
	ca->misc.fops = &cacc_fops;
	ca->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, ca);
	return misc_register(&ca->misc);
}

static int cacc_remove(struct platform_device *pdev)
{
	struct cacc *ca = platform_get_drvdata(pdev);

	misc_deregister(&ca->misc);
	return 0;
}

static const struct of_device_id cacc_of_match[] = {
	{ .compatible = "example,crc-accel" },
	{ }
};
MODULE_DEVICE_TABLE(of, cacc_of_match);

static struct platform_driver cacc_driver = {
	.probe	= cacc_probe,
	.remove	= cacc_remove,
	.driver	= {
		.name		= "crc-accel",
		.of_match_table	= cacc_of_match,
	},
};
module_platform_driver(cacc_driver);
MODULE_LICENSE("GPL");
