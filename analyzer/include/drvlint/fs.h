/*
 * drvlint reduced-mode stand-in: files, inodes, file_operations, char
 * devices (cdev, register_chrdev, misc devices), poll, fasync, ioctl
 * number macros, mmap basics and the input subsystem.
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.
 */
#ifndef DRVLINT_FS_H
#define DRVLINT_FS_H

struct kiocb;
struct iov_iter;
struct fasync_struct;
struct vfsmount;
struct address_space;
struct file_lock;
struct vm_fault;
typedef void *fl_owner_t;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};
struct cdev {
	struct kobject kobj;
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
};
struct inode {
	umode_t i_mode;
	kuid_t i_uid;
	kgid_t i_gid;
	unsigned int i_flags;
	unsigned long i_ino;
	dev_t i_rdev;
	loff_t i_size;
	struct cdev *i_cdev;
	void *i_private;
	struct address_space *i_mapping;
};
struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	spinlock_t f_lock;
	unsigned int f_flags;
	fmode_t f_mode;
	struct mutex f_pos_lock;
	loff_t f_pos;
	void *private_data;
	struct address_space *f_mapping;
};
struct poll_table_struct {
	void (*_qproc)(struct file *filp, wait_queue_head_t *wait_address, struct poll_table_struct *p);
	__poll_t _key;
};
typedef struct poll_table_struct poll_table;
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	unsigned int (*fault)(struct vm_fault *vmf);
};
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	unsigned long vm_flags, vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
	const struct vm_operations_struct *vm_ops;
};
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *ppos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *ppos);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *wait);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	long (*compat_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*flush)(struct file *file, fl_owner_t id);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
	int (*fasync)(int fd, struct file *file, int on);
	int (*lock)(struct file *file, int cmd, struct file_lock *fl);
};
#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_NOCTTY 00000400
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_NDELAY O_NONBLOCK
#define O_SYNC 04010000
#define O_CLOEXEC 02000000
#define FMODE_READ ((fmode_t)0x1)
#define FMODE_WRITE ((fmode_t)0x2)
#define FMODE_LSEEK ((fmode_t)0x4)
#define FMODE_PREAD ((fmode_t)0x8)
#define FMODE_PWRITE ((fmode_t)0x10)
enum {
	SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, POLLIN = 0x0001, POLLPRI = 0x0002, POLLOUT = 0x0004,
	POLLERR = 0x0008, POLLHUP = 0x0010, POLLNVAL = 0x0020, POLLRDNORM = 0x0040,
	POLLRDBAND = 0x0080, POLLWRNORM = 0x0100, POLLWRBAND = 0x0200, POLLMSG = 0x0400,
	POLLRDHUP = 0x2000,
};
#define EPOLLIN ((__poll_t)0x00000001)
#define EPOLLPRI ((__poll_t)0x00000002)
#define EPOLLOUT ((__poll_t)0x00000004)
#define EPOLLERR ((__poll_t)0x00000008)
#define EPOLLHUP ((__poll_t)0x00000010)
#define EPOLLNVAL ((__poll_t)0x00000020)
#define EPOLLRDNORM ((__poll_t)0x00000040)
#define EPOLLRDBAND ((__poll_t)0x00000080)
#define EPOLLWRNORM ((__poll_t)0x00000100)
#define EPOLLWRBAND ((__poll_t)0x00000200)
#define EPOLLMSG ((__poll_t)0x00000400)
#define EPOLLRDHUP ((__poll_t)0x00002000)
enum {
	POLL_IN = 1, POLL_OUT = 2, POLL_MSG = 3, POLL_ERR = 4, POLL_PRI = 5, POLL_HUP = 6,
	VM_READ = 0x00000001, VM_WRITE = 0x00000002, VM_EXEC = 0x00000004, VM_SHARED = 0x00000008,
	VM_IO = 0x00004000, VM_DONTEXPAND = 0x00040000, VM_DONTDUMP = 0x04000000,
};
#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))
#define CHRDEV_MAJOR_MAX 512
/* ioctl numbers */
#define _IOC_NRBITS 8
#define _IOC_TYPEBITS 8
#define _IOC_SIZEBITS 14
#define _IOC_DIRBITS 2
#define _IOC_NRSHIFT 0
#define _IOC_TYPESHIFT (_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT (_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT (_IOC_SIZESHIFT + _IOC_SIZEBITS)
#define _IOC_NONE 0U
#define _IOC_WRITE 1U
#define _IOC_READ 2U
#define _IOC(dir, type, nr, size) \
	(((dir) << _IOC_DIRSHIFT) | ((type) << _IOC_TYPESHIFT) | ((nr) << _IOC_NRSHIFT) | ((size) << _IOC_SIZESHIFT))
#define _IO(type, nr) _IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, argtype) _IOC(_IOC_READ, (type), (nr), (sizeof(argtype)))
#define _IOW(type, nr, argtype) _IOC(_IOC_WRITE, (type), (nr), (sizeof(argtype)))
#define _IOWR(type, nr, argtype) _IOC(_IOC_READ | _IOC_WRITE, (type), (nr), (sizeof(argtype)))
#define _IOC_DIR(nr) (((nr) >> _IOC_DIRSHIFT) & ((1 << _IOC_DIRBITS) - 1))
#define _IOC_TYPE(nr) (((nr) >> _IOC_TYPESHIFT) & ((1 << _IOC_TYPEBITS) - 1))
#define _IOC_NR(nr) (((nr) >> _IOC_NRSHIFT) & ((1 << _IOC_NRBITS) - 1))
#define _IOC_SIZE(nr) (((nr) >> _IOC_SIZESHIFT) & ((1 << _IOC_SIZEBITS) - 1))

struct inode *file_inode(const struct file *f);
unsigned int iminor(const struct inode *inode);
unsigned int imajor(const struct inode *inode);
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);
int simple_open(struct inode *inode, struct file *file);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos, const void __user *from, size_t count);
void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p);
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
void kill_fasync(struct fasync_struct **fp, int sig, int band);
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count, const char *name);
int register_chrdev_region(dev_t from, unsigned int count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);
void cdev_set_parent(struct cdev *p, struct kobject *kobj);
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn,
		    unsigned long size, pgprot_t prot);
int vm_iomap_memory(struct vm_area_struct *vma, phys_addr_t start, unsigned long len);
pgprot_t pgprot_noncached(pgprot_t prot);
pgprot_t pgprot_writecombine(pgprot_t prot);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
struct file *fget(unsigned int fd);
void fput(struct file *file);
struct file *filp_open(const char *filename, int flags, umode_t mode);
int filp_close(struct file *filp, fl_owner_t id);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);

/* ---- misc devices --------------------------------------------------- */
#define MISC_DYNAMIC_MINOR 255
struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent, *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	umode_t mode;
};
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
#define module_misc_device(__misc_device) \
	module_driver(__misc_device, misc_register, misc_deregister)

/* ---- procfs (kernel 6.1 signatures) ---------------------------------- */
struct proc_dir_entry;
struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count, loff_t *ppos);
	ssize_t (*proc_read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*proc_write)(struct file *file, const char __user *buf, size_t count, loff_t *ppos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
	__poll_t (*proc_poll)(struct file *file, struct poll_table_struct *wait);
	long (*proc_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	long (*proc_compat_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*proc_mmap)(struct file *file, struct vm_area_struct *vma);
};
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data);
void *pde_data(const struct inode *inode);
void proc_remove(struct proc_dir_entry *de);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);

/* ---- input ---------------------------------------------------------- */
enum {
	EV_SYN = 0x00, EV_KEY = 0x01, EV_REL = 0x02, EV_ABS = 0x03, EV_MSC = 0x04, EV_SW = 0x05,
	EV_LED = 0x11, EV_SND = 0x12, EV_REP = 0x14, EV_FF = 0x15, EV_PWR = 0x16, EV_MAX = 0x1f,
	EV_CNT = (EV_MAX + 1), SYN_REPORT = 0, SYN_CONFIG = 1, SYN_MT_REPORT = 2, KEY_RESERVED = 0,
	KEY_ESC = 1, KEY_1 = 2, KEY_2 = 3, KEY_BACKSPACE = 14, KEY_TAB = 15, KEY_ENTER = 28,
	KEY_LEFTCTRL = 29, KEY_LEFTSHIFT = 42, KEY_SPACE = 57, KEY_F1 = 59, KEY_HOME = 102,
	KEY_UP = 103, KEY_PAGEUP = 104, KEY_LEFT = 105, KEY_RIGHT = 106, KEY_END = 107,
	KEY_DOWN = 108, KEY_PAGEDOWN = 109, KEY_MUTE = 113, KEY_VOLUMEDOWN = 114, KEY_VOLUMEUP = 115,
	KEY_POWER = 116, KEY_PAUSE = 119, KEY_MENU = 139, KEY_SLEEP = 142, KEY_WAKEUP = 143,
	KEY_BACK = 158, KEY_PLAYPAUSE = 164, KEY_CAMERA = 212, KEY_UNKNOWN = 240, KEY_OK = 0x160,
	KEY_MAX = 0x2ff, KEY_CNT = (KEY_MAX + 1), BTN_MISC = 0x100, BTN_0 = 0x100, BTN_1 = 0x101,
	BTN_MOUSE = 0x110, BTN_LEFT = 0x110, BTN_RIGHT = 0x111, BTN_MIDDLE = 0x112, BTN_SIDE = 0x113,
	BTN_EXTRA = 0x114, BTN_JOYSTICK = 0x120, BTN_TRIGGER = 0x120, BTN_GAMEPAD = 0x130,
	BTN_A = 0x130, BTN_B = 0x131, BTN_X = 0x133, BTN_Y = 0x134, BTN_START = 0x13b,
	BTN_SELECT = 0x13a, BTN_DIGI = 0x140, BTN_TOOL_PEN = 0x140, BTN_TOOL_RUBBER = 0x141,
	BTN_TOOL_FINGER = 0x145, BTN_TOUCH = 0x14a, BTN_STYLUS = 0x14b, BTN_STYLUS2 = 0x14c,
	BTN_TOOL_DOUBLETAP = 0x14d, BTN_TOOL_TRIPLETAP = 0x14e, REL_X = 0x00, REL_Y = 0x01,
	REL_Z = 0x02, REL_HWHEEL = 0x06, REL_WHEEL = 0x08, REL_MAX = 0x0f, REL_CNT = (REL_MAX + 1),
	ABS_X = 0x00, ABS_Y = 0x01, ABS_Z = 0x02, ABS_RX = 0x03, ABS_RY = 0x04, ABS_RZ = 0x05,
	ABS_THROTTLE = 0x06, ABS_WHEEL = 0x08, ABS_HAT0X = 0x10, ABS_HAT0Y = 0x11,
	ABS_PRESSURE = 0x18, ABS_DISTANCE = 0x19, ABS_TILT_X = 0x1a, ABS_TILT_Y = 0x1b,
	ABS_MISC = 0x28, ABS_MT_SLOT = 0x2f, ABS_MT_TOUCH_MAJOR = 0x30, ABS_MT_POSITION_X = 0x35,
	ABS_MT_POSITION_Y = 0x36, ABS_MT_TRACKING_ID = 0x39, ABS_MT_PRESSURE = 0x3a, ABS_MAX = 0x3f,
	ABS_CNT = (ABS_MAX + 1), MSC_SCAN = 0x04, MSC_MAX = 0x07, MSC_CNT = (MSC_MAX + 1),
	SW_LID = 0x00, SW_MAX = 0x10, SW_CNT = (SW_MAX + 1), LED_NUML = 0x00, LED_CAPSL = 0x01,
	LED_SCROLLL = 0x02, LED_MAX = 0x0f, LED_CNT = (LED_MAX + 1), SND_MAX = 0x07,
	SND_CNT = (SND_MAX + 1), FF_MAX = 0x7f, FF_CNT = (FF_MAX + 1), INPUT_PROP_POINTER = 0x00,
	INPUT_PROP_DIRECT = 0x01, INPUT_PROP_BUTTONPAD = 0x02, INPUT_PROP_MAX = 0x1f,
	INPUT_PROP_CNT = (INPUT_PROP_MAX + 1), REP_DELAY = 0x00, REP_PERIOD = 0x01, BUS_PCI = 0x01,
	BUS_USB = 0x03, BUS_HIL = 0x04, BUS_BLUETOOTH = 0x05, BUS_VIRTUAL = 0x06, BUS_HOST = 0x19,
	BUS_I2C = 0x18, BUS_SPI = 0x1C,
};
struct input_id {
	__u16 bustype, vendor, product, version;
};
struct input_absinfo {
	__s32 value, minimum, maximum, fuzz, flat, resolution;
};
struct input_dev {
	const char *name, *phys, *uniq;
	struct input_id id;
	unsigned long propbit[BITS_TO_LONGS(INPUT_PROP_CNT)], evbit[BITS_TO_LONGS(EV_CNT)];
	unsigned long keybit[BITS_TO_LONGS(KEY_CNT)], relbit[BITS_TO_LONGS(REL_CNT)];
	unsigned long absbit[BITS_TO_LONGS(ABS_CNT)], mscbit[BITS_TO_LONGS(MSC_CNT)];
	unsigned long ledbit[BITS_TO_LONGS(LED_CNT)], sndbit[BITS_TO_LONGS(SND_CNT)];
	unsigned long ffbit[BITS_TO_LONGS(FF_CNT)], swbit[BITS_TO_LONGS(SW_CNT)];
	unsigned int hint_events_per_packet, keycodemax, keycodesize;
	void *keycode;
	int rep[2];
	unsigned long key[BITS_TO_LONGS(KEY_CNT)], led[BITS_TO_LONGS(LED_CNT)];
	struct input_absinfo *absinfo;
	int (*open)(struct input_dev *dev);
	void (*close)(struct input_dev *dev);
	int (*flush)(struct input_dev *dev, struct file *file);
	int (*event)(struct input_dev *dev, unsigned int type, unsigned int code, int value);
	struct device dev;
	struct mutex mutex;
	unsigned int users;
	bool going_away, devres_managed;
};
struct input_dev *input_allocate_device(void);
struct input_dev *devm_input_allocate_device(struct device *dev);
void input_free_device(struct input_dev *dev);
int __must_check input_register_device(struct input_dev *dev);
void input_unregister_device(struct input_dev *dev);
void input_event(struct input_dev *dev, unsigned int type, unsigned int code, int value);
void input_report_key(struct input_dev *dev, unsigned int code, int value);
void input_report_rel(struct input_dev *dev, unsigned int code, int value);
void input_report_abs(struct input_dev *dev, unsigned int code, int value);
void input_report_switch(struct input_dev *dev, unsigned int code, int value);
void input_sync(struct input_dev *dev);
void input_mt_sync(struct input_dev *dev);
void input_set_capability(struct input_dev *dev, unsigned int type, unsigned int code);
void input_set_abs_params(struct input_dev *dev, unsigned int axis, int min, int max, int fuzz, int flat);
void input_abs_set_res(struct input_dev *dev, unsigned int axis, int val);
int input_abs_get_min(struct input_dev *dev, unsigned int axis);
int input_abs_get_max(struct input_dev *dev, unsigned int axis);
void *input_get_drvdata(struct input_dev *dev);
void input_set_drvdata(struct input_dev *dev, void *data);
#define to_input_dev(d) container_of(d, struct input_dev, dev)

#endif /* DRVLINT_FS_H */
