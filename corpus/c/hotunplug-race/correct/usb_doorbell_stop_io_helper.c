// SPDX-License-Identifier: GPL-2.0
/* Doorbell USB intercom button: bell_stop_io() quiesces URB and work before the free. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/device.h>

#define BELL_REPORT_LEN		4
#define BELL_REQ_ACK_RING	0x05
#define BELL_TIMEOUT_MS		300

struct doorbell {
	struct usb_interface *intf;
	struct usb_device *udev;
	struct urb *irq_urb;
	u8 *report;
	struct work_struct ring_work;
	u8 ring_seq;
};

static void bell_ring_work(struct work_struct *work)
{
	struct doorbell *bell = container_of(work, struct doorbell, ring_work);
	int ret;

	kobject_uevent(&bell->intf->dev.kobj, KOBJ_CHANGE);
	ret = usb_control_msg_send(bell->udev, 0, BELL_REQ_ACK_RING,
				   USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
				   bell->ring_seq, 0, NULL, 0, BELL_TIMEOUT_MS, GFP_KERNEL);
	if (ret)
		dev_warn(&bell->intf->dev, "ring ack failed: %d\n", ret);
}

static void bell_irq(struct urb *urb)
{
	struct doorbell *bell = urb->context;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	if (!urb->status && (bell->report[0] & 0x01)) {
		bell->ring_seq = bell->report[1];
		schedule_work(&bell->ring_work);
	}
	if (usb_submit_urb(urb, GFP_ATOMIC))
		dev_dbg(&bell->intf->dev, "irq resubmit failed\n");
}

static void bell_stop_io(struct doorbell *bell)
{
	usb_kill_urb(bell->irq_urb);		/* no new work after this */
	cancel_work_sync(&bell->ring_work);
}

static int bell_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct doorbell *bell;
	int ret;

	ret = usb_find_int_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	bell = kzalloc(sizeof(*bell), GFP_KERNEL);
	if (!bell)
		return -ENOMEM;
	bell->intf = intf;
	bell->udev = interface_to_usbdev(intf);
	INIT_WORK(&bell->ring_work, bell_ring_work);
	bell->report = kmalloc(BELL_REPORT_LEN, GFP_KERNEL);
	bell->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!bell->report || !bell->irq_urb) {
		ret = -ENOMEM;
		goto err_free;
	}
	usb_fill_int_urb(bell->irq_urb, bell->udev,
			 usb_rcvintpipe(bell->udev, ep->bEndpointAddress),
			 bell->report, BELL_REPORT_LEN, bell_irq, bell, ep->bInterval);
	usb_set_intfdata(intf, bell);
	ret = usb_submit_urb(bell->irq_urb, GFP_KERNEL);
	if (ret)
		goto err_free;
	return 0;

err_free:
	usb_free_urb(bell->irq_urb);
	kfree(bell->report);
	kfree(bell);
	return ret;
}

static int bell_suspend(struct usb_interface *intf, pm_message_t message)
{
	bell_stop_io(usb_get_intfdata(intf));
	return 0;
}

static int bell_resume(struct usb_interface *intf)
{
	struct doorbell *bell = usb_get_intfdata(intf);

	return usb_submit_urb(bell->irq_urb, GFP_NOIO);
}

static void bell_disconnect(struct usb_interface *intf)
{
	struct doorbell *bell = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	bell_stop_io(bell);
	usb_free_urb(bell->irq_urb);
	kfree(bell->report);
	kfree(bell);
}

static const struct usb_device_id bell_ids[] = {
	{ USB_DEVICE(0x2f1c, 0xd00b) },
	{ }
};
MODULE_DEVICE_TABLE(usb, bell_ids);

static struct usb_driver bell_driver = {
	.name			= "doorbell",
	.probe			= bell_probe,
	.disconnect		= bell_disconnect,
	.suspend		= bell_suspend,
	.resume			= bell_resume,
	.id_table		= bell_ids,
	.supports_autosuspend	= 1,
};
module_usb_driver(bell_driver);
MODULE_LICENSE("GPL");
