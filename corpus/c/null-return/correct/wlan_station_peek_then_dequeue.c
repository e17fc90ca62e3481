// SPDX-License-Identifier: GPL-2.0
/*
 * lfx - a USB WLAN dongle's TX scheduler: per-station data queues served
 * round-robin under the TX lock.
 * Tricky: the scheduler peeks at each connected station's queue until it
 * finds one with a frame, then - still under the same lock, with the same
 * station index - dequeues from that queue and uses the skb unchecked.
 * skb_dequeue() returns NULL only for an empty queue, and the peek just
 * found a frame there: it cannot fail.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/usb.h>

#define LFX_MAX_STA		8
#define LFX_STA_CONNECTED	0x1
#define LFX_STA_FIFO_FULL	0x2

struct lfx_station {
	u8 flag;
	struct sk_buff_head data_list;
};

struct lfx_tx {
	spinlock_t lock;
	struct lfx_station station[LFX_MAX_STA];
};

struct lfx_usb {
	struct usb_device *udev;
	struct lfx_tx tx;
	u8 sidx;
	unsigned long tx_bytes;
};

int lfx_submit(struct lfx_usb *usb, void *data, unsigned int len, struct sk_buff *skb);

void lfx_send_from_data_queue(struct lfx_usb *usb)
{
	struct lfx_tx *tx = &usb->tx;
	struct sk_buff *skb = NULL;
	unsigned long flags;
	u8 last_served;

	spin_lock_irqsave(&tx->lock, flags);
	last_served = usb->sidx;
	do {
		usb->sidx = (usb->sidx + 1) % LFX_MAX_STA;
		if (!(tx->station[usb->sidx].flag & LFX_STA_CONNECTED))
			continue;
		if (!(tx->station[usb->sidx].flag & LFX_STA_FIFO_FULL))
			skb = skb_peek(&tx->station[usb->sidx].data_list);
	} while (usb->sidx != last_served && !skb);

	if (skb) {
		skb = skb_dequeue(&tx->station[usb->sidx].data_list);
		usb->tx_bytes += skb->len;
		lfx_submit(usb, skb->data, skb->len, skb);
	}
	spin_unlock_irqrestore(&tx->lock, flags);
}
EXPORT_SYMBOL_GPL(lfx_send_from_data_queue);

MODULE_LICENSE("GPL");
