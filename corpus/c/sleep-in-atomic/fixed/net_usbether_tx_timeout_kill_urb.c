// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_kill_urb() in .ndo_tx_timeout.
 *
 * Models fixes like "use usb_unlink_urb() in tx_timeout" in USB Ethernet
 * drivers with a single in-flight tx URB: the watchdog handler cancels the
 * stuck URB with usb_kill_urb(), which waits for the completion handler to
 * finish and therefore sleeps.  ndo_tx_timeout runs from the netdev watchdog
 * timer (softirq) with the tx queue lock held.  The fix cancels the URB
 * asynchronously with usb_unlink_urb(); the completion handler then wakes
 * the queue.
 * Fixed twin: the stuck URB is cancelled with usb_unlink_urb().
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>

#define UXE_EP_IN	0x81
#define UXE_EP_OUT	0x02
#define UXE_RX_SIZE	1536
#define UXE_TX_TIMEOUT	(HZ * 2)

struct uxe {
	struct usb_device *udev;
	struct net_device *net;
	struct urb *rx_urb, *tx_urb;
	u8 *rx_buf;
};

static void uxe_tx_complete(struct urb *urb)
{
	struct sk_buff *skb = urb->context;
	struct net_device *net = skb->dev;

	if (urb->status)
		net->stats.tx_errors++;
	else
		net->stats.tx_packets++;
	dev_kfree_skb_any(skb);
	netif_wake_queue(net);
}

static netdev_tx_t uxe_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	struct uxe *dev = netdev_priv(net);

	netif_stop_queue(net);
	usb_fill_bulk_urb(dev->tx_urb, dev->udev, usb_sndbulkpipe(dev->udev, UXE_EP_OUT),
			  skb->data, skb->len, uxe_tx_complete, skb);
	if (usb_submit_urb(dev->tx_urb, GFP_ATOMIC)) {
		net->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		netif_wake_queue(net);
		return NETDEV_TX_OK;
	}
	netif_trans_update(net);
	return NETDEV_TX_OK;
}

static void uxe_tx_timeout(struct net_device *net, unsigned int txqueue)
{
	struct uxe *dev = netdev_priv(net);

	netdev_warn(net, "tx timeout, cancelling the tx urb\n");
	usb_unlink_urb(dev->tx_urb);
	net->stats.tx_errors++;
}

static void uxe_rx_complete(struct urb *urb)
{
	struct uxe *dev = urb->context;
	struct sk_buff *skb;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	if (!urb->status && urb->actual_length >= ETH_HLEN) {
		skb = netdev_alloc_skb_ip_align(dev->net, urb->actual_length);
		if (skb) {
			skb_put_data(skb, dev->rx_buf, urb->actual_length);
			skb->protocol = eth_type_trans(skb, dev->net);
			netif_rx(skb);
		}
	}
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int uxe_open(struct net_device *net)
{
	struct uxe *dev = netdev_priv(net);
	int ret;

	ret = usb_submit_urb(dev->rx_urb, GFP_KERNEL);
	if (!ret)
		netif_start_queue(net);
	return ret;
}

static int uxe_stop(struct net_device *net)
{
	struct uxe *dev = netdev_priv(net);

	netif_stop_queue(net);
	usb_kill_urb(dev->tx_urb);
	usb_kill_urb(dev->rx_urb);
	return 0;
}

static const struct net_device_ops uxe_netdev_ops = {
	.ndo_open		= uxe_open,
	.ndo_stop		= uxe_stop,
	.ndo_start_xmit		= uxe_start_xmit,
	.ndo_tx_timeout		= uxe_tx_timeout,
	.ndo_validate_addr	= eth_validate_addr,
};

static int uxe_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct net_device *net;
	struct uxe *dev;
	int ret = -ENOMEM;

	net = alloc_etherdev(sizeof(*dev));
	if (!net)
		return -ENOMEM;
	dev = netdev_priv(net);
	dev->net = net;
	dev->udev = interface_to_usbdev(intf);
	dev->rx_buf = devm_kzalloc(&intf->dev, UXE_RX_SIZE, GFP_KERNEL);
	dev->rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	dev->tx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->rx_buf || !dev->rx_urb || !dev->tx_urb)
		goto err_free;
	usb_fill_bulk_urb(dev->rx_urb, dev->udev, usb_rcvbulkpipe(dev->udev, UXE_EP_IN),
			  dev->rx_buf, UXE_RX_SIZE, uxe_rx_complete, dev);

	net->netdev_ops = &uxe_netdev_ops;
	net->watchdog_timeo = UXE_TX_TIMEOUT;
	SET_NETDEV_DEV(net, &intf->dev);
	eth_hw_addr_random(net);
	usb_set_intfdata(intf, dev);
	ret = register_netdev(net);
	if (ret)
		goto err_free;
	return 0;

err_free:
	usb_free_urb(dev->tx_urb);
	usb_free_urb(dev->rx_urb);
	free_netdev(net);
	return ret;
}

static void uxe_disconnect(struct usb_interface *intf)
{
	struct uxe *dev = usb_get_intfdata(intf);

	unregister_netdev(dev->net);
	usb_free_urb(dev->tx_urb);
	usb_free_urb(dev->rx_urb);
	free_netdev(dev->net);
}

static const struct usb_device_id uxe_ids[] = {
	{ USB_DEVICE(0x1d50, 0x6a16) },
	{ }
};
MODULE_DEVICE_TABLE(usb, uxe_ids);

static struct usb_driver uxe_driver = {
	.name		= "uxe",
	.probe		= uxe_probe,
	.disconnect	= uxe_disconnect,
	.id_table	= uxe_ids,
};
module_usb_driver(uxe_driver);
MODULE_LICENSE("GPL");
