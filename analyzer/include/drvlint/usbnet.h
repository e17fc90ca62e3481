/*
 * drvlint reduced-mode stand-in: the usbnet framework for USB network
 * adapters (struct usbnet, struct driver_info, usbnet_* helpers and the
 * CDC Ethernet helpers shared by cdc_ether-based minidrivers).
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.
 */
#ifndef DRVLINT_USBNET_H
#define DRVLINT_USBNET_H

struct driver_info;
struct usbnet {
	struct usb_device *udev;
	struct usb_interface *intf;
	const struct driver_info *driver_info;
	const char *driver_name;
	void *driver_priv;
	wait_queue_head_t wait;
	struct mutex phy_mutex;
	unsigned char suspend_count;
	unsigned char pkt_cnt, pkt_err;
	unsigned short rx_qlen, tx_qlen;
	unsigned int can_dma_sg:1;
	unsigned int in, out;
	struct usb_host_endpoint *status;
	unsigned int maxpacket;
	struct timer_list delay;
	const char *padding_pkt;
	struct net_device *net;
	int msg_enable;
	unsigned long data[5];
	u32 xid;
	u32 hard_mtu;
	size_t rx_urb_size;
	struct mii_if_info mii;
	long rx_speed;
	long tx_speed;
	struct sk_buff_head rxq;
	struct sk_buff_head txq;
	struct sk_buff_head done;
	struct sk_buff_head rxq_pause;
	struct urb *interrupt;
	unsigned int interrupt_count;
	struct mutex interrupt_mutex;
	struct usb_anchor deferred;
	struct tasklet_struct bh;
	struct work_struct kevent;
	unsigned long flags;
};
#define EVENT_TX_HALT 0
#define EVENT_RX_HALT 1
#define EVENT_RX_MEMORY 2
#define EVENT_STS_SPLIT 3
#define EVENT_LINK_RESET 4
#define EVENT_RX_PAUSED 5
#define EVENT_DEV_ASLEEP 6
#define EVENT_DEV_OPEN 7
#define EVENT_DEVICE_REPORT_IDLE 8
#define EVENT_NO_RUNTIME_PM 9
#define EVENT_RX_KILL 10
#define EVENT_LINK_CHANGE 11
#define EVENT_SET_RX_MODE 12
#define EVENT_NO_IP_ALIGN 13
struct driver_info {
	char *description;
	int flags;
#define FLAG_FRAMING_NC 0x0001
#define FLAG_FRAMING_GL 0x0002
#define FLAG_FRAMING_Z 0x0004
#define FLAG_FRAMING_RN 0x0008
#define FLAG_NO_SETINT 0x0010
#define FLAG_ETHER 0x0020
#define FLAG_FRAMING_AX 0x0040
#define FLAG_WLAN 0x0080
#define FLAG_AVOID_UNLINK_URBS 0x0100
#define FLAG_SEND_ZLP 0x0200
#define FLAG_WWAN 0x0400
#define FLAG_LINK_INTR 0x0800
#define FLAG_POINTTOPOINT 0x1000
#define FLAG_NOARP 0x2000
#define FLAG_MULTI_PACKET 0x4000
#define FLAG_RX_ASSEMBLE 0x8000
	int (*bind)(struct usbnet *dev, struct usb_interface *intf);
	void (*unbind)(struct usbnet *dev, struct usb_interface *intf);
	int (*reset)(struct usbnet *dev);
	int (*stop)(struct usbnet *dev);
	int (*check_connect)(struct usbnet *dev);
	int (*manage_power)(struct usbnet *dev, int on);
	void (*status)(struct usbnet *dev, struct urb *urb);
	int (*link_reset)(struct usbnet *dev);
	int (*rx_fixup)(struct usbnet *dev, struct sk_buff *skb);
	struct sk_buff *(*tx_fixup)(struct usbnet *dev, struct sk_buff *skb, gfp_t flags);
	void (*recover)(struct usbnet *dev);
	int (*early_init)(struct usbnet *dev);
	void (*indication)(struct usbnet *dev, void *ind, int indlen);
	void (*set_rx_mode)(struct usbnet *dev);
	int in, out;
	unsigned long data;
};
enum skb_state {
	illegal = 0,
	tx_start,
	tx_done,
	rx_start,
	rx_done,
	rx_cleanup,
	unlink_start
};
struct skb_data {
	struct urb *urb;
	struct usbnet *dev;
	enum skb_state state;
	long length;
	unsigned long packets;
};
struct cdc_state {
	struct usb_cdc_header_desc *header;
	struct usb_cdc_union_desc *u;
	struct usb_cdc_ether_desc *ether;
	struct usb_interface *control;
	struct usb_interface *data;
};
int usbnet_probe(struct usb_interface *udev, const struct usb_device_id *prod);
void usbnet_disconnect(struct usb_interface *intf);
int usbnet_suspend(struct usb_interface *intf, pm_message_t message);
int usbnet_resume(struct usb_interface *intf);
void usbnet_device_suggests_idle(struct usbnet *dev);
int usbnet_manage_power(struct usbnet *dev, int on);
void usbnet_link_change(struct usbnet *dev, bool link, bool need_reset);
int usbnet_get_endpoints(struct usbnet *dev, struct usb_interface *intf);
int usbnet_get_ethernet_addr(struct usbnet *dev, int iMACAddress);
int usbnet_read_cmd(struct usbnet *dev, u8 cmd, u8 reqtype, u16 value, u16 index, void *data, u16 size);
int usbnet_write_cmd(struct usbnet *dev, u8 cmd, u8 reqtype, u16 value, u16 index, const void *data, u16 size);
int usbnet_read_cmd_nopm(struct usbnet *dev, u8 cmd, u8 reqtype, u16 value, u16 index, void *data, u16 size);
int usbnet_write_cmd_nopm(struct usbnet *dev, u8 cmd, u8 reqtype, u16 value, u16 index, const void *data, u16 size);
int usbnet_write_cmd_async(struct usbnet *dev, u8 cmd, u8 reqtype, u16 value, u16 index, const void *data, u16 size);
void usbnet_defer_kevent(struct usbnet *dev, int work);
void usbnet_skb_return(struct usbnet *dev, struct sk_buff *skb);
void usbnet_unlink_rx_urbs(struct usbnet *dev);
void usbnet_pause_rx(struct usbnet *dev);
void usbnet_resume_rx(struct usbnet *dev);
void usbnet_purge_paused_rxq(struct usbnet *dev);
void usbnet_update_max_qlen(struct usbnet *dev);
int usbnet_status_start(struct usbnet *dev, gfp_t mem_flags);
void usbnet_status_stop(struct usbnet *dev);
void usbnet_set_skb_tx_stats(struct sk_buff *skb, unsigned long packets, long bytes_delta);
int usbnet_get_link_ksettings_mii(struct net_device *net, struct ethtool_link_ksettings *cmd);
int usbnet_set_link_ksettings_mii(struct net_device *net, const struct ethtool_link_ksettings *cmd);
int usbnet_get_link_ksettings_internal(struct net_device *net, struct ethtool_link_ksettings *cmd);
u32 usbnet_get_link(struct net_device *net);
u32 usbnet_get_msglevel(struct net_device *net);
void usbnet_set_msglevel(struct net_device *net, u32 level);
void usbnet_get_drvinfo(struct net_device *net, struct ethtool_drvinfo *info);
int usbnet_nway_reset(struct net_device *net);
int usbnet_open(struct net_device *net);
int usbnet_stop(struct net_device *net);
netdev_tx_t usbnet_start_xmit(struct sk_buff *skb, struct net_device *net);
void usbnet_tx_timeout(struct net_device *net, unsigned int txqueue);
int usbnet_change_mtu(struct net_device *net, int new_mtu);
void usbnet_set_rx_mode(struct net_device *net);
void usbnet_get_stats64(struct net_device *dev, struct rtnl_link_stats64 *stats);
int usbnet_generic_cdc_bind(struct usbnet *dev, struct usb_interface *intf);
int usbnet_ether_cdc_bind(struct usbnet *dev, struct usb_interface *intf);
int usbnet_cdc_bind(struct usbnet *dev, struct usb_interface *intf);
void usbnet_cdc_unbind(struct usbnet *dev, struct usb_interface *intf);
void usbnet_cdc_status(struct usbnet *dev, struct urb *urb);
void usbnet_cdc_update_filter(struct usbnet *dev);
int usbnet_cdc_zte_rx_fixup(struct usbnet *dev, struct sk_buff *skb);
#define DEFAULT_FILTER (USB_CDC_PACKET_TYPE_BROADCAST | USB_CDC_PACKET_TYPE_ALL_MULTICAST | \
			USB_CDC_PACKET_TYPE_PROMISCUOUS | USB_CDC_PACKET_TYPE_DIRECTED)

#endif /* DRVLINT_USBNET_H */
