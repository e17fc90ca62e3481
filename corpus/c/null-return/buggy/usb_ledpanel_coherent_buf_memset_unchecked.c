// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_alloc_coherent() result cleared with memset() without a
 * NULL check.
 *
 * Models fixes like "handle usb_alloc_coherent() failure" in small USB
 * HID-style output devices that push a fixed-size report over an
 * interrupt-out endpoint from a DMA-coherent buffer: probe allocates the
 * buffer and zeroes the initial report at once.  The fix checks the buffer
 * and unwinds the URB.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <linux/sysfs.h>
#include <linux/kernel.h>

#define LEDP_REPORT_LEN		8
#define LEDP_REPORT_ID		0x02

struct ledpanel {
	struct usb_device *udev;
	struct urb *out_urb;
	u8 *report;
	dma_addr_t report_dma;
	struct mutex lock;	/* one report in flight */
	u8 levels[LEDP_REPORT_LEN - 1];
};

static void ledpanel_out_complete(struct urb *urb)
{
	struct ledpanel *lp = urb->context;

	if (urb->status && urb->status != -ENOENT && urb->status != -ESHUTDOWN)
		dev_warn(&lp->udev->dev, "report failed: %d\n", urb->status);
}

static ssize_t level_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct ledpanel *lp = usb_get_intfdata(to_usb_interface(dev));
	unsigned int val;
	int ret;

	ret = kstrtouint(buf, 0, &val);
	if (ret)
		return ret;

	mutex_lock(&lp->lock);
	usb_kill_urb(lp->out_urb);
	memset(lp->levels, clamp_val(val, 0, 255), sizeof(lp->levels));
	lp->report[0] = LEDP_REPORT_ID;
	memcpy(lp->report + 1, lp->levels, sizeof(lp->levels));
	ret = usb_submit_urb(lp->out_urb, GFP_KERNEL);
	mutex_unlock(&lp->lock);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(level);

static int ledpanel_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *out;
	struct ledpanel *lp;
	int ret;

	ret = usb_find_common_endpoints(intf->cur_altsetting, NULL, NULL, NULL, &out);
	if (ret)
		return ret;

	lp = devm_kzalloc(&intf->dev, sizeof(*lp), GFP_KERNEL);
	if (!lp)
		return -ENOMEM;
	lp->udev = interface_to_usbdev(intf);
	mutex_init(&lp->lock);

	lp->out_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!lp->out_urb)
		return -ENOMEM;

	lp->report = usb_alloc_coherent(lp->udev, LEDP_REPORT_LEN, GFP_KERNEL, &lp->report_dma);
	memset(lp->report, 0, LEDP_REPORT_LEN); /* expect: null-return */

	usb_fill_int_urb(lp->out_urb, lp->udev,
			 usb_sndintpipe(lp->udev, usb_endpoint_num(out)),
			 lp->report, LEDP_REPORT_LEN, ledpanel_out_complete, lp,
			 out->bInterval);
	lp->out_urb->transfer_dma = lp->report_dma;
	lp->out_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	usb_set_intfdata(intf, lp);
	ret = device_create_file(&intf->dev, &dev_attr_level);
	if (ret)
		goto err_free_buf;
	return 0;

err_free_buf:
	usb_set_intfdata(intf, NULL);
	usb_free_coherent(lp->udev, LEDP_REPORT_LEN, lp->report, lp->report_dma);
	usb_free_urb(lp->out_urb);
	return ret;
}

static void ledpanel_disconnect(struct usb_interface *intf)
{
	struct ledpanel *lp = usb_get_intfdata(intf);

	device_remove_file(&intf->dev, &dev_attr_level);
	usb_kill_urb(lp->out_urb);
	usb_free_coherent(lp->udev, LEDP_REPORT_LEN, lp->report, lp->report_dma);
	usb_free_urb(lp->out_urb);
}

static const struct usb_device_id ledpanel_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7a02) },
	{ }
};
MODULE_DEVICE_TABLE(usb, ledpanel_ids);

static struct usb_driver ledpanel_driver = {
	.name		= "exmp-ledpanel",
	.probe		= ledpanel_probe,
	.disconnect	= ledpanel_disconnect,
	.id_table	= ledpanel_ids,
};
module_usb_driver(ledpanel_driver);
MODULE_LICENSE("GPL");
