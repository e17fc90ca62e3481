// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: an error path calls the driver's unlock helper twice.
 *
 * Models "fix double unlock in set_time error path" patches in I2C RTC
 * drivers that wrap their mutex in lock/unlock helpers (which also freeze and
 * release the counter latch): the failure branch calls rtcx_unlock() itself
 * and then jumps to the exit label, which calls rtcx_unlock() again.
 */
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/rtc.h>
#include <linux/bcd.h>
#include <linux/mutex.h>

#define RTCX_REG_SECONDS	0x00
#define RTCX_REG_CTRL		0x0e
#define RTCX_CTRL_HOLD		BIT(0)

struct rtcx {
	struct i2c_client *client;
	struct rtc_device *rtc;
	struct mutex lock;
};

static void rtcx_lock(struct rtcx *rtc) __acquires(&rtc->lock)
{
	mutex_lock(&rtc->lock);
	i2c_smbus_write_byte_data(rtc->client, RTCX_REG_CTRL, RTCX_CTRL_HOLD);
}

static void rtcx_unlock(struct rtcx *rtc) __releases(&rtc->lock)
{
	i2c_smbus_write_byte_data(rtc->client, RTCX_REG_CTRL, 0);
	mutex_unlock(&rtc->lock);
}

static int rtcx_read_time(struct device *dev, struct rtc_time *tm)
{
	struct rtcx *rtc = dev_get_drvdata(dev);
	u8 regs[7];
	int ret;

	rtcx_lock(rtc);
	ret = i2c_smbus_read_i2c_block_data(rtc->client, RTCX_REG_SECONDS,
					    sizeof(regs), regs);
	rtcx_unlock(rtc);
	if (ret != sizeof(regs))
		return ret < 0 ? ret : -EIO;

	tm->tm_sec = bcd2bin(regs[0] & 0x7f);
	tm->tm_min = bcd2bin(regs[1] & 0x7f);
	tm->tm_hour = bcd2bin(regs[2] & 0x3f);
	tm->tm_mday = bcd2bin(regs[4] & 0x3f);
	tm->tm_mon = bcd2bin(regs[5] & 0x1f) - 1;
	tm->tm_year = bcd2bin(regs[6]) + 100;
	return 0;
}

static int rtcx_set_time(struct device *dev, struct rtc_time *tm)
{
	struct rtcx *rtc = dev_get_drvdata(dev);
	u8 regs[7] = {
		bin2bcd(tm->tm_sec), bin2bcd(tm->tm_min), bin2bcd(tm->tm_hour),
		bin2bcd(tm->tm_wday), bin2bcd(tm->tm_mday),
		bin2bcd(tm->tm_mon + 1), bin2bcd(tm->tm_year - 100),
	};
	int ret;

	rtcx_lock(rtc);
	ret = i2c_smbus_write_i2c_block_data(rtc->client, RTCX_REG_SECONDS,
					     sizeof(regs), regs);
	if (ret) {
		rtcx_unlock(rtc);
		dev_err(dev, "failed to write time: %d\n", ret);
		goto out;
	}
	dev_dbg(dev, "time set to %ptR\n", tm);
out:
	rtcx_unlock(rtc); /* expect: lock-imbalance */
	return ret;
}

static const struct rtc_class_ops rtcx_ops = {
	.read_time	= rtcx_read_time,
	.set_time	= rtcx_set_time,
};

static int rtcx_probe(struct i2c_client *client)
{
	struct rtcx *rtc;

	rtc = devm_kzalloc(&client->dev, sizeof(*rtc), GFP_KERNEL);
	if (!rtc)
		return -ENOMEM;
	rtc->client = client;
	mutex_init(&rtc->lock);
	i2c_set_clientdata(client, rtc);

	rtc->rtc = devm_rtc_allocate_device(&client->dev);
	if (IS_ERR(rtc->rtc))
		return PTR_ERR(rtc->rtc);
	rtc->rtc->ops = &rtcx_ops;
	rtc->rtc->range_min = RTC_TIMESTAMP_BEGIN_2000;
	rtc->rtc->range_max = RTC_TIMESTAMP_END_2099;
	return devm_rtc_register_device(rtc->rtc);
}

static struct i2c_driver rtcx_driver = {
	.driver		= { .name = "rtcx" },
	.probe_new	= rtcx_probe,
};
module_i2c_driver(rtcx_driver);
MODULE_LICENSE("GPL");
