// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_control_msg() in a tasklet callback registered with
 * tasklet_setup().
 *
 * Models fixes like "move the event acknowledge out of the tasklet" in USB
 * I/O-board and HID-like drivers: the interrupt-URB completion schedules a
 * tasklet that reports the input change and then acknowledges the event to
 * the device with a synchronous control transfer.  usb_control_msg() waits
 * for the transfer to finish and sleeps, but a tasklet runs in softirq
 * context.  The fix keeps the tasklet for the input reporting and defers the
 * acknowledge to a work item.
 * Fixed twin: the tasklet records the mask and schedules ack_work, which sends the
 * control message in process context.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/input.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#define IOB_REQ_ACK_EVENT	0x21
#define IOB_NINPUTS		8
#define IOB_REPORT_LEN		2

struct iob {
	struct usb_device *udev;
	struct input_dev *input;
	struct urb *irq_urb;
	u8 *irq_buf;
	u8 state;
	u8 pending;
	struct tasklet_struct tasklet;
	atomic_t ack_mask;
	struct work_struct ack_work;
};

static void iob_ack_work(struct work_struct *work)
{
	struct iob *iob = container_of(work, struct iob, ack_work);
	u8 mask = atomic_xchg(&iob->ack_mask, 0);

	usb_control_msg(iob->udev, usb_sndctrlpipe(iob->udev, 0), IOB_REQ_ACK_EVENT,
			USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			mask, 0, NULL, 0, USB_CTRL_SET_TIMEOUT);
}

static void iob_event_tasklet(struct tasklet_struct *t)
{
	struct iob *iob = from_tasklet(iob, t, tasklet);
	u8 changed = iob->pending ^ iob->state;
	int i;

	for (i = 0; i < IOB_NINPUTS; i++)
		if (changed & (1U << i))
			input_report_key(iob->input, BTN_0 + i, iob->pending & (1U << i));
	input_sync(iob->input);
	iob->state = iob->pending;

	atomic_or(changed, &iob->ack_mask);
	schedule_work(&iob->ack_work);
}

static void iob_irq_complete(struct urb *urb)
{
	struct iob *iob = urb->context;

	switch (urb->status) {
	case 0:
		break;
	case -ECONNRESET:
	case -ENOENT:
	case -ESHUTDOWN:
		return;
	default:
		goto resubmit;
	}
	if (urb->actual_length >= IOB_REPORT_LEN) {
		iob->pending = iob->irq_buf[1];
		tasklet_schedule(&iob->tasklet);
	}
resubmit:
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int iob_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct iob *iob;
	int i, ret;

	ret = usb_find_int_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	iob = devm_kzalloc(&intf->dev, sizeof(*iob), GFP_KERNEL);
	if (!iob)
		return -ENOMEM;
	iob->udev = interface_to_usbdev(intf);
	tasklet_setup(&iob->tasklet, iob_event_tasklet);
	INIT_WORK(&iob->ack_work, iob_ack_work);

	iob->input = devm_input_allocate_device(&intf->dev);
	if (!iob->input)
		return -ENOMEM;
	iob->input->name = "usb-ioboard";
	for (i = 0; i < IOB_NINPUTS; i++)
		input_set_capability(iob->input, EV_KEY, BTN_0 + i);
	ret = input_register_device(iob->input);
	if (ret)
		return ret;

	iob->irq_buf = devm_kzalloc(&intf->dev, IOB_REPORT_LEN, GFP_KERNEL);
	iob->irq_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!iob->irq_buf || !iob->irq_urb) {
		usb_free_urb(iob->irq_urb);
		return -ENOMEM;
	}
	usb_fill_int_urb(iob->irq_urb, iob->udev, usb_rcvintpipe(iob->udev, ep->bEndpointAddress),
			 iob->irq_buf, IOB_REPORT_LEN, iob_irq_complete, iob, ep->bInterval);
	usb_set_intfdata(intf, iob);
	ret = usb_submit_urb(iob->irq_urb, GFP_KERNEL);
	if (ret)
		usb_free_urb(iob->irq_urb);
	return ret;
}

static void iob_disconnect(struct usb_interface *intf)
{
	struct iob *iob = usb_get_intfdata(intf);

	usb_kill_urb(iob->irq_urb);
	tasklet_kill(&iob->tasklet);
	cancel_work_sync(&iob->ack_work);
	usb_free_urb(iob->irq_urb);
}

static const struct usb_device_id iob_ids[] = {
	{ USB_DEVICE(0x1d50, 0x6a11) },
	{ }
};
MODULE_DEVICE_TABLE(usb, iob_ids);

static struct usb_driver iob_driver = {
	.name		= "usb-ioboard",
	.probe		= iob_probe,
	.disconnect	= iob_disconnect,
	.id_table	= iob_ids,
};
module_usb_driver(iob_driver);
MODULE_LICENSE("GPL");
