// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: .ndo_set_rx_mode calls a register-write helper that does a
 * synchronous usb_control_msg().
 *
 * Models fixes like "defer rx mode update to a work item" in USB Ethernet
 * drivers: the networking core calls ndo_set_rx_mode with the address-list
 * spinlock held (netif_addr_lock_bh), but the driver programs the receive
 * filter register through usbnic_write_reg(), which waits for a control
 * transfer and sleeps.  The fix computes the new filter in ndo_set_rx_mode
 * and lets a work item write it to the device.
 * Fixed twin: ndo_set_rx_mode stores the filter and schedules rx_mode_work, which
 * calls usbnic_write_reg().
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/workqueue.h>

#define USBNIC_REQ_WRITE_REG	0x05
#define USBNIC_REG_RX_CTL	0x0b
#define USBNIC_RX_EN		BIT(0)
#define USBNIC_RX_PROMISC	BIT(1)
#define USBNIC_RX_ALLMULTI	BIT(2)
#define USBNIC_RX_BCAST		BIT(3)
#define USBNIC_MC_FILTER_MAX	16
#define USBNIC_EP_OUT		0x02

struct usbnic {
	struct usb_device *udev;
	struct net_device *net;
	struct urb *tx_urb;
	u16 rx_ctl;
	struct work_struct rx_mode_work;
};

static int usbnic_write_reg(struct usbnic *nic, u16 reg, u16 val)
{
	int ret;

	ret = usb_control_msg(nic->udev, usb_sndctrlpipe(nic->udev, 0), USBNIC_REQ_WRITE_REG,
			      USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE,
			      val, reg, NULL, 0, USB_CTRL_SET_TIMEOUT);
	if (ret < 0)
		netdev_err(nic->net, "write reg 0x%02x failed: %d\n", reg, ret);
	return ret < 0 ? ret : 0;
}

static void usbnic_rx_mode_work(struct work_struct *work)
{
	struct usbnic *nic = container_of(work, struct usbnic, rx_mode_work);

	usbnic_write_reg(nic, USBNIC_REG_RX_CTL, READ_ONCE(nic->rx_ctl));
}

static void usbnic_set_rx_mode(struct net_device *net)
{
	struct usbnic *nic = netdev_priv(net);
	u16 rx_ctl = USBNIC_RX_EN | USBNIC_RX_BCAST;

	if (net->flags & IFF_PROMISC)
		rx_ctl |= USBNIC_RX_PROMISC;
	else if ((net->flags & IFF_ALLMULTI) || netdev_mc_count(net) > USBNIC_MC_FILTER_MAX)
		rx_ctl |= USBNIC_RX_ALLMULTI;

	WRITE_ONCE(nic->rx_ctl, rx_ctl);
	schedule_work(&nic->rx_mode_work);
}

static void usbnic_tx_complete(struct urb *urb)
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

static netdev_tx_t usbnic_start_xmit(struct sk_buff *skb, struct net_device *net)
{
	struct usbnic *nic = netdev_priv(net);

	netif_stop_queue(net);
	usb_fill_bulk_urb(nic->tx_urb, nic->udev, usb_sndbulkpipe(nic->udev, USBNIC_EP_OUT),
			  skb->data, skb->len, usbnic_tx_complete, skb);
	if (usb_submit_urb(nic->tx_urb, GFP_ATOMIC)) {
		net->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		netif_wake_queue(net);
	}
	return NETDEV_TX_OK;
}

static int usbnic_open(struct net_device *net)
{
	struct usbnic *nic = netdev_priv(net);
	int ret;

	ret = usbnic_write_reg(nic, USBNIC_REG_RX_CTL, USBNIC_RX_EN | USBNIC_RX_BCAST);
	if (ret)
		return ret;
	netif_start_queue(net);
	return 0;
}

static int usbnic_stop(struct net_device *net)
{
	struct usbnic *nic = netdev_priv(net);

	netif_stop_queue(net);
	usb_kill_urb(nic->tx_urb);
	cancel_work_sync(&nic->rx_mode_work);
	return usbnic_write_reg(nic, USBNIC_REG_RX_CTL, 0);
}

static const struct net_device_ops usbnic_netdev_ops = {
	.ndo_open		= usbnic_open,
	.ndo_stop		= usbnic_stop,
	.ndo_start_xmit		= usbnic_start_xmit,
	.ndo_set_rx_mode	= usbnic_set_rx_mode,
	.ndo_validate_addr	= eth_validate_addr,
};

static int usbnic_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct net_device *net;
	struct usbnic *nic;
	int ret;

	net = alloc_etherdev(sizeof(*nic));
	if (!net)
		return -ENOMEM;
	nic = netdev_priv(net);
	nic->net = net;
	nic->udev = interface_to_usbdev(intf);
	INIT_WORK(&nic->rx_mode_work, usbnic_rx_mode_work);
	nic->tx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!nic->tx_urb) {
		free_netdev(net);
		return -ENOMEM;
	}
	net->netdev_ops = &usbnic_netdev_ops;
	SET_NETDEV_DEV(net, &intf->dev);
	eth_hw_addr_random(net);
	usb_set_intfdata(intf, nic);
	ret = register_netdev(net);
	if (ret) {
		usb_free_urb(nic->tx_urb);
		free_netdev(net);
	}
	return ret;
}

static void usbnic_disconnect(struct usb_interface *intf)
{
	struct usbnic *nic = usb_get_intfdata(intf);

	unregister_netdev(nic->net);
	usb_free_urb(nic->tx_urb);
	free_netdev(nic->net);
}

static const struct usb_device_id usbnic_ids[] = {
	{ USB_DEVICE(0x1d50, 0x6a15) },
	{ }
};
MODULE_DEVICE_TABLE(usb, usbnic_ids);

static struct usb_driver usbnic_driver = {
	.name		= "usbnic",
	.probe		= usbnic_probe,
	.disconnect	= usbnic_disconnect,
	.id_table	= usbnic_ids,
};
module_usb_driver(usbnic_driver);
MODULE_LICENSE("GPL");
