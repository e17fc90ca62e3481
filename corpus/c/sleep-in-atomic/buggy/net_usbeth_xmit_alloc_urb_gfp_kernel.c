// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_alloc_urb(0, GFP_KERNEL) in .ndo_start_xmit.
 *
 * Models fixes like "use GFP_ATOMIC for the tx urb" in small USB Ethernet
 * dongle drivers that allocate one URB per packet in their transmit hook.
 * ndo_start_xmit is called by the qdisc layer with BHs disabled and the tx
 * queue lock held (and from netpoll with interrupts off), so a GFP_KERNEL
 * allocation that may sleep in direct reclaim is not allowed there.  The
 * fix allocates the URB with GFP_ATOMIC, as the submit already does.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>

#define UETH_EP_IN	0x81
#define UETH_EP_OUT	0x02
#define UETH_RX_SIZE	(ETH_FRAME_LEN + 4)

struct ueth {
	struct usb_device *udev;
	struct net_device *net;
	struct urb *rx_urb;
	u8 *rx_buf;
	struct usb_anchor tx_anchor;
};

static void ueth_tx_complete(struct urb *urb)
{
	struct sk_buff *skb = urb->context;
	struct net_device *net = skb->dev;

	if (urb->status) {
		net->stats.tx_errors++;
	} else {
		net->stats.tx_packets++;
		net->stats.tx_bytes += skb->len;
	}
	dev_kfree_skb_any(skb);
}

static netdev_tx_t ueth_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	struct ueth *dev = netdev_priv(net);
	struct urb *urb;
	int ret;

	urb = usb_alloc_urb(0, GFP_KERNEL); /* expect: sleep-in-atomic */
	if (!urb) {
		net->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	usb_fill_bulk_urb(urb, dev->udev, usb_sndbulkpipe(dev->udev, UETH_EP_OUT),
			  skb->data, skb->len, ueth_tx_complete, skb);
	usb_anchor_urb(urb, &dev->tx_anchor);
	ret = usb_submit_urb(urb, GFP_ATOMIC);
	if (ret) {
		usb_unanchor_urb(urb);
		net->stats.tx_errors++;
		dev_kfree_skb_any(skb);
	}
	usb_free_urb(urb);
	return NETDEV_TX_OK;
}

static void ueth_rx_complete(struct urb *urb)
{
	struct ueth *dev = urb->context;
	struct sk_buff *skb;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	if (!urb->status && urb->actual_length >= ETH_HLEN) {
		skb = netdev_alloc_skb_ip_align(dev->net, urb->actual_length);
		if (skb) {
			skb_put_data(skb, dev->rx_buf, urb->actual_length);
			skb->protocol = eth_type_trans(skb, dev->net);
			dev->net->stats.rx_packets++;
			dev->net->stats.rx_bytes += urb->actual_length;
			netif_rx(skb);
		} else {
			dev->net->stats.rx_dropped++;
		}
	}
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int ueth_open(struct net_device *net)
{
	struct ueth *dev = netdev_priv(net);
	int ret;

	ret = usb_submit_urb(dev->rx_urb, GFP_KERNEL);
	if (ret)
		return ret;
	netif_start_queue(net);
	return 0;
}

static int ueth_stop(struct net_device *net)
{
	struct ueth *dev = netdev_priv(net);

	netif_stop_queue(net);
	usb_kill_urb(dev->rx_urb);
	usb_kill_anchored_urbs(&dev->tx_anchor);
	return 0;
}

static const struct net_device_ops ueth_netdev_ops = {
	.ndo_open		= ueth_open,
	.ndo_stop		= ueth_stop,
	.ndo_start_xmit		= ueth_start_xmit,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static int ueth_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct net_device *net;
	struct ueth *dev;
	int ret;

	net = alloc_etherdev(sizeof(*dev));
	if (!net)
		return -ENOMEM;
	dev = netdev_priv(net);
	dev->net = net;
	dev->udev = interface_to_usbdev(intf);
	init_usb_anchor(&dev->tx_anchor);
	dev->rx_buf = devm_kzalloc(&intf->dev, UETH_RX_SIZE, GFP_KERNEL);
	dev->rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->rx_buf || !dev->rx_urb) {
		ret = -ENOMEM;
		goto err_free;
	}
	usb_fill_bulk_urb(dev->rx_urb, dev->udev, usb_rcvbulkpipe(dev->udev, UETH_EP_IN),
			  dev->rx_buf, UETH_RX_SIZE, ueth_rx_complete, dev);

	net->netdev_ops = &ueth_netdev_ops;
	SET_NETDEV_DEV(net, &intf->dev);
	eth_hw_addr_random(net);
	usb_set_intfdata(intf, dev);
	ret = register_netdev(net);
	if (ret)
		goto err_free;
	return 0;

err_free:
	usb_free_urb(dev->rx_urb);
	free_netdev(net);
	return ret;
}

static void ueth_disconnect(struct usb_interface *intf)
{
	struct ueth *dev = usb_get_intfdata(intf);

	unregister_netdev(dev->net);
	usb_free_urb(dev->rx_urb);
	free_netdev(dev->net);
}

static const struct usb_device_id ueth_ids[] = {
	{ USB_DEVICE(0x1d50, 0x6a14) },
	{ }
};
MODULE_DEVICE_TABLE(usb, ueth_ids);

static struct usb_driver ueth_driver = {
	.name		= "ueth",
	.probe		= ueth_probe,
	.disconnect	= ueth_disconnect,
	.id_table	= ueth_ids,
};
module_usb_driver(ueth_driver);
MODULE_LICENSE("GPL");
