/*
 * drvlint reduced-mode stand-in: platform devices, PCI, I2C and SPI
 * drivers, struct resource.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  Driver-struct callbacks follow
 * the 6.1 signatures; callbacks whose parameter lists changed between
 * kernel versions (i2c probe) are declared without a prototype so either
 * form can be assigned.
 */
#ifndef DRVLINT_BUS_H
#define DRVLINT_BUS_H

/* ---- resources ------------------------------------------------------ */
struct resource {
	resource_size_t start, end;
	const char *name;
	unsigned long flags, desc;
	struct resource *parent, *sibling, *child;
};
enum {
	IORESOURCE_BITS = 0x000000ff, IORESOURCE_TYPE_BITS = 0x00001f00, IORESOURCE_IO = 0x00000100,
	IORESOURCE_MEM = 0x00000200, IORESOURCE_REG = 0x00000300, IORESOURCE_IRQ = 0x00000400,
	IORESOURCE_DMA = 0x00000800, IORESOURCE_BUS = 0x00001000, IORESOURCE_PREFETCH = 0x00002000,
	IORESOURCE_DISABLED = 0x10000000,
};
#define DEFINE_RES_MEM(_start, _size) { .start = (_start), .end = (_start) + (_size) - 1, .flags = IORESOURCE_MEM }
#define DEFINE_RES_IRQ(_irq) { .start = (_irq), .end = (_irq), .flags = IORESOURCE_IRQ }
resource_size_t resource_size(const struct resource *res);
unsigned long resource_type(const struct resource *res);

/* ---- platform bus --------------------------------------------------- */
enum {
	PLATFORM_NAME_SIZE = 20, PLATFORM_DEVID_NONE = (-1), PLATFORM_DEVID_AUTO = (-2),
};
struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	kernel_ulong_t driver_data;
};
struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	u64 platform_dma_mask;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;
	const char *driver_override;
};
struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	int (*remove)(struct platform_device *pdev);
	void (*remove_new)(struct platform_device *pdev);
	void (*shutdown)(struct platform_device *pdev);
	int (*suspend)(struct platform_device *pdev, pm_message_t state);
	int (*resume)(struct platform_device *pdev);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe, driver_managed_dma;
};
#define to_platform_device(x) container_of((x), struct platform_device, dev)
#define to_platform_driver(drv) container_of((drv), struct platform_driver, driver)
void *platform_get_drvdata(const struct platform_device *pdev);
void platform_set_drvdata(struct platform_device *pdev, void *data);
struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type, unsigned int num);
struct resource *platform_get_resource_byname(struct platform_device *pdev, unsigned int type, const char *name);
struct resource *platform_get_mem_or_io(struct platform_device *pdev, unsigned int num);
int platform_get_irq(struct platform_device *pdev, unsigned int num);
int platform_get_irq_optional(struct platform_device *pdev, unsigned int num);
int platform_get_irq_byname(struct platform_device *pdev, const char *name);
int platform_get_irq_byname_optional(struct platform_device *pdev, const char *name);
int platform_irq_count(struct platform_device *pdev);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
void __iomem *devm_platform_ioremap_resource_byname(struct platform_device *pdev, const char *name);
void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev, unsigned int index,
						     struct resource **res);
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);
int platform_driver_probe(struct platform_driver *drv, int (*probe)(struct platform_device *));
int platform_device_register(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
int platform_device_add_resources(struct platform_device *pdev, const struct resource *res, unsigned int num);
struct platform_device *platform_device_register_simple(const char *name, int id,
							 const struct resource *res, unsigned int num);
struct platform_device *platform_device_register_data(struct device *parent, const char *name, int id,
						       const void *data, size_t size);
const struct platform_device_id *platform_get_device_id(const struct platform_device *pdev);
#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, platform_driver_unregister)
#define builtin_platform_driver(__platform_driver) \
	builtin_driver(__platform_driver, platform_driver_register)
#define module_platform_driver_probe(__platform_driver, __platform_probe) \
	static int __drvlint_##__platform_driver##_init(void) \
	{ return platform_driver_probe(&(__platform_driver), __platform_probe); } \
	module_init(__drvlint_##__platform_driver##_init) \
	static void __drvlint_##__platform_driver##_exit(void) \
	{ platform_driver_unregister(&(__platform_driver)); } \
	module_exit(__drvlint_##__platform_driver##_exit)

/* ---- PCI ------------------------------------------------------------ */
#define PCI_ANY_ID (~0)
enum {
	DEVICE_COUNT_RESOURCE = 17, PCI_STD_NUM_BARS = 6, PCI_VENDOR_ID_INTEL = 0x8086,
	PCI_VENDOR_ID_AMD = 0x1022, PCI_VENDOR_ID_REALTEK = 0x10ec, PCI_VENDOR_ID_BROADCOM = 0x14e4,
	PCI_VENDOR_ID_NVIDIA = 0x10de, PCI_VENDOR_ID_ATI = 0x1002, PCI_VENDOR_ID_QCOM = 0x17cb,
	PCI_VENDOR_ID_MELLANOX = 0x15b3, PCI_VENDOR_ID_REDHAT_QUMRANET = 0x1af4,
};
typedef int pci_power_t;
#define PCI_D0 ((pci_power_t)0)
#define PCI_D1 ((pci_power_t)1)
#define PCI_D2 ((pci_power_t)2)
#define PCI_D3hot ((pci_power_t)3)
#define PCI_D3cold ((pci_power_t)4)
typedef unsigned int pci_ers_result_t;
enum pci_channel_state { pci_channel_io_normal = 1, pci_channel_io_frozen = 2, pci_channel_io_perm_failure = 3 };
typedef enum pci_channel_state pci_channel_state_t;
#define PCI_ERS_RESULT_NONE ((pci_ers_result_t)1)
#define PCI_ERS_RESULT_CAN_RECOVER ((pci_ers_result_t)2)
#define PCI_ERS_RESULT_NEED_RESET ((pci_ers_result_t)3)
#define PCI_ERS_RESULT_DISCONNECT ((pci_ers_result_t)4)
#define PCI_ERS_RESULT_RECOVERED ((pci_ers_result_t)5)
struct pci_dev;
struct pci_bus {
	struct pci_bus *parent;
	struct list_head devices;
	struct pci_dev *self;
	unsigned char number, primary;
	struct device dev;
};
struct pci_device_id {
	__u32 vendor, device, subvendor, subdevice, class, class_mask;
	kernel_ulong_t driver_data;
	__u32 override_only;
};
struct pci_driver;
struct pci_dev {
	struct list_head bus_list;
	struct pci_bus *bus, *subordinate;
	void *sysdata;
	unsigned int devfn;
	unsigned short vendor, device, subsystem_vendor, subsystem_device;
	unsigned int class;
	u8 revision, hdr_type, pin, msi_cap, msix_cap, pcie_cap;
	struct pci_driver *driver;
	u64 dma_mask;
	pci_power_t current_state;
	struct device dev;
	int cfg_size;
	unsigned int irq;
	struct resource resource[DEVICE_COUNT_RESOURCE];
	unsigned int is_busmaster:1, msi_enabled:1, msix_enabled:1, is_virtfn:1, no_msi:1;
	pci_channel_state_t error_state;
};
struct pci_error_handlers {
	pci_ers_result_t (*error_detected)(struct pci_dev *dev, pci_channel_state_t error);
	pci_ers_result_t (*mmio_enabled)(struct pci_dev *dev);
	pci_ers_result_t (*slot_reset)(struct pci_dev *dev);
	void (*reset_prepare)(struct pci_dev *dev);
	void (*reset_done)(struct pci_dev *dev);
	void (*resume)(struct pci_dev *dev);
};
struct pci_driver {
	struct list_head node;
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	int (*suspend)(struct pci_dev *dev, pm_message_t state);
	int (*resume)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	int (*sriov_configure)(struct pci_dev *dev, int num_vfs);
	const struct pci_error_handlers *err_handler;
	const struct attribute_group **groups, **dev_groups;
	struct device_driver driver;
};
#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_SUB(vend, dev, subvend, subdev) \
	.vendor = (vend), .device = (dev), .subvendor = (subvend), .subdevice = (subdev)
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask) \
	.class = (dev_class), .class_mask = (dev_class_mask), .vendor = PCI_ANY_ID, \
	.device = PCI_ANY_ID, .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev) \
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev), .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID, 0, 0
#define PCI_DEVFN(slot, func) ((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn) & 0x07)
#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
enum {
	PCI_COMMAND = 0x04, PCI_COMMAND_IO = 0x1, PCI_COMMAND_MEMORY = 0x2, PCI_COMMAND_MASTER = 0x4,
	PCI_COMMAND_INVALIDATE = 0x10, PCI_COMMAND_PARITY = 0x40, PCI_COMMAND_SERR = 0x100,
	PCI_COMMAND_INTX_DISABLE = 0x400, PCI_STATUS = 0x06, PCI_REVISION_ID = 0x08,
	PCI_CLASS_PROG = 0x09, PCI_CLASS_DEVICE = 0x0a, PCI_CACHE_LINE_SIZE = 0x0c,
	PCI_LATENCY_TIMER = 0x0d, PCI_HEADER_TYPE = 0x0e, PCI_BASE_ADDRESS_0 = 0x10,
	PCI_BASE_ADDRESS_1 = 0x14, PCI_BASE_ADDRESS_2 = 0x18, PCI_SUBSYSTEM_VENDOR_ID = 0x2c,
	PCI_SUBSYSTEM_ID = 0x2e, PCI_INTERRUPT_LINE = 0x3c, PCI_INTERRUPT_PIN = 0x3d,
	PCI_CAP_ID_PM = 0x01, PCI_CAP_ID_MSI = 0x05, PCI_CAP_ID_EXP = 0x10, PCI_CAP_ID_MSIX = 0x11,
	PCI_EXP_DEVCTL = 0x08, PCI_EXP_LNKCTL = 0x10, PCI_EXP_LNKSTA = 0x12,
	PCI_IRQ_LEGACY = (1 << 0), PCI_IRQ_INTX = PCI_IRQ_LEGACY, PCI_IRQ_MSI = (1 << 1),
	PCI_IRQ_MSIX = (1 << 2), PCI_IRQ_AFFINITY = (1 << 3),
	PCI_IRQ_ALL_TYPES = (PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX),
};
#define to_pci_dev(n) container_of(n, struct pci_dev, dev)
#define to_pci_driver(drv) container_of(drv, struct pci_driver, driver)
#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar) ((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar) ((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar) \
	((pci_resource_end((dev), (bar)) == 0) ? 0 : \
	 (pci_resource_end((dev), (bar)) - pci_resource_start((dev), (bar)) + 1))
int __must_check pci_enable_device(struct pci_dev *dev);
int __must_check pci_enable_device_mem(struct pci_dev *dev);
int __must_check pcim_enable_device(struct pci_dev *pdev);
void pci_disable_device(struct pci_dev *dev);
bool pci_is_enabled(struct pci_dev *pdev);
int __must_check pci_request_regions(struct pci_dev *pdev, const char *res_name);
void pci_release_regions(struct pci_dev *pdev);
int __must_check pci_request_region(struct pci_dev *pdev, int bar, const char *res_name);
void pci_release_region(struct pci_dev *pdev, int bar);
int pci_request_selected_regions(struct pci_dev *pdev, int bars, const char *res_name);
void pci_release_selected_regions(struct pci_dev *pdev, int bars);
int pci_select_bars(struct pci_dev *dev, unsigned long flags);
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long max);
void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);
int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name);
void __iomem *const *pcim_iomap_table(struct pci_dev *pdev);
void __iomem *pcim_iomap_region(struct pci_dev *pdev, int bar, const char *name);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
int pci_set_mwi(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, int enable);
void *pci_get_drvdata(struct pci_dev *pdev);
void pci_set_drvdata(struct pci_dev *pdev, void *data);
const char *pci_name(const struct pci_dev *pdev);
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val);
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val);
int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos, u16 clear, u16 set);
int pci_find_capability(struct pci_dev *dev, int cap);
int pci_find_ext_capability(struct pci_dev *dev, int cap);
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs, unsigned int flags);
void pci_free_irq_vectors(struct pci_dev *dev);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
int pci_enable_msi(struct pci_dev *dev);
void pci_disable_msi(struct pci_dev *dev);
int pci_enable_msix_range(struct pci_dev *dev, void *entries, int minvec, int maxvec);
void pci_disable_msix(struct pci_dev *dev);
int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);
struct pci_dev *pci_dev_get(struct pci_dev *dev);
void pci_dev_put(struct pci_dev *dev);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn);
int pci_set_power_state(struct pci_dev *dev, pci_power_t state);
int pci_save_state(struct pci_dev *dev);
void pci_restore_state(struct pci_dev *dev);
int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable);
int pci_wake_from_d3(struct pci_dev *dev, bool enable);
int pci_reset_function(struct pci_dev *dev);
int pci_enable_pcie_error_reporting(struct pci_dev *dev);
int pci_disable_pcie_error_reporting(struct pci_dev *dev);
int pcie_set_readrq(struct pci_dev *dev, int rq);
int pci_domain_nr(struct pci_bus *bus);
int pci_dev_run_wake(struct pci_dev *dev);
bool pci_device_is_present(struct pci_dev *pdev);
bool pci_is_pcie(struct pci_dev *dev);
int pci_sriov_get_totalvfs(struct pci_dev *dev);
struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *from);
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)
#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

/* ---- I2C ------------------------------------------------------------ */
enum {
	I2C_NAME_SIZE = 20, I2C_M_RD = 0x0001, I2C_M_TEN = 0x0010, I2C_M_DMA_SAFE = 0x0200,
	I2C_M_RECV_LEN = 0x0400, I2C_M_NO_RD_ACK = 0x0800, I2C_M_IGNORE_NAK = 0x1000,
	I2C_M_REV_DIR_ADDR = 0x2000, I2C_M_NOSTART = 0x4000, I2C_M_STOP = 0x8000,
	I2C_CLIENT_PEC = 0x04, I2C_CLIENT_TEN = 0x10, I2C_CLIENT_SLAVE = 0x20, I2C_CLIENT_WAKE = 0x80,
};
#define I2C_CLIENT_END 0xfffeU
enum {
	I2C_SMBUS_READ = 1, I2C_SMBUS_WRITE = 0, I2C_SMBUS_QUICK = 0, I2C_SMBUS_BYTE = 1,
	I2C_SMBUS_BYTE_DATA = 2, I2C_SMBUS_WORD_DATA = 3, I2C_SMBUS_PROC_CALL = 4,
	I2C_SMBUS_BLOCK_DATA = 5, I2C_SMBUS_I2C_BLOCK_BROKEN = 6, I2C_SMBUS_BLOCK_PROC_CALL = 7,
	I2C_SMBUS_I2C_BLOCK_DATA = 8, I2C_SMBUS_BLOCK_MAX = 32, I2C_FUNC_I2C = 0x00000001,
	I2C_FUNC_10BIT_ADDR = 0x00000002, I2C_FUNC_PROTOCOL_MANGLING = 0x00000004,
	I2C_FUNC_SMBUS_PEC = 0x00000008, I2C_FUNC_NOSTART = 0x00000010,
	I2C_FUNC_SMBUS_QUICK = 0x00010000, I2C_FUNC_SMBUS_READ_BYTE = 0x00020000,
	I2C_FUNC_SMBUS_WRITE_BYTE = 0x00040000, I2C_FUNC_SMBUS_READ_BYTE_DATA = 0x00080000,
	I2C_FUNC_SMBUS_WRITE_BYTE_DATA = 0x00100000, I2C_FUNC_SMBUS_READ_WORD_DATA = 0x00200000,
	I2C_FUNC_SMBUS_WRITE_WORD_DATA = 0x00400000, I2C_FUNC_SMBUS_PROC_CALL = 0x00800000,
	I2C_FUNC_SMBUS_READ_BLOCK_DATA = 0x01000000, I2C_FUNC_SMBUS_WRITE_BLOCK_DATA = 0x02000000,
	I2C_FUNC_SMBUS_READ_I2C_BLOCK = 0x04000000, I2C_FUNC_SMBUS_WRITE_I2C_BLOCK = 0x08000000,
	I2C_FUNC_SMBUS_BYTE = (I2C_FUNC_SMBUS_READ_BYTE | I2C_FUNC_SMBUS_WRITE_BYTE),
	I2C_FUNC_SMBUS_BYTE_DATA = (I2C_FUNC_SMBUS_READ_BYTE_DATA | I2C_FUNC_SMBUS_WRITE_BYTE_DATA),
	I2C_FUNC_SMBUS_WORD_DATA = (I2C_FUNC_SMBUS_READ_WORD_DATA | I2C_FUNC_SMBUS_WRITE_WORD_DATA),
	I2C_FUNC_SMBUS_BLOCK_DATA = (I2C_FUNC_SMBUS_READ_BLOCK_DATA | I2C_FUNC_SMBUS_WRITE_BLOCK_DATA),
	I2C_FUNC_SMBUS_I2C_BLOCK = (I2C_FUNC_SMBUS_READ_I2C_BLOCK | I2C_FUNC_SMBUS_WRITE_I2C_BLOCK),
};
#define I2C_FUNC_SMBUS_EMUL (I2C_FUNC_SMBUS_QUICK | I2C_FUNC_SMBUS_BYTE | I2C_FUNC_SMBUS_BYTE_DATA | \
			     I2C_FUNC_SMBUS_WORD_DATA | I2C_FUNC_SMBUS_PROC_CALL | \
			     I2C_FUNC_SMBUS_WRITE_BLOCK_DATA | I2C_FUNC_SMBUS_I2C_BLOCK | I2C_FUNC_SMBUS_PEC)
enum {
	I2C_CLASS_HWMON = (1 << 0), I2C_CLASS_DDC = (1 << 3), I2C_CLASS_SPD = (1 << 7),
};
#define I2C_MAX_STANDARD_MODE_FREQ 100000
#define I2C_MAX_FAST_MODE_FREQ 400000
#define I2C_MAX_FAST_MODE_PLUS_FREQ 1000000
#define I2C_MAX_TURBO_MODE_FREQ 1400000
#define I2C_MAX_HIGH_SPEED_MODE_FREQ 3400000
struct i2c_timings {
	u32 bus_freq_hz, scl_rise_ns, scl_fall_ns, scl_int_delay_ns, sda_fall_ns, sda_hold_ns;
	u32 digital_filter_width_ns, analog_filter_cutoff_freq_hz;
};
void i2c_parse_fw_timings(struct device *dev, struct i2c_timings *t, bool use_defaults);
struct i2c_msg {
	__u16 addr, flags, len;
	__u8 *buf;
};
union i2c_smbus_data {
	__u8 byte;
	__u16 word;
	__u8 block[I2C_SMBUS_BLOCK_MAX + 2];
};
struct i2c_adapter;
struct i2c_adapter_quirks;
struct i2c_algorithm {
	int (*master_xfer)(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
	int (*master_xfer_atomic)(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
	int (*xfer)(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
	int (*smbus_xfer)(struct i2c_adapter *adap, u16 addr, unsigned short flags, char read_write,
			  u8 command, int size, union i2c_smbus_data *data);
	u32 (*functionality)(struct i2c_adapter *adap);
};
struct i2c_adapter {
	struct module *owner;
	unsigned int class;
	const struct i2c_algorithm *algo;
	void *algo_data;
	int timeout, retries;
	struct device dev;
	unsigned long locked_flags;
	int nr;
	char name[48];
	struct completion dev_released;
	const struct i2c_adapter_quirks *quirks;
};
struct i2c_client {
	unsigned short flags, addr;
	char name[I2C_NAME_SIZE];
	struct i2c_adapter *adapter;
	struct device dev;
	int init_irq, irq;
};
struct i2c_device_id {
	char name[I2C_NAME_SIZE];
	kernel_ulong_t driver_data;
};
struct i2c_board_info {
	char type[I2C_NAME_SIZE];
	unsigned short flags, addr;
	const char *dev_name;
	void *platform_data;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	int irq;
};
#define I2C_BOARD_INFO(dev_type, dev_addr) .type = dev_type, .addr = (dev_addr)
enum i2c_alert_protocol {
	I2C_PROTOCOL_SMBUS_ALERT,
	I2C_PROTOCOL_SMBUS_HOST_NOTIFY,
};
struct i2c_driver {
	unsigned int class;
	int (*probe)();                 /* (client) or (client, id) */
	void (*remove)(struct i2c_client *client);
	int (*probe_new)(struct i2c_client *client);
	void (*shutdown)(struct i2c_client *client);
	void (*alert)(struct i2c_client *client, enum i2c_alert_protocol protocol, unsigned int data);
	int (*command)(struct i2c_client *client, unsigned int cmd, void *arg);
	struct device_driver driver;
	const struct i2c_device_id *id_table;
	int (*detect)(struct i2c_client *client, struct i2c_board_info *info);
	const unsigned short *address_list;
	u32 flags;
};
#define to_i2c_client(d) container_of(d, struct i2c_client, dev)
#define to_i2c_adapter(d) container_of(d, struct i2c_adapter, dev)
#define to_i2c_driver(d) container_of(d, struct i2c_driver, driver)
s32 i2c_smbus_read_byte(const struct i2c_client *client);
s32 i2c_smbus_write_byte(const struct i2c_client *client, u8 value);
s32 i2c_smbus_read_byte_data(const struct i2c_client *client, u8 command);
s32 i2c_smbus_write_byte_data(const struct i2c_client *client, u8 command, u8 value);
s32 i2c_smbus_read_word_data(const struct i2c_client *client, u8 command);
s32 i2c_smbus_write_word_data(const struct i2c_client *client, u8 command, u16 value);
s32 i2c_smbus_read_word_swapped(const struct i2c_client *client, u8 command);
s32 i2c_smbus_write_word_swapped(const struct i2c_client *client, u8 command, u16 value);
s32 i2c_smbus_read_block_data(const struct i2c_client *client, u8 command, u8 *values);
s32 i2c_smbus_write_block_data(const struct i2c_client *client, u8 command, u8 length, const u8 *values);
s32 i2c_smbus_read_i2c_block_data(const struct i2c_client *client, u8 command, u8 length, u8 *values);
s32 i2c_smbus_write_i2c_block_data(const struct i2c_client *client, u8 command, u8 length, const u8 *values);
s32 i2c_smbus_read_i2c_block_data_or_emulated(const struct i2c_client *client, u8 command, u8 length, u8 *values);
s32 i2c_smbus_xfer(struct i2c_adapter *adapter, u16 addr, unsigned short flags, char read_write,
		   u8 command, int protocol, union i2c_smbus_data *data);
int i2c_transfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
int __i2c_transfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
int i2c_master_send(const struct i2c_client *client, const char *buf, int count);
int i2c_master_recv(const struct i2c_client *client, char *buf, int count);
void *i2c_get_clientdata(const struct i2c_client *client);
void i2c_set_clientdata(struct i2c_client *client, void *data);
void *i2c_get_adapdata(const struct i2c_adapter *adap);
void i2c_set_adapdata(struct i2c_adapter *adap, void *data);
int i2c_add_adapter(struct i2c_adapter *adap);
int i2c_add_numbered_adapter(struct i2c_adapter *adap);
int devm_i2c_add_adapter(struct device *dev, struct i2c_adapter *adapter);
void i2c_del_adapter(struct i2c_adapter *adap);
int i2c_register_driver(struct module *owner, struct i2c_driver *driver);
int i2c_add_driver(struct i2c_driver *driver);
void i2c_del_driver(struct i2c_driver *driver);
int i2c_check_functionality(struct i2c_adapter *adap, u32 func);
u32 i2c_get_functionality(struct i2c_adapter *adap);
struct i2c_client *i2c_new_client_device(struct i2c_adapter *adap, struct i2c_board_info const *info);
/* true only for a valid client whose driver bound: !IS_ERR_OR_NULL(client) && client->dev.driver */
bool i2c_client_has_driver(struct i2c_client *client);
struct i2c_client *i2c_new_dummy_device(struct i2c_adapter *adapter, u16 address);
struct i2c_client *devm_i2c_new_dummy_device(struct device *dev, struct i2c_adapter *adap, u16 address);
void i2c_unregister_device(struct i2c_client *client);
const struct i2c_device_id *i2c_match_id(const struct i2c_device_id *id, const struct i2c_client *client);
const struct i2c_device_id *i2c_client_get_device_id(const struct i2c_client *client);
const void *i2c_get_match_data(const struct i2c_client *client);
struct i2c_adapter *i2c_get_adapter(int nr);
void i2c_put_adapter(struct i2c_adapter *adap);
void i2c_lock_bus(struct i2c_adapter *adapter, unsigned int flags);
void i2c_unlock_bus(struct i2c_adapter *adapter, unsigned int flags);
#define I2C_LOCK_ROOT_ADAPTER 0x01
#define I2C_LOCK_SEGMENT 0x02
#define module_i2c_driver(__i2c_driver) \
	module_driver(__i2c_driver, i2c_add_driver, i2c_del_driver)

/* ---- SPI ------------------------------------------------------------ */
enum {
	SPI_NAME_SIZE = 32, SPI_CPHA = 0x01, SPI_CPOL = 0x02, SPI_MODE_0 = (0 | 0),
	SPI_MODE_1 = (0 | SPI_CPHA), SPI_MODE_2 = (SPI_CPOL | 0), SPI_MODE_3 = (SPI_CPOL | SPI_CPHA),
	SPI_CS_HIGH = 0x04, SPI_LSB_FIRST = 0x08, SPI_3WIRE = 0x10, SPI_LOOP = 0x20, SPI_NO_CS = 0x40,
	SPI_READY = 0x80, SPI_TX_DUAL = 0x100, SPI_TX_QUAD = 0x200, SPI_RX_DUAL = 0x400,
	SPI_RX_QUAD = 0x800,
};
struct spi_controller;
struct dma_chan;
#define spi_master spi_controller
struct spi_device_id {
	char name[SPI_NAME_SIZE];
	kernel_ulong_t driver_data;
};
struct spi_device {
	struct device dev;
	struct spi_controller *controller, *master;
	u32 max_speed_hz;
	u8 chip_select, bits_per_word;
	bool rt;
	u32 mode;
	int irq;
	void *controller_state, *controller_data;
	char modalias[SPI_NAME_SIZE];
	const char *driver_override;
	struct gpio_desc *cs_gpiod;
};
struct spi_delay {
	u16 value;
	u8 unit;
};
struct spi_transfer {
	const void *tx_buf;
	void *rx_buf;
	unsigned int len;
	dma_addr_t tx_dma, rx_dma;
	struct sg_table tx_sg, rx_sg;
	unsigned int dummy_data:1, cs_change:1, tx_nbits:3, rx_nbits:3;
	u8 bits_per_word;
	struct spi_delay delay, cs_change_delay, word_delay;
	u32 speed_hz, effective_speed_hz;
	struct list_head transfer_list;
};
struct spi_message {
	struct list_head transfers;
	struct spi_device *spi;
	unsigned int is_dma_mapped:1;
	void (*complete)(void *context);
	void *context;
	unsigned int frame_length, actual_length;
	int status;
	struct list_head queue;
	void *state;
};
struct spi_driver {
	const struct spi_device_id *id_table;
	int (*probe)(struct spi_device *spi);
	void (*remove)(struct spi_device *spi);
	void (*shutdown)(struct spi_device *spi);
	struct device_driver driver;
};
struct spi_controller {
	struct device dev;
	s16 bus_num;
	u16 num_chipselect;
	u32 mode_bits, min_speed_hz, max_speed_hz;
	u32 bits_per_word_mask;
	u16 flags;
	bool slave;
	size_t (*max_transfer_size)(struct spi_device *spi);
	struct dma_chan *dma_tx, *dma_rx;
	int (*setup)(struct spi_device *spi);
	void (*cleanup)(struct spi_device *spi);
	int (*prepare_transfer_hardware)(struct spi_controller *ctlr);
	int (*unprepare_transfer_hardware)(struct spi_controller *ctlr);
	int (*transfer_one_message)(struct spi_controller *ctlr, struct spi_message *mesg);
	int (*transfer_one)(struct spi_controller *ctlr, struct spi_device *spi, struct spi_transfer *transfer);
	void (*set_cs)(struct spi_device *spi, bool enable);
};
#define to_spi_device(d) container_of(d, struct spi_device, dev)
#define to_spi_driver(d) container_of(d, struct spi_driver, driver)
int spi_setup(struct spi_device *spi);
int spi_sync(struct spi_device *spi, struct spi_message *message);
int spi_sync_locked(struct spi_device *spi, struct spi_message *message);
int spi_async(struct spi_device *spi, struct spi_message *message);
int spi_write(struct spi_device *spi, const void *buf, size_t len);
int spi_read(struct spi_device *spi, void *buf, size_t len);
int spi_write_then_read(struct spi_device *spi, const void *txbuf, unsigned int n_tx, void *rxbuf, unsigned int n_rx);
ssize_t spi_w8r8(struct spi_device *spi, u8 cmd);
ssize_t spi_w8r16(struct spi_device *spi, u8 cmd);
ssize_t spi_w8r16be(struct spi_device *spi, u8 cmd);
int spi_sync_transfer(struct spi_device *spi, struct spi_transfer *xfers, unsigned int num_xfers);
void spi_message_init(struct spi_message *m);
void spi_message_init_with_transfers(struct spi_message *m, struct spi_transfer *xfers, unsigned int num_xfers);
void spi_message_add_tail(struct spi_transfer *t, struct spi_message *m);
void *spi_get_drvdata(const struct spi_device *spi);
void spi_set_drvdata(struct spi_device *spi, void *data);
const struct spi_device_id *spi_get_device_id(const struct spi_device *sdev);
const void *spi_get_device_match_data(const struct spi_device *sdev);
int spi_register_driver(struct spi_driver *sdrv);
void spi_unregister_driver(struct spi_driver *sdrv);
struct spi_device *spi_dev_get(struct spi_device *spi);
void spi_dev_put(struct spi_device *spi);
#define SPI_BPW_MASK(bits) BIT((bits) - 1)
#define SPI_BPW_RANGE_MASK(min, max) GENMASK((max) - 1, (min) - 1)
#define SPI_MASTER_HALF_DUPLEX BIT(0)
struct spi_controller *spi_alloc_master(struct device *host, unsigned int size);
struct spi_controller *spi_alloc_host(struct device *host, unsigned int size);
struct spi_controller *devm_spi_alloc_master(struct device *dev, unsigned int size);
struct spi_controller *devm_spi_alloc_host(struct device *dev, unsigned int size);
int spi_register_controller(struct spi_controller *ctlr);
int devm_spi_register_controller(struct device *dev, struct spi_controller *ctlr);
void spi_unregister_controller(struct spi_controller *ctlr);
#define spi_register_master(c) spi_register_controller(c)
#define devm_spi_register_master(d, c) devm_spi_register_controller(d, c)
#define spi_unregister_master(c) spi_unregister_controller(c)
void spi_controller_put(struct spi_controller *ctlr);
#define spi_master_put(c) spi_controller_put(c)
void spi_finalize_current_transfer(struct spi_controller *ctlr);
void spi_finalize_current_message(struct spi_controller *ctlr);
void spi_controller_set_devdata(struct spi_controller *ctlr, void *data);
#define spi_master_set_devdata(c, d) spi_controller_set_devdata(c, d)
void *spi_controller_get_devdata(struct spi_controller *ctlr);
void *spi_master_get_devdata(struct spi_controller *ctlr);
#define module_spi_driver(__spi_driver) \
	module_driver(__spi_driver, spi_register_driver, spi_unregister_driver)

/* ---- serio (PS/2 and other serial input ports) */
#define SERIO_8042	0x01
#define SERIO_ANY	0xff
struct serio_device_id {
	unsigned char type;
	unsigned char extra;
	unsigned char id;
	unsigned char proto;
};
struct serio {
	void *port_data;
	char name[32];
	char phys[32];
	struct serio_device_id id;
	int (*write)(struct serio *serio, unsigned char data);
	int (*open)(struct serio *serio);
	void (*close)(struct serio *serio);
	int (*start)(struct serio *serio);
	void (*stop)(struct serio *serio);
	struct device dev;
};
void serio_register_port(struct serio *serio);
void serio_unregister_port(struct serio *serio);
irqreturn_t serio_interrupt(struct serio *serio, unsigned char data, unsigned int flags);

#endif /* DRVLINT_BUS_H */
