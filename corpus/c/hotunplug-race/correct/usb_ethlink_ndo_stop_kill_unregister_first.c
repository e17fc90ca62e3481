// SPDX-License-Identifier: GPL-2.0
/* Ethlink USB Ethernet: ndo_stop kills URBs; disconnect unregisters before freeing. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

struct elink {
	struct usb_device *udev;
	struct net_device *net;
	struct urb *rx_urb;
	u8 *rx_buf;
	struct usb_anchor tx_anchor;
};

static void elink_rx_complete(struct urb *urb)
{
	struct elink *el = urb->context;
	struct sk_buff *skb;

	if (urb->status)
		return;
	skb = netdev_alloc_skb(el->net, urb->actual_length);
	if (skb) {
		skb_put_data(skb, el->rx_buf, urb->actual_length);
		skb->protocol = eth_type_trans(skb, el->net);
		netif_rx(skb);
	}
	usb_submit_urb(urb, GFP_ATOMIC);
}

static void elink_tx_complete(struct urb *urb)
{
	dev_kfree_skb_any(urb->context);
}

static netdev_tx_t elink_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	struct elink *el = netdev_priv(net);
	struct urb *urb = usb_alloc_urb(0, GFP_ATOMIC);
	int ret = -ENOMEM;

	if (urb) {
		usb_fill_bulk_urb(urb, el->udev, usb_sndbulkpipe(el->udev, 2), skb->data, skb->len,
				  elink_tx_complete, skb);
		usb_anchor_urb(urb, &el->tx_anchor);
		ret = usb_submit_urb(urb, GFP_ATOMIC);
		if (ret)
			usb_unanchor_urb(urb);
		usb_free_urb(urb);	/* the anchor holds it while in flight */
	}
	if (ret)
		dev_kfree_skb_any(skb);	/* dropped */
	return NETDEV_TX_OK;
}

static int elink_open(struct net_device *net)
{
	struct elink *el = netdev_priv(net);

	netif_start_queue(net);
	return usb_submit_urb(el->rx_urb, GFP_KERNEL);
}

static int elink_stop(struct net_device *net)
{
	struct elink *el = netdev_priv(net);

	netif_stop_queue(net);
	usb_kill_urb(el->rx_urb);
	usb_kill_anchored_urbs(&el->tx_anchor);
	return 0;
}

static const struct net_device_ops elink_netdev_ops = {
	.ndo_open	= elink_open,
	.ndo_stop	= elink_stop,
	.ndo_start_xmit	= elink_start_xmit,
};

static int elink_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct net_device *net;
	struct elink *el;
	int ret = -ENOMEM;

	net = alloc_etherdev(sizeof(*el));
	if (!net)
		return ret;
	el = netdev_priv(net);
	el->net = net;
	el->udev = interface_to_usbdev(intf);
	init_usb_anchor(&el->tx_anchor);
	el->rx_buf = kmalloc(1536, GFP_KERNEL);
	el->rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!el->rx_buf || !el->rx_urb)
		goto err_free;
	usb_fill_bulk_urb(el->rx_urb, el->udev, usb_rcvbulkpipe(el->udev, 1), el->rx_buf,
			  1536, elink_rx_complete, el);
	net->netdev_ops = &elink_netdev_ops;
	eth_hw_addr_random(net);
	SET_NETDEV_DEV(net, &intf->dev);
	usb_set_intfdata(intf, el);
	ret = register_netdev(net);
	if (ret)
		goto err_free;
	return 0;

err_free:
	usb_free_urb(el->rx_urb);
	kfree(el->rx_buf);
	free_netdev(net);
	return ret;
}

static void elink_disconnect(struct usb_interface *intf)
{
	struct elink *el = usb_get_intfdata(intf);

	unregister_netdev(el->net);	/* runs elink_stop() if the interface was up */
	usb_free_urb(el->rx_urb);
	kfree(el->rx_buf);
	free_netdev(el->net);
}

static const struct usb_device_id elink_ids[] = {
	{ USB_DEVICE(0x2f1c, 0xe71a) },
	{ }
};
MODULE_DEVICE_TABLE(usb, elink_ids);

static struct usb_driver elink_driver = {
	.name		= "ethlink",
	.probe		= elink_probe,
	.disconnect	= elink_disconnect,
	.id_table	= elink_ids,
};
module_usb_driver(elink_driver);
MODULE_LICENSE("GPL");
