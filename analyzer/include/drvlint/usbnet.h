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
/* A few non-usbnet drivers (cm109, yealink) define their own
 * `struct driver_info`; -DDRVLINT_NO_USBNET drops this whole file. */
#ifndef DRVLINT_NO_USBNET

struct driver_info;
struct usbnet {
	struct usb_device *udev;
	struct usb_interface *intf;
	const struct driver_info *driver_info;
	const char *driver_name;
	void *driver_priv;
	wait_queue_head_t wait;
	struct mutex phy_mutex;
	unsigned char suspend_count, pkt_cnt, pkt_err;
	unsigned short rx_qlen, tx_qlen;
	unsigned int can_dma_sg:1, in, out;
	struct usb_host_endpoint *status;
	unsigned int maxpacket;
	struct timer_list delay;
	const char *padding_pkt;
	struct net_device *net;
	int msg_enable;
	unsigned long data[5];
	u32 xid, hard_mtu;
	size_t rx_urb_size;
	struct mii_if_info mii;
	long rx_speed, tx_speed;
	struct sk_buff_head rxq, txq, done, rxq_pause;
	struct urb *interrupt;
	unsigned int interrupt_count;
	struct mutex interrupt_mutex;
	struct usb_anchor deferred;
	struct tasklet_struct bh;
	struct work_struct kevent;
	unsigned long flags;
};
enum {
	EVENT_TX_HALT = 0, EVENT_RX_HALT = 1, EVENT_RX_MEMORY = 2, EVENT_STS_SPLIT = 3,
	EVENT_LINK_RESET = 4, EVENT_RX_PAUSED = 5, EVENT_DEV_ASLEEP = 6, EVENT_DEV_OPEN = 7,
	EVENT_DEVICE_REPORT_IDLE = 8, EVENT_NO_RUNTIME_PM = 9, EVENT_RX_KILL = 10,
	EVENT_LINK_CHANGE = 11, EVENT_SET_RX_MODE = 12, EVENT_NO_IP_ALIGN = 13,
	EVENT_LINK_CARRIER_ON = 14,
};
#define SPEED_UNSET -1
/* driver_info.flags */
enum {
	FLAG_FRAMING_NC = 0x0001, FLAG_FRAMING_GL = 0x0002, FLAG_FRAMING_Z = 0x0004,
	FLAG_FRAMING_RN = 0x0008, FLAG_NO_SETINT = 0x0010, FLAG_ETHER = 0x0020,
	FLAG_FRAMING_AX = 0x0040, FLAG_WLAN = 0x0080, FLAG_AVOID_UNLINK_URBS = 0x0100,
	FLAG_SEND_ZLP = 0x0200, FLAG_WWAN = 0x0400, FLAG_LINK_INTR = 0x0800,
	FLAG_POINTTOPOINT = 0x1000, FLAG_NOARP = 0x2000, FLAG_MULTI_PACKET = 0x4000,
	FLAG_RX_ASSEMBLE = 0x8000,
};
struct driver_info {
	char *description;
	int flags;
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
/* usbnet's skb->cb layout uses very generic names (tx_start, rx_done, ...)
 * that drivers such as lan78xx define themselves; only declared on request. */
#ifdef DRVLINT_USBNET_SKB_DATA
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
#endif
struct cdc_state {
	struct usb_cdc_header_desc *header;
	struct usb_cdc_union_desc *u;
	struct usb_cdc_ether_desc *ether;
	struct usb_interface *control, *data;
};
struct usb_driver *driver_of(struct usb_interface *intf);
bool usbnet_going_away(struct usbnet *ubn);
void usbnet_mark_going_away(struct usbnet *ubn);
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
/* cdc-wdm: character device for the encapsulated control channel */
struct usb_driver *usb_cdc_wdm_register(struct usb_interface *intf, struct usb_endpoint_descriptor *ep,
					 int bufsize, enum wwan_port_type type,
					 int (*manage_power)(struct usb_interface *, int));

/* ---- CDC NCM / MBIM framing (NTB headers and the shared ncm context) ---- */
#define USB_CDC_NCM_NTB16_SUPPORTED (1 << 0)
#define USB_CDC_NCM_NTB32_SUPPORTED (1 << 1)
#define USB_CDC_NCM_NDP_ALIGN_MIN_SIZE 0x04
enum {
	USB_CDC_NCM_NTB_MAX_LENGTH = 0x1C, USB_CDC_NCM_NTB16_FORMAT = 0x00,
	USB_CDC_NCM_NTB32_FORMAT = 0x01, USB_CDC_NCM_NTB_MIN_IN_SIZE = 2048,
	USB_CDC_NCM_NTB_MIN_OUT_SIZE = 2048, USB_CDC_NCM_CRC_NOT_APPENDED = 0x00,
	USB_CDC_NCM_CRC_APPENDED = 0x01, USB_CDC_NCM_NCAP_ETH_FILTER = (1 << 0),
	USB_CDC_NCM_NCAP_NET_ADDRESS = (1 << 1), USB_CDC_NCM_NCAP_ENCAP_COMMAND = (1 << 2),
	USB_CDC_NCM_NCAP_MAX_DATAGRAM_SIZE = (1 << 3), USB_CDC_NCM_NCAP_CRC_MODE = (1 << 4),
	USB_CDC_NCM_NCAP_NTB_INPUT_SIZE = (1 << 5),
};
#define USB_CDC_NCM_NTH16_SIGN 0x484D434E
#define USB_CDC_NCM_NTH32_SIGN 0x686D636E
#define USB_CDC_NCM_NDP16_CRC_SIGN 0x314D434E
#define USB_CDC_NCM_NDP16_NOCRC_SIGN 0x304D434E
#define USB_CDC_NCM_NDP32_CRC_SIGN 0x316D636E
#define USB_CDC_NCM_NDP32_NOCRC_SIGN 0x306D636E
#define USB_CDC_MBIM_NDP16_IPS_SIGN 0x00535049
#define USB_CDC_MBIM_NDP32_IPS_SIGN 0x00737069
#define USB_CDC_MBIM_NDP16_DSS_SIGN 0x00535344
#define USB_CDC_MBIM_NDP32_DSS_SIGN 0x00737364
#define USB_CDC_NCM_NDP16_LENGTH_MIN 0x10
#define USB_CDC_NCM_NDP32_LENGTH_MIN 0x20
struct usb_cdc_ncm_ntb_parameters {
	__le16 wLength, bmNtbFormatsSupported;
	__le32 dwNtbInMaxSize;
	__le16 wNdpInDivisor, wNdpInPayloadRemainder, wNdpInAlignment, wPadding1;
	__le32 dwNtbOutMaxSize;
	__le16 wNdpOutDivisor, wNdpOutPayloadRemainder, wNdpOutAlignment, wNtbOutMaxDatagrams;
} __attribute__((__packed__));
struct usb_cdc_ncm_nth16 {
	__le32 dwSignature;
	__le16 wHeaderLength, wSequence, wBlockLength, wNdpIndex;
} __attribute__((__packed__));
struct usb_cdc_ncm_nth32 {
	__le32 dwSignature;
	__le16 wHeaderLength, wSequence;
	__le32 dwBlockLength, dwNdpIndex;
} __attribute__((__packed__));
struct usb_cdc_ncm_dpe16 {
	__le16 wDatagramIndex, wDatagramLength;
} __attribute__((__packed__));
struct usb_cdc_ncm_ndp16 {
	__le32 dwSignature;
	__le16 wLength, wNextNdpIndex;
	struct usb_cdc_ncm_dpe16 dpe16[];
} __attribute__((__packed__));
struct usb_cdc_ncm_dpe32 {
	__le32 dwDatagramIndex, dwDatagramLength;
} __attribute__((__packed__));
struct usb_cdc_ncm_ndp32 {
	__le32 dwSignature;
	__le16 wLength, wReserved6;
	__le32 dwNextNdpIndex, dwReserved12;
	struct usb_cdc_ncm_dpe32 dpe32[];
} __attribute__((__packed__));
enum {
	CDC_NCM_COMM_ALTSETTING_NCM = 0, CDC_NCM_COMM_ALTSETTING_MBIM = 1,
	CDC_NCM_DATA_ALTSETTING_NCM = 1, CDC_NCM_DATA_ALTSETTING_MBIM = 2,
};
#define CDC_NCM_NTB_MAX_SIZE_TX 65536u
#define CDC_NCM_NTB_MAX_SIZE_RX 65536u
#define CDC_NCM_NTB_DEF_SIZE_TX 16384u
#define CDC_NCM_NTB_DEF_SIZE_RX 60000u
enum {
	CDC_NCM_MIN_TX_PKT = 512, CDC_NCM_MAX_DATAGRAM_SIZE = 8192, CDC_NCM_MIN_DATAGRAM_SIZE = 1514,
	CDC_NCM_DPT_DATAGRAMS_MAX = 40, CDC_NCM_RESTART_TIMER_DATAGRAM_CNT = 3,
	CDC_NCM_TIMER_PENDING_CNT = 2, CDC_NCM_TIMER_INTERVAL_USEC = 400UL,
	CDC_NCM_TIMER_INTERVAL_MIN = 5UL,
};
#define CDC_NCM_TIMER_INTERVAL_MAX (U32_MAX / NSEC_PER_USEC)
enum {
	CDC_NCM_LOW_MEM_MAX_CNT = 10, CDC_NCM_FLAG_NDP_TO_END = 0x02,
	CDC_MBIM_FLAG_AVOID_ALTSETTING_TOGGLE = 0x04, CDC_MBIM_MIN_DATAGRAM_SIZE = 2048,
	CDC_NCM_FLAG_RESET_NTB16 = 0x08, CDC_NCM_FLAG_PREFER_NTB32 = 0x10,
};
#define CDC_NCM_MIN_HDR_SIZE \
	(sizeof(struct usb_cdc_ncm_nth16) + sizeof(struct usb_cdc_ncm_ndp16) + \
	 (CDC_NCM_DPT_DATAGRAMS_MAX + 1) * sizeof(struct usb_cdc_ncm_dpe16))
#define CDC_NCM_NDP_SIZE \
	(sizeof(struct usb_cdc_ncm_ndp16) + (CDC_NCM_DPT_DATAGRAMS_MAX + 1) * sizeof(struct usb_cdc_ncm_dpe16))
#define cdc_ncm_comm_intf_is_mbim(x) ((x)->desc.bInterfaceSubClass == USB_CDC_SUBCLASS_MBIM && \
				      (x)->desc.bInterfaceProtocol == USB_CDC_PROTO_NONE)
#define cdc_ncm_data_intf_is_mbim(x) ((x)->desc.bInterfaceProtocol == USB_CDC_MBIM_PROTO_NTB)
struct cdc_ncm_ctx {
	struct usb_cdc_ncm_ntb_parameters ncm_parm;
	struct hrtimer tx_timer;
	struct tasklet_struct bh;
	struct usbnet *dev;
	const struct usb_cdc_ncm_desc *func_desc;
	const struct usb_cdc_mbim_desc *mbim_desc;
	const struct usb_cdc_mbim_extended_desc *mbim_extended_desc;
	const struct usb_cdc_ether_desc *ether_desc;
	struct usb_interface *control, *data;
	struct sk_buff *tx_curr_skb, *tx_rem_skb;
	__le32 tx_rem_sign;
	spinlock_t mtx;
	atomic_t stop;
	int drvflags;
	u32 timer_interval, max_ndp_size;
	u8 is_ndp16;
	union {
		struct usb_cdc_ncm_ndp16 *delayed_ndp16;
		struct usb_cdc_ncm_ndp32 *delayed_ndp32;
	};
	u32 tx_timer_pending, tx_curr_frame_num, rx_max, tx_max, tx_low_mem_max_cnt;
	u32 tx_low_mem_val, max_datagram_size;
	u16 tx_max_datagrams, tx_remainder, tx_modulus, tx_ndp_modulus, tx_seq, rx_seq;
	u16 min_tx_pkt;
	u32 rx_overhead, tx_overhead, tx_ntbs, rx_ntbs, tx_curr_frame_payload, tx_curr_size;
	u32 tx_reason_ntb_full, tx_reason_ndp_full, tx_reason_timeout, tx_reason_max_datagram;
	bool filtering_supported;
};
u8 cdc_ncm_select_altsetting(struct usb_interface *intf);
int cdc_ncm_change_mtu(struct net_device *net, int new_mtu);
int cdc_ncm_bind_common(struct usbnet *dev, struct usb_interface *intf, u8 data_altsetting, int drvflags);
void cdc_ncm_unbind(struct usbnet *dev, struct usb_interface *intf);
struct sk_buff *cdc_ncm_fill_tx_frame(struct usbnet *dev, struct sk_buff *skb, __le32 sign);
int cdc_ncm_rx_verify_nth16(struct cdc_ncm_ctx *ctx, struct sk_buff *skb_in);
int cdc_ncm_rx_verify_ndp16(struct sk_buff *skb_in, int ndpoffset);
int cdc_ncm_rx_verify_nth32(struct cdc_ncm_ctx *ctx, struct sk_buff *skb_in);
int cdc_ncm_rx_verify_ndp32(struct sk_buff *skb_in, int ndpoffset);
struct sk_buff *cdc_ncm_tx_fixup(struct usbnet *dev, struct sk_buff *skb, gfp_t flags);
int cdc_ncm_rx_fixup(struct usbnet *dev, struct sk_buff *skb_in);

/* ---- Realtek RTL8152/8153 vendor request constants ----------------------- */
enum {
	RTL8152_REQ_GET_REGS = 0x05, RTL8152_REQ_SET_REGS = 0x05, RTL8152_REQT_READ = 0xc0,
	RTL8152_REQT_WRITE = 0x40, BYTE_EN_DWORD = 0xff, BYTE_EN_WORD = 0x33, BYTE_EN_BYTE = 0x11,
	BYTE_EN_SIX_BYTES = 0x3f, BYTE_EN_START_MASK = 0x0f, BYTE_EN_END_MASK = 0xf0,
	MCU_TYPE_PLA = 0x0100, MCU_TYPE_USB = 0x0000, VENDOR_ID_REALTEK = 0x0bda,
	VENDOR_ID_MICROSOFT = 0x045e, VENDOR_ID_SAMSUNG = 0x04e8, VENDOR_ID_LENOVO = 0x17ef,
	VENDOR_ID_LINKSYS = 0x13b1, VENDOR_ID_NVIDIA = 0x0955, VENDOR_ID_TPLINK = 0x2357,
	VENDOR_ID_DLINK = 0x2001, VENDOR_ID_ASUS = 0x0b05, VENDOR_ID_DELL = 0x413c,
	VENDOR_ID_TRENDNET = 0x20f4,
};

/* ---- RNDIS host (remote NDIS over USB) ------------------------------------ */
#define RNDIS_MSG_COMPLETION 0x80000000
#define RNDIS_MSG_PACKET 0x00000001
#define RNDIS_MSG_INIT 0x00000002
#define RNDIS_MSG_INIT_C (RNDIS_MSG_INIT | RNDIS_MSG_COMPLETION)
#define RNDIS_MSG_HALT 0x00000003
#define RNDIS_MSG_QUERY 0x00000004
#define RNDIS_MSG_QUERY_C (RNDIS_MSG_QUERY | RNDIS_MSG_COMPLETION)
#define RNDIS_MSG_SET 0x00000005
#define RNDIS_MSG_SET_C (RNDIS_MSG_SET | RNDIS_MSG_COMPLETION)
#define RNDIS_MSG_RESET 0x00000006
#define RNDIS_MSG_RESET_C (RNDIS_MSG_RESET | RNDIS_MSG_COMPLETION)
#define RNDIS_MSG_INDICATE 0x00000007
#define RNDIS_MSG_KEEPALIVE 0x00000008
#define RNDIS_MSG_KEEPALIVE_C (RNDIS_MSG_KEEPALIVE | RNDIS_MSG_COMPLETION)
#define RNDIS_STATUS_SUCCESS 0x00000000
#define RNDIS_STATUS_FAILURE 0xC0000001
#define RNDIS_STATUS_INVALID_DATA 0xC0010015
#define RNDIS_STATUS_NOT_SUPPORTED 0xC00000BB
#define RNDIS_STATUS_MEDIA_CONNECT 0x4001000B
#define RNDIS_STATUS_MEDIA_DISCONNECT 0x4001000C
enum {
	RNDIS_OID_GEN_CURRENT_PACKET_FILTER = 0x0001010E, RNDIS_OID_GEN_PHYSICAL_MEDIUM = 0x00010202,
	RNDIS_OID_802_3_PERMANENT_ADDRESS = 0x01010101, RNDIS_OID_802_3_CURRENT_ADDRESS = 0x01010102,
	RNDIS_PHYSICAL_MEDIUM_UNSPECIFIED = 0x00000000,
	RNDIS_PHYSICAL_MEDIUM_WIRELESS_LAN = 0x00000001, RNDIS_PACKET_TYPE_DIRECTED = 0x00000001,
	RNDIS_PACKET_TYPE_MULTICAST = 0x00000002, RNDIS_PACKET_TYPE_ALL_MULTICAST = 0x00000004,
	RNDIS_PACKET_TYPE_BROADCAST = 0x00000008, RNDIS_PACKET_TYPE_PROMISCUOUS = 0x00000020,
};
#define RNDIS_DEFAULT_FILTER (RNDIS_PACKET_TYPE_DIRECTED | RNDIS_PACKET_TYPE_BROADCAST | \
			      RNDIS_PACKET_TYPE_ALL_MULTICAST | RNDIS_PACKET_TYPE_PROMISCUOUS)
enum {
	CONTROL_BUFFER_SIZE = 1025, RNDIS_CONTROL_TIMEOUT_MS = (5 * 1000),
	FLAG_RNDIS_PHYM_NOT_WIRELESS = 0x0001, FLAG_RNDIS_PHYM_WIRELESS = 0x0002,
};
#define RNDIS_DRIVER_DATA_POLL_STATUS BIT(0)
#define RNDIS_DRIVER_DATA_DST_MAC_FIXUP BIT(1)
struct rndis_msg_hdr {
	__le32 msg_type, msg_len, request_id, status;
} __attribute__((__packed__));
struct rndis_data_hdr {
	__le32 msg_type, msg_len, data_offset, data_len, oob_data_offset, oob_data_len;
	__le32 num_oob, packet_data_offset, packet_data_len, vc_handle, reserved;
} __attribute__((__packed__));
struct rndis_init {
	__le32 msg_type, msg_len, request_id, major_version, minor_version, max_transfer_size;
} __attribute__((__packed__));
struct rndis_init_c {
	__le32 msg_type, msg_len, request_id, status, major_version, minor_version;
	__le32 device_flags, medium, max_packets_per_message, max_transfer_size;
	__le32 packet_alignment, af_list_offset, af_list_size;
} __attribute__((__packed__));
struct rndis_halt {
	__le32 msg_type, msg_len, request_id;
} __attribute__((__packed__));
struct rndis_query {
	__le32 msg_type, msg_len, request_id, oid, len, offset, handle;
} __attribute__((__packed__));
struct rndis_query_c {
	__le32 msg_type, msg_len, request_id, status, len, offset;
} __attribute__((__packed__));
struct rndis_set {
	__le32 msg_type, msg_len, request_id, oid, len, offset, handle;
} __attribute__((__packed__));
struct rndis_set_c {
	__le32 msg_type, msg_len, request_id, status;
} __attribute__((__packed__));
struct rndis_reset {
	__le32 msg_type, msg_len, reserved;
} __attribute__((__packed__));
struct rndis_reset_c {
	__le32 msg_type, msg_len, status, addressing_lost;
} __attribute__((__packed__));
struct rndis_indicate {
	__le32 msg_type, msg_len, status, length, offset;
} __attribute__((__packed__));
struct rndis_keepalive {
	__le32 msg_type, msg_len, request_id;
} __attribute__((__packed__));
struct rndis_keepalive_c {
	__le32 msg_type, msg_len, request_id, status;
} __attribute__((__packed__));
int rndis_command(struct usbnet *dev, struct rndis_msg_hdr *buf, int buflen);
int generic_rndis_bind(struct usbnet *dev, struct usb_interface *intf, int flags);
void rndis_unbind(struct usbnet *dev, struct usb_interface *intf);
int rndis_rx_fixup(struct usbnet *dev, struct sk_buff *skb);
struct sk_buff *rndis_tx_fixup(struct usbnet *dev, struct sk_buff *skb, gfp_t flags);
void rndis_status(struct usbnet *dev, struct urb *urb);

#define DEFAULT_FILTER (USB_CDC_PACKET_TYPE_BROADCAST | USB_CDC_PACKET_TYPE_ALL_MULTICAST | \
			USB_CDC_PACKET_TYPE_PROMISCUOUS | USB_CDC_PACKET_TYPE_DIRECTED)

#endif /* !DRVLINT_NO_USBNET */
#endif /* DRVLINT_USBNET_H */
