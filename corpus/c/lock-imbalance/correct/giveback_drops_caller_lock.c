// SPDX-License-Identifier: GPL-2.0
/*
 * tudc - USB device controller (gadget side) of a small SoC.
 * Models the UDC "giveback" pattern: the completion helper runs with
 * udc->lock held and drops it around the gadget driver's callback (which may
 * queue a new request), re-taking it before returning; an already completed
 * request returns early, lock untouched.  Same around driver->disconnect().
 * Tricky: each helper unlocks a lock it never took and returns with it
 * "held" on one path only; the callers (lock/call/unlock) are balanced.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/usb/gadget.h>

#define TUDC_NUM_EPS		4
#define TUDC_REG_IRQ_STATUS	0x10
#define TUDC_IRQ_RESET		BIT(0)
#define TUDC_IRQ_XFER_DONE(n)	BIT(8 + (n))

struct tudc_req {
	struct usb_request req;
	struct list_head queue;		/* empty once given back */
};

struct tudc_ep {
	struct usb_ep ep;
	struct tudc *udc;
	struct list_head queue;	/* of tudc_req */
};

struct tudc {
	spinlock_t lock;
	struct usb_gadget gadget;
	struct usb_gadget_driver *driver;
	struct tudc_ep eps[TUDC_NUM_EPS];
	void __iomem *regs;
};

static void tudc_giveback(struct tudc_ep *ep, struct tudc_req *req, int status)
{
	struct tudc *udc = ep->udc;

	if (list_empty(&req->queue))
		return;			/* already completed */
	list_del_init(&req->queue);
	if (req->req.status == -EINPROGRESS)
		req->req.status = status;
	spin_unlock(&udc->lock);
	usb_gadget_giveback_request(&ep->ep, &req->req);
	spin_lock(&udc->lock);
}

static void tudc_nuke(struct tudc_ep *ep, int status)
{
	struct tudc_req *req;

	while ((req = list_first_entry_or_null(&ep->queue, struct tudc_req, queue)))
		tudc_giveback(ep, req, status);
}

static void tudc_notify_disconnect(struct tudc *udc)
{
	udc->gadget.speed = USB_SPEED_UNKNOWN;
	if (udc->driver && udc->driver->disconnect) {
		spin_unlock(&udc->lock);
		udc->driver->disconnect(&udc->gadget);
		spin_lock(&udc->lock);
	}
}

static int tudc_ep_dequeue(struct usb_ep *_ep, struct usb_request *_req)
{
	struct tudc_ep *ep = container_of(_ep, struct tudc_ep, ep);
	struct tudc_req *req = container_of(_req, struct tudc_req, req);
	struct tudc *udc = ep->udc;
	unsigned long flags;

	spin_lock_irqsave(&udc->lock, flags);
	tudc_giveback(ep, req, -ECONNRESET);
	spin_unlock_irqrestore(&udc->lock, flags);
	return 0;
}

static irqreturn_t tudc_irq(int irq, void *data)
{
	struct tudc *udc = data;
	u32 status;
	int i;

	spin_lock(&udc->lock);
	status = readl(udc->regs + TUDC_REG_IRQ_STATUS);
	for (i = 0; i < TUDC_NUM_EPS; i++) {
		struct tudc_ep *ep = &udc->eps[i];

		if (status & TUDC_IRQ_RESET)
			tudc_nuke(ep, -ESHUTDOWN);
		else if ((status & TUDC_IRQ_XFER_DONE(i)) && !list_empty(&ep->queue))
			tudc_giveback(ep, list_first_entry(&ep->queue, struct tudc_req, queue), 0);
	}
	if (status & TUDC_IRQ_RESET)
		tudc_notify_disconnect(udc);
	writel(status, udc->regs + TUDC_REG_IRQ_STATUS);
	spin_unlock(&udc->lock);
	return IRQ_HANDLED;
}

static const struct usb_ep_ops tudc_ep_ops __maybe_unused = { .dequeue = tudc_ep_dequeue };

MODULE_LICENSE("GPL");
