// SPDX-License-Identifier: GPL-2.0
/*
 * Bug pattern: usb_control_msg() (a synchronous, sleeping USB transfer)
 * inside a spin_lock_bh() region of a sysfs store.
 *
 * Models fixes like "send the relay command outside the state lock" in USB
 * relay/GPIO boards: the relay mask is protected by a BH-safe spinlock
 * because the pulse timer also clears bits in it, and the store updates the
 * mask and sends the vendor SET request while still holding the lock.  The
 * fix updates the cached mask under the lock and sends the request after
 * spin_unlock_bh(), as the deferred-off work already does.
 * Fixed twin: the SET request is sent after spin_unlock_bh().
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/sysfs.h>

#define URELAY_REQ_SET_STATE	0x01
#define URELAY_RT_OUT		(USB_DIR_OUT | USB_TYPE_VENDOR | USB_RECIP_DEVICE)
#define URELAY_TIMEOUT_MS	500
#define URELAY_PULSE_MS		200

struct urelay {
	struct usb_device *udev;
	struct usb_interface *intf;
	spinlock_t lock;		/* state and pulse_mask, shared with the timer */
	u8 state;
	u8 pulse_mask;
	struct timer_list pulse_timer;
	struct work_struct off_work;
};

static int urelay_send(struct urelay *rl, u8 mask)
{
	return usb_control_msg(rl->udev, usb_sndctrlpipe(rl->udev, 0), URELAY_REQ_SET_STATE,
			       URELAY_RT_OUT, mask, 0, NULL, 0, URELAY_TIMEOUT_MS);
}

static void urelay_pulse_timeout(struct timer_list *t)
{
	struct urelay *rl = from_timer(rl, t, pulse_timer);

	spin_lock(&rl->lock);
	rl->state &= ~rl->pulse_mask;
	rl->pulse_mask = 0;
	spin_unlock(&rl->lock);
	schedule_work(&rl->off_work);
}

static void urelay_off_work(struct work_struct *work)
{
	struct urelay *rl = container_of(work, struct urelay, off_work);
	u8 mask;

	spin_lock_bh(&rl->lock);
	mask = rl->state;
	spin_unlock_bh(&rl->lock);
	urelay_send(rl, mask);
}

static ssize_t state_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct urelay *rl = usb_get_intfdata(to_usb_interface(dev));
	struct usb_device *udev = rl->udev;
	unsigned int pipe = usb_sndctrlpipe(udev, 0);
	u8 mask;
	int ret;

	ret = kstrtou8(buf, 0, &mask);
	if (ret)
		return ret;

	spin_lock_bh(&rl->lock);
	rl->state = mask;
	rl->pulse_mask = 0;
	spin_unlock_bh(&rl->lock);
	ret = usb_control_msg(udev, pipe, URELAY_REQ_SET_STATE, URELAY_RT_OUT, mask, 0, NULL, 0, URELAY_TIMEOUT_MS);

	return ret < 0 ? ret : count;
}

static ssize_t state_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct urelay *rl = usb_get_intfdata(to_usb_interface(dev));
	u8 mask;

	spin_lock_bh(&rl->lock);
	mask = rl->state;
	spin_unlock_bh(&rl->lock);
	return sysfs_emit(buf, "0x%02x\n", mask);
}
static DEVICE_ATTR_RW(state);

static ssize_t pulse_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct urelay *rl = usb_get_intfdata(to_usb_interface(dev));
	u8 mask, cur;
	int ret;

	ret = kstrtou8(buf, 0, &mask);
	if (ret)
		return ret;

	spin_lock_bh(&rl->lock);
	rl->state |= mask;
	rl->pulse_mask |= mask;
	cur = rl->state;
	spin_unlock_bh(&rl->lock);

	ret = urelay_send(rl, cur);
	if (ret < 0)
		return ret;
	mod_timer(&rl->pulse_timer, jiffies + msecs_to_jiffies(URELAY_PULSE_MS));
	return count;
}
static DEVICE_ATTR_WO(pulse);

static struct attribute *urelay_attrs[] = {
	&dev_attr_state.attr,
	&dev_attr_pulse.attr,
	NULL
};
ATTRIBUTE_GROUPS(urelay);

static int urelay_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct urelay *rl;

	rl = kzalloc(sizeof(*rl), GFP_KERNEL);
	if (!rl)
		return -ENOMEM;
	rl->udev = usb_get_dev(interface_to_usbdev(intf));
	rl->intf = intf;
	spin_lock_init(&rl->lock);
	timer_setup(&rl->pulse_timer, urelay_pulse_timeout, 0);
	INIT_WORK(&rl->off_work, urelay_off_work);
	usb_set_intfdata(intf, rl);

	urelay_send(rl, 0);
	return 0;
}

static void urelay_disconnect(struct usb_interface *intf)
{
	struct urelay *rl = usb_get_intfdata(intf);

	del_timer_sync(&rl->pulse_timer);
	cancel_work_sync(&rl->off_work);
	usb_set_intfdata(intf, NULL);
	usb_put_dev(rl->udev);
	kfree(rl);
}

static const struct usb_device_id urelay_ids[] = {
	{ USB_DEVICE(0x1a2b, 0x7701) },
	{ }
};
MODULE_DEVICE_TABLE(usb, urelay_ids);

static struct usb_driver urelay_driver = {
	.name		= "usbrelay",
	.probe		= urelay_probe,
	.disconnect	= urelay_disconnect,
	.id_table	= urelay_ids,
	.dev_groups	= urelay_groups,
};
module_usb_driver(urelay_driver);
MODULE_LICENSE("GPL");
