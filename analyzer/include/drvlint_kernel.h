/*
 * drvlint_kernel.h - the single header drvlint force-includes (-include)
 * in reduced mode, i.e. when no kernel headers are installed.  In that
 * mode every <linux/...>, <asm/...>, <net/...> include of the driver
 * resolves to an empty file, so everything a typical driver needs is
 * declared by the files below.
 *
 * These are drvlint's own minimal stand-ins written from the documented
 * kernel API signatures.  They are NOT the Linux kernel's headers and
 * contain no kernel code; they exist only so that drivers parse into
 * real call and member expressions with useful types.
 */
#ifndef DRVLINT_KERNEL_H
#define DRVLINT_KERNEL_H

#include "drvlint/types.h"
#include "drvlint/list.h"
#include "drvlint/lock.h"
#include "drvlint/sched.h"
#include "drvlint/alloc.h"
#include "drvlint/device.h"
#include "drvlint/bus.h"
#include "drvlint/fs.h"
#include "drvlint/usb.h"
#include "drvlint/tty.h"
#include "drvlint/net.h"
#include "drvlint/phy.h"
#include "drvlint/usbnet.h"

#endif /* DRVLINT_KERNEL_H */
