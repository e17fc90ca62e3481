// SPDX-License-Identifier: GPL-2.0
/* Weighscale USB scale; bug: settle work cancelled before killing the URB that re-queues it. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/device.h>
#include <asm/unaligned.h>

#define WSCALE_PKT_LEN		16
#define WSCALE_SETTLE_MS	300

struct weighscale {
	struct usb_interface *intf;
	struct usb_device *udev;
	struct urb *bulk_urb;
	u8 *pkt;
	dma_addr_t pkt_dma;
	struct delayed_work settle_work;
	s32 raw_mg;
	s32 stable_mg;
};

static void wscale_settle_work(struct work_struct *work)
{
	struct weighscale *sc = container_of(to_delayed_work(work), struct weighscale, settle_work);

	WRITE_ONCE(sc->stable_mg, READ_ONCE(sc->raw_mg));
	sysfs_notify(&sc->intf->dev.kobj, NULL, "weight");
}

static void wscale_bulk_complete(struct urb *urb)
{
	struct weighscale *sc = urb->context;
	s32 mg;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	if (!urb->status && urb->actual_length >= 4) {
		mg = (s32)get_unaligned_le32(sc->pkt);
		if (mg != READ_ONCE(sc->raw_mg)) {
			WRITE_ONCE(sc->raw_mg, mg);
			schedule_delayed_work(&sc->settle_work, msecs_to_jiffies(WSCALE_SETTLE_MS));
		}
	}
	if (usb_submit_urb(urb, GFP_ATOMIC))
		dev_dbg(&sc->intf->dev, "bulk resubmit failed\n");
}

static ssize_t weight_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct weighscale *sc = usb_get_intfdata(to_usb_interface(dev));

	return sysfs_emit(buf, "%d\n", READ_ONCE(sc->stable_mg));
}
static DEVICE_ATTR_RO(weight);

static struct attribute *wscale_attrs[] = {
	&dev_attr_weight.attr,
	NULL
};
ATTRIBUTE_GROUPS(wscale);

static int wscale_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct weighscale *sc;
	int ret;

	ret = usb_find_common_endpoints(intf->cur_altsetting, &ep, NULL, NULL, NULL);
	if (ret)
		return ret;
	sc = kzalloc(sizeof(*sc), GFP_KERNEL);
	if (!sc)
		return -ENOMEM;
	sc->intf = intf;
	sc->udev = interface_to_usbdev(intf);
	INIT_DELAYED_WORK(&sc->settle_work, wscale_settle_work);
	sc->pkt = usb_alloc_coherent(sc->udev, WSCALE_PKT_LEN, GFP_KERNEL, &sc->pkt_dma);
	if (!sc->pkt) {
		ret = -ENOMEM;
		goto err_free_sc;
	}
	sc->bulk_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!sc->bulk_urb) {
		ret = -ENOMEM;
		goto err_free_pkt;
	}
	usb_fill_bulk_urb(sc->bulk_urb, sc->udev, usb_rcvbulkpipe(sc->udev, ep->bEndpointAddress),
			  sc->pkt, WSCALE_PKT_LEN, wscale_bulk_complete, sc);
	sc->bulk_urb->transfer_dma = sc->pkt_dma;
	sc->bulk_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	usb_set_intfdata(intf, sc);
	ret = usb_submit_urb(sc->bulk_urb, GFP_KERNEL);
	if (ret)
		goto err_free_urb;
	return 0;

err_free_urb:
	usb_free_urb(sc->bulk_urb);
err_free_pkt:
	usb_free_coherent(sc->udev, WSCALE_PKT_LEN, sc->pkt, sc->pkt_dma);
err_free_sc:
	kfree(sc);
	return ret;
}

static void wscale_disconnect(struct usb_interface *intf)
{
	struct weighscale *sc = usb_get_intfdata(intf);

	cancel_delayed_work_sync(&sc->settle_work);
	usb_kill_urb(sc->bulk_urb);
	usb_free_urb(sc->bulk_urb);
	usb_free_coherent(sc->udev, WSCALE_PKT_LEN, sc->pkt, sc->pkt_dma);
	usb_set_intfdata(intf, NULL);
	kfree(sc); /* expect: hotunplug-race */
}

static const struct usb_device_id wscale_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x5ca1) },
	{ }
};
MODULE_DEVICE_TABLE(usb, wscale_ids);

static struct usb_driver wscale_driver = {
	.name		= "weighscale",
	.probe		= wscale_probe,
	.disconnect	= wscale_disconnect,
	.soft_unbind	= 1,	/* the driver stops its own URBs on unbind */
	.id_table	= wscale_ids,
	.dev_groups	= wscale_groups,
};
module_usb_driver(wscale_driver);
MODULE_LICENSE("GPL");
