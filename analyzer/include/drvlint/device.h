/*
 * drvlint reduced-mode stand-in: driver model (struct device, drivers,
 * classes, sysfs attributes, power management), firmware loading,
 * device tree / fwnode properties, IRQ requests, clocks, regulators,
 * GPIO descriptors, runtime PM, debugfs and seq_file.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.
 */
#ifndef DRVLINT_DEVICE_H
#define DRVLINT_DEVICE_H

struct device;
struct device_driver;
struct device_node;
struct fwnode_handle;
struct file;
struct inode;
struct file_operations;
struct seq_file;
struct kobject;
struct attribute;
struct bin_attribute;
struct module;
struct class;
struct bus_type;
struct of_device_id;
struct acpi_device_id;
struct dentry;
struct dev_pm_domain;
struct device_dma_parameters;
struct irq_domain;
struct vm_area_struct;

/* ---- kobject and sysfs attributes ----------------------------------- */
struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	struct kref kref;
	unsigned int state_initialized:1;
};
struct attribute {
	const char *name;
	umode_t mode;
};
struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr, int n);
	umode_t (*is_bin_visible)(struct kobject *kobj, struct bin_attribute *attr, int n);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};
struct bin_attribute {
	struct attribute attr;
	size_t size;
	void *private;
	ssize_t (*read)(struct file *f, struct kobject *kobj, struct bin_attribute *attr, char *buf, loff_t off, size_t count);
	ssize_t (*write)(struct file *f, struct kobject *kobj, struct bin_attribute *attr, char *buf, loff_t off, size_t count);
};
enum {
	S_IRWXU = 00700, S_IRUSR = 00400, S_IWUSR = 00200, S_IXUSR = 00100, S_IRWXG = 00070,
	S_IRGRP = 00040, S_IWGRP = 00020, S_IXGRP = 00010, S_IRWXO = 00007, S_IROTH = 00004,
	S_IWOTH = 00002, S_IXOTH = 00001, S_IRUGO = (S_IRUSR | S_IRGRP | S_IROTH),
	S_IWUGO = (S_IWUSR | S_IWGRP | S_IWOTH), S_IXUGO = (S_IXUSR | S_IXGRP | S_IXOTH),
	S_IRWXUGO = (S_IRWXU | S_IRWXG | S_IRWXO), S_IALLUGO = (S_IRWXUGO), S_IFMT = 00170000,
	S_IFCHR = 0020000,
};
#define __ATTR(_name, _mode, _show, _store) \
	{ .attr = { .name = __stringify(_name), .mode = (_mode) }, .show = (_show), .store = (_store) }
#define __ATTR_RO(_name) __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_RO_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, NULL)
#define __ATTR_WO(_name) __ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_NULL { .attr = { .name = NULL } }
#define ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group _name##_group = { .attrs = _name##_attrs }; \
	static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL }
#define __ATTRIBUTE_GROUPS(_name) \
	static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL }
int sysfs_emit(char *buf, const char *fmt, ...);
int sysfs_emit_at(char *buf, int at, const char *fmt, ...);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
int sysfs_create_bin_file(struct kobject *kobj, const struct bin_attribute *attr);
void sysfs_remove_bin_file(struct kobject *kobj, const struct bin_attribute *attr);
int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr);
void kobject_put(struct kobject *kobj);
struct kobject *kobject_get(struct kobject *kobj);
int kobject_uevent(struct kobject *kobj, int action);
int kobject_uevent_env(struct kobject *kobj, int action, char *envp[]);
enum kobject_action { KOBJ_ADD, KOBJ_REMOVE, KOBJ_CHANGE, KOBJ_MOVE, KOBJ_ONLINE, KOBJ_OFFLINE, KOBJ_BIND, KOBJ_UNBIND };
const char *kobject_name(const struct kobject *kobj);

/* ---- power management ----------------------------------------------- */
typedef struct pm_message {
	int event;
} pm_message_t;
#define PM_EVENT_INVALID (-1)
#define PM_EVENT_ON 0x0000
#define PM_EVENT_FREEZE 0x0001
#define PM_EVENT_SUSPEND 0x0002
#define PM_EVENT_HIBERNATE 0x0004
#define PM_EVENT_QUIESCE 0x0008
#define PM_EVENT_RESUME 0x0010
#define PM_EVENT_THAW 0x0020
#define PM_EVENT_RESTORE 0x0040
#define PM_EVENT_RECOVER 0x0080
#define PM_EVENT_USER 0x0100
#define PM_EVENT_REMOTE 0x0200
#define PM_EVENT_AUTO 0x0400
#define PM_EVENT_SLEEP (PM_EVENT_SUSPEND | PM_EVENT_HIBERNATE)
#define PM_EVENT_USER_SUSPEND (PM_EVENT_USER | PM_EVENT_SUSPEND)
#define PM_EVENT_USER_RESUME (PM_EVENT_USER | PM_EVENT_RESUME)
#define PM_EVENT_AUTO_SUSPEND (PM_EVENT_AUTO | PM_EVENT_SUSPEND)
#define PM_EVENT_AUTO_RESUME (PM_EVENT_AUTO | PM_EVENT_RESUME)
#define PMSG_ON ((struct pm_message){ .event = PM_EVENT_ON })
#define PMSG_FREEZE ((struct pm_message){ .event = PM_EVENT_FREEZE })
#define PMSG_SUSPEND ((struct pm_message){ .event = PM_EVENT_SUSPEND })
#define PMSG_HIBERNATE ((struct pm_message){ .event = PM_EVENT_HIBERNATE })
#define PMSG_RESUME ((struct pm_message){ .event = PM_EVENT_RESUME })
#define PMSG_AUTO_SUSPEND ((struct pm_message){ .event = PM_EVENT_AUTO_SUSPEND })
#define PMSG_AUTO_RESUME ((struct pm_message){ .event = PM_EVENT_AUTO_RESUME })
#define PMSG_IS_AUTO(msg) (((msg).event & PM_EVENT_AUTO) != 0)
struct dev_pm_ops {
	int (*prepare)(struct device *dev);
	void (*complete)(struct device *dev);
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
	int (*freeze)(struct device *dev);
	int (*thaw)(struct device *dev);
	int (*poweroff)(struct device *dev);
	int (*restore)(struct device *dev);
	int (*suspend_late)(struct device *dev);
	int (*resume_early)(struct device *dev);
	int (*freeze_late)(struct device *dev);
	int (*thaw_early)(struct device *dev);
	int (*poweroff_late)(struct device *dev);
	int (*restore_early)(struct device *dev);
	int (*suspend_noirq)(struct device *dev);
	int (*resume_noirq)(struct device *dev);
	int (*freeze_noirq)(struct device *dev);
	int (*thaw_noirq)(struct device *dev);
	int (*poweroff_noirq)(struct device *dev);
	int (*restore_noirq)(struct device *dev);
	int (*runtime_suspend)(struct device *dev);
	int (*runtime_resume)(struct device *dev);
	int (*runtime_idle)(struct device *dev);
};
struct dev_pm_info {
	pm_message_t power_state;
	unsigned int can_wakeup:1, async_suspend:1, is_prepared:1, is_suspended:1;
	unsigned int runtime_auto:1;
	int usage_count_dummy, runtime_status, autosuspend_delay;
};
#define SYSTEM_SLEEP_PM_OPS(s, r) .suspend = (s), .resume = (r), .freeze = (s), .thaw = (r), .poweroff = (s), .restore = (r),
#define SET_SYSTEM_SLEEP_PM_OPS(s, r) SYSTEM_SLEEP_PM_OPS(s, r)
#define LATE_SYSTEM_SLEEP_PM_OPS(s, r) .suspend_late = (s), .resume_early = (r), .freeze_late = (s), .thaw_early = (r), .poweroff_late = (s), .restore_early = (r),
#define SET_LATE_SYSTEM_SLEEP_PM_OPS(s, r) LATE_SYSTEM_SLEEP_PM_OPS(s, r)
#define NOIRQ_SYSTEM_SLEEP_PM_OPS(s, r) .suspend_noirq = (s), .resume_noirq = (r), .freeze_noirq = (s), .thaw_noirq = (r), .poweroff_noirq = (s), .restore_noirq = (r),
#define SET_NOIRQ_SYSTEM_SLEEP_PM_OPS(s, r) NOIRQ_SYSTEM_SLEEP_PM_OPS(s, r)
#define RUNTIME_PM_OPS(s, r, i) .runtime_suspend = (s), .runtime_resume = (r), .runtime_idle = (i),
#define SET_RUNTIME_PM_OPS(s, r, i) RUNTIME_PM_OPS(s, r, i)
#define SIMPLE_DEV_PM_OPS(name, s, r) const struct dev_pm_ops name = { SYSTEM_SLEEP_PM_OPS(s, r) }
#define DEFINE_SIMPLE_DEV_PM_OPS(name, s, r) SIMPLE_DEV_PM_OPS(name, s, r)
#define UNIVERSAL_DEV_PM_OPS(name, s, r, i) const struct dev_pm_ops name = { SYSTEM_SLEEP_PM_OPS(s, r) RUNTIME_PM_OPS(s, r, i) }
#define DEFINE_RUNTIME_DEV_PM_OPS(name, s, r, i) UNIVERSAL_DEV_PM_OPS(name, s, r, i)
#define _DEFINE_DEV_PM_OPS(name, s, r, rs, rr, i) const struct dev_pm_ops name = { SYSTEM_SLEEP_PM_OPS(s, r) RUNTIME_PM_OPS(rs, rr, i) }
#define pm_ptr(p) (p)
#define pm_sleep_ptr(p) (p)
int pm_runtime_get_sync(struct device *dev);
int pm_runtime_get(struct device *dev);
void pm_runtime_get_noresume(struct device *dev);
int pm_runtime_resume_and_get(struct device *dev);
int pm_runtime_get_if_in_use(struct device *dev);
int pm_runtime_get_if_active(struct device *dev, bool ign_usage_count);
int pm_runtime_put(struct device *dev);
int pm_runtime_put_sync(struct device *dev);
void pm_runtime_put_noidle(struct device *dev);
int pm_runtime_put_autosuspend(struct device *dev);
int pm_runtime_put_sync_autosuspend(struct device *dev);
int pm_runtime_put_sync_suspend(struct device *dev);
void pm_runtime_mark_last_busy(struct device *dev);
void pm_runtime_enable(struct device *dev);
void pm_runtime_disable(struct device *dev);
int devm_pm_runtime_enable(struct device *dev);
int pm_runtime_set_active(struct device *dev);
void pm_runtime_set_suspended(struct device *dev);
void pm_runtime_set_autosuspend_delay(struct device *dev, int delay);
void pm_runtime_use_autosuspend(struct device *dev);
void pm_runtime_dont_use_autosuspend(struct device *dev);
bool pm_runtime_suspended(struct device *dev);
bool pm_runtime_active(struct device *dev);
bool pm_runtime_status_suspended(struct device *dev);
bool pm_runtime_enabled(struct device *dev);
void pm_runtime_forbid(struct device *dev);
void pm_runtime_allow(struct device *dev);
void pm_runtime_no_callbacks(struct device *dev);
void pm_runtime_irq_safe(struct device *dev);
void pm_runtime_barrier(struct device *dev);
int pm_runtime_resume(struct device *dev);
int pm_runtime_suspend(struct device *dev);
int pm_runtime_idle(struct device *dev);
int pm_runtime_force_suspend(struct device *dev);
int pm_runtime_force_resume(struct device *dev);
void pm_wakeup_event(struct device *dev, unsigned int msec);
void pm_stay_awake(struct device *dev);
void pm_relax(struct device *dev);

/* ---- the device model ----------------------------------------------- */
struct device_type {
	const char *name;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	const struct dev_pm_ops *pm;
};
struct bus_type {
	const char *name, *dev_name;
	const struct attribute_group **bus_groups, **dev_groups, **drv_groups;
	int (*match)(struct device *dev, struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	const struct dev_pm_ops *pm;
};
struct device_driver {
	const char *name;
	struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	int probe_type;
	const struct of_device_id *of_match_table;
	const struct acpi_device_id *acpi_match_table;
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	int (*suspend)(struct device *dev, pm_message_t state);
	int (*resume)(struct device *dev);
	const struct attribute_group **groups, **dev_groups;
	const struct dev_pm_ops *pm;
};
enum probe_type { PROBE_DEFAULT_STRATEGY, PROBE_PREFER_ASYNCHRONOUS, PROBE_FORCE_SYNCHRONOUS };
struct device {
	struct kobject kobj;
	struct device *parent;
	const char *init_name;
	const struct device_type *type;
	struct bus_type *bus;
	struct device_driver *driver;
	void *platform_data, *driver_data;
	struct mutex mutex;
	struct dev_pm_info power;
	struct dev_pm_domain *pm_domain;
	int numa_node;
	u64 *dma_mask, coherent_dma_mask, bus_dma_limit;
	struct device_dma_parameters *dma_parms;
	struct list_head devres_head;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	dev_t devt;
	u32 id;
	spinlock_t devres_lock;
	struct class *class;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	bool offline_disabled:1, offline:1, of_node_reused:1, dma_coherent:1;
};
struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count);
};
struct driver_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device_driver *driver, char *buf);
	ssize_t (*store)(struct device_driver *driver, const char *buf, size_t count);
};
#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)
#define DRIVER_ATTR_RW(_name) struct driver_attribute driver_attr_##_name = __ATTR_RW(_name)
#define DRIVER_ATTR_RO(_name) struct driver_attribute driver_attr_##_name = __ATTR_RO(_name)
#define DRIVER_ATTR_WO(_name) struct driver_attribute driver_attr_##_name = __ATTR_WO(_name)
struct class {
	const char *name;
	struct module *owner;
	const struct attribute_group **class_groups, **dev_groups;
	char *(*devnode)();             /* (dev, umode_t *mode); dev became const in 6.2 */
	void (*class_release)(struct class *class);
	void (*dev_release)(struct device *dev);
	const struct dev_pm_ops *pm;
};
#define kobj_to_dev(kobj) container_of(kobj, struct device, kobj)
#define to_device_driver_attr(a) container_of(a, struct driver_attribute, attr)
void *dev_get_drvdata(const struct device *dev);
void dev_set_drvdata(struct device *dev, void *data);
void *dev_get_platdata(const struct device *dev);
const char *dev_name(const struct device *dev);
int dev_set_name(struct device *dev, const char *name, ...);
const char *dev_driver_string(const struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
void device_initialize(struct device *dev);
int device_add(struct device *dev);
void device_del(struct device *dev);
int device_register(struct device *dev);
void device_unregister(struct device *dev);
int device_attach(struct device *dev);
void device_release_driver(struct device *dev);
int device_reprobe(struct device *dev);
bool device_is_registered(struct device *dev);
void device_lock(struct device *dev);
void device_unlock(struct device *dev);
int device_trylock(struct device *dev);
void device_lock_assert(struct device *dev);
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
int device_create_bin_file(struct device *dev, const struct bin_attribute *attr);
void device_remove_bin_file(struct device *dev, const struct bin_attribute *attr);
int device_add_groups(struct device *dev, const struct attribute_group **groups);
void device_remove_groups(struct device *dev, const struct attribute_group **groups);
int device_add_group(struct device *dev, const struct attribute_group *grp);
void device_remove_group(struct device *dev, const struct attribute_group *grp);
int devm_device_add_group(struct device *dev, const struct attribute_group *grp);
int devm_device_add_groups(struct device *dev, const struct attribute_group **groups);
int device_for_each_child(struct device *dev, void *data, int (*fn)(struct device *dev, void *data));
struct device *device_find_child(struct device *dev, void *data, int (*match)(struct device *dev, void *data));
int device_init_wakeup(struct device *dev, bool enable);
int device_wakeup_enable(struct device *dev);
int device_wakeup_disable(struct device *dev);
void device_set_wakeup_capable(struct device *dev, bool capable);
int device_set_wakeup_enable(struct device *dev, bool enable);
bool device_can_wakeup(struct device *dev);
bool device_may_wakeup(struct device *dev);
void device_set_pm_not_required(struct device *dev);
int dev_to_node(struct device *dev);
void set_dev_node(struct device *dev, int node);
const void *device_get_match_data(const struct device *dev);
struct device *device_create(struct class *cls, struct device *parent, dev_t devt, void *drvdata, const char *fmt, ...);
struct device *device_create_with_groups(struct class *cls, struct device *parent, dev_t devt, void *drvdata,
					 const struct attribute_group **groups, const char *fmt, ...);
void device_destroy(struct class *cls, dev_t devt);
/* class_create(): 1-argument (>= 6.4) and 2-argument (owner, name) forms */
struct class *class_create(const char *name);
#define __drvlint_class_create2(owner, name) class_create(name)
#define __drvlint_class_create1(name) class_create(name)
#define __drvlint_pick3(a, b, c, ...) c
#define class_create(...) \
	__drvlint_pick3(__VA_ARGS__, __drvlint_class_create2, __drvlint_class_create1, x)(__VA_ARGS__)
void class_destroy(struct class *cls);
int class_register(struct class *cls);
void class_unregister(struct class *cls);
int driver_register(struct device_driver *drv);
int driver_attach(struct device_driver *drv);
void device_enable_async_suspend(struct device *dev);
void device_disable_async_suspend(struct device *dev);
void driver_unregister(struct device_driver *drv);
int driver_create_file(struct device_driver *driver, const struct driver_attribute *attr);
void driver_remove_file(struct device_driver *driver, const struct driver_attribute *attr);
int bus_register(struct bus_type *bus);
void bus_unregister(struct bus_type *bus);
struct device *bus_find_device_by_name(struct bus_type *bus, struct device *start, const char *name);
void *devres_alloc(void (*release)(struct device *dev, void *res), size_t size, gfp_t gfp);
void devres_add(struct device *dev, void *res);
void devres_free(void *res);
int devm_device_init_wakeup(struct device *dev);
/* device logging: real functions so the calls stay visible */
void dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
void dev_emerg(const struct device *dev, const char *fmt, ...);
void dev_alert(const struct device *dev, const char *fmt, ...);
void dev_crit(const struct device *dev, const char *fmt, ...);
void dev_err(const struct device *dev, const char *fmt, ...);
void dev_warn(const struct device *dev, const char *fmt, ...);
void dev_notice(const struct device *dev, const char *fmt, ...);
void dev_info(const struct device *dev, const char *fmt, ...);
void dev_dbg(const struct device *dev, const char *fmt, ...);
void dev_vdbg(const struct device *dev, const char *fmt, ...);
void dev_err_once(const struct device *dev, const char *fmt, ...);
void dev_warn_once(const struct device *dev, const char *fmt, ...);
void dev_info_once(const struct device *dev, const char *fmt, ...);
void dev_dbg_once(const struct device *dev, const char *fmt, ...);
void dev_notice_once(const struct device *dev, const char *fmt, ...);
void dev_err_ratelimited(const struct device *dev, const char *fmt, ...);
void dev_warn_ratelimited(const struct device *dev, const char *fmt, ...);
void dev_info_ratelimited(const struct device *dev, const char *fmt, ...);
void dev_dbg_ratelimited(const struct device *dev, const char *fmt, ...);
void dev_notice_ratelimited(const struct device *dev, const char *fmt, ...);
int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
bool dev_WARN(const struct device *dev, const char *fmt, ...);
bool dev_WARN_ONCE(const struct device *dev, bool condition, const char *fmt, ...);

/* ---- firmware ------------------------------------------------------- */
struct firmware {
	size_t size;
	const u8 *data;
	void *priv;
};
int request_firmware(const struct firmware **fw, const char *name, struct device *device);
int firmware_request_nowarn(const struct firmware **fw, const char *name, struct device *device);
int request_firmware_direct(const struct firmware **fw, const char *name, struct device *device);
int request_firmware_into_buf(const struct firmware **fw, const char *name, struct device *device, void *buf, size_t size);
int request_firmware_nowait(struct module *module, bool uevent, const char *name, struct device *device,
			    gfp_t gfp, void *context, void (*cont)(const struct firmware *fw, void *context));
void release_firmware(const struct firmware *fw);
struct ihex_binrec {
	__be32 addr;
	__be16 len;
	uint8_t data[];
} __attribute__((__packed__));
const struct ihex_binrec *ihex_next_binrec(const struct ihex_binrec *rec);
int ihex_validate_fw(const struct firmware *fw);
int request_ihex_firmware(const struct firmware **fw, const char *fw_name, struct device *dev);

/* ---- synchronous hashes (crypto shash) ----------------------------- */
struct crypto_shash;
struct shash_desc {
	struct crypto_shash *tfm;
	void *__ctx[];
};
struct crypto_shash *crypto_alloc_shash(const char *alg_name, u32 type, u32 mask);
void crypto_free_shash(struct crypto_shash *tfm);
unsigned int crypto_shash_digestsize(struct crypto_shash *tfm);
unsigned int crypto_shash_descsize(struct crypto_shash *tfm);
int crypto_shash_digest(struct shash_desc *desc, const u8 *data, unsigned int len, u8 *out);
int crypto_shash_init(struct shash_desc *desc);
int crypto_shash_update(struct shash_desc *desc, const u8 *data, unsigned int len);
int crypto_shash_final(struct shash_desc *desc, u8 *out);
#define SHASH_DESC_ON_STACK(shash, ctx) \
	char __##shash##_desc[sizeof(struct shash_desc) + 128] __attribute__((__aligned__(8))); \
	struct shash_desc *shash = (struct shash_desc *)__##shash##_desc

/* ---- device tree and fwnode properties ------------------------------ */
struct fwnode_handle {
	struct fwnode_handle *secondary;
	const void *ops;
	struct device *dev;
};
struct property {
	char *name;
	int length;
	void *value;
	struct property *next;
};
struct device_node {
	const char *name, *full_name;
	struct fwnode_handle fwnode;
	struct property *properties;
	struct device_node *parent, *child, *sibling;
	unsigned long _flags;
	void *data;
};
struct of_device_id {
	char name[32], type[32], compatible[128];
	const void *data;
};
struct acpi_device_id {
	u8 id[16];
	kernel_ulong_t driver_data;
	u32 cls, cls_msk;
};
struct of_phandle_args {
	struct device_node *np;
	int args_count;
	uint32_t args[16];
};
#define of_match_ptr(p) (p)
#define ACPI_PTR(p) (p)
#define of_fwnode_handle(node) (&(node)->fwnode)
#define dev_fwnode(dev) ((dev)->fwnode)
#define to_of_node(fwnode) container_of(fwnode, struct device_node, fwnode)
struct device_node *dev_of_node(struct device *dev);
struct device_node *of_node_get(struct device_node *node);
void of_node_put(struct device_node *node);
bool of_node_name_eq(const struct device_node *np, const char *name);
struct property *of_find_property(const struct device_node *np, const char *name, int *lenp);
const void *of_get_property(const struct device_node *node, const char *name, int *lenp);
int of_property_read_u8(const struct device_node *np, const char *propname, u8 *out_value);
int of_property_read_u16(const struct device_node *np, const char *propname, u16 *out_value);
int of_property_read_u32(const struct device_node *np, const char *propname, u32 *out_value);
int of_property_read_u64(const struct device_node *np, const char *propname, u64 *out_value);
int of_property_read_s32(const struct device_node *np, const char *propname, s32 *out_value);
int of_property_read_u8_array(const struct device_node *np, const char *propname, u8 *out_values, size_t sz);
int of_property_read_u16_array(const struct device_node *np, const char *propname, u16 *out_values, size_t sz);
int of_property_read_u32_array(const struct device_node *np, const char *propname, u32 *out_values, size_t sz);
int of_property_read_u32_index(const struct device_node *np, const char *propname, u32 index, u32 *out_value);
int of_property_read_string(const struct device_node *np, const char *propname, const char **out_string);
int of_property_read_string_index(const struct device_node *np, const char *propname, int index, const char **output);
int of_property_count_elems_of_size(const struct device_node *np, const char *propname, int elem_size);
int of_property_count_u32_elems(const struct device_node *np, const char *propname);
int of_property_match_string(const struct device_node *np, const char *propname, const char *string);
bool of_property_read_bool(const struct device_node *np, const char *propname);
bool of_property_present(const struct device_node *np, const char *propname);
int of_device_is_compatible(const struct device_node *device, const char *compat);
bool of_device_is_available(const struct device_node *device);
const struct of_device_id *of_match_device(const struct of_device_id *matches, const struct device *dev);
const struct of_device_id *of_match_node(const struct of_device_id *matches, const struct device_node *node);
const void *of_device_get_match_data(const struct device *dev);
struct device_node *of_get_child_by_name(const struct device_node *node, const char *name);
struct device_node *of_get_next_child(const struct device_node *node, struct device_node *prev);
struct device_node *of_get_next_available_child(const struct device_node *node, struct device_node *prev);
struct device_node *of_get_parent(const struct device_node *node);
struct device_node *of_find_compatible_node(struct device_node *from, const char *type, const char *compat);
struct device_node *of_find_node_by_name(struct device_node *from, const char *name);
struct device_node *of_find_node_by_path(const char *path);
struct device_node *of_parse_phandle(const struct device_node *np, const char *phandle_name, int index);
int of_parse_phandle_with_args(const struct device_node *np, const char *list_name, const char *cells_name,
			       int index, struct of_phandle_args *out_args);
int of_alias_get_id(struct device_node *np, const char *stem);
int of_get_mac_address(struct device_node *np, u8 *mac);
int of_irq_get(struct device_node *dev, int index);
int of_irq_get_byname(struct device_node *dev, const char *name);
unsigned int irq_of_parse_and_map(struct device_node *node, int index);
void __iomem *of_iomap(struct device_node *node, int index);
int of_platform_populate(struct device_node *root, const struct of_device_id *matches, const void *lookup, struct device *parent);
int devm_of_platform_populate(struct device *dev);
#define for_each_child_of_node(parent, child) \
	for ((child) = of_get_next_child(parent, NULL); (child) != NULL; \
	     (child) = of_get_next_child(parent, child))
#define for_each_available_child_of_node(parent, child) \
	for ((child) = of_get_next_available_child(parent, NULL); (child) != NULL; \
	     (child) = of_get_next_available_child(parent, child))
bool device_property_present(struct device *dev, const char *propname);
bool device_property_read_bool(struct device *dev, const char *propname);
int device_property_read_u8(struct device *dev, const char *propname, u8 *val);
int device_property_read_u16(struct device *dev, const char *propname, u16 *val);
int device_property_read_u32(struct device *dev, const char *propname, u32 *val);
int device_property_read_u64(struct device *dev, const char *propname, u64 *val);
int device_property_read_u8_array(struct device *dev, const char *propname, u8 *val, size_t nval);
int device_property_read_u32_array(struct device *dev, const char *propname, u32 *val, size_t nval);
int device_property_read_string(struct device *dev, const char *propname, const char **val);
int device_property_match_string(struct device *dev, const char *propname, const char *string);
int device_get_mac_address(struct device *dev, char *addr);
struct fwnode_handle *device_get_next_child_node(const struct device *dev, struct fwnode_handle *child);
struct fwnode_handle *fwnode_get_next_child_node(const struct fwnode_handle *fwnode, struct fwnode_handle *child);
struct fwnode_handle *fwnode_get_next_available_child_node(const struct fwnode_handle *fwnode,
							   struct fwnode_handle *child);
unsigned int device_get_child_node_count(const struct device *dev);
#define device_for_each_child_node(dev, child) \
	for ((child) = device_get_next_child_node(dev, NULL); (child); \
	     (child) = device_get_next_child_node(dev, child))
#define fwnode_for_each_child_node(fwnode, child) \
	for ((child) = fwnode_get_next_child_node(fwnode, NULL); (child); \
	     (child) = fwnode_get_next_child_node(fwnode, child))
#define fwnode_for_each_available_child_node(fwnode, child) \
	for ((child) = fwnode_get_next_available_child_node(fwnode, NULL); (child); \
	     (child) = fwnode_get_next_available_child_node(fwnode, child))
int fwnode_property_read_u32_array(const struct fwnode_handle *fwnode, const char *propname, u32 *val, size_t nval);
int fwnode_property_read_string(const struct fwnode_handle *fwnode, const char *propname, const char **val);
int fwnode_irq_get(const struct fwnode_handle *fwnode, unsigned int index);
int fwnode_property_read_u32(const struct fwnode_handle *fwnode, const char *propname, u32 *val);
bool fwnode_property_present(const struct fwnode_handle *fwnode, const char *propname);
void fwnode_handle_put(struct fwnode_handle *fwnode);
struct fwnode_handle *device_get_named_child_node(struct device *dev, const char *childname);
bool has_acpi_companion(struct device *dev);
/* minimal ACPI object evaluation */
typedef u32 acpi_status;
typedef u32 acpi_object_type;
typedef u64 acpi_size;
typedef void *acpi_handle;
typedef char *acpi_string;
#define AE_OK ((acpi_status)0x0000)
#define ACPI_SUCCESS(a) (!(a))
#define ACPI_FAILURE(a) (a)
#define ACPI_ALLOCATE_BUFFER ((acpi_size)-1)
enum {
	ACPI_TYPE_ANY = 0x00, ACPI_TYPE_INTEGER = 0x01, ACPI_TYPE_STRING = 0x02,
	ACPI_TYPE_BUFFER = 0x03, ACPI_TYPE_PACKAGE = 0x04,
};
struct acpi_buffer {
	acpi_size length;
	void *pointer;
};
union acpi_object {
	acpi_object_type type;
	struct { acpi_object_type type; u64 value; } integer;
	struct { acpi_object_type type; u32 length; char *pointer; } string;
	struct { acpi_object_type type; u32 length; u8 *pointer; } buffer;
	struct { acpi_object_type type; u32 count; union acpi_object *elements; } package;
};
struct acpi_object_list {
	u32 count;
	union acpi_object *pointer;
};
acpi_status acpi_evaluate_object(acpi_handle object, acpi_string pathname,
				 struct acpi_object_list *parameter_objects, struct acpi_buffer *return_object_buffer);
acpi_handle ACPI_HANDLE(struct device *dev);

/* ---- IRQs ----------------------------------------------------------- */
enum irqreturn {
	IRQ_NONE = (0 << 0),
	IRQ_HANDLED = (1 << 0),
	IRQ_WAKE_THREAD = (1 << 1),
};
typedef enum irqreturn irqreturn_t;
#define IRQ_RETVAL(x) ((x) ? IRQ_HANDLED : IRQ_NONE)
typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);
#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_TRIGGER_MASK (IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_SHARED 0x00000080
#define IRQF_PROBE_SHARED 0x00000100
#define IRQF_TIMER 0x00000200
#define IRQF_PERCPU 0x00000400
#define IRQF_NOBALANCING 0x00000800
#define IRQF_IRQPOLL 0x00001000
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_FORCE_RESUME 0x00008000
#define IRQF_NO_THREAD 0x00010000
#define IRQF_EARLY_RESUME 0x00020000
#define IRQF_COND_SUSPEND 0x00040000
#define IRQF_NO_AUTOEN 0x00080000
enum {
	IRQ_TYPE_NONE = 0x00000000, IRQ_TYPE_EDGE_RISING = 0x00000001,
	IRQ_TYPE_EDGE_FALLING = 0x00000002,
	IRQ_TYPE_EDGE_BOTH = (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING),
	IRQ_TYPE_LEVEL_HIGH = 0x00000004, IRQ_TYPE_LEVEL_LOW = 0x00000008, IRQ_NOAUTOEN = (1 << 12),
};
int __must_check request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
int __must_check request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
				      unsigned long flags, const char *name, void *dev);
int request_any_context_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev_id);
int __must_check devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
				  unsigned long irqflags, const char *devname, void *dev_id);
int __must_check devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
					   irq_handler_t thread_fn, unsigned long irqflags,
					   const char *devname, void *dev_id);
int devm_request_any_context_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
				 unsigned long irqflags, const char *devname, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
bool disable_hardirq(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);
void synchronize_hardirq(unsigned int irq);
int enable_irq_wake(unsigned int irq);
int disable_irq_wake(unsigned int irq);
int irq_set_irq_wake(unsigned int irq, unsigned int on);
int irq_set_irq_type(unsigned int irq, unsigned int type);
void irq_set_status_flags(unsigned int irq, unsigned long set);
void irq_clear_status_flags(unsigned int irq, unsigned long clr);
int irq_set_affinity_hint(unsigned int irq, const void *m);
irqreturn_t no_action(int cpl, void *dev_id);
int generic_handle_irq(unsigned int irq);
int generic_handle_domain_irq(struct irq_domain *domain, unsigned int hwirq);

/* ---- clocks, regulators, GPIO, reset -------------------------------- */
struct clk;
struct clk *clk_get(struct device *dev, const char *id);
void clk_put(struct clk *clk);
struct clk *devm_clk_get(struct device *dev, const char *id);
struct clk *devm_clk_get_optional(struct device *dev, const char *id);
struct clk *devm_clk_get_enabled(struct device *dev, const char *id);
struct clk *devm_clk_get_optional_enabled(struct device *dev, const char *id);
int clk_prepare(struct clk *clk);
void clk_unprepare(struct clk *clk);
int clk_enable(struct clk *clk);
void clk_disable(struct clk *clk);
int clk_prepare_enable(struct clk *clk);
void clk_disable_unprepare(struct clk *clk);
unsigned long clk_get_rate(struct clk *clk);
int clk_set_rate(struct clk *clk, unsigned long rate);
long clk_round_rate(struct clk *clk, unsigned long rate);
struct regulator;
struct regulator_bulk_data {
	const char *supply;
	struct regulator *consumer;
	int init_load_uA;
};
struct regulator *regulator_get(struct device *dev, const char *id);
struct regulator *regulator_get_optional(struct device *dev, const char *id);
void regulator_put(struct regulator *regulator);
struct regulator *devm_regulator_get(struct device *dev, const char *id);
struct regulator *devm_regulator_get_optional(struct device *dev, const char *id);
int devm_regulator_get_enable(struct device *dev, const char *id);
int regulator_enable(struct regulator *regulator);
int regulator_disable(struct regulator *regulator);
int regulator_is_enabled(struct regulator *regulator);
int regulator_set_voltage(struct regulator *regulator, int min_uV, int max_uV);
int regulator_get_voltage(struct regulator *regulator);
int regulator_bulk_get(struct device *dev, int num_consumers, struct regulator_bulk_data *consumers);
int devm_regulator_bulk_get(struct device *dev, int num_consumers, struct regulator_bulk_data *consumers);
int regulator_bulk_enable(int num_consumers, struct regulator_bulk_data *consumers);
int regulator_bulk_disable(int num_consumers, struct regulator_bulk_data *consumers);
void regulator_bulk_free(int num_consumers, struct regulator_bulk_data *consumers);
struct gpio_desc;
enum gpiod_flags {
	GPIOD_ASIS = 0,
	GPIOD_IN = 1,
	GPIOD_OUT_LOW = 3,
	GPIOD_OUT_HIGH = 7,
	GPIOD_OUT_LOW_OPEN_DRAIN = 11,
	GPIOD_OUT_HIGH_OPEN_DRAIN = 15,
};
struct gpio_desc *gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *gpiod_get_optional(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *gpiod_get_index(struct device *dev, const char *con_id, unsigned int idx, enum gpiod_flags flags);
void gpiod_put(struct gpio_desc *desc);
struct gpio_desc *devm_gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *devm_gpiod_get_optional(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *devm_gpiod_get_index(struct device *dev, const char *con_id, unsigned int idx, enum gpiod_flags flags);
struct gpio_desc *devm_gpiod_get_index_optional(struct device *dev, const char *con_id, unsigned int index, enum gpiod_flags flags);
void devm_gpiod_put(struct device *dev, struct gpio_desc *desc);
int gpiod_direction_input(struct gpio_desc *desc);
int gpiod_direction_output(struct gpio_desc *desc, int value);
int gpiod_direction_output_raw(struct gpio_desc *desc, int value);
int gpiod_get_direction(struct gpio_desc *desc);
int gpiod_get_value(const struct gpio_desc *desc);
int gpiod_get_value_cansleep(const struct gpio_desc *desc);
int gpiod_get_raw_value(const struct gpio_desc *desc);
void gpiod_set_value(struct gpio_desc *desc, int value);
void gpiod_set_value_cansleep(struct gpio_desc *desc, int value);
void gpiod_set_raw_value(struct gpio_desc *desc, int value);
int gpiod_to_irq(const struct gpio_desc *desc);
int gpiod_set_consumer_name(struct gpio_desc *desc, const char *name);
int gpio_request(unsigned int gpio, const char *label);
void gpio_free(unsigned int gpio);
int gpio_request_one(unsigned int gpio, unsigned long flags, const char *label);
int devm_gpio_request(struct device *dev, unsigned int gpio, const char *label);
int devm_gpio_request_one(struct device *dev, unsigned int gpio, unsigned long flags, const char *label);
int gpio_direction_input(unsigned int gpio);
int gpio_direction_output(unsigned int gpio, int value);
int gpio_get_value(unsigned int gpio);
void gpio_set_value(unsigned int gpio, int value);
int gpio_get_value_cansleep(unsigned int gpio);
void gpio_set_value_cansleep(unsigned int gpio, int value);
bool gpio_is_valid(int number);
int gpio_to_irq(unsigned int gpio);
int of_get_named_gpio(const struct device_node *np, const char *list_name, int index);
enum {
	GPIOF_DIR_OUT = (0 << 0), GPIOF_DIR_IN = (1 << 0), GPIOF_INIT_LOW = (0 << 1),
	GPIOF_INIT_HIGH = (1 << 1), GPIOF_IN = (GPIOF_DIR_IN),
	GPIOF_OUT_INIT_LOW = (GPIOF_DIR_OUT | GPIOF_INIT_LOW),
	GPIOF_OUT_INIT_HIGH = (GPIOF_DIR_OUT | GPIOF_INIT_HIGH),
};
/* GPIO providers (gpio_chip) */
#define GPIO_LINE_DIRECTION_IN 1
#define GPIO_LINE_DIRECTION_OUT 0
struct gpio_irq_chip {
	struct irq_chip *chip;
	struct irq_domain *domain;
	irq_flow_handler_t handler;
	unsigned int default_type;
	irq_flow_handler_t parent_handler;
	void *parent_handler_data;
	unsigned int num_parents;
	unsigned int *parents;
	bool threaded;
};
struct gpio_chip {
	const char *label;
	struct device *parent;
	struct fwnode_handle *fwnode;
	struct module *owner;
	int (*request)(struct gpio_chip *gc, unsigned int offset);
	void (*free)(struct gpio_chip *gc, unsigned int offset);
	int (*get_direction)(struct gpio_chip *gc, unsigned int offset);
	int (*direction_input)(struct gpio_chip *gc, unsigned int offset);
	int (*direction_output)(struct gpio_chip *gc, unsigned int offset, int value);
	int (*get)(struct gpio_chip *gc, unsigned int offset);
	int (*get_multiple)(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits);
	void (*set)(struct gpio_chip *gc, unsigned int offset, int value);
	void (*set_multiple)(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits);
	int (*set_config)(struct gpio_chip *gc, unsigned int offset, unsigned long config);
	int (*to_irq)(struct gpio_chip *gc, unsigned int offset);
	void (*dbg_show)(struct seq_file *s, struct gpio_chip *gc);
	int base;
	u16 ngpio;
	const char *const *names;
	bool can_sleep;
	struct gpio_irq_chip irq;
	struct device_node *of_node;
};
void *gpiochip_get_data(struct gpio_chip *gc);
int gpiochip_add_data(struct gpio_chip *gc, void *data);
int devm_gpiochip_add_data(struct device *dev, struct gpio_chip *gc, void *data);
void gpiochip_remove(struct gpio_chip *gc);
bool gpiochip_line_is_irq(struct gpio_chip *gc, unsigned int offset);
int gpiochip_irq_map(struct irq_domain *d, unsigned int irq, irq_hw_number_t hwirq);
void gpiochip_disable_irq(struct gpio_chip *gc, irq_hw_number_t hwirq);
void gpiochip_enable_irq(struct gpio_chip *gc, irq_hw_number_t hwirq);
int gpiochip_generic_request(struct gpio_chip *gc, unsigned int offset);
void gpiochip_generic_free(struct gpio_chip *gc, unsigned int offset);

/* real-time clocks */
struct rtc_time {
	int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
};
struct rtc_wkalrm {
	unsigned char enabled, pending;
	struct rtc_time time;
};
struct rtc_class_ops {
	int (*ioctl)(struct device *dev, unsigned int cmd, unsigned long arg);
	int (*read_time)(struct device *dev, struct rtc_time *tm);
	int (*set_time)(struct device *dev, struct rtc_time *tm);
	int (*read_alarm)(struct device *dev, struct rtc_wkalrm *alrm);
	int (*set_alarm)(struct device *dev, struct rtc_wkalrm *alrm);
	int (*proc)(struct device *dev, struct seq_file *seq);
	int (*alarm_irq_enable)(struct device *dev, unsigned int enabled);
	int (*read_offset)(struct device *dev, long *offset);
	int (*set_offset)(struct device *dev, long offset);
};
struct rtc_device {
	struct device dev;
	struct module *owner;
	int id;
	const struct rtc_class_ops *ops;
	struct mutex ops_lock;
	unsigned long irq_data;
	spinlock_t irq_lock;
	wait_queue_head_t irq_queue;
	unsigned long features[1];
	time64_t range_min;
	timeu64_t range_max;
	time64_t start_secs;
	time64_t offset_secs;
	bool set_start_time;
	int uie_unsupported;
};
#define RTC_TIMESTAMP_BEGIN_0000 -62167219200ULL
#define RTC_TIMESTAMP_BEGIN_1900 -2208988800LL
#define RTC_TIMESTAMP_BEGIN_2000 946684800LL
#define RTC_TIMESTAMP_END_2063 2966371199LL
#define RTC_TIMESTAMP_END_2099 4102444799LL
#define RTC_TIMESTAMP_END_9999 253402300799LL
#define RTC_IRQF 0x80
#define RTC_PF 0x40
#define RTC_AF 0x20
#define RTC_UF 0x10
#define RTC_FEATURE_ALARM 0
#define RTC_FEATURE_UPDATE_INTERRUPT 4
struct rtc_device *devm_rtc_allocate_device(struct device *dev);
int devm_rtc_register_device(struct rtc_device *rtc);
struct rtc_device *devm_rtc_device_register(struct device *dev, const char *name,
					    const struct rtc_class_ops *ops, struct module *owner);
void rtc_update_irq(struct rtc_device *rtc, unsigned long num, unsigned long events);
int rtc_valid_tm(struct rtc_time *tm);
time64_t rtc_tm_to_time64(struct rtc_time *tm);
void rtc_time64_to_tm(time64_t time, struct rtc_time *tm);
int rtc_month_days(unsigned int month, unsigned int year);
unsigned int bcd2bin(unsigned char val);
unsigned char bin2bcd(unsigned int val);

struct reset_control;
struct reset_control *devm_reset_control_get(struct device *dev, const char *id);
struct reset_control *devm_reset_control_get_exclusive(struct device *dev, const char *id);
struct reset_control *devm_reset_control_get_optional_exclusive(struct device *dev, const char *id);
int reset_control_assert(struct reset_control *rstc);
int reset_control_deassert(struct reset_control *rstc);
int reset_control_reset(struct reset_control *rstc);

/* ---- debugfs and seq_file ------------------------------------------- */
struct seq_file {
	char *buf;
	size_t size, from, count;
	loff_t index;
	struct mutex lock;
	const struct seq_operations *op;
	struct file *file;
	void *private;
};
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};
void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_hex_dump(struct seq_file *m, const char *prefix_str, int prefix_type, int rowsize,
		  int groupsize, const void *buf, size_t len, bool ascii);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_open(struct file *file, const struct seq_operations *op);
int seq_release(struct inode *inode, struct file *file);
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data);
int single_release(struct inode *inode, struct file *file);
/* DEFINE_SHOW_ATTRIBUTE(name): trivial open stub + fops named name##_fops */
#define DEFINE_SHOW_ATTRIBUTE(__name) \
	static int __name##_open(struct inode *inode, struct file *file) \
	{ return single_open(file, __name##_show, inode->i_private); } \
	static const struct file_operations __name##_fops = { \
		.owner = THIS_MODULE, .open = __name##_open, .read = seq_read, \
		.llseek = seq_lseek, .release = single_release, }
struct debugfs_reg32 {
	char *name;
	unsigned long offset;
};
struct debugfs_regset32 {
	const struct debugfs_reg32 *regs;
	int nregs;
	void __iomem *base;
	struct device *dev;
};
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
struct dentry *debugfs_create_file(const char *name, umode_t mode, struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode, struct dentry *parent, void *data,
					  const struct file_operations *fops);
struct dentry *debugfs_create_symlink(const char *name, struct dentry *parent, const char *dest);
struct dentry *debugfs_lookup(const char *name, struct dentry *parent);
void debugfs_remove(struct dentry *dentry);
void debugfs_remove_recursive(struct dentry *dentry);
void debugfs_lookup_and_remove(const char *name, struct dentry *parent);
void debugfs_create_u8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_u16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_u64(const char *name, umode_t mode, struct dentry *parent, u64 *value);
void debugfs_create_x8(const char *name, umode_t mode, struct dentry *parent, u8 *value);
void debugfs_create_x16(const char *name, umode_t mode, struct dentry *parent, u16 *value);
void debugfs_create_x32(const char *name, umode_t mode, struct dentry *parent, u32 *value);
void debugfs_create_x64(const char *name, umode_t mode, struct dentry *parent, u64 *value);
void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent, bool *value);
void debugfs_create_atomic_t(const char *name, umode_t mode, struct dentry *parent, atomic_t *value);
void debugfs_create_regset32(const char *name, umode_t mode, struct dentry *parent, struct debugfs_regset32 *regset);
struct dentry *debugfs_create_blob(const char *name, umode_t mode, struct dentry *parent, void *blob);
int simple_attr_open(struct inode *inode, struct file *file, int (*get)(void *, u64 *),
		     int (*set)(void *, u64), const char *fmt);
int simple_attr_release(struct inode *inode, struct file *file);
ssize_t debugfs_attr_read(struct file *file, char __user *buf, size_t len, loff_t *ppos);
ssize_t debugfs_attr_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos);
/* DEFINE_DEBUGFS_ATTRIBUTE: trivial open stub wiring get/set into fops */
#define DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt) \
	static int __fops##_open(struct inode *inode, struct file *file) \
	{ return simple_attr_open(inode, file, __get, __set, __fmt); } \
	static const struct file_operations __fops = { \
		.owner = THIS_MODULE, .open = __fops##_open, .release = simple_attr_release, \
		.read = debugfs_attr_read, .write = debugfs_attr_write, }
#define DEFINE_SIMPLE_ATTRIBUTE(__fops, __get, __set, __fmt) DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt)

#endif /* DRVLINT_DEVICE_H */
