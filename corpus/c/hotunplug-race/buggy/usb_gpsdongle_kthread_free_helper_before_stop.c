// SPDX-License-Identifier: GPL-2.0
/* Gpsdongle USB GNSS receiver; bug: gpsd_free() frees the device before kthread_stop(). */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <linux/device.h>

#define GPSD_NMEA_LEN		128
#define GPSD_POLL_MS		200
#define GPSD_TIMEOUT_MS		1000

struct gpsdongle {
	struct usb_device *udev;
	struct task_struct *poller;
	unsigned int bulk_in_pipe;
	struct mutex fix_lock;		/* protects last_fix, sentences */
	char last_fix[GPSD_NMEA_LEN];
	unsigned long sentences;
};

static int gpsd_poll_thread(void *data)
{
	struct gpsdongle *gd = data;
	char *buf;
	int len, ret;

	buf = kmalloc(GPSD_NMEA_LEN, GFP_KERNEL);
	while (!kthread_should_stop()) {	/* keep running until kthread_stop() */
		ret = buf ? usb_bulk_msg(gd->udev, gd->bulk_in_pipe, buf, GPSD_NMEA_LEN - 1, &len,
					 GPSD_TIMEOUT_MS) : -ENOMEM;
		if (!ret && len > 6 && !memcmp(buf, "$GPGGA", 6)) {
			buf[len] = '\0';
			mutex_lock(&gd->fix_lock);
			strscpy(gd->last_fix, buf, sizeof(gd->last_fix));
			gd->sentences++;
			mutex_unlock(&gd->fix_lock);
		}
		msleep_interruptible(GPSD_POLL_MS);
	}
	kfree(buf);
	return 0;
}

static ssize_t fix_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct gpsdongle *gd = usb_get_intfdata(to_usb_interface(dev));
	ssize_t n;

	mutex_lock(&gd->fix_lock);
	n = sysfs_emit(buf, "%s\n", gd->last_fix);
	mutex_unlock(&gd->fix_lock);
	return n;
}
static DEVICE_ATTR_RO(fix);

static struct attribute *gpsd_attrs[] = {
	&dev_attr_fix.attr,
	NULL
};
ATTRIBUTE_GROUPS(gpsd);

static void gpsd_free(struct gpsdongle *gd)
{
	usb_put_dev(gd->udev);
	kfree(gd); /* expect: hotunplug-race */
}

static int gpsd_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *bulk_in;
	struct gpsdongle *gd;
	int ret;

	ret = usb_find_bulk_in_endpoint(intf->cur_altsetting, &bulk_in);
	if (ret)
		return ret;
	gd = kzalloc(sizeof(*gd), GFP_KERNEL);
	if (!gd)
		return -ENOMEM;
	gd->udev = usb_get_dev(interface_to_usbdev(intf));
	gd->bulk_in_pipe = usb_rcvbulkpipe(gd->udev, bulk_in->bEndpointAddress);
	mutex_init(&gd->fix_lock);
	usb_set_intfdata(intf, gd);

	gd->poller = kthread_run(gpsd_poll_thread, gd, "gpsd-%s", dev_name(&intf->dev));
	if (IS_ERR(gd->poller)) {
		ret = PTR_ERR(gd->poller);
		goto err_free;
	}
	return 0;

err_free:
	usb_set_intfdata(intf, NULL);
	gpsd_free(gd);
	return ret;
}

static void gpsd_disconnect(struct usb_interface *intf)
{
	struct gpsdongle *gd = usb_get_intfdata(intf);
	struct task_struct *poller = gd->poller;

	usb_set_intfdata(intf, NULL);
	gpsd_free(gd);
	kthread_stop(poller);
}

static const struct usb_device_id gpsd_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x6e55) },
	{ }
};
MODULE_DEVICE_TABLE(usb, gpsd_ids);

static struct usb_driver gpsd_driver = {
	.name		= "gpsdongle",
	.probe		= gpsd_probe,
	.disconnect	= gpsd_disconnect,
	.id_table	= gpsd_ids,
	.dev_groups	= gpsd_groups,
};
module_usb_driver(gpsd_driver);
MODULE_LICENSE("GPL");
