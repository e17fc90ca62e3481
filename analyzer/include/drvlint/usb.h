/*
 * drvlint reduced-mode stand-in: USB chapter-9 descriptors and constants,
 * the USB core driver API (usb_device, usb_interface, usb_driver, URBs,
 * anchors, pipes, synchronous messages, autosuspend) and the CDC class
 * descriptors used by networking/serial drivers.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  Pipe constructors
 * (usb_sndbulkpipe, ...) and interface_to_usbdev are prototypes, so they
 * appear as calls.
 */
#ifndef DRVLINT_USB_H
#define DRVLINT_USB_H

/* ---- chapter 9 ------------------------------------------------------ */
enum {
	USB_DIR_OUT = 0, USB_DIR_IN = 0x80, USB_TYPE_MASK = (0x03 << 5),
	USB_TYPE_STANDARD = (0x00 << 5), USB_TYPE_CLASS = (0x01 << 5), USB_TYPE_VENDOR = (0x02 << 5),
	USB_TYPE_RESERVED = (0x03 << 5), USB_RECIP_MASK = 0x1f, USB_RECIP_DEVICE = 0x00,
	USB_RECIP_INTERFACE = 0x01, USB_RECIP_ENDPOINT = 0x02, USB_RECIP_OTHER = 0x03,
	USB_REQ_GET_STATUS = 0x00, USB_REQ_CLEAR_FEATURE = 0x01, USB_REQ_SET_FEATURE = 0x03,
	USB_REQ_SET_ADDRESS = 0x05, USB_REQ_GET_DESCRIPTOR = 0x06, USB_REQ_SET_DESCRIPTOR = 0x07,
	USB_REQ_GET_CONFIGURATION = 0x08, USB_REQ_SET_CONFIGURATION = 0x09,
	USB_REQ_GET_INTERFACE = 0x0A, USB_REQ_SET_INTERFACE = 0x0B, USB_REQ_SYNCH_FRAME = 0x0C,
	USB_DEVICE_SELF_POWERED = 0, USB_DEVICE_REMOTE_WAKEUP = 1, USB_ENDPOINT_HALT = 0,
	USB_DT_DEVICE = 0x01, USB_DT_CONFIG = 0x02, USB_DT_STRING = 0x03, USB_DT_INTERFACE = 0x04,
	USB_DT_ENDPOINT = 0x05, USB_DT_DEVICE_QUALIFIER = 0x06, USB_DT_OTHER_SPEED_CONFIG = 0x07,
	USB_DT_INTERFACE_POWER = 0x08, USB_DT_OTG = 0x09, USB_DT_DEBUG = 0x0a,
	USB_DT_INTERFACE_ASSOCIATION = 0x0b, USB_DT_BOS = 0x0f, USB_DT_DEVICE_CAPABILITY = 0x10,
	USB_DT_SS_ENDPOINT_COMP = 0x30, USB_DT_CS_DEVICE = (USB_TYPE_CLASS | USB_DT_DEVICE),
	USB_DT_CS_CONFIG = (USB_TYPE_CLASS | USB_DT_CONFIG),
	USB_DT_CS_STRING = (USB_TYPE_CLASS | USB_DT_STRING),
	USB_DT_CS_INTERFACE = (USB_TYPE_CLASS | USB_DT_INTERFACE),
	USB_DT_CS_ENDPOINT = (USB_TYPE_CLASS | USB_DT_ENDPOINT), USB_DT_DEVICE_SIZE = 18,
	USB_DT_CONFIG_SIZE = 9, USB_DT_INTERFACE_SIZE = 9, USB_DT_ENDPOINT_SIZE = 7,
	USB_DT_ENDPOINT_AUDIO_SIZE = 9, USB_CLASS_PER_INTERFACE = 0, USB_CLASS_AUDIO = 1,
	USB_CLASS_COMM = 2, USB_CLASS_HID = 3, USB_CLASS_PHYSICAL = 5, USB_CLASS_STILL_IMAGE = 6,
	USB_CLASS_PRINTER = 7, USB_CLASS_MASS_STORAGE = 8, USB_CLASS_HUB = 9,
	USB_CLASS_CDC_DATA = 0x0a, USB_CLASS_CSCID = 0x0b, USB_CLASS_CONTENT_SEC = 0x0d,
	USB_CLASS_VIDEO = 0x0e, USB_CLASS_WIRELESS_CONTROLLER = 0xe0, USB_CLASS_MISC = 0xef,
	USB_CLASS_APP_SPEC = 0xfe, USB_CLASS_VENDOR_SPEC = 0xff, USB_SUBCLASS_VENDOR_SPEC = 0xff,
	USB_ENDPOINT_NUMBER_MASK = 0x0f, USB_ENDPOINT_DIR_MASK = 0x80,
	USB_ENDPOINT_XFERTYPE_MASK = 0x03, USB_ENDPOINT_XFER_CONTROL = 0, USB_ENDPOINT_XFER_ISOC = 1,
	USB_ENDPOINT_XFER_BULK = 2, USB_ENDPOINT_XFER_INT = 3, USB_ENDPOINT_MAX_ADJUSTABLE = 0x80,
	USB_ENDPOINT_MAXP_MASK = 0x07ff, USB_ENDPOINT_SYNCTYPE = 0x0c,
	USB_ENDPOINT_SYNC_NONE = (0 << 2), USB_ENDPOINT_SYNC_ASYNC = (1 << 2),
	USB_ENDPOINT_USAGE_MASK = 0x30, USB_CONFIG_ATT_ONE = (1 << 7),
	USB_CONFIG_ATT_SELFPOWER = (1 << 6), USB_CONFIG_ATT_WAKEUP = (1 << 5),
};
struct usb_ctrlrequest {
	__u8 bRequestType, bRequest;
	__le16 wValue, wIndex, wLength;
} __attribute__((__packed__));
struct usb_descriptor_header {
	__u8 bLength, bDescriptorType;
} __attribute__((__packed__));
struct usb_device_descriptor {
	__u8 bLength, bDescriptorType;
	__le16 bcdUSB;
	__u8 bDeviceClass, bDeviceSubClass, bDeviceProtocol, bMaxPacketSize0;
	__le16 idVendor, idProduct, bcdDevice;
	__u8 iManufacturer, iProduct, iSerialNumber, bNumConfigurations;
} __attribute__((__packed__));
struct usb_config_descriptor {
	__u8 bLength, bDescriptorType;
	__le16 wTotalLength;
	__u8 bNumInterfaces, bConfigurationValue, iConfiguration, bmAttributes, bMaxPower;
} __attribute__((__packed__));
struct usb_interface_descriptor {
	__u8 bLength, bDescriptorType, bInterfaceNumber, bAlternateSetting, bNumEndpoints;
	__u8 bInterfaceClass, bInterfaceSubClass, bInterfaceProtocol, iInterface;
} __attribute__((__packed__));
struct usb_endpoint_descriptor {
	__u8 bLength, bDescriptorType, bEndpointAddress, bmAttributes;
	__le16 wMaxPacketSize;
	__u8 bInterval, bRefresh, bSynchAddress;
} __attribute__((__packed__));
struct usb_ss_ep_comp_descriptor {
	__u8 bLength, bDescriptorType, bMaxBurst, bmAttributes;
	__le16 wBytesPerInterval;
} __attribute__((__packed__));
struct usb_interface_assoc_descriptor {
	__u8 bLength, bDescriptorType, bFirstInterface, bInterfaceCount, bFunctionClass;
	__u8 bFunctionSubClass, bFunctionProtocol, iFunction;
} __attribute__((__packed__));
struct usb_string_descriptor {
	__u8 bLength, bDescriptorType;
	__le16 wData[1];
} __attribute__((__packed__));
enum usb_device_speed {
	USB_SPEED_UNKNOWN = 0,
	USB_SPEED_LOW,
	USB_SPEED_FULL,
	USB_SPEED_HIGH,
	USB_SPEED_WIRELESS,
	USB_SPEED_SUPER,
	USB_SPEED_SUPER_PLUS,
};
enum usb_device_state {
	USB_STATE_NOTATTACHED = 0,
	USB_STATE_ATTACHED,
	USB_STATE_POWERED,
	USB_STATE_RECONNECTING,
	USB_STATE_UNAUTHENTICATED,
	USB_STATE_DEFAULT,
	USB_STATE_ADDRESS,
	USB_STATE_CONFIGURED,
	USB_STATE_SUSPENDED,
};
int usb_endpoint_num(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_type(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_dir_in(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_dir_out(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_xfer_bulk(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_xfer_control(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_xfer_int(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_xfer_isoc(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_is_bulk_in(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_is_bulk_out(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_is_int_in(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_is_int_out(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_is_isoc_in(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_is_isoc_out(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_maxp(const struct usb_endpoint_descriptor *epd);
int usb_endpoint_maxp_mult(const struct usb_endpoint_descriptor *epd);
const char *usb_speed_string(enum usb_device_speed speed);
const char *usb_state_string(enum usb_device_state state);

/* ---- core structures ------------------------------------------------ */
struct usb_device;
struct usb_driver;
struct urb;
struct usb_host_endpoint {
	struct usb_endpoint_descriptor desc;
	struct usb_ss_ep_comp_descriptor ss_ep_comp;
	struct list_head urb_list;
	void *hcpriv;
	unsigned char *extra;
	int extralen, enabled, streams;
};
struct usb_host_interface {
	struct usb_interface_descriptor desc;
	int extralen;
	unsigned char *extra;
	struct usb_host_endpoint *endpoint;
	char *string;
};
enum usb_interface_condition {
	USB_INTERFACE_UNBOUND = 0,
	USB_INTERFACE_BINDING,
	USB_INTERFACE_BOUND,
	USB_INTERFACE_UNBINDING,
};
struct usb_interface {
	struct usb_host_interface *altsetting, *cur_altsetting;
	unsigned int num_altsetting;
	struct usb_interface_assoc_descriptor *intf_assoc;
	int minor;
	enum usb_interface_condition condition;
	unsigned int sysfs_files_created:1, ep_devs_created:1, unregistering:1;
	unsigned int needs_remote_wakeup:1, needs_altsetting0:1, needs_binding:1;
	unsigned int resetting_device:1, authorized:1;
	struct device dev, *usb_dev;
	struct work_struct reset_ws;
};
enum {
	USB_MAXINTERFACES = 32, USB_MAXIADS = (USB_MAXINTERFACES / 2), USB_MAXENDPOINTS = 30,
};
struct usb_host_config {
	struct usb_config_descriptor desc;
	char *string;
	struct usb_interface_assoc_descriptor *intf_assoc[USB_MAXIADS];
	struct usb_interface *interface[USB_MAXINTERFACES];
	struct usb_interface_cache *intf_cache[USB_MAXINTERFACES];
	unsigned char *extra;
	int extralen;
};
struct usb_interface_cache {
	unsigned int num_altsetting;
	struct kref ref;
	struct usb_host_interface altsetting[];
};
struct usb_bus {
	struct device *controller, *sysdev;
	int busnum;
	const char *bus_name;
	u8 uses_pio_for_control, otg_port;
	unsigned int is_b_host:1, b_hnp_enable:1, no_stop_on_short:1, no_sg_constraint:1;
	unsigned int sg_tablesize;
	int devnum_next;
	struct usb_device *root_hub;
	struct usb_bus *hs_companion;
	int bandwidth_allocated;
};
struct usb_tt;
struct usb_interface_cache;
struct usb_device {
	int devnum;
	char devpath[16];
	u32 route;
	enum usb_device_state state;
	enum usb_device_speed speed;
	unsigned int rx_lanes, tx_lanes;
	struct usb_tt *tt;
	int ttport;
	unsigned int toggle[2];
	struct usb_device *parent;
	struct usb_bus *bus;
	struct usb_host_endpoint ep0;
	struct device dev;
	struct usb_device_descriptor descriptor;
	struct usb_host_config *config, *actconfig;
	struct usb_host_endpoint *ep_in[16], *ep_out[16];
	char **rawdescriptors;
	unsigned short bus_mA;
	u8 portnum, level, devaddr;
	unsigned int can_submit:1, persist_enabled:1, reset_in_progress:1, have_langid:1;
	unsigned int authorized:1, authenticated:1, lpm_capable:1, usb2_hw_lpm_capable:1;
	unsigned int usb2_hw_lpm_enabled:1, usb3_lpm_u1_enabled:1, usb3_lpm_u2_enabled:1;
	int string_langid;
	char *product, *manufacturer, *serial;
	struct list_head filelist;
	int maxchild;
	u32 quirks;
	atomic_t urbnum;
	unsigned long active_duration, connect_time;
	unsigned int do_remote_wakeup:1, reset_resume:1, port_is_suspended:1;
	int slot_id;
};
#define to_usb_device(d) container_of(d, struct usb_device, dev)
#define to_usb_interface(d) container_of(d, struct usb_interface, dev)
struct usb_device_id {
	__u16 match_flags, idVendor, idProduct, bcdDevice_lo, bcdDevice_hi;
	__u8 bDeviceClass, bDeviceSubClass, bDeviceProtocol, bInterfaceClass;
	__u8 bInterfaceSubClass, bInterfaceProtocol, bInterfaceNumber;
	kernel_ulong_t driver_info;
};
enum {
	USB_DEVICE_ID_MATCH_VENDOR = 0x0001, USB_DEVICE_ID_MATCH_PRODUCT = 0x0002,
	USB_DEVICE_ID_MATCH_DEV_LO = 0x0004, USB_DEVICE_ID_MATCH_DEV_HI = 0x0008,
	USB_DEVICE_ID_MATCH_DEV_CLASS = 0x0010, USB_DEVICE_ID_MATCH_DEV_SUBCLASS = 0x0020,
	USB_DEVICE_ID_MATCH_DEV_PROTOCOL = 0x0040, USB_DEVICE_ID_MATCH_INT_CLASS = 0x0080,
	USB_DEVICE_ID_MATCH_INT_SUBCLASS = 0x0100, USB_DEVICE_ID_MATCH_INT_PROTOCOL = 0x0200,
	USB_DEVICE_ID_MATCH_INT_NUMBER = 0x0400,
	USB_DEVICE_ID_MATCH_DEVICE = (USB_DEVICE_ID_MATCH_VENDOR | USB_DEVICE_ID_MATCH_PRODUCT),
	USB_DEVICE_ID_MATCH_DEV_RANGE = (USB_DEVICE_ID_MATCH_DEV_LO | USB_DEVICE_ID_MATCH_DEV_HI),
	USB_DEVICE_ID_MATCH_DEVICE_AND_VERSION = (USB_DEVICE_ID_MATCH_DEVICE | USB_DEVICE_ID_MATCH_DEV_RANGE),
};
#define USB_DEVICE_ID_MATCH_DEV_INFO \
	(USB_DEVICE_ID_MATCH_DEV_CLASS | USB_DEVICE_ID_MATCH_DEV_SUBCLASS | USB_DEVICE_ID_MATCH_DEV_PROTOCOL)
#define USB_DEVICE_ID_MATCH_INT_INFO \
	(USB_DEVICE_ID_MATCH_INT_CLASS | USB_DEVICE_ID_MATCH_INT_SUBCLASS | USB_DEVICE_ID_MATCH_INT_PROTOCOL)
#define USB_DEVICE(vend, prod) \
	.match_flags = USB_DEVICE_ID_MATCH_DEVICE, .idVendor = (vend), .idProduct = (prod)
#define USB_DEVICE_VER(vend, prod, lo, hi) \
	.match_flags = USB_DEVICE_ID_MATCH_DEVICE_AND_VERSION, .idVendor = (vend), .idProduct = (prod), \
	.bcdDevice_lo = (lo), .bcdDevice_hi = (hi)
#define USB_DEVICE_INTERFACE_CLASS(vend, prod, cl) \
	.match_flags = USB_DEVICE_ID_MATCH_DEVICE | USB_DEVICE_ID_MATCH_INT_CLASS, \
	.idVendor = (vend), .idProduct = (prod), .bInterfaceClass = (cl)
#define USB_DEVICE_INTERFACE_PROTOCOL(vend, prod, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_DEVICE | USB_DEVICE_ID_MATCH_INT_PROTOCOL, \
	.idVendor = (vend), .idProduct = (prod), .bInterfaceProtocol = (pr)
#define USB_DEVICE_INTERFACE_NUMBER(vend, prod, num) \
	.match_flags = USB_DEVICE_ID_MATCH_DEVICE | USB_DEVICE_ID_MATCH_INT_NUMBER, \
	.idVendor = (vend), .idProduct = (prod), .bInterfaceNumber = (num)
#define USB_DEVICE_INFO(cl, sc, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_DEV_INFO, .bDeviceClass = (cl), \
	.bDeviceSubClass = (sc), .bDeviceProtocol = (pr)
#define USB_INTERFACE_INFO(cl, sc, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_INT_INFO, .bInterfaceClass = (cl), \
	.bInterfaceSubClass = (sc), .bInterfaceProtocol = (pr)
#define USB_DEVICE_AND_INTERFACE_INFO(vend, prod, cl, sc, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_INT_INFO | USB_DEVICE_ID_MATCH_DEVICE, \
	.idVendor = (vend), .idProduct = (prod), .bInterfaceClass = (cl), \
	.bInterfaceSubClass = (sc), .bInterfaceProtocol = (pr)
#define USB_VENDOR_AND_INTERFACE_INFO(vend, cl, sc, pr) \
	.match_flags = USB_DEVICE_ID_MATCH_INT_INFO | USB_DEVICE_ID_MATCH_VENDOR, \
	.idVendor = (vend), .bInterfaceClass = (cl), .bInterfaceSubClass = (sc), \
	.bInterfaceProtocol = (pr)
struct usb_dynids {
	spinlock_t lock;
	struct list_head list;
};
struct usb_dynid {
	struct list_head node;
	struct usb_device_id id;
};
ssize_t usb_store_new_id(struct usb_dynids *dynids, const struct usb_device_id *id_table,
			 struct device_driver *driver, const char *buf, size_t count);
ssize_t usb_show_dynids(struct usb_dynids *dynids, char *buf);
int usb_disabled(void);
struct usbdrv_wrap {
	struct device_driver driver;
	int for_devices;
};
struct usb_driver {
	const char *name;
	int (*probe)(struct usb_interface *intf, const struct usb_device_id *id);
	void (*disconnect)(struct usb_interface *intf);
	int (*unlocked_ioctl)(struct usb_interface *intf, unsigned int code, void *buf);
	int (*suspend)(struct usb_interface *intf, pm_message_t message);
	int (*resume)(struct usb_interface *intf);
	int (*reset_resume)(struct usb_interface *intf);
	int (*pre_reset)(struct usb_interface *intf);
	int (*post_reset)(struct usb_interface *intf);
	const struct usb_device_id *id_table;
	const struct attribute_group **dev_groups;
	struct usb_dynids dynids;
	struct usbdrv_wrap drvwrap;
	struct device_driver driver;
	unsigned int no_dynamic_id:1, supports_autosuspend:1, disable_hub_initiated_lpm:1;
	unsigned int soft_unbind:1;
};
#define to_usb_driver(d) container_of(d, struct usb_driver, drvwrap.driver)
struct usb_device_driver {
	const char *name;
	bool (*match)(struct usb_device *udev);
	int (*probe)(struct usb_device *udev);
	void (*disconnect)(struct usb_device *udev);
	int (*suspend)(struct usb_device *udev, pm_message_t message);
	int (*resume)(struct usb_device *udev, pm_message_t message);
	const struct attribute_group **dev_groups;
	struct usbdrv_wrap drvwrap;
	const struct usb_device_id *id_table;
	unsigned int supports_autosuspend:1, generic_subclass:1;
};
int usb_register_device_driver(struct usb_device_driver *new_udriver, struct module *owner);
#define usb_register_device_driver(drv, ...) usb_register_device_driver(drv, THIS_MODULE)
void usb_deregister_device_driver(struct usb_device_driver *udriver);
struct usb_class_driver {
	char *name;
	char *(*devnode)();             /* (dev, umode_t *mode); dev became const in 6.2 */
	const struct file_operations *fops;
	int minor_base;
};

/* ---- URBs ----------------------------------------------------------- */
enum {
	URB_SHORT_NOT_OK = 0x0001, URB_ISO_ASAP = 0x0002, URB_NO_TRANSFER_DMA_MAP = 0x0004,
	URB_ZERO_PACKET = 0x0040, URB_NO_INTERRUPT = 0x0080, URB_FREE_BUFFER = 0x0100,
	URB_DIR_IN = 0x0200, URB_DIR_OUT = 0, URB_DIR_MASK = URB_DIR_IN,
};
struct usb_iso_packet_descriptor {
	unsigned int offset, length, actual_length;
	int status;
};
struct usb_anchor {
	struct list_head urb_list;
	wait_queue_head_t wait;
	spinlock_t lock;
	atomic_t suspend_wakeups;
	unsigned int poisoned:1;
};
typedef void (*usb_complete_t)(struct urb *urb);
struct urb {
	struct kref kref;
	int unlinked;
	void *hcpriv;
	atomic_t use_count, reject;
	struct list_head urb_list, anchor_list;
	struct usb_anchor *anchor;
	struct usb_device *dev;
	struct usb_host_endpoint *ep;
	unsigned int pipe, stream_id;
	int status;
	unsigned int transfer_flags;
	void *transfer_buffer;
	dma_addr_t transfer_dma;
	struct scatterlist *sg;
	int num_mapped_sgs, num_sgs;
	u32 transfer_buffer_length, actual_length;
	unsigned char *setup_packet;
	dma_addr_t setup_dma;
	int start_frame, number_of_packets, interval, error_count;
	void *context;
	usb_complete_t complete;
	struct usb_iso_packet_descriptor iso_frame_desc[];
};
enum {
	USB_CTRL_GET_TIMEOUT = 5000, USB_CTRL_SET_TIMEOUT = 5000, PIPE_ISOCHRONOUS = 0,
	PIPE_INTERRUPT = 1, PIPE_CONTROL = 2, PIPE_BULK = 3,
};
#define usb_pipein(pipe) ((pipe) & USB_DIR_IN)
#define usb_pipeout(pipe) (!usb_pipein(pipe))
#define usb_pipedevice(pipe) (((pipe) >> 8) & 0x7f)
#define usb_pipeendpoint(pipe) (((pipe) >> 15) & 0xf)
#define usb_pipetype(pipe) (((pipe) >> 30) & 3)
#define usb_pipeisoc(pipe) (usb_pipetype((pipe)) == PIPE_ISOCHRONOUS)
#define usb_pipeint(pipe) (usb_pipetype((pipe)) == PIPE_INTERRUPT)
#define usb_pipecontrol(pipe) (usb_pipetype((pipe)) == PIPE_CONTROL)
#define usb_pipebulk(pipe) (usb_pipetype((pipe)) == PIPE_BULK)
unsigned int usb_sndctrlpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_rcvctrlpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_sndisocpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_rcvisocpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_sndbulkpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_rcvbulkpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_sndintpipe(struct usb_device *dev, unsigned int endpoint);
unsigned int usb_rcvintpipe(struct usb_device *dev, unsigned int endpoint);
struct usb_host_endpoint *usb_pipe_endpoint(struct usb_device *dev, unsigned int pipe);
/* usb_maxpacket(udev, pipe): the pre-5.19 third argument is accepted */
u16 usb_maxpacket(struct usb_device *udev, int pipe);
#define usb_maxpacket(udev, pipe, ...) usb_maxpacket(udev, pipe)
struct urb *usb_alloc_urb(int iso_packets, gfp_t mem_flags);
void usb_free_urb(struct urb *urb);
#define usb_put_urb usb_free_urb
struct urb *usb_get_urb(struct urb *urb);
void usb_init_urb(struct urb *urb);
int usb_submit_urb(struct urb *urb, gfp_t mem_flags);
int usb_unlink_urb(struct urb *urb);
void usb_kill_urb(struct urb *urb);
void usb_poison_urb(struct urb *urb);
void usb_unpoison_urb(struct urb *urb);
void usb_block_urb(struct urb *urb);
int usb_urb_dir_in(struct urb *urb);
int usb_urb_dir_out(struct urb *urb);
int usb_urb_ep_type_check(const struct urb *urb);
void usb_fill_control_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
			  unsigned char *setup_packet, void *transfer_buffer, int buffer_length,
			  usb_complete_t complete_fn, void *context);
void usb_fill_bulk_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
		       void *transfer_buffer, int buffer_length, usb_complete_t complete_fn, void *context);
void usb_fill_int_urb(struct urb *urb, struct usb_device *dev, unsigned int pipe,
		      void *transfer_buffer, int buffer_length, usb_complete_t complete_fn,
		      void *context, int interval);
void init_usb_anchor(struct usb_anchor *anchor);
void usb_anchor_urb(struct urb *urb, struct usb_anchor *anchor);
void usb_unanchor_urb(struct urb *urb);
void usb_kill_anchored_urbs(struct usb_anchor *anchor);
void usb_poison_anchored_urbs(struct usb_anchor *anchor);
void usb_unpoison_anchored_urbs(struct usb_anchor *anchor);
void usb_unlink_anchored_urbs(struct usb_anchor *anchor);
void usb_anchor_suspend_wakeups(struct usb_anchor *anchor);
void usb_anchor_resume_wakeups(struct usb_anchor *anchor);
int usb_wait_anchor_empty_timeout(struct usb_anchor *anchor, unsigned int timeout);
struct urb *usb_get_from_anchor(struct usb_anchor *anchor);
void usb_scuttle_anchored_urbs(struct usb_anchor *anchor);
int usb_anchor_empty(struct usb_anchor *anchor);

/* ---- synchronous messages and device helpers ------------------------ */
int usb_control_msg(struct usb_device *dev, unsigned int pipe, __u8 request, __u8 requesttype,
		    __u16 value, __u16 index, void *data, __u16 size, int timeout);
int usb_control_msg_send(struct usb_device *dev, __u8 endpoint, __u8 request, __u8 requesttype,
			 __u16 value, __u16 index, const void *data, __u16 size, int timeout, gfp_t memflags);
int usb_control_msg_recv(struct usb_device *dev, __u8 endpoint, __u8 request, __u8 requesttype,
			 __u16 value, __u16 index, void *data, __u16 size, int timeout, gfp_t memflags);
int usb_interrupt_msg(struct usb_device *usb_dev, unsigned int pipe, void *data, int len,
		      int *actual_length, int timeout);
int usb_bulk_msg(struct usb_device *usb_dev, unsigned int pipe, void *data, int len,
		 int *actual_length, int timeout);
int usb_get_descriptor(struct usb_device *dev, unsigned char desctype, unsigned char descindex,
		       void *buf, int size);
int usb_get_status(struct usb_device *dev, int recip, int type, int target, void *data);
int usb_string(struct usb_device *dev, int index, char *buf, size_t size);
char *usb_cache_string(struct usb_device *udev, int index);
void *usb_alloc_coherent(struct usb_device *dev, size_t size, gfp_t mem_flags, dma_addr_t *dma);
void usb_free_coherent(struct usb_device *dev, size_t size, void *addr, dma_addr_t dma);
void *usb_get_intfdata(struct usb_interface *intf);
void usb_set_intfdata(struct usb_interface *intf, void *data);
struct usb_device *interface_to_usbdev(struct usb_interface *intf);
struct usb_device *usb_get_dev(struct usb_device *dev);
void usb_put_dev(struct usb_device *dev);
struct usb_interface *usb_get_intf(struct usb_interface *intf);
void usb_put_intf(struct usb_interface *intf);
int usb_register_driver(struct usb_driver *new_driver, struct module *owner, const char *mod_name);
int usb_register(struct usb_driver *driver);
void usb_deregister(struct usb_driver *driver);
int usb_register_dev(struct usb_interface *intf, struct usb_class_driver *class_driver);
void usb_deregister_dev(struct usb_interface *intf, struct usb_class_driver *class_driver);
struct usb_interface *usb_find_interface(struct usb_driver *drv, int minor);
struct usb_interface *usb_ifnum_to_if(const struct usb_device *dev, unsigned int ifnum);
struct usb_host_interface *usb_altnum_to_altsetting(const struct usb_interface *intf, unsigned int altnum);
struct usb_host_interface *usb_find_alt_setting(struct usb_host_config *config,
						unsigned int iface_num, unsigned int alt_num);
int usb_driver_claim_interface(struct usb_driver *driver, struct usb_interface *iface, void *data);
void usb_driver_release_interface(struct usb_driver *driver, struct usb_interface *iface);
int usb_interface_claimed(struct usb_interface *iface);
const struct usb_device_id *usb_match_id(struct usb_interface *interface, const struct usb_device_id *id);
int usb_match_one_id(struct usb_interface *interface, const struct usb_device_id *id);
int usb_find_common_endpoints(struct usb_host_interface *alt,
			      struct usb_endpoint_descriptor **bulk_in,
			      struct usb_endpoint_descriptor **bulk_out,
			      struct usb_endpoint_descriptor **int_in,
			      struct usb_endpoint_descriptor **int_out);
int usb_find_common_endpoints_reverse(struct usb_host_interface *alt,
				      struct usb_endpoint_descriptor **bulk_in,
				      struct usb_endpoint_descriptor **bulk_out,
				      struct usb_endpoint_descriptor **int_in,
				      struct usb_endpoint_descriptor **int_out);
int usb_find_bulk_in_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **bulk_in);
int usb_find_bulk_out_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **bulk_out);
int usb_find_int_in_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **int_in);
int usb_find_int_out_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **int_out);
int usb_find_last_bulk_in_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **bulk_in);
int usb_find_last_bulk_out_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **bulk_out);
int usb_find_last_int_in_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **int_in);
int usb_find_last_int_out_endpoint(struct usb_host_interface *alt, struct usb_endpoint_descriptor **int_out);
bool usb_check_bulk_endpoints(const struct usb_interface *intf, const u8 *ep_addrs);
bool usb_check_int_endpoints(const struct usb_interface *intf, const u8 *ep_addrs);
int usb_set_interface(struct usb_device *dev, int ifnum, int alternate);
int usb_reset_configuration(struct usb_device *dev);
int usb_set_configuration(struct usb_device *dev, int configuration);
int usb_driver_set_configuration(struct usb_device *udev, int config);
int usb_clear_halt(struct usb_device *dev, int pipe);
int usb_reset_device(struct usb_device *dev);
void usb_queue_reset_device(struct usb_interface *dev);
int usb_lock_device_for_reset(struct usb_device *udev, const struct usb_interface *iface);
#define usb_lock_device(udev) device_lock(&(udev)->dev)
#define usb_unlock_device(udev) device_unlock(&(udev)->dev)
#define usb_trylock_device(udev) device_trylock(&(udev)->dev)
int usb_make_path(struct usb_device *dev, char *buf, size_t size);
int usb_get_current_frame_number(struct usb_device *usb_dev);
int usb_translate_errors(int error_code);
int usb_autopm_get_interface(struct usb_interface *intf);
void usb_autopm_put_interface(struct usb_interface *intf);
int usb_autopm_get_interface_async(struct usb_interface *intf);
void usb_autopm_put_interface_async(struct usb_interface *intf);
void usb_autopm_get_interface_no_resume(struct usb_interface *intf);
void usb_autopm_put_interface_no_suspend(struct usb_interface *intf);
void usb_enable_autosuspend(struct usb_device *udev);
void usb_disable_autosuspend(struct usb_device *udev);
void usb_mark_last_busy(struct usb_device *udev);
int usb_enable_lpm(struct usb_device *udev);
bool usb_device_no_sg_constraint(struct usb_device *udev);
int usb_disable_lpm(struct usb_device *udev);
struct usb_device *usb_hub_find_child(struct usb_device *hdev, int port1);
#define module_usb_driver(__usb_driver) \
	module_driver(__usb_driver, usb_register, usb_deregister)

/* ---- CDC class -------------------------------------------------------- */
enum {
	USB_CDC_SUBCLASS_ACM = 0x02, USB_CDC_SUBCLASS_ETHERNET = 0x06, USB_CDC_SUBCLASS_WHCM = 0x08,
	USB_CDC_SUBCLASS_DMM = 0x09, USB_CDC_SUBCLASS_MDLM = 0x0a, USB_CDC_SUBCLASS_OBEX = 0x0b,
	USB_CDC_SUBCLASS_EEM = 0x0c, USB_CDC_SUBCLASS_NCM = 0x0d, USB_CDC_SUBCLASS_MBIM = 0x0e,
	USB_CDC_PROTO_NONE = 0, USB_CDC_ACM_PROTO_AT_V25TER = 1, USB_CDC_ACM_PROTO_AT_PCCA101 = 2,
	USB_CDC_ACM_PROTO_AT_PCCA101_WAKE = 3, USB_CDC_ACM_PROTO_AT_GSM = 4,
	USB_CDC_ACM_PROTO_AT_3G = 5, USB_CDC_ACM_PROTO_AT_CDMA = 6, USB_CDC_ACM_PROTO_VENDOR = 0xff,
	USB_CDC_PROTO_EEM = 7, USB_CDC_NCM_PROTO_NTB = 1, USB_CDC_MBIM_PROTO_NTB = 2,
	USB_CDC_HEADER_TYPE = 0x00, USB_CDC_CALL_MANAGEMENT_TYPE = 0x01, USB_CDC_ACM_TYPE = 0x02,
	USB_CDC_UNION_TYPE = 0x06, USB_CDC_COUNTRY_TYPE = 0x07, USB_CDC_NETWORK_TERMINAL_TYPE = 0x0a,
	USB_CDC_ETHERNET_TYPE = 0x0f, USB_CDC_WHCM_TYPE = 0x11, USB_CDC_MDLM_TYPE = 0x12,
	USB_CDC_MDLM_DETAIL_TYPE = 0x13, USB_CDC_DMM_TYPE = 0x14, USB_CDC_OBEX_TYPE = 0x15,
	USB_CDC_NCM_TYPE = 0x1a, USB_CDC_MBIM_TYPE = 0x1b, USB_CDC_MBIM_EXTENDED_TYPE = 0x1c,
	USB_CDC_SEND_ENCAPSULATED_COMMAND = 0x00, USB_CDC_GET_ENCAPSULATED_RESPONSE = 0x01,
	USB_CDC_REQ_SET_LINE_CODING = 0x20, USB_CDC_REQ_GET_LINE_CODING = 0x21,
	USB_CDC_REQ_SET_CONTROL_LINE_STATE = 0x22, USB_CDC_REQ_SEND_BREAK = 0x23,
	USB_CDC_SET_ETHERNET_MULTICAST_FILTERS = 0x40, USB_CDC_SET_ETHERNET_PM_PATTERN_FILTER = 0x41,
	USB_CDC_GET_ETHERNET_PM_PATTERN_FILTER = 0x42, USB_CDC_SET_ETHERNET_PACKET_FILTER = 0x43,
	USB_CDC_GET_ETHERNET_STATISTIC = 0x44, USB_CDC_GET_NTB_PARAMETERS = 0x80,
	USB_CDC_GET_NET_ADDRESS = 0x81, USB_CDC_SET_NET_ADDRESS = 0x82, USB_CDC_GET_NTB_FORMAT = 0x83,
	USB_CDC_SET_NTB_FORMAT = 0x84, USB_CDC_GET_NTB_INPUT_SIZE = 0x85,
	USB_CDC_SET_NTB_INPUT_SIZE = 0x86, USB_CDC_GET_MAX_DATAGRAM_SIZE = 0x87,
	USB_CDC_SET_MAX_DATAGRAM_SIZE = 0x88, USB_CDC_GET_CRC_MODE = 0x89,
	USB_CDC_SET_CRC_MODE = 0x8a, USB_CDC_NOTIFY_NETWORK_CONNECTION = 0x00,
	USB_CDC_NOTIFY_RESPONSE_AVAILABLE = 0x01, USB_CDC_NOTIFY_SERIAL_STATE = 0x20,
	USB_CDC_NOTIFY_SPEED_CHANGE = 0x2a, USB_CDC_PACKET_TYPE_PROMISCUOUS = (1 << 0),
	USB_CDC_PACKET_TYPE_ALL_MULTICAST = (1 << 1), USB_CDC_PACKET_TYPE_DIRECTED = (1 << 2),
	USB_CDC_PACKET_TYPE_BROADCAST = (1 << 3), USB_CDC_PACKET_TYPE_MULTICAST = (1 << 4),
	USB_CDC_CTRL_DTR = (1 << 0), USB_CDC_CTRL_RTS = (1 << 1), USB_CDC_1_STOP_BITS = 0,
	USB_CDC_1_5_STOP_BITS = 1, USB_CDC_2_STOP_BITS = 2, USB_CDC_NO_PARITY = 0,
	USB_CDC_ODD_PARITY = 1, USB_CDC_EVEN_PARITY = 2, USB_CDC_MARK_PARITY = 3,
	USB_CDC_SPACE_PARITY = 4, USB_CDC_SERIAL_STATE_DCD = (1 << 0),
	USB_CDC_SERIAL_STATE_DSR = (1 << 1), USB_CDC_SERIAL_STATE_BREAK = (1 << 2),
	USB_CDC_SERIAL_STATE_RING_SIGNAL = (1 << 3), USB_CDC_SERIAL_STATE_FRAMING = (1 << 4),
	USB_CDC_SERIAL_STATE_PARITY = (1 << 5), USB_CDC_SERIAL_STATE_OVERRUN = (1 << 6),
};
struct usb_cdc_header_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType;
	__le16 bcdCDC;
} __attribute__((__packed__));
struct usb_cdc_call_mgmt_descriptor {
	__u8 bLength, bDescriptorType, bDescriptorSubType, bmCapabilities, bDataInterface;
} __attribute__((__packed__));
struct usb_cdc_acm_descriptor {
	__u8 bLength, bDescriptorType, bDescriptorSubType, bmCapabilities;
} __attribute__((__packed__));
struct usb_cdc_union_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType, bMasterInterface0, bSlaveInterface0;
} __attribute__((__packed__));
struct usb_cdc_country_functional_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType, iCountryCodeRelDate;
	__le16 wCountyCode0;
} __attribute__((__packed__));
struct usb_cdc_network_terminal_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType, bEntityId, iName, bChannelIndex;
	__u8 bPhysicalInterface;
} __attribute__((__packed__));
struct usb_cdc_ether_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType, iMACAddress;
	__le32 bmEthernetStatistics;
	__le16 wMaxSegmentSize, wNumberMCFilters;
	__u8 bNumberPowerFilters;
} __attribute__((__packed__));
struct usb_cdc_dmm_desc {
	__u8 bFunctionLength, bDescriptorType, bDescriptorSubtype;
	__u16 bcdVersion;
	__le16 wMaxCommand;
} __attribute__((__packed__));
struct usb_cdc_mdlm_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType;
	__le16 bcdVersion;
	__u8 bGUID[16];
} __attribute__((__packed__));
struct usb_cdc_mdlm_detail_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType, bGuidDescriptorType, bDetailData[];
} __attribute__((__packed__));
struct usb_cdc_obex_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType;
	__le16 bcdVersion;
} __attribute__((__packed__));
struct usb_cdc_ncm_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType;
	__le16 bcdNcmVersion;
	__u8 bmNetworkCapabilities;
} __attribute__((__packed__));
struct usb_cdc_mbim_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType;
	__le16 bcdMBIMVersion, wMaxControlMessage;
	__u8 bNumberFilters, bMaxFilterSize;
	__le16 wMaxSegmentSize;
	__u8 bmNetworkCapabilities;
} __attribute__((__packed__));
struct usb_cdc_mbim_extended_desc {
	__u8 bLength, bDescriptorType, bDescriptorSubType;
	__le16 bcdMBIMExtendedVersion;
	__u8 bMaxOutstandingCommandMessages;
	__le16 wMTU;
} __attribute__((__packed__));
struct usb_cdc_notification {
	__u8 bmRequestType, bNotificationType;
	__le16 wValue, wIndex, wLength;
} __attribute__((__packed__));
struct usb_cdc_speed_change {
	__le32 DLBitRRate, ULBitRate;
} __attribute__((__packed__));
struct usb_cdc_line_coding {
	__le32 dwDTERate;
	__u8 bCharFormat, bParityType, bDataBits;
} __attribute__((__packed__));
struct usb_cdc_parsed_header {
	struct usb_cdc_union_desc *usb_cdc_union_desc;
	struct usb_cdc_header_desc *usb_cdc_header_desc;
	struct usb_cdc_call_mgmt_descriptor *usb_cdc_call_mgmt_descriptor;
	struct usb_cdc_acm_descriptor *usb_cdc_acm_descriptor;
	struct usb_cdc_country_functional_desc *usb_cdc_country_functional_desc;
	struct usb_cdc_network_terminal_desc *usb_cdc_network_terminal_desc;
	struct usb_cdc_ether_desc *usb_cdc_ether_desc;
	struct usb_cdc_dmm_desc *usb_cdc_dmm_desc;
	struct usb_cdc_mdlm_desc *usb_cdc_mdlm_desc;
	struct usb_cdc_mdlm_detail_desc *usb_cdc_mdlm_detail_desc;
	struct usb_cdc_obex_desc *usb_cdc_obex_desc;
	struct usb_cdc_ncm_desc *usb_cdc_ncm_desc;
	struct usb_cdc_mbim_desc *usb_cdc_mbim_desc;
	struct usb_cdc_mbim_extended_desc *usb_cdc_mbim_extended_desc;
	bool phonet_magic_present;
};
enum {
	USB_SUBCLASS_IRDA = 0x02, USB_DT_CS_IRDA = 0x21, USB_REQ_CS_IRDA_RECEIVING = 1,
	USB_REQ_CS_IRDA_CHECK_MEDIA_BUSY = 3, USB_REQ_CS_IRDA_RATE_SNIFF = 4,
	USB_REQ_CS_IRDA_UNICAST_LIST = 5, USB_REQ_CS_IRDA_GET_CLASS_DESC = 6,
	USB_IRDA_LS_NO_CHANGE = 0, USB_IRDA_LS_2400 = 1, USB_IRDA_LS_9600 = 2, USB_IRDA_LS_19200 = 3,
	USB_IRDA_LS_38400 = 4, USB_IRDA_LS_57600 = 5, USB_IRDA_LS_115200 = 6, USB_IRDA_LS_576000 = 7,
	USB_IRDA_LS_1152000 = 8, USB_IRDA_LS_4000000 = 9, USB_IRDA_BR_2400 = (1 << 0),
	USB_IRDA_BR_9600 = (1 << 1), USB_IRDA_BR_19200 = (1 << 2), USB_IRDA_BR_38400 = (1 << 3),
	USB_IRDA_BR_57600 = (1 << 4), USB_IRDA_BR_115200 = (1 << 5), USB_IRDA_BR_576000 = (1 << 6),
	USB_IRDA_BR_1152000 = (1 << 7), USB_IRDA_BR_4000000 = (1 << 8), USB_IRDA_AB_48 = (1 << 0),
	USB_IRDA_AB_24 = (1 << 1), USB_IRDA_AB_12 = (1 << 2), USB_IRDA_AB_6 = (1 << 3),
	USB_IRDA_AB_3 = (1 << 4), USB_IRDA_AB_2 = (1 << 5), USB_IRDA_AB_1 = (1 << 6),
	USB_IRDA_AB_0 = (1 << 7),
};
struct usb_irda_cs_descriptor {
	__u8 bLength, bDescriptorType;
	__le16 bcdSpecRevision;
	__u8 bmDataSize, bmWindowSize, bmMinTurnaroundTime;
	__le16 wBaudRate;
	__u8 bmAdditionalBOFs, bIrdaRateSniff, bMaxUnicastList;
} __attribute__((__packed__));
int cdc_parse_cdc_header(struct usb_cdc_parsed_header *hdr, struct usb_interface *intf,
			 u8 *buffer, int buflen);

/* ---- gadget (peripheral) side: UDC drivers and gadget functions ----- */
struct usb_ep;
struct usb_gadget;
struct usb_gadget_driver;
struct usb_request {
	void *buf;
	unsigned int length;
	dma_addr_t dma;
	unsigned int num_sgs;
	unsigned int stream_id;
	unsigned int no_interrupt:1, zero:1, short_not_ok:1;
	void (*complete)(struct usb_ep *ep, struct usb_request *req);
	void *context;
	struct list_head list;
	int status;
	unsigned int actual;
};
struct usb_ep_ops {
	int (*enable)(struct usb_ep *ep, const struct usb_endpoint_descriptor *desc);
	int (*disable)(struct usb_ep *ep);
	void (*dispose)(struct usb_ep *ep);
	struct usb_request *(*alloc_request)(struct usb_ep *ep, gfp_t gfp_flags);
	void (*free_request)(struct usb_ep *ep, struct usb_request *req);
	int (*queue)(struct usb_ep *ep, struct usb_request *req, gfp_t gfp_flags);
	int (*dequeue)(struct usb_ep *ep, struct usb_request *req);
	int (*set_halt)(struct usb_ep *ep, int value);
	int (*set_wedge)(struct usb_ep *ep);
	int (*fifo_status)(struct usb_ep *ep);
	void (*fifo_flush)(struct usb_ep *ep);
};
struct usb_ep {
	void *driver_data;
	const char *name;
	const struct usb_ep_ops *ops;
	struct list_head ep_list;
	unsigned int maxpacket:16, maxpacket_limit:16;
	unsigned int max_streams:16, mult:2, maxburst:5;
	u8 address;
	const struct usb_endpoint_descriptor *desc;
	const struct usb_ss_ep_comp_descriptor *comp_desc;
	bool enabled, claimed;
};
struct usb_gadget_ops {
	int (*get_frame)(struct usb_gadget *gadget);
	int (*wakeup)(struct usb_gadget *gadget);
	int (*set_selfpowered)(struct usb_gadget *gadget, int is_selfpowered);
	int (*vbus_session)(struct usb_gadget *gadget, int is_active);
	int (*vbus_draw)(struct usb_gadget *gadget, unsigned int mA);
	int (*pullup)(struct usb_gadget *gadget, int is_on);
	int (*udc_start)(struct usb_gadget *gadget, struct usb_gadget_driver *driver);
	int (*udc_stop)(struct usb_gadget *gadget);
	void (*udc_set_speed)(struct usb_gadget *gadget, enum usb_device_speed speed);
};
struct usb_gadget {
	const struct usb_gadget_ops *ops;
	struct usb_ep *ep0;
	struct list_head ep_list;
	enum usb_device_speed speed, max_speed;
	const char *name;
	struct device dev;
	unsigned int is_selfpowered:1, is_otg:1, deactivated:1, connected:1;
};
#define gadget_to_udc_dev(g) (&(g)->dev)
struct usb_gadget_driver {
	char *function;
	enum usb_device_speed max_speed;
	int (*bind)(struct usb_gadget *gadget, struct usb_gadget_driver *driver);
	void (*unbind)(struct usb_gadget *gadget);
	int (*setup)(struct usb_gadget *gadget, const struct usb_ctrlrequest *ctrl);
	void (*disconnect)(struct usb_gadget *gadget);
	void (*suspend)(struct usb_gadget *gadget);
	void (*resume)(struct usb_gadget *gadget);
	void (*reset)(struct usb_gadget *gadget);
	struct device_driver driver;
	char *udc_name;
};
void usb_gadget_giveback_request(struct usb_ep *ep, struct usb_request *req);
int usb_ep_enable(struct usb_ep *ep);
int usb_ep_disable(struct usb_ep *ep);
struct usb_request *usb_ep_alloc_request(struct usb_ep *ep, gfp_t gfp_flags);
void usb_ep_free_request(struct usb_ep *ep, struct usb_request *req);
int usb_ep_queue(struct usb_ep *ep, struct usb_request *req, gfp_t gfp_flags);
int usb_ep_dequeue(struct usb_ep *ep, struct usb_request *req);
int usb_ep_set_halt(struct usb_ep *ep);
int usb_ep_clear_halt(struct usb_ep *ep);
void usb_ep_set_maxpacket_limit(struct usb_ep *ep, unsigned int maxpacket_limit);
int usb_add_gadget_udc(struct device *parent, struct usb_gadget *gadget);
void usb_del_gadget_udc(struct usb_gadget *gadget);
void usb_gadget_udc_reset(struct usb_gadget *gadget, struct usb_gadget_driver *driver);
void usb_gadget_set_state(struct usb_gadget *gadget, enum usb_device_state state);
int usb_gadget_connect(struct usb_gadget *gadget);
int usb_gadget_disconnect(struct usb_gadget *gadget);
int usb_gadget_map_request(struct usb_gadget *gadget, struct usb_request *req, int is_in);
void usb_gadget_unmap_request(struct usb_gadget *gadget, struct usb_request *req, int is_in);

#endif /* DRVLINT_USB_H */
