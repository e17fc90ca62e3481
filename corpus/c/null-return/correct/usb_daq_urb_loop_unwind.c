// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: per-slot allocations in a loop, each checked, with a
 * `goto err_unwind` that releases the slots already set up, plus frees of
 * pointers that may be NULL on the error path.
 *
 * The USB data-acquisition driver streams samples through DAQ_NURBS bulk
 * URBs.  For every slot it allocates a context (kzalloc), a URB
 * (usb_alloc_urb) and a coherent transfer buffer (usb_alloc_coherent):
 *   - ctx and urb are tested together; inside the failure branch ONE of
 *     them may be NULL and both are handed to usb_free_urb()/kfree(),
 *     which accept NULL, before jumping to err_unwind;
 *   - ctx->buf is tested on the field before usb_fill_bulk_urb() and
 *     ctx->buf[0];
 *   - err_unwind walks back over slots 0..i-1 only, which were fully set
 *     up on an earlier iteration.
 *
 * A naive checker reports usb_free_urb(urb) / kfree(ctx) in the failure
 * branch (an unchecked pointer passed to a call), or loses the checks
 * made on an earlier loop iteration and reports d->slot[i]->urb in the
 * unwind loop.  Every dereference is dominated by its test, the frees are
 * NULL-safe, and the unwind only touches completed slots.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

#define DAQ_NURBS	4
#define DAQ_BUF_SIZE	4096
#define DAQ_EP_IN	0x81

struct daq_slot {
	struct urb *urb;
	u8 *buf;
	dma_addr_t dma;
};

struct daq {
	struct usb_device *udev;
	struct daq_slot *slot[DAQ_NURBS];
	u64 bytes;
};

static void daq_complete(struct urb *urb)
{
	struct daq *d = urb->context;

	if (urb->status)
		return;
	d->bytes += urb->actual_length;
	usb_submit_urb(urb, GFP_ATOMIC);
}

static void daq_free_slot(struct daq *d, struct daq_slot *ctx)
{
	usb_free_coherent(d->udev, DAQ_BUF_SIZE, ctx->buf, ctx->dma);
	usb_free_urb(ctx->urb);
	kfree(ctx);
}

static int daq_alloc_slots(struct daq *d)
{
	struct daq_slot *ctx;
	struct urb *urb;
	int i;

	for (i = 0; i < DAQ_NURBS; i++) {
		ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
		urb = usb_alloc_urb(0, GFP_KERNEL);
		if (!ctx || !urb) {
			usb_free_urb(urb);	/* either may be NULL here */
			kfree(ctx);
			goto err_unwind;
		}
		ctx->urb = urb;
		ctx->buf = usb_alloc_coherent(d->udev, DAQ_BUF_SIZE, GFP_KERNEL, &ctx->dma);
		if (!ctx->buf) {
			usb_free_urb(urb);
			kfree(ctx);
			goto err_unwind;
		}
		ctx->buf[0] = 0;
		usb_fill_bulk_urb(urb, d->udev, usb_rcvbulkpipe(d->udev, DAQ_EP_IN),
				  ctx->buf, DAQ_BUF_SIZE, daq_complete, d);
		urb->transfer_dma = ctx->dma;
		urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
		d->slot[i] = ctx;
	}
	return 0;

err_unwind:
	while (--i >= 0) {
		daq_free_slot(d, d->slot[i]);
		d->slot[i] = NULL;
	}
	return -ENOMEM;
}

static int daq_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct daq *d;
	int i, ret;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->udev = interface_to_usbdev(intf);

	ret = daq_alloc_slots(d);
	if (ret)
		goto err_free;
	for (i = 0; i < DAQ_NURBS; i++) {
		ret = usb_submit_urb(d->slot[i]->urb, GFP_KERNEL);
		if (ret)
			goto err_kill;
	}
	usb_set_intfdata(intf, d);
	return 0;

err_kill:
	for (i = 0; i < DAQ_NURBS; i++)
		usb_kill_urb(d->slot[i]->urb);
	for (i = 0; i < DAQ_NURBS; i++)
		daq_free_slot(d, d->slot[i]);
err_free:
	kfree(d);
	return ret;
}

static void daq_disconnect(struct usb_interface *intf)
{
	struct daq *d = usb_get_intfdata(intf);
	int i;

	for (i = 0; i < DAQ_NURBS; i++)
		usb_kill_urb(d->slot[i]->urb);
	for (i = 0; i < DAQ_NURBS; i++)
		daq_free_slot(d, d->slot[i]);
	kfree(d);
}

static const struct usb_device_id daq_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7d0a) },
	{ }
};
MODULE_DEVICE_TABLE(usb, daq_ids);

static struct usb_driver daq_driver = {
	.name		= "usb-daq",
	.id_table	= daq_ids,
	.probe		= daq_probe,
	.disconnect	= daq_disconnect,
};
module_usb_driver(daq_driver);
MODULE_LICENSE("GPL");
