// SPDX-License-Identifier: GPL-2.0
/* Pktcap USB network tap; bug: ndo_stop only unlinks the rx URB, free_netdev() races it. */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

#define PCAP_RX_SIZE	2048

struct pcap_priv {
	struct usb_device *udev;
	struct net_device *net;
	struct urb *rx_urb;
	u8 *rx_buf;
};

static void pcap_rx_complete(struct urb *urb)
{
	struct pcap_priv *priv = urb->context;
	struct net_device *net = priv->net;
	struct sk_buff *skb;

	if (urb->status == -ENOENT || urb->status == -ECONNRESET || urb->status == -ESHUTDOWN)
		return;
	skb = urb->status ? NULL : netdev_alloc_skb(net, urb->actual_length);
	if (!skb || urb->actual_length < ETH_HLEN) {
		dev_kfree_skb_any(skb);
		net->stats.rx_errors++;
		goto resubmit;
	}
	skb_put_data(skb, priv->rx_buf, urb->actual_length);
	skb->protocol = eth_type_trans(skb, net);
	net->stats.rx_packets++;
	netif_rx(skb);
resubmit:
	if (netif_running(net) && usb_submit_urb(urb, GFP_ATOMIC))
		net->stats.rx_errors++;
}

static int pcap_open(struct net_device *net)
{
	struct pcap_priv *priv = netdev_priv(net);
	int ret = usb_submit_urb(priv->rx_urb, GFP_KERNEL);

	if (!ret)
		netif_start_queue(net);
	return ret;
}

static int pcap_stop(struct net_device *net)
{
	struct pcap_priv *priv = netdev_priv(net);

	netif_stop_queue(net);
	usb_unlink_urb(priv->rx_urb);
	return 0;
}

static netdev_tx_t pcap_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	net->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops pcap_netdev_ops = {
	.ndo_open		= pcap_open,
	.ndo_stop		= pcap_stop,
	.ndo_start_xmit		= pcap_start_xmit,
};

static int pcap_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *ep;
	struct pcap_priv *priv;
	struct net_device *net;
	int ret;

	ret = usb_find_bulk_in_endpoint(intf->cur_altsetting, &ep);
	if (ret)
		return ret;
	net = alloc_etherdev(sizeof(*priv));
	if (!net)
		return -ENOMEM;
	priv = netdev_priv(net);
	priv->net = net;
	priv->udev = interface_to_usbdev(intf);
	priv->rx_buf = kmalloc(PCAP_RX_SIZE, GFP_KERNEL);
	priv->rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!priv->rx_buf || !priv->rx_urb) {
		ret = -ENOMEM;
		goto err_free;
	}
	usb_fill_bulk_urb(priv->rx_urb, priv->udev,
			  usb_rcvbulkpipe(priv->udev, ep->bEndpointAddress),
			  priv->rx_buf, PCAP_RX_SIZE, pcap_rx_complete, priv);
	net->netdev_ops = &pcap_netdev_ops;
	eth_hw_addr_random(net);
	SET_NETDEV_DEV(net, &intf->dev);
	usb_set_intfdata(intf, priv);
	ret = register_netdev(net);
	if (ret)
		goto err_free;
	return 0;

err_free:
	usb_free_urb(priv->rx_urb);
	kfree(priv->rx_buf);
	free_netdev(net);
	return ret;
}

static void pcap_disconnect(struct usb_interface *intf)
{
	struct pcap_priv *priv = usb_get_intfdata(intf);
	struct net_device *net = priv->net;
	struct urb *rx_urb = priv->rx_urb;	/* priv lives inside net */
	u8 *rx_buf = priv->rx_buf;

	unregister_netdev(net);
	free_netdev(net); /* expect: hotunplug-race */
	usb_free_urb(rx_urb);
	kfree(rx_buf);
}

static const struct usb_device_id pcap_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x7a90) },
	{ }
};
MODULE_DEVICE_TABLE(usb, pcap_ids);

static struct usb_driver pcap_driver = {
	.name		= "pktcap",
	.probe		= pcap_probe,
	.disconnect	= pcap_disconnect,
	.soft_unbind	= 1,	/* the driver stops its own URBs on unbind */
	.id_table	= pcap_ids,
};
module_usb_driver(pcap_driver);
MODULE_LICENSE("GPL");
