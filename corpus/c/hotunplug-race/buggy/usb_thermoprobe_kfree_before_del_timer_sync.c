// SPDX-License-Identifier: GPL-2.0
/* Thermoprobe USB thermocouple; bug: disconnect frees the device before del_timer_sync(). */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/device.h>

#define TPROBE_REQ_GET_VERSION	0x20
#define TPROBE_REQ_READ_TEMP	0x21
#define TPROBE_DECAY_MS		1000
#define TPROBE_TIMEOUT_MS	500

struct thermoprobe {
	struct usb_device *udev;
	struct mutex io_mutex;		/* serialises control transfers */
	spinlock_t peak_lock;		/* protects peak_mc */
	struct timer_list decay_timer;
	int peak_mc;
	unsigned int decay_step_mc;
};

static void tprobe_decay(struct timer_list *t)
{
	struct thermoprobe *tp = from_timer(tp, t, decay_timer);
	unsigned long flags;

	spin_lock_irqsave(&tp->peak_lock, flags);
	tp->peak_mc -= tp->decay_step_mc;
	spin_unlock_irqrestore(&tp->peak_lock, flags);
	mod_timer(&tp->decay_timer, jiffies + msecs_to_jiffies(TPROBE_DECAY_MS));
}

static ssize_t temp_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct thermoprobe *tp = usb_get_intfdata(to_usb_interface(dev));
	unsigned long flags;
	__le32 raw;
	int ret, mc;

	mutex_lock(&tp->io_mutex);
	ret = usb_control_msg_recv(tp->udev, 0, TPROBE_REQ_READ_TEMP,
				   USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE, 0, 0,
				   &raw, sizeof(raw), TPROBE_TIMEOUT_MS, GFP_KERNEL);
	mutex_unlock(&tp->io_mutex);
	if (ret)
		return ret;
	mc = (s32)le32_to_cpu(raw);
	spin_lock_irqsave(&tp->peak_lock, flags);
	if (mc > tp->peak_mc)
		tp->peak_mc = mc;
	spin_unlock_irqrestore(&tp->peak_lock, flags);
	return sysfs_emit(buf, "%d\n", mc);
}
static DEVICE_ATTR_RO(temp);

static ssize_t peak_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct thermoprobe *tp = usb_get_intfdata(to_usb_interface(dev));

	return sysfs_emit(buf, "%d\n", READ_ONCE(tp->peak_mc));
}
static DEVICE_ATTR_RO(peak);

static struct attribute *tprobe_attrs[] = {
	&dev_attr_temp.attr,
	&dev_attr_peak.attr,
	NULL
};
ATTRIBUTE_GROUPS(tprobe);

static int tprobe_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct thermoprobe *tp;
	u8 fw_ver;
	int ret;

	tp = kzalloc(sizeof(*tp), GFP_KERNEL);
	if (!tp)
		return -ENOMEM;
	tp->udev = usb_get_dev(interface_to_usbdev(intf));
	mutex_init(&tp->io_mutex);
	spin_lock_init(&tp->peak_lock);
	tp->decay_step_mc = 100;
	tp->peak_mc = -273150;
	ret = usb_control_msg_recv(tp->udev, 0, TPROBE_REQ_GET_VERSION,
				   USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE, 0, 0,
				   &fw_ver, sizeof(fw_ver), TPROBE_TIMEOUT_MS, GFP_KERNEL);
	if (ret) {
		dev_err(&intf->dev, "cannot read firmware version: %d\n", ret);
		goto err_put;
	}
	usb_set_intfdata(intf, tp);

	timer_setup(&tp->decay_timer, tprobe_decay, 0);
	mod_timer(&tp->decay_timer, jiffies + msecs_to_jiffies(TPROBE_DECAY_MS));
	dev_info(&intf->dev, "thermoprobe fw %u attached\n", fw_ver);
	return 0;

err_put:
	usb_put_dev(tp->udev);
	kfree(tp);
	return ret;
}

static void tprobe_disconnect(struct usb_interface *intf)
{
	struct thermoprobe *tp = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	usb_put_dev(tp->udev);
	kfree(tp); /* expect: hotunplug-race */
	del_timer_sync(&tp->decay_timer);
}

static const struct usb_device_id tprobe_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x0c44) },
	{ }
};
MODULE_DEVICE_TABLE(usb, tprobe_ids);

static struct usb_driver tprobe_driver = {
	.name		= "thermoprobe",
	.probe		= tprobe_probe,
	.disconnect	= tprobe_disconnect,
	.id_table	= tprobe_ids,
	.dev_groups	= tprobe_groups,
};
module_usb_driver(tprobe_driver);
MODULE_DESCRIPTION("Thermoprobe USB thermocouple reader");
MODULE_LICENSE("GPL");
