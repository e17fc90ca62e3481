// SPDX-License-Identifier: GPL-2.0
/*
 * vmsg - a mailbox IPC link to a co-processor: messages go through one
 * shared sync slot guarded by sync_mutex.
 * Tricky: the message type, carried in the top byte of the message id,
 * decides the lock protocol.  A PAUSE keeps sync_mutex held when the send
 * returns (the link stays quiescent until the co-processor resumes) and
 * the matching RESUME, sent later by another call, does not take it but
 * releases it.  Keeping the lock on the PAUSE path is the function's
 * contract, decided by its msgid parameter, not a leak.
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/io.h>

#define VMSG_TYPE_SHIFT		24
#define VMSG_DATA		1
#define VMSG_PAUSE		10
#define VMSG_RESUME		11
#define VMSG_TYPE(msgid)	((unsigned int)(msgid) >> VMSG_TYPE_SHIFT)
#define VMSG_MAKE(type, port)	(((type) << VMSG_TYPE_SHIFT) | (port))

struct vmsg_link {
	struct mutex sync_mutex;
	void __iomem *slot;
	u32 sent;
};

int vmsg_send_sync(struct vmsg_link *link, int msgid, const void *data, int size)
{
	if (VMSG_TYPE(msgid) != VMSG_RESUME && mutex_lock_killable(&link->sync_mutex))
		return -EAGAIN;

	memcpy_toio(link->slot + 8, data, size);
	writel(size, link->slot + 4);
	writel(msgid, link->slot);
	link->sent++;

	if (VMSG_TYPE(msgid) != VMSG_PAUSE)
		mutex_unlock(&link->sync_mutex);
	return 0;
}
EXPORT_SYMBOL(vmsg_send_sync);

MODULE_LICENSE("GPL");
