// SPDX-License-Identifier: GPL-2.0
/*
 * Correct: every allocation in the hot paths of a small USB Ethernet
 * adapter is NULL-checked, but always through unlikely():
 *   - rx completion: netdev_alloc_skb_ip_align() tested with
 *     `if (unlikely(!skb))`, the frame is dropped and the URB resubmitted;
 *   - ndo_start_xmit: usb_alloc_urb(GFP_ATOMIC) tested with
 *     `if (unlikely(!urb))`, the skb is freed and counted as dropped;
 *   - ndo_open: usb_alloc_urb() and kmalloc() tested with
 *     `if (unlikely(!urb))` and `if (unlikely(buf == NULL))`.
 *
 * This is how fast-path allocations are written in real NIC drivers.  A
 * naive checker that only recognises a bare `!p` / `p == NULL` as the
 * condition of an `if` does not see through the __builtin_expect() that
 * unlikely() expands to, and then reports skb_put(skb, ...), the
 * usb_fill_bulk_urb(urb, ...) calls and the writes to buf as
 * dereferences of unchecked allocations.  Each of them is dominated by
 * the unlikely() test, so none can see NULL.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#define UNIC_RX_SIZE	1536
#define UNIC_EP_IN	0x81
#define UNIC_EP_OUT	0x02

struct unic {
	struct usb_device *udev;
	struct net_device *net;
	struct urb *rx_urb;
	u8 *rx_buf;
};

static void unic_rx_complete(struct urb *urb)
{
	struct unic *un = urb->context;
	struct net_device *net = un->net;
	struct sk_buff *skb;
	unsigned int len = urb->actual_length;

	if (urb->status)
		return;		/* unlinked or device gone: do not resubmit */

	skb = netdev_alloc_skb_ip_align(net, len);
	if (unlikely(!skb)) {
		net->stats.rx_dropped++;
		goto resubmit;
	}
	memcpy(skb_put(skb, len), un->rx_buf, len);
	skb->protocol = eth_type_trans(skb, net);
	net->stats.rx_packets++;
	net->stats.rx_bytes += len;
	netif_rx(skb);
resubmit:
	usb_submit_urb(urb, GFP_ATOMIC);
}

static void unic_tx_complete(struct urb *urb)
{
	struct sk_buff *skb = urb->context;

	dev_kfree_skb_any(skb);
	usb_free_urb(urb);
}

static netdev_tx_t unic_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	struct unic *un = netdev_priv(net);
	unsigned int len = skb->len;	/* skb may be gone once submitted */
	struct urb *urb;

	urb = usb_alloc_urb(0, GFP_ATOMIC);
	if (unlikely(!urb)) {
		net->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	usb_fill_bulk_urb(urb, un->udev, usb_sndbulkpipe(un->udev, UNIC_EP_OUT),
			  skb->data, len, unic_tx_complete, skb);
	if (usb_submit_urb(urb, GFP_ATOMIC)) {
		net->stats.tx_errors++;
		dev_kfree_skb_any(skb);
		usb_free_urb(urb);
		return NETDEV_TX_OK;
	}
	net->stats.tx_packets++;
	net->stats.tx_bytes += len;
	return NETDEV_TX_OK;
}

static int unic_open(struct net_device *net)
{
	struct unic *un = netdev_priv(net);
	struct urb *urb;
	u8 *buf;
	int ret;

	urb = usb_alloc_urb(0, GFP_KERNEL);
	if (unlikely(!urb))
		return -ENOMEM;
	buf = kmalloc(UNIC_RX_SIZE, GFP_KERNEL);
	if (unlikely(buf == NULL)) {
		usb_free_urb(urb);
		return -ENOMEM;
	}
	buf[0] = 0;
	usb_fill_bulk_urb(urb, un->udev, usb_rcvbulkpipe(un->udev, UNIC_EP_IN),
			  buf, UNIC_RX_SIZE, unic_rx_complete, un);
	un->rx_urb = urb;
	un->rx_buf = buf;

	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) {
		un->rx_urb = NULL;
		un->rx_buf = NULL;
		kfree(buf);
		usb_free_urb(urb);
		return ret;
	}
	netif_start_queue(net);
	return 0;
}

static int unic_stop(struct net_device *net)
{
	struct unic *un = netdev_priv(net);

	netif_stop_queue(net);
	usb_kill_urb(un->rx_urb);
	usb_free_urb(un->rx_urb);
	kfree(un->rx_buf);
	un->rx_urb = NULL;
	un->rx_buf = NULL;
	return 0;
}

static const struct net_device_ops unic_netdev_ops = {
	.ndo_open	= unic_open,
	.ndo_stop	= unic_stop,
	.ndo_start_xmit	= unic_start_xmit,
};

static int unic_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct net_device *net;
	struct unic *un;
	int ret;

	net = alloc_etherdev(sizeof(*un));
	if (!net)
		return -ENOMEM;
	un = netdev_priv(net);
	un->udev = interface_to_usbdev(intf);
	un->net = net;
	net->netdev_ops = &unic_netdev_ops;
	eth_hw_addr_random(net);
	SET_NETDEV_DEV(net, &intf->dev);
	usb_set_intfdata(intf, un);

	ret = register_netdev(net);
	if (ret)
		free_netdev(net);
	return ret;
}

static void unic_disconnect(struct usb_interface *intf)
{
	struct unic *un = usb_get_intfdata(intf);

	unregister_netdev(un->net);
	free_netdev(un->net);
}

static const struct usb_device_id unic_ids[] = {
	{ USB_DEVICE(0x1d6b, 0x7a31) },
	{ }
};
MODULE_DEVICE_TABLE(usb, unic_ids);

static struct usb_driver unic_driver = {
	.name		= "usb-minic",
	.id_table	= unic_ids,
	.probe		= unic_probe,
	.disconnect	= unic_disconnect,
};
module_usb_driver(unic_driver);
MODULE_LICENSE("GPL");
