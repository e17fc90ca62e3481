// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usleep_range() inside a local_irq_save() section: sleeping
 * with local interrupts disabled.
 *
 * Models fixes like "use udelay() for the clock high time" in bit-banged
 * 3-wire RTC/EEPROM drivers: the transfer disables interrupts so the serial
 * clock is not stretched by an interrupt, but the command phase was
 * converted to usleep_range() during a "don't busy-wait" cleanup.  The fix
 * goes back to udelay() inside the irq-off window, as the data phase uses.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/of.h>
#include <linux/mutex.h>
#include <linux/irqflags.h>
#include <linux/delay.h>
#include <linux/sysfs.h>
#include <linux/io.h>

#define RTC3W_GPIO_OUT		0x00
#define RTC3W_GPIO_IN		0x04
#define RTC3W_GPIO_DIR		0x08
#define RTC3W_CE		BIT(0)
#define RTC3W_SCLK		BIT(1)
#define RTC3W_IO		BIT(2)
#define RTC3W_DIR_OUT		(RTC3W_CE | RTC3W_SCLK | RTC3W_IO)
#define RTC3W_DIR_IN		(RTC3W_CE | RTC3W_SCLK)

#define RTC3W_CMD_READ_SEC	0x81
#define RTC3W_CMD_READ_MIN	0x83

struct rtc3w {
	void __iomem *gpio;
	struct mutex xfer_lock;		/* one transfer on the wire at a time */
};

static u8 rtc3w_read_reg(struct rtc3w *r, u8 cmd)
{
	unsigned long flags;
	u32 out;
	u8 val = 0;
	int i;

	mutex_lock(&r->xfer_lock);
	writel(RTC3W_DIR_OUT, r->gpio + RTC3W_GPIO_DIR);
	writel(RTC3W_CE, r->gpio + RTC3W_GPIO_OUT);

	local_irq_save(flags);
	/* command byte, LSB first, sampled by the chip on the rising edge */
	for (i = 0; i < 8; i++) {
		out = RTC3W_CE | ((cmd >> i) & 1 ? RTC3W_IO : 0);
		writel(out, r->gpio + RTC3W_GPIO_OUT);
		writel(out | RTC3W_SCLK, r->gpio + RTC3W_GPIO_OUT);
		usleep_range(2, 5); /* expect: sleep-in-atomic */
		writel(out, r->gpio + RTC3W_GPIO_OUT);
	}
	/* data byte, driven by the chip after each falling edge */
	writel(RTC3W_DIR_IN, r->gpio + RTC3W_GPIO_DIR);
	for (i = 0; i < 8; i++) {
		if (readl(r->gpio + RTC3W_GPIO_IN) & RTC3W_IO)
			val |= BIT(i);
		writel(RTC3W_CE | RTC3W_SCLK, r->gpio + RTC3W_GPIO_OUT);
		udelay(2);
		writel(RTC3W_CE, r->gpio + RTC3W_GPIO_OUT);
	}
	local_irq_restore(flags);

	writel(0, r->gpio + RTC3W_GPIO_OUT);
	mutex_unlock(&r->xfer_lock);
	return val;
}

static ssize_t time_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct rtc3w *r = dev_get_drvdata(dev);
	u8 min, sec;

	min = rtc3w_read_reg(r, RTC3W_CMD_READ_MIN);
	sec = rtc3w_read_reg(r, RTC3W_CMD_READ_SEC);
	return sysfs_emit(buf, "%02x:%02x\n", min & 0x7f, sec & 0x7f);
}
static DEVICE_ATTR_RO(time);

static struct attribute *rtc3w_attrs[] = {
	&dev_attr_time.attr,
	NULL
};
ATTRIBUTE_GROUPS(rtc3w);

static int rtc3w_probe(struct platform_device *pdev)
{
	struct rtc3w *r;

	r = devm_kzalloc(&pdev->dev, sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	mutex_init(&r->xfer_lock);
	r->gpio = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(r->gpio))
		return PTR_ERR(r->gpio);

	writel(0, r->gpio + RTC3W_GPIO_OUT);
	writel(RTC3W_DIR_OUT, r->gpio + RTC3W_GPIO_DIR);
	platform_set_drvdata(pdev, r);
	return 0;
}

static const struct of_device_id rtc3w_of_match[] = {
	{ .compatible = "example,rtc-3wire" },
	{ }
};
MODULE_DEVICE_TABLE(of, rtc3w_of_match);

static struct platform_driver rtc3w_driver = {
	.probe	= rtc3w_probe,
	.driver	= {
		.name		= "rtc-3wire",
		.of_match_table	= rtc3w_of_match,
		.dev_groups	= rtc3w_groups,
	},
};
module_platform_driver(rtc3w_driver);
MODULE_LICENSE("GPL");
