// SPDX-License-Identifier: GPL-2.0
/* Jogdial USB jog wheel (input); fixed: close kills the URB, disconnect frees an idle URB. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/input.h>
#include <linux/slab.h>

#define JOGDIAL_PKT_LEN		4

struct jogdial {
	struct usb_device *udev;
	struct input_dev *input;
	struct urb *irq;
	u8 *data;
	dma_addr_t data_dma;
	u8 last_pos;
};

static void jogdial_irq(struct urb *urb)
{
	struct jogdial *jog = urb->context;
	s8 delta;

	if (urb->status == -ECONNRESET || urb->status == -ENOENT || urb->status == -ESHUTDOWN)
		return;
	if (urb->status)
		goto resubmit;
	delta = (s8)(jog->data[0] - jog->last_pos);
	jog->last_pos = jog->data[0];
	input_report_rel(jog->input, REL_WHEEL, delta);
	input_report_key(jog->input, BTN_0, jog->data[1] & 0x01);
	input_report_key(jog->input, BTN_1, jog->data[1] & 0x02);
	input_sync(jog->input);
resubmit:
	if (usb_submit_urb(urb, GFP_ATOMIC))
		dev_err(&jog->udev->dev, "cannot resubmit irq urb\n");
}

static int jogdial_open(struct input_dev *input)
{
	struct jogdial *jog = input_get_drvdata(input);

	if (usb_submit_urb(jog->irq, GFP_KERNEL))
		return -EIO;
	return 0;
}

static void jogdial_close(struct input_dev *input)
{
	struct jogdial *jog = input_get_drvdata(input);

	usb_kill_urb(jog->irq);
}

static int jogdial_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct usb_endpoint_descriptor *ep;
	struct jogdial *jog;
	struct input_dev *input;
	int ret;

	ret = usb_find_int_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	jog = kzalloc(sizeof(*jog), GFP_KERNEL);
	input = input_allocate_device();
	if (!jog || !input) {
		ret = -ENOMEM;
		goto err_free_mem;
	}
	jog->udev = udev;
	jog->input = input;
	jog->data = usb_alloc_coherent(udev, JOGDIAL_PKT_LEN, GFP_KERNEL, &jog->data_dma);
	if (!jog->data) {
		ret = -ENOMEM;
		goto err_free_mem;
	}
	jog->irq = usb_alloc_urb(0, GFP_KERNEL);
	if (!jog->irq) {
		ret = -ENOMEM;
		goto err_free_buf;
	}
	usb_fill_int_urb(jog->irq, udev, usb_rcvintpipe(udev, ep->bEndpointAddress), jog->data,
			 JOGDIAL_PKT_LEN, jogdial_irq, jog, ep->bInterval);
	jog->irq->transfer_dma = jog->data_dma;
	jog->irq->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	input->name = "Jogdial USB jog wheel";
	input->id.bustype = BUS_USB;
	input->id.vendor = le16_to_cpu(udev->descriptor.idVendor);
	input->dev.parent = &intf->dev;
	input_set_capability(input, EV_REL, REL_WHEEL);
	input_set_capability(input, EV_KEY, BTN_0);
	input_set_capability(input, EV_KEY, BTN_1);
	input_set_drvdata(input, jog);
	input->open = jogdial_open;
	input->close = jogdial_close;

	ret = input_register_device(input);
	if (ret)
		goto err_free_urb;
	usb_set_intfdata(intf, jog);
	return 0;

err_free_urb:
	usb_free_urb(jog->irq);
err_free_buf:
	usb_free_coherent(udev, JOGDIAL_PKT_LEN, jog->data, jog->data_dma);
err_free_mem:
	input_free_device(input);
	kfree(jog);
	return ret;
}

static void jogdial_disconnect(struct usb_interface *intf)
{
	struct jogdial *jog = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	input_unregister_device(jog->input);
	usb_free_urb(jog->irq);
	usb_free_coherent(jog->udev, JOGDIAL_PKT_LEN, jog->data, jog->data_dma);
	kfree(jog);
}

static const struct usb_device_id jogdial_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x0a31) },
	{ }
};
MODULE_DEVICE_TABLE(usb, jogdial_ids);

static struct usb_driver jogdial_driver = {
	.name		= "jogdial",
	.probe		= jogdial_probe,
	.disconnect	= jogdial_disconnect,
	.soft_unbind	= 1,	/* the driver stops its own URBs on unbind */
	.id_table	= jogdial_ids,
};
module_usb_driver(jogdial_driver);
MODULE_LICENSE("GPL");
