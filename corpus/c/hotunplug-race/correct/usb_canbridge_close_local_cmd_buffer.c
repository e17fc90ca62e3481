// SPDX-License-Identifier: GPL-2.0
/*
 * canbr - a USB-to-CAN bridge.  Every transfer, in both directions, is a
 * struct canbr_msg.  Probe submits a bulk-in URB whose completion parses the
 * received canbr_msg from its transfer buffer and resubmits; disconnect
 * kills it.  ndo_stop allocates a canbr_msg of its own, sends two commands
 * (disable the filters, put the controller in reset) synchronously through
 * a helper built on usb_bulk_msg(), and frees it.
 * Tricky: when ndo_stop frees its message the receive URB may still
 * complete, and its completion uses struct canbr_msg.  But the freed memory
 * was allocated by ndo_stop itself, held only in a local, never stored and
 * only handed to a synchronous transfer: no callback can reach it, whatever
 * its type.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>

#define CANBR_CMD_FILTER	3
#define CANBR_CMD_RESET		7
#define CANBR_MSG_WORDS		16

struct canbr_msg {
	u8 len;		/* in 32-bit words */
	u8 cmd;
	u8 channel;
	u8 option;
	__le32 data[CANBR_MSG_WORDS - 1];
};

struct canbr_priv {
	struct usb_device *udev;
	struct net_device *net;
	struct urb *rx_urb;
	struct canbr_msg *rx_msg;
	u8 channel;
	unsigned long rx_frames;
};

static void canbr_rx_complete(struct urb *urb)
{
	struct canbr_priv *priv = urb->context;
	struct canbr_msg *msg = urb->transfer_buffer;

	if (urb->status)
		return;
	if (urb->actual_length >= 4 && msg->channel == priv->channel && msg->cmd == CANBR_CMD_FILTER)
		priv->rx_frames++;
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int canbr_send_msg(struct canbr_priv *priv, struct canbr_msg *msg)
{
	int actual_length;

	return usb_bulk_msg(priv->udev, usb_sndbulkpipe(priv->udev, 2), msg, msg->len << 2,
			    &actual_length, 1000);
}

static int canbr_open(struct net_device *net)
{
	netif_start_queue(net);
	return 0;
}

static int canbr_close(struct net_device *net)
{
	struct canbr_priv *priv = netdev_priv(net);
	struct canbr_msg *msg;

	msg = kmalloc(sizeof(*msg), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	msg->len = 2;
	msg->cmd = CANBR_CMD_FILTER;
	msg->channel = priv->channel;
	msg->option = 0;
	if (canbr_send_msg(priv, msg) < 0)
		netdev_err(net, "disabling the filters failed\n");

	msg->cmd = CANBR_CMD_RESET;
	if (canbr_send_msg(priv, msg) < 0)
		netdev_err(net, "reset failed\n");

	netif_stop_queue(net);
	kfree(msg);
	return 0;
}

static netdev_tx_t canbr_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	net->stats.tx_dropped++;
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops canbr_netdev_ops = {
	.ndo_open	= canbr_open,
	.ndo_stop	= canbr_close,
	.ndo_start_xmit	= canbr_start_xmit,
};

static int canbr_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct canbr_priv *priv;
	struct net_device *net;
	int ret;

	net = alloc_etherdev(sizeof(*priv));
	if (!net)
		return -ENOMEM;
	priv = netdev_priv(net);
	priv->net = net;
	priv->udev = interface_to_usbdev(intf);
	priv->rx_msg = kmalloc(sizeof(*priv->rx_msg), GFP_KERNEL);
	priv->rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!priv->rx_msg || !priv->rx_urb) {
		ret = -ENOMEM;
		goto err_free;
	}
	usb_fill_bulk_urb(priv->rx_urb, priv->udev, usb_rcvbulkpipe(priv->udev, 1),
			  priv->rx_msg, sizeof(*priv->rx_msg), canbr_rx_complete, priv);
	net->netdev_ops = &canbr_netdev_ops;
	SET_NETDEV_DEV(net, &intf->dev);
	usb_set_intfdata(intf, priv);
	ret = usb_submit_urb(priv->rx_urb, GFP_KERNEL);
	if (ret)
		goto err_free;
	ret = register_netdev(net);
	if (ret)
		goto err_kill;
	return 0;

err_kill:
	usb_kill_urb(priv->rx_urb);
err_free:
	usb_free_urb(priv->rx_urb);
	kfree(priv->rx_msg);
	free_netdev(net);
	return ret;
}

static void canbr_disconnect(struct usb_interface *intf)
{
	struct canbr_priv *priv = usb_get_intfdata(intf);
	struct net_device *net = priv->net;

	usb_kill_urb(priv->rx_urb);
	unregister_netdev(net);
	usb_free_urb(priv->rx_urb);
	kfree(priv->rx_msg);
	free_netdev(net);
}

static const struct usb_device_id canbr_ids[] = {
	{ USB_DEVICE(0x2f1c, 0x7a91) },
	{ }
};
MODULE_DEVICE_TABLE(usb, canbr_ids);

static struct usb_driver canbr_driver = {
	.name		= "canbr",
	.probe		= canbr_probe,
	.disconnect	= canbr_disconnect,
	.soft_unbind	= 1,
	.id_table	= canbr_ids,
};
module_usb_driver(canbr_driver);
MODULE_LICENSE("GPL");
