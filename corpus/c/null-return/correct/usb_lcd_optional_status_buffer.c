// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: an OPTIONAL buffer is allocated in probe and stored in a struct
 * field without a NULL test; the test is made later, in another function,
 * before the first use.
 *
 * The USB character LCD has an optional interrupt endpoint reporting the
 * keypad state.  Probe allocates its URB and buffer into lcd->stat_urb and
 * lcd->stat_buf and deliberately does not fail when either allocation
 * fails: the display works without the keypad.  ulcd_start_status() tests
 * `if (!lcd->stat_buf) return;` and `if (!lcd->stat_urb) return;` before
 * filling and submitting the URB; the completion handler only runs for a
 * submitted URB; disconnect hands both fields to usb_free_urb()/kfree(),
 * which accept NULL.
 *
 * A naive checker sees `lcd->stat_buf = kmalloc(...)` with no test in
 * probe and reports the first use it finds.  None is unguarded: probe
 * itself never dereferences the fields, and the only dereferences are in
 * ulcd_start_status() after the early returns and in the completion of the
 * URB it submitted.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/device.h>

#define ULCD_EP_OUT	0x01
#define ULCD_EP_INT	0x82
#define ULCD_STAT_LEN	8
#define ULCD_COLS	20
#define ULCD_TIMEOUT	1000

struct ulcd {
	struct usb_device *udev;
	struct urb *stat_urb;	/* optional keypad status, may be NULL */
	u8 *stat_buf;		/* optional, may be NULL */
	u8 keys;
};

static void ulcd_status_complete(struct urb *urb)
{
	struct ulcd *lcd = urb->context;

	if (urb->status)
		return;
	lcd->keys = lcd->stat_buf[0];
	usb_submit_urb(urb, GFP_ATOMIC);
}

static void ulcd_start_status(struct ulcd *lcd)
{
	if (!lcd->stat_buf)
		return;		/* allocation failed in probe: no keypad */
	if (!lcd->stat_urb)
		return;

	lcd->stat_buf[0] = 0;
	usb_fill_int_urb(lcd->stat_urb, lcd->udev, usb_rcvintpipe(lcd->udev, ULCD_EP_INT),
			 lcd->stat_buf, ULCD_STAT_LEN, ulcd_status_complete, lcd, 16);
	if (usb_submit_urb(lcd->stat_urb, GFP_KERNEL))
		dev_warn(&lcd->udev->dev, "keypad status unavailable\n");
}

static ssize_t text_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct ulcd *lcd = dev_get_drvdata(dev);
	size_t len = min_t(size_t, count, ULCD_COLS);
	int actual, ret;
	u8 *xfer;

	xfer = kmemdup(buf, len, GFP_KERNEL);	/* USB buffers must be kmalloc()'d */
	if (!xfer)
		return -ENOMEM;
	ret = usb_bulk_msg(lcd->udev, usb_sndbulkpipe(lcd->udev, ULCD_EP_OUT),
			   xfer, len, &actual, ULCD_TIMEOUT);
	kfree(xfer);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(text);

static int ulcd_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct ulcd *lcd;
	int ret;

	lcd = kzalloc(sizeof(*lcd), GFP_KERNEL);
	if (!lcd)
		return -ENOMEM;
	lcd->udev = usb_get_dev(interface_to_usbdev(intf));

	/* keypad support is optional: keep going without it */
	lcd->stat_urb = usb_alloc_urb(0, GFP_KERNEL);
	lcd->stat_buf = kmalloc(ULCD_STAT_LEN, GFP_KERNEL);

	usb_set_intfdata(intf, lcd);
	ret = device_create_file(&intf->dev, &dev_attr_text);
	if (ret)
		goto err_free;
	ulcd_start_status(lcd);
	return 0;

err_free:
	usb_set_intfdata(intf, NULL);
	usb_free_urb(lcd->stat_urb);
	kfree(lcd->stat_buf);
	usb_put_dev(lcd->udev);
	kfree(lcd);
	return ret;
}

static void ulcd_disconnect(struct usb_interface *intf)
{
	struct ulcd *lcd = usb_get_intfdata(intf);

	device_remove_file(&intf->dev, &dev_attr_text);
	usb_kill_urb(lcd->stat_urb);
	usb_free_urb(lcd->stat_urb);
	kfree(lcd->stat_buf);
	usb_put_dev(lcd->udev);
	kfree(lcd);
}

static const struct usb_device_id ulcd_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7c01) },
	{ }
};
MODULE_DEVICE_TABLE(usb, ulcd_ids);

static struct usb_driver ulcd_driver = {
	.name		= "usb-charlcd",
	.id_table	= ulcd_ids,
	.probe		= ulcd_probe,
	.disconnect	= ulcd_disconnect,
};
module_usb_driver(ulcd_driver);
MODULE_LICENSE("GPL");
