// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: down_read() on an rw_semaphore without the matching up_read()
 * on one error path.
 *
 * Models fixes like "release cal_sem on invalid channel" in ADC drivers that
 * keep a firmware-supplied calibration table behind an rw_semaphore: the
 * lookup takes the read side, validates the channel index and returns
 * -EINVAL with the semaphore still held, so the next firmware reload blocks
 * forever in down_write().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/firmware.h>
#include <linux/rwsem.h>
#include <linux/slab.h>

struct adcx_cal_entry {
	s32 offset;
	u32 gain;	/* Q16.16 */
};

struct adcx {
	struct device *dev;
	struct rw_semaphore cal_sem;
	struct adcx_cal_entry *cal;
	unsigned int ncal;
};

int adcx_apply_cal(struct adcx *adc, unsigned int channel, s32 raw, s32 *out)
{
	const struct adcx_cal_entry *e;

	down_read(&adc->cal_sem);
	if (!adc->cal) {
		up_read(&adc->cal_sem);
		return -ENODATA;
	}
	if (channel >= adc->ncal) {
		dev_err(adc->dev, "no calibration for channel %u\n", channel);
		return -EINVAL; /* expect: lock-imbalance */
	}
	e = &adc->cal[channel];
	*out = (s32)(((s64)(raw - e->offset) * e->gain) >> 16);
	up_read(&adc->cal_sem);
	return 0;
}
EXPORT_SYMBOL_GPL(adcx_apply_cal);

static int adcx_load_cal(struct adcx *adc)
{
	const struct firmware *fw;
	struct adcx_cal_entry *tbl, *old;
	unsigned int n;
	int ret;

	ret = request_firmware(&fw, "adcx-cal.bin", adc->dev);
	if (ret)
		return ret;
	n = fw->size / sizeof(*tbl);
	if (!n) {
		release_firmware(fw);
		return -EINVAL;
	}
	tbl = kmemdup(fw->data, n * sizeof(*tbl), GFP_KERNEL);
	release_firmware(fw);
	if (!tbl)
		return -ENOMEM;

	down_write(&adc->cal_sem);
	old = adc->cal;
	adc->cal = tbl;
	adc->ncal = n;
	up_write(&adc->cal_sem);

	kfree(old);
	return 0;
}

static int adcx_probe(struct platform_device *pdev)
{
	struct adcx *adc;
	int ret;

	adc = devm_kzalloc(&pdev->dev, sizeof(*adc), GFP_KERNEL);
	if (!adc)
		return -ENOMEM;
	adc->dev = &pdev->dev;
	init_rwsem(&adc->cal_sem);
	platform_set_drvdata(pdev, adc);

	ret = adcx_load_cal(adc);
	if (ret)
		dev_warn(&pdev->dev, "running uncalibrated: %d\n", ret);
	return 0;
}

static int adcx_remove(struct platform_device *pdev)
{
	struct adcx *adc = platform_get_drvdata(pdev);

	down_write(&adc->cal_sem);
	kfree(adc->cal);
	adc->cal = NULL;
	adc->ncal = 0;
	up_write(&adc->cal_sem);
	return 0;
}

static struct platform_driver adcx_driver = {
	.probe	= adcx_probe,
	.remove	= adcx_remove,
	.driver	= { .name = "adcx" },
};
module_platform_driver(adcx_driver);
MODULE_LICENSE("GPL");
MODULE_FIRMWARE("adcx-cal.bin");
