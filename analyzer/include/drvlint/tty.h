/*
 * drvlint reduced-mode stand-in: tty core (tty_struct, tty_port, tty
 * driver, flip buffers), termios constants, serial ioctl structures,
 * 8250-style UART register names and the USB serial core
 * (usb_serial, usb_serial_port, usb_serial_driver).
 *
 * drvlint's own minimal declarations for parsing drivers without kernel
 * headers; NOT the Linux kernel's header.  Callbacks follow the 6.1
 * signatures; set_termios is declared without a prototype because its
 * `old` parameter gained const in 6.1.
 */
#ifndef DRVLINT_TTY_H
#define DRVLINT_TTY_H

/* ---- termios -------------------------------------------------------- */
typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;
#define NCCS 19
struct ktermios {
	tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
	cc_t c_line, c_cc[NCCS];
	speed_t c_ispeed, c_ospeed;
};
struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};
enum {
	VINTR = 0, VQUIT = 1, VERASE = 2, VKILL = 3, VEOF = 4, VTIME = 5, VMIN = 6, VSWTC = 7,
	VSTART = 8, VSTOP = 9, VSUSP = 10, VEOL = 11, VREPRINT = 12, VDISCARD = 13, VWERASE = 14,
	VLNEXT = 15, VEOL2 = 16, IGNBRK = 0000001, BRKINT = 0000002, IGNPAR = 0000004,
	PARMRK = 0000010, INPCK = 0000020, ISTRIP = 0000040, INLCR = 0000100, IGNCR = 0000200,
	ICRNL = 0000400, IUCLC = 0001000, IXON = 0002000, IXANY = 0004000, IXOFF = 0010000,
	IMAXBEL = 0020000, IUTF8 = 0040000, OPOST = 0000001, OLCUC = 0000002, ONLCR = 0000004,
	OCRNL = 0000010, CBAUD = 0010017, B0 = 0000000, B50 = 0000001, B75 = 0000002, B110 = 0000003,
	B134 = 0000004, B150 = 0000005, B200 = 0000006, B300 = 0000007, B600 = 0000010,
	B1200 = 0000011, B1800 = 0000012, B2400 = 0000013, B4800 = 0000014, B9600 = 0000015,
	B19200 = 0000016, B38400 = 0000017, EXTA = B19200, EXTB = B38400, CSIZE = 0000060,
	CS5 = 0000000, CS6 = 0000020, CS7 = 0000040, CS8 = 0000060, CSTOPB = 0000100, CREAD = 0000200,
	PARENB = 0000400, PARODD = 0001000, HUPCL = 0002000, CLOCAL = 0004000, CBAUDEX = 0010000,
	BOTHER = 0010000, B57600 = 0010001, B115200 = 0010002, B230400 = 0010003, B460800 = 0010004,
	B500000 = 0010005, B576000 = 0010006, B921600 = 0010007, B1000000 = 0010010,
	B1152000 = 0010011, B1500000 = 0010012, B2000000 = 0010013, B2500000 = 0010014,
	B3000000 = 0010015, B3500000 = 0010016, B4000000 = 0010017,
};
#define CIBAUD 002003600000
#define CMSPAR 010000000000
#define CRTSCTS 020000000000
enum {
	IBSHIFT = 16, ISIG = 0000001, ICANON = 0000002, XCASE = 0000004, ECHO = 0000010,
	ECHOE = 0000020, ECHOK = 0000040, ECHONL = 0000100, NOFLSH = 0000200, TOSTOP = 0000400,
	ECHOCTL = 0001000, ECHOPRT = 0002000, ECHOKE = 0004000, FLUSHO = 0010000, PENDIN = 0040000,
	IEXTEN = 0100000, EXTPROC = 0200000, TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403,
	TCSETSF = 0x5404, TCSBRK = 0x5409, TCXONC = 0x540A, TCFLSH = 0x540B, TIOCEXCL = 0x540C,
	TIOCNXCL = 0x540D, TIOCSCTTY = 0x540E, TIOCOUTQ = 0x5411, TIOCSTI = 0x5412,
	TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, TIOCMGET = 0x5415, TIOCMBIS = 0x5416,
	TIOCMBIC = 0x5417, TIOCMSET = 0x5418, FIONREAD = 0x541B, TIOCINQ = FIONREAD,
	TIOCGSERIAL = 0x541E, TIOCSSERIAL = 0x541F, TIOCSBRK = 0x5427, TIOCCBRK = 0x5428,
	TIOCGRS485 = 0x542E, TIOCSRS485 = 0x542F, TIOCSERGETLSR = 0x5459, TIOCMIWAIT = 0x545C,
	TIOCGICOUNT = 0x545D, TIOCSER_TEMT = 0x01, TIOCM_LE = 0x001, TIOCM_DTR = 0x002,
	TIOCM_RTS = 0x004, TIOCM_ST = 0x008, TIOCM_SR = 0x010, TIOCM_CTS = 0x020, TIOCM_CAR = 0x040,
	TIOCM_RNG = 0x080, TIOCM_DSR = 0x100, TIOCM_CD = TIOCM_CAR, TIOCM_RI = TIOCM_RNG,
	TIOCM_OUT1 = 0x2000, TIOCM_OUT2 = 0x4000, TIOCM_LOOP = 0x8000, TCIFLUSH = 0, TCOFLUSH = 1,
	TCIOFLUSH = 2,
};

/* ---- serial structures ---------------------------------------------- */
struct serial_struct {
	int type, line;
	unsigned int port;
	int irq, flags, xmit_fifo_size, custom_divisor, baud_base;
	unsigned short close_delay;
	char io_type, reserved_char[1];
	int hub6;
	unsigned short closing_wait, closing_wait2;
	unsigned char *iomem_base;
	unsigned short iomem_reg_shift;
	unsigned int port_high;
	unsigned long iomap_base;
};
struct serial_icounter_struct {
	int cts, dsr, rng, dcd, rx, tx, frame, overrun, parity, brk, buf_overrun, reserved[9];
};
struct async_icount {
	__u32 cts, dsr, rng, dcd, tx, rx, frame, parity, overrun, brk, buf_overrun;
};
struct uart_icount {
	__u32 cts, dsr, rng, dcd, rx, tx, frame, overrun, parity, brk, buf_overrun;
};
struct serial_rs485 {
	__u32 flags, delay_rts_before_send, delay_rts_after_send, padding[5];
};
enum {
	PORT_UNKNOWN = 0, PORT_8250 = 1, PORT_16450 = 2, PORT_16550 = 3, PORT_16550A = 4,
	PORT_16650 = 6, PORT_16750 = 8, ASYNCB_SPD_HI = 4, ASYNCB_SPD_VHI = 5, ASYNCB_SPD_CUST = 3,
	ASYNC_SPD_HI = (1U << ASYNCB_SPD_HI), ASYNC_SPD_VHI = (1U << ASYNCB_SPD_VHI),
	ASYNC_SPD_CUST = (1U << ASYNCB_SPD_CUST), ASYNC_SPD_SHI = (ASYNC_SPD_HI | ASYNC_SPD_VHI),
	ASYNC_SPD_WARP = (ASYNC_SPD_HI | ASYNC_SPD_CUST),
	ASYNC_SPD_MASK = (ASYNC_SPD_HI | ASYNC_SPD_VHI | ASYNC_SPD_CUST),
	ASYNC_LOW_LATENCY = (1U << 13), ASYNC_CLOSING_WAIT_INF = 0, ASYNC_CLOSING_WAIT_NONE = 65535,
	ASYNC_USR_MASK = 0x3430, ASYNC_FLAGS = 0x7FFF, UART_RX = 0, UART_TX = 0, UART_DLL = 0,
	UART_DLM = 1, UART_IER = 1, UART_IER_RDI = 0x01, UART_IER_THRI = 0x02, UART_IER_RLSI = 0x04,
	UART_IER_MSI = 0x08, UART_IIR = 2, UART_IIR_NO_INT = 0x01, UART_IIR_ID = 0x0e,
	UART_IIR_MSI = 0x00, UART_IIR_THRI = 0x02, UART_IIR_RDI = 0x04, UART_IIR_RLSI = 0x06,
	UART_FCR = 2, UART_FCR_ENABLE_FIFO = 0x01, UART_FCR_CLEAR_RCVR = 0x02,
	UART_FCR_CLEAR_XMIT = 0x04, UART_FCR_TRIGGER_1 = 0x00, UART_FCR_DMA_SELECT = 0x08,
	UART_FCR_TRIGGER_MASK = 0xC0, UART_FCR_TRIGGER_4 = 0x40, UART_FCR_TRIGGER_8 = 0x80,
	UART_FCR_TRIGGER_14 = 0xc0, UART_EFR = 2, UART_EFR_ECB = 0x10, UART_EFR_SCD = 0x20,
	UART_EFR_RTS = 0x40, UART_EFR_CTS = 0x80, UART_LCR = 3, UART_LCR_WLEN5 = 0x00,
	UART_LCR_WLEN6 = 0x01, UART_LCR_WLEN7 = 0x02, UART_LCR_WLEN8 = 0x03,
};
#define UART_LCR_WLEN(x) ((x) - 5)
enum {
	UART_LCR_STOP = 0x04, UART_LCR_PARITY = 0x08, UART_LCR_EPAR = 0x10, UART_LCR_SPAR = 0x20,
	UART_LCR_SBC = 0x40, UART_LCR_DLAB = 0x80, UART_MCR = 4, UART_MCR_DTR = 0x01,
	UART_MCR_RTS = 0x02, UART_MCR_OUT1 = 0x04, UART_MCR_OUT2 = 0x08, UART_MCR_LOOP = 0x10,
	UART_MCR_AFE = 0x20, UART_MCR_XONANY = 0x20, UART_MCR_TCRTLR = 0x40, UART_MCR_CLKSEL = 0x80,
	UART_LSR = 5, UART_LSR_DR = 0x01, UART_LSR_OE = 0x02, UART_LSR_PE = 0x04, UART_LSR_FE = 0x08,
	UART_LSR_BI = 0x10, UART_LSR_THRE = 0x20, UART_LSR_TEMT = 0x40, UART_LSR_FIFOE = 0x80,
	UART_LSR_BRK_ERROR_BITS = 0x1E, UART_MSR = 6, UART_MSR_DCTS = 0x01, UART_MSR_DDSR = 0x02,
	UART_MSR_TERI = 0x04, UART_MSR_DDCD = 0x08, UART_MSR_ANY_DELTA = 0x0F, UART_MSR_CTS = 0x10,
	UART_MSR_DSR = 0x20, UART_MSR_RI = 0x40, UART_MSR_DCD = 0x80, UART_SCR = 7,
};

/* ---- tty core ------------------------------------------------------- */
enum {
	TTY_NORMAL = 0, TTY_BREAK = 1, TTY_FRAME = 2, TTY_PARITY = 3, TTY_OVERRUN = 4,
	TTY_THROTTLED = 0, TTY_IO_ERROR = 1, TTY_OTHER_CLOSED = 2, TTY_EXCLUSIVE = 3,
	TTY_DO_WRITE_WAKEUP = 5, TTY_LDISC_OPEN = 11, TTY_HUPPED = 18, TTY_HUPPING = 19,
	TTY_DRIVER_INSTALLED = 0x0001, TTY_DRIVER_RESET_TERMIOS = 0x0002,
	TTY_DRIVER_REAL_RAW = 0x0004, TTY_DRIVER_DYNAMIC_DEV = 0x0008,
	TTY_DRIVER_TYPE_SERIAL = 0x0003, SERIAL_TYPE_NORMAL = 1, N_TTY = 0, TTY_PORT_INITIALIZED = 0,
	TTY_PORT_SUSPENDED = 1, TTY_PORT_ACTIVE = 2, TTY_PORT_CTS_FLOW = 3, TTY_PORT_CHECK_CD = 4,
	TTY_PORT_KOPENED = 5,
};
struct tty_struct;
struct tty_driver;
struct tty_port;
struct tty_operations;
struct tty_ldisc;
struct tty_buffer;
struct tty_bufhead {
	struct tty_buffer *head;
	struct work_struct work;
	struct mutex lock;
	atomic_t priority;
	int mem_used, mem_limit;
	struct tty_buffer *tail;
};
struct tty_port_operations {
	int (*carrier_raised)(struct tty_port *port);
	void (*dtr_rts)(struct tty_port *port, int raise);
	void (*shutdown)(struct tty_port *port);
	int (*activate)(struct tty_port *port, struct tty_struct *tty);
	void (*destruct)(struct tty_port *port);
};
struct tty_port {
	struct tty_bufhead buf;
	struct tty_struct *tty, *itty;
	const struct tty_port_operations *ops;
	const void *client_ops;
	spinlock_t lock;
	int blocked_open, count;
	wait_queue_head_t open_wait, delta_msr_wait;
	unsigned long flags, iflags;
	unsigned char console:1;
	struct mutex mutex, buf_mutex;
	unsigned char *xmit_buf;
	struct kfifo xmit_fifo;
	unsigned int close_delay, closing_wait;
	int drain_delay;
	struct kref kref;
	void *client_data;
};
struct ld_semaphore {
	atomic_long_t count;
	raw_spinlock_t wait_lock;
	unsigned int wait_readers;
	struct list_head read_wait, write_wait;
};
struct tty_ldisc_ops {
	char *name;
	int num;
	int (*open)(struct tty_struct *tty);
	void (*close)(struct tty_struct *tty);
	void (*flush_buffer)(struct tty_struct *tty);
	ssize_t (*read)();
	ssize_t (*write)();
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
	void (*set_termios)();
	__poll_t (*poll)(struct tty_struct *tty, struct file *file, struct poll_table_struct *wait);
	void (*hangup)(struct tty_struct *tty);
	void (*receive_buf)();
	void (*write_wakeup)(struct tty_struct *tty);
	void (*dcd_change)(struct tty_struct *tty, unsigned int status);
	int (*receive_buf2)();
	struct module *owner;
};
struct tty_ldisc {
	struct tty_ldisc_ops *ops;
	struct tty_struct *tty;
};
struct tty_operations {
	struct tty_struct *(*lookup)(struct tty_driver *driver, struct file *filp, int idx);
	int (*install)(struct tty_driver *driver, struct tty_struct *tty);
	void (*remove)(struct tty_driver *driver, struct tty_struct *tty);
	int (*open)(struct tty_struct *tty, struct file *filp);
	void (*close)(struct tty_struct *tty, struct file *filp);
	void (*shutdown)(struct tty_struct *tty);
	void (*cleanup)(struct tty_struct *tty);
	int (*write)(struct tty_struct *tty, const unsigned char *buf, int count);
	int (*put_char)(struct tty_struct *tty, unsigned char ch);
	void (*flush_chars)(struct tty_struct *tty);
	unsigned int (*write_room)(struct tty_struct *tty);
	unsigned int (*chars_in_buffer)(struct tty_struct *tty);
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
	long (*compat_ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
	void (*set_termios)();          /* (tty, [const] struct ktermios *old) */
	void (*throttle)(struct tty_struct *tty);
	void (*unthrottle)(struct tty_struct *tty);
	void (*stop)(struct tty_struct *tty);
	void (*start)(struct tty_struct *tty);
	void (*hangup)(struct tty_struct *tty);
	int (*break_ctl)(struct tty_struct *tty, int state);
	void (*flush_buffer)(struct tty_struct *tty);
	void (*set_ldisc)(struct tty_struct *tty);
	void (*wait_until_sent)(struct tty_struct *tty, int timeout);
	void (*send_xchar)(struct tty_struct *tty, char ch);
	int (*tiocmget)(struct tty_struct *tty);
	int (*tiocmset)(struct tty_struct *tty, unsigned int set, unsigned int clear);
	int (*resize)(struct tty_struct *tty, struct winsize *ws);
	int (*get_icount)(struct tty_struct *tty, struct serial_icounter_struct *icount);
	int (*get_serial)(struct tty_struct *tty, struct serial_struct *p);
	int (*set_serial)(struct tty_struct *tty, struct serial_struct *p);
	void (*show_fdinfo)(struct tty_struct *tty, struct seq_file *m);
	int (*proc_show)(struct seq_file *m, void *driver);
};
struct tty_struct {
	struct kref kref;
	struct ld_semaphore ldisc_sem;
	int index;
	struct device *dev;
	struct tty_driver *driver;
	struct tty_port *port;
	const struct tty_operations *ops;
	struct tty_ldisc *ldisc;
	struct mutex atomic_write_lock, legacy_mutex, throttle_mutex;
	struct rw_semaphore termios_rwsem;
	struct mutex winsize_mutex;
	struct ktermios termios, termios_locked;
	char name[64];
	unsigned long flags;
	int count;
	struct winsize winsize;
	struct {
		spinlock_t lock;
		bool stopped, tco_stopped;
	} flow;
	struct {
		spinlock_t lock;
		unsigned char pktstatus;
		bool packet;
	} ctrl;
	bool hw_stopped, closing;
	int flow_change;
	struct tty_struct *link;
	struct fasync_struct *fasync;
	wait_queue_head_t write_wait, read_wait;
	struct work_struct hangup_work;
	void *disc_data, *driver_data;
	spinlock_t files_lock;
	struct list_head tty_files;
	int write_cnt;
	unsigned char *write_buf;
	struct work_struct SAK_work;
};
struct tty_driver {
	struct kref kref;
	struct cdev **cdevs;
	struct module *owner;
	const char *driver_name, *name;
	int name_base, major, minor_start;
	unsigned int num;
	short type, subtype;
	struct ktermios init_termios;
	unsigned long flags;
	struct tty_driver *other;
	struct tty_struct **ttys;
	struct tty_port **ports;
	struct ktermios **termios;
	void *driver_state;
	const struct tty_operations *ops;
	struct list_head tty_drivers;
};
#define C_BAUD(tty) ((tty)->termios.c_cflag & CBAUD)
#define C_CSIZE(tty) ((tty)->termios.c_cflag & CSIZE)
#define C_CSTOPB(tty) ((tty)->termios.c_cflag & CSTOPB)
#define C_CREAD(tty) ((tty)->termios.c_cflag & CREAD)
#define C_PARENB(tty) ((tty)->termios.c_cflag & PARENB)
#define C_PARODD(tty) ((tty)->termios.c_cflag & PARODD)
#define C_HUPCL(tty) ((tty)->termios.c_cflag & HUPCL)
#define C_CLOCAL(tty) ((tty)->termios.c_cflag & CLOCAL)
#define C_CIBAUD(tty) ((tty)->termios.c_cflag & CIBAUD)
#define C_CRTSCTS(tty) ((tty)->termios.c_cflag & CRTSCTS)
#define C_CMSPAR(tty) ((tty)->termios.c_cflag & CMSPAR)
#define I_IGNBRK(tty) ((tty)->termios.c_iflag & IGNBRK)
#define I_BRKINT(tty) ((tty)->termios.c_iflag & BRKINT)
#define I_IGNPAR(tty) ((tty)->termios.c_iflag & IGNPAR)
#define I_PARMRK(tty) ((tty)->termios.c_iflag & PARMRK)
#define I_INPCK(tty) ((tty)->termios.c_iflag & INPCK)
#define I_ISTRIP(tty) ((tty)->termios.c_iflag & ISTRIP)
#define I_INLCR(tty) ((tty)->termios.c_iflag & INLCR)
#define I_IGNCR(tty) ((tty)->termios.c_iflag & IGNCR)
#define I_ICRNL(tty) ((tty)->termios.c_iflag & ICRNL)
#define I_IUCLC(tty) ((tty)->termios.c_iflag & IUCLC)
#define I_IXON(tty) ((tty)->termios.c_iflag & IXON)
#define I_IXANY(tty) ((tty)->termios.c_iflag & IXANY)
#define I_IXOFF(tty) ((tty)->termios.c_iflag & IXOFF)
#define I_IMAXBEL(tty) ((tty)->termios.c_iflag & IMAXBEL)
#define I_IUTF8(tty) ((tty)->termios.c_iflag & IUTF8)
#define O_OPOST(tty) ((tty)->termios.c_oflag & OPOST)
#define O_ONLCR(tty) ((tty)->termios.c_oflag & ONLCR)
#define L_ISIG(tty) ((tty)->termios.c_lflag & ISIG)
#define L_ICANON(tty) ((tty)->termios.c_lflag & ICANON)
#define L_ECHO(tty) ((tty)->termios.c_lflag & ECHO)
#define L_IEXTEN(tty) ((tty)->termios.c_lflag & IEXTEN)
#define INTR_CHAR(tty) ((tty)->termios.c_cc[VINTR])
#define QUIT_CHAR(tty) ((tty)->termios.c_cc[VQUIT])
#define ERASE_CHAR(tty) ((tty)->termios.c_cc[VERASE])
#define KILL_CHAR(tty) ((tty)->termios.c_cc[VKILL])
#define EOF_CHAR(tty) ((tty)->termios.c_cc[VEOF])
#define START_CHAR(tty) ((tty)->termios.c_cc[VSTART])
#define STOP_CHAR(tty) ((tty)->termios.c_cc[VSTOP])
#define SUSP_CHAR(tty) ((tty)->termios.c_cc[VSUSP])
extern struct ktermios tty_std_termios;
speed_t tty_get_baud_rate(struct tty_struct *tty);
speed_t tty_termios_baud_rate(const struct ktermios *termios);
speed_t tty_termios_input_baud_rate(const struct ktermios *termios);
void tty_termios_encode_baud_rate(struct ktermios *termios, speed_t ibaud, speed_t obaud);
void tty_encode_baud_rate(struct tty_struct *tty, speed_t ibaud, speed_t obaud);
void tty_termios_copy_hw(struct ktermios *new, const struct ktermios *old);
bool tty_termios_hw_change(const struct ktermios *a, const struct ktermios *b);
unsigned char tty_get_char_size(unsigned int cflag);
unsigned char tty_get_frame_size(unsigned int cflag);
int tty_insert_flip_string(struct tty_port *port, const unsigned char *chars, size_t size);
int tty_insert_flip_string_fixed_flag(struct tty_port *port, const unsigned char *chars, char flag, size_t size);
int tty_insert_flip_string_flags(struct tty_port *port, const unsigned char *chars, const char *flags, size_t size);
int tty_insert_flip_char(struct tty_port *port, unsigned char ch, char flag);
int tty_buffer_request_room(struct tty_port *port, size_t size);
int tty_prepare_flip_string(struct tty_port *port, unsigned char **chars, size_t size);
void tty_flip_buffer_push(struct tty_port *port);
struct tty_struct *tty_port_tty_get(struct tty_port *port);
void tty_port_tty_set(struct tty_port *port, struct tty_struct *tty);
void tty_kref_put(struct tty_struct *tty);
struct tty_struct *tty_kref_get(struct tty_struct *tty);
void tty_port_tty_hangup(struct tty_port *port, bool check_clocal);
void tty_port_tty_wakeup(struct tty_port *port);
void tty_port_init(struct tty_port *port);
void tty_port_destroy(struct tty_port *port);
void tty_port_put(struct tty_port *port);
void tty_port_hangup(struct tty_port *port);
int tty_port_open(struct tty_port *port, struct tty_struct *tty, struct file *filp);
void tty_port_close(struct tty_port *port, struct tty_struct *tty, struct file *filp);
int tty_port_install(struct tty_port *port, struct tty_driver *driver, struct tty_struct *tty);
bool tty_port_initialized(const struct tty_port *port);
void tty_port_set_initialized(struct tty_port *port, bool val);
bool tty_port_cts_enabled(const struct tty_port *port);
void tty_port_set_cts_flow(struct tty_port *port, bool val);
bool tty_port_check_carrier(const struct tty_port *port);
void tty_port_set_check_carrier(struct tty_port *port, bool val);
bool tty_port_carrier_raised(struct tty_port *port);
void tty_port_raise_dtr_rts(struct tty_port *port);
void tty_port_lower_dtr_rts(struct tty_port *port);
int tty_port_block_til_ready(struct tty_port *port, struct tty_struct *tty, struct file *filp);
void tty_wakeup(struct tty_struct *tty);
void tty_hangup(struct tty_struct *tty);
void tty_vhangup(struct tty_struct *tty);
bool tty_hung_up_p(struct file *filp);
const char *tty_name(const struct tty_struct *tty);
unsigned int tty_write_room(struct tty_struct *tty);
unsigned int tty_chars_in_buffer(struct tty_struct *tty);
bool tty_throttled(struct tty_struct *tty);
void tty_throttle(struct tty_struct *tty);
void tty_unthrottle(struct tty_struct *tty);
void tty_lock(struct tty_struct *tty);
void tty_unlock(struct tty_struct *tty);
int tty_standard_install(struct tty_driver *driver, struct tty_struct *tty);
void tty_driver_kref_put(struct tty_driver *driver);
struct tty_driver *tty_alloc_driver(unsigned int lines, unsigned long flags);
int tty_register_driver(struct tty_driver *driver);
void tty_unregister_driver(struct tty_driver *driver);
struct device *tty_port_register_device(struct tty_port *port, struct tty_driver *driver, unsigned int index,
					struct device *device);
void tty_unregister_device(struct tty_driver *driver, unsigned int index);
int tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
int tty_perform_flush(struct tty_struct *tty, unsigned long arg);
void tty_set_operations(struct tty_driver *driver, const struct tty_operations *op);
void handle_sysrq(int key);
int tty_put_char(struct tty_struct *tty, unsigned char c);
struct tty_ldisc *tty_ldisc_ref(struct tty_struct *tty);
struct tty_ldisc *tty_ldisc_ref_wait(struct tty_struct *tty);
void tty_ldisc_deref(struct tty_ldisc *ld);
void tty_ldisc_flush(struct tty_struct *tty);
void init_ldsem(struct ld_semaphore *sem);
void tty_init_termios(struct tty_struct *tty);
void tty_save_termios(struct tty_struct *tty);
void tty_port_tty_vhangup(struct tty_port *port);
struct device *tty_port_register_device_attr(struct tty_port *port, struct tty_driver *driver, unsigned int index,
					     struct device *device, void *drvdata,
					     const struct attribute_group **attr_grp);
void tty_port_unregister_device(struct tty_port *port, struct tty_driver *driver, unsigned int index);
void tty_port_link_device(struct tty_port *port, struct tty_driver *driver, unsigned int index);
int tty_port_alloc_xmit_buf(struct tty_port *port);
void tty_port_free_xmit_buf(struct tty_port *port);

/* ---- USB serial core ------------------------------------------------ */
enum {
	MAX_NUM_PORTS = 16, USB_SERIAL_WRITE_BUSY = 0, USB_SERIAL_THROTTLED = 1,
};
struct usb_serial;
struct usb_serial_port {
	struct usb_serial *serial;
	struct tty_port port;
	spinlock_t lock;
	u32 minor;
	u8 port_number;
	unsigned char *interrupt_in_buffer;
	struct urb *interrupt_in_urb;
	__u8 interrupt_in_endpointAddress;
	unsigned char *interrupt_out_buffer;
	int interrupt_out_size;
	struct urb *interrupt_out_urb;
	__u8 interrupt_out_endpointAddress;
	unsigned char *bulk_in_buffer;
	int bulk_in_size;
	struct urb *read_urb;
	__u8 bulk_in_endpointAddress;
	unsigned char *bulk_in_buffers[2];
	struct urb *read_urbs[2];
	unsigned long read_urbs_free;
	unsigned char *bulk_out_buffer;
	int bulk_out_size;
	struct urb *write_urb;
	struct kfifo write_fifo;
	unsigned char *bulk_out_buffers[2];
	struct urb *write_urbs[2];
	unsigned long write_urbs_free;
	__u8 bulk_out_endpointAddress;
	struct async_icount icount;
	int tx_bytes;
	unsigned long flags;
	struct work_struct work;
	unsigned long sysrq;
	struct device dev;
};
#define to_usb_serial_port(d) container_of(d, struct usb_serial_port, dev)
struct usb_serial_driver;
struct usb_serial {
	struct usb_device *dev;
	struct usb_serial_driver *type;
	struct usb_interface *interface, *sibling;
	unsigned int suspend_count;
	unsigned char disconnected:1, attached:1, minors_reserved:1, num_ports;
	unsigned char num_port_pointers, num_interrupt_in, num_interrupt_out, num_bulk_in;
	unsigned char num_bulk_out;
	struct usb_serial_port *port[MAX_NUM_PORTS];
	struct kref kref;
	struct mutex disc_mutex;
	void *private;
};
struct usb_serial_endpoints {
	unsigned char num_bulk_in, num_bulk_out, num_interrupt_in, num_interrupt_out;
	struct usb_endpoint_descriptor *bulk_in[MAX_NUM_PORTS], *bulk_out[MAX_NUM_PORTS];
	struct usb_endpoint_descriptor *interrupt_in[MAX_NUM_PORTS];
	struct usb_endpoint_descriptor *interrupt_out[MAX_NUM_PORTS];
};
struct usb_serial_driver {
	const char *description;
	const struct usb_device_id *id_table;
	struct list_head driver_list;
	struct device_driver driver;
	struct usb_driver *usb_driver;
	struct usb_dynids dynids;
	unsigned char num_ports, num_bulk_in, num_bulk_out, num_interrupt_in;
	unsigned char num_interrupt_out;
	size_t bulk_in_size, bulk_out_size;
	int (*probe)(struct usb_serial *serial, const struct usb_device_id *id);
	int (*attach)(struct usb_serial *serial);
	int (*calc_num_ports)(struct usb_serial *serial, struct usb_serial_endpoints *epds);
	void (*disconnect)(struct usb_serial *serial);
	void (*release)(struct usb_serial *serial);
	int (*port_probe)(struct usb_serial_port *port);
	void (*port_remove)(struct usb_serial_port *port);
	int (*suspend)(struct usb_serial *serial, pm_message_t message);
	int (*resume)(struct usb_serial *serial);
	int (*reset_resume)(struct usb_serial *serial);
	int (*open)(struct tty_struct *tty, struct usb_serial_port *port);
	void (*close)(struct usb_serial_port *port);
	int (*write)(struct tty_struct *tty, struct usb_serial_port *port, const unsigned char *buf, int count);
	unsigned int (*write_room)(struct tty_struct *tty);
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
	void (*get_serial)(struct tty_struct *tty, struct serial_struct *ss);
	int (*set_serial)(struct tty_struct *tty, struct serial_struct *ss);
	void (*set_termios)();          /* (tty, port, [const] struct ktermios *old) */
	void (*break_ctl)(struct tty_struct *tty, int break_state);
	unsigned int (*chars_in_buffer)(struct tty_struct *tty);
	void (*wait_until_sent)(struct tty_struct *tty, long timeout);
	bool (*tx_empty)(struct usb_serial_port *port);
	void (*throttle)(struct tty_struct *tty);
	void (*unthrottle)(struct tty_struct *tty);
	int (*tiocmget)(struct tty_struct *tty);
	int (*tiocmset)(struct tty_struct *tty, unsigned int set, unsigned int clear);
	int (*tiocmiwait)(struct tty_struct *tty, unsigned long arg);
	int (*get_icount)(struct tty_struct *tty, struct serial_icounter_struct *icount);
	void (*dtr_rts)(struct usb_serial_port *port, int on);
	int (*carrier_raised)(struct usb_serial_port *port);
	void (*init_termios)(struct tty_struct *tty);
	void (*read_int_callback)(struct urb *urb);
	void (*write_int_callback)(struct urb *urb);
	void (*read_bulk_callback)(struct urb *urb);
	void (*write_bulk_callback)(struct urb *urb);
	void (*process_read_urb)(struct urb *urb);
	int (*prepare_write_buffer)(struct usb_serial_port *port, void *dest, size_t size);
};
#define to_usb_serial_driver(d) container_of(d, struct usb_serial_driver, driver)
int usb_serial_register_drivers(struct usb_serial_driver *const serial_drivers[], const char *name,
				const struct usb_device_id *id_table);
void usb_serial_deregister_drivers(struct usb_serial_driver *const serial_drivers[]);
void usb_serial_port_softint(struct usb_serial_port *port);
int usb_serial_suspend(struct usb_interface *intf, pm_message_t message);
int usb_serial_resume(struct usb_interface *intf);
void *usb_get_serial_port_data(struct usb_serial_port *port);
void usb_set_serial_port_data(struct usb_serial_port *port, void *data);
void *usb_get_serial_data(struct usb_serial *serial);
void usb_set_serial_data(struct usb_serial *serial, void *data);
int usb_serial_generic_open(struct tty_struct *tty, struct usb_serial_port *port);
void usb_serial_generic_close(struct usb_serial_port *port);
int usb_serial_generic_write(struct tty_struct *tty, struct usb_serial_port *port, const unsigned char *buf, int count);
unsigned int usb_serial_generic_write_room(struct tty_struct *tty);
unsigned int usb_serial_generic_chars_in_buffer(struct tty_struct *tty);
void usb_serial_generic_wait_until_sent(struct tty_struct *tty, long timeout);
void usb_serial_generic_read_bulk_callback(struct urb *urb);
void usb_serial_generic_write_bulk_callback(struct urb *urb);
void usb_serial_generic_throttle(struct tty_struct *tty);
void usb_serial_generic_unthrottle(struct tty_struct *tty);
int usb_serial_generic_tiocmiwait(struct tty_struct *tty, unsigned long arg);
int usb_serial_generic_get_icount(struct tty_struct *tty, struct serial_icounter_struct *icount);
int usb_serial_generic_submit_read_urbs(struct usb_serial_port *port, gfp_t mem_flags);
void usb_serial_generic_process_read_urb(struct urb *urb);
int usb_serial_generic_prepare_write_buffer(struct usb_serial_port *port, void *dest, size_t size);
int usb_serial_generic_write_start(struct usb_serial_port *port, gfp_t mem_flags);
int usb_serial_generic_resume(struct usb_serial *serial);
int usb_serial_handle_sysrq_char(struct usb_serial_port *port, unsigned int ch);
int usb_serial_handle_break(struct usb_serial_port *port);
void usb_serial_handle_dcd_change(struct usb_serial_port *usb_port, struct tty_struct *tty, unsigned int status);
/* usb-serial core internals exported through the public header */
extern struct tty_driver *usb_serial_tty_driver;
extern struct bus_type usb_serial_bus_type;
#define to_usb_serial(d) container_of(d, struct usb_serial, kref)
struct usb_serial_port *usb_serial_port_get_by_minor(unsigned int minor);
void usb_serial_put(struct usb_serial *serial);
int usb_serial_claim_interface(struct usb_serial *serial, struct usb_interface *intf);
void usb_serial_console_init(int minor);
void usb_serial_console_exit(void);
void usb_serial_console_disconnect(struct usb_serial *serial);
int usb_serial_generic_register(void);
void usb_serial_generic_deregister(void);
int usb_serial_bus_register(struct usb_serial_driver *device);
void usb_serial_bus_deregister(struct usb_serial_driver *device);
void dev_err_console(struct usb_serial_port *port, const char *fmt, ...);
void usb_serial_debug_data(struct device *dev, const char *function, int size, const unsigned char *data);
int ezusb_fx1_set_reset(struct usb_device *dev, unsigned char reset_bit);
int ezusb_fx1_ihex_firmware_download(struct usb_device *dev, const char *firmware_path);
#define module_usb_serial_driver(__serial_drivers, __ids) \
	static int __drvlint_usb_serial_init(void) \
	{ return usb_serial_register_drivers(__serial_drivers, KBUILD_MODNAME, __ids); } \
	module_init(__drvlint_usb_serial_init) \
	static void __drvlint_usb_serial_exit(void) \
	{ usb_serial_deregister_drivers(__serial_drivers); } \
	module_exit(__drvlint_usb_serial_exit)

#endif /* DRVLINT_TTY_H */
