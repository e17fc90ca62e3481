"""Reduced-mode parsing with drvlint's own kernel API stand-in header.

When no kernel headers are installed drvlint force-includes
analyzer/include/drvlint_kernel.h and makes every ``#include <...>`` of
the driver resolve to an empty file.  These tests parse small self-written
driver-like snippets that way and check that

* libclang reports no errors (severity >= 3),
* the constructs an analyser cares about come out as real call / member
  expressions with the written names (spin_lock_irqsave, get_user,
  wait_event_interruptible, guard(...) constructors, ...).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

cindex = pytest.importorskip("clang.cindex")

INCLUDE_DIR = Path(__file__).resolve().parents[1] / "analyzer" / "include"
HEADER = INCLUDE_DIR / "drvlint_kernel.h"
BASE_FLAGS = [
    "-nostdinc",
    "-include", str(HEADER),
    "-D__KERNEL__", "-DMODULE", '-DKBUILD_MODNAME="x"',
    "-std=gnu11", "-ferror-limit=0",
]
_INCLUDE_RE = re.compile(r'^\s*#\s*include\s*<([^>]+)>', re.M)


def parse(source: str, tmp_path: Path, name: str = "drv.c", extra=()):
    """Parse `source` in reduced mode; every <...> include is an empty file."""
    empty = tmp_path / "empty_includes"
    for inc in _INCLUDE_RE.findall(source):
        p = empty / inc
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("")
    src = tmp_path / name
    src.write_text(source)
    args = BASE_FLAGS + ["-I" + str(empty), "-I" + str(tmp_path), *extra]
    return cindex.Index.create().parse(str(src), args=args)


def errors(tu):
    return [
        f"{d.location.file}:{d.location.line}: {d.spelling}"
        for d in tu.diagnostics if d.severity >= 3
    ]


def walk(cursor):
    yield cursor
    for child in cursor.get_children():
        yield from walk(child)


def calls(tu, src_name="drv.c"):
    """Names of call expressions whose expansion location is in the driver."""
    out = []
    for c in walk(tu.cursor):
        if c.kind == cindex.CursorKind.CALL_EXPR and c.location.file \
                and c.location.file.name.endswith(src_name):
            out.append(c.spelling)
    return out


def member_refs(tu, src_name="drv.c"):
    return {
        c.spelling for c in walk(tu.cursor)
        if c.kind == cindex.CursorKind.MEMBER_REF_EXPR and c.location.file
        and c.location.file.name.endswith(src_name)
    }


# ---------------------------------------------------------------------------

def test_header_alone_is_clean(tmp_path):
    tu = parse("int drvlint_dummy;\n", tmp_path)
    assert [d.spelling for d in tu.diagnostics] == []


CONSTANTS = r"""
#include <linux/errno.h>
#include <linux/gfp.h>
_Static_assert(EINTR == 4 && EIO == 5 && ENXIO == 6 && EAGAIN == 11, "");
_Static_assert(ENOMEM == 12 && EFAULT == 14 && EBUSY == 16 && ENODEV == 19, "");
_Static_assert(EINVAL == 22 && ENOSPC == 28 && EPIPE == 32 && ERANGE == 34, "");
_Static_assert(EPROTO == 71 && EOVERFLOW == 75 && EOPNOTSUPP == 95, "");
_Static_assert(ECONNRESET == 104 && ESHUTDOWN == 108 && ETIMEDOUT == 110, "");
_Static_assert(EINPROGRESS == 115 && ERESTARTSYS == 512 && ENOTSUPP == 524, "");
_Static_assert(ENOENT == 2 && EPERM == 1, "");
_Static_assert((GFP_KERNEL & ___GFP_DIRECT_RECLAIM) != 0, "GFP_KERNEL may sleep");
_Static_assert((GFP_NOIO & ___GFP_DIRECT_RECLAIM) != 0, "GFP_NOIO may sleep");
_Static_assert((GFP_ATOMIC & ___GFP_DIRECT_RECLAIM) == 0, "GFP_ATOMIC must not sleep");
_Static_assert((GFP_NOWAIT & ___GFP_DIRECT_RECLAIM) == 0, "GFP_NOWAIT must not sleep");
_Static_assert(sizeof(gfp_t) == 4 && sizeof(u64) == 8 && sizeof(__le16) == 2, "");
_Static_assert(BIT(3) == 8 && GENMASK(7, 4) == 0xf0 && ARRAY_SIZE("abc") == 4, "");
_Static_assert(IS_ENABLED(CONFIG_DRVLINT_NOT_SET) == 0, "");
"""


def test_constants(tmp_path):
    assert errors(parse(CONSTANTS, tmp_path)) == []


LOCKING = r"""
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/cleanup.h>

struct foo {
	spinlock_t lock;
	struct mutex mtx;
	struct rw_semaphore sem;
	struct list_head items;
	int count;
	struct rcu_head rcu;
	struct foo __rcu *next;
};
static DEFINE_SPINLOCK(global_lock);
static DEFINE_MUTEX(global_mutex);

static void foo_irqsave(struct foo *f)
{
	unsigned long flags;

	spin_lock_irqsave(&f->lock, flags);
	f->count++;
	spin_unlock_irqrestore(&f->lock, flags);
	if (spin_trylock(&global_lock))
		spin_unlock(&global_lock);
	spin_lock_bh(&f->lock);
	spin_unlock_bh(&f->lock);
}

static int foo_mutex(struct foo *f)
{
	int ret = mutex_lock_interruptible(&f->mtx);

	if (ret)
		return -ERESTARTSYS;
	lockdep_assert_held(&f->mtx);
	mutex_unlock(&f->mtx);
	down_read(&f->sem);
	up_read(&f->sem);
	return mutex_is_locked(&global_mutex);
}

static int foo_guard(struct foo *f)
{
	guard(mutex)(&f->mtx);
	f->count = 0;
	scoped_guard(spinlock_irqsave, &f->lock) {
		f->count++;
	}
	scoped_guard(mutex, &global_mutex)
		f->count--;
	{
		guard(spinlock)(&f->lock);
		guard(rcu)();
		f->count += 2;
	}
	{
		guard(spinlock_irq)(&f->lock);
	}
	{
		guard(spinlock_bh)(&f->lock);
	}
	{
		guard(rwsem_read)(&f->sem);
	}
	{
		guard(rwsem_write)(&f->sem);
	}
	return f->count;
}

static struct foo *foo_rcu(struct foo *f)
{
	struct foo *n;
	void *tmp __free(kfree) = kzalloc(16, GFP_KERNEL);

	rcu_read_lock();
	n = rcu_dereference(f->next);
	rcu_read_unlock();
	rcu_assign_pointer(f->next, n);
	synchronize_rcu();
	kfree_rcu(n, rcu);
	local_irq_disable();
	local_irq_enable();
	preempt_disable();
	preempt_enable();
	might_sleep();
	return tmp ? n : NULL;
}
"""


def test_locking_and_guards(tmp_path):
    tu = parse(LOCKING, tmp_path)
    assert errors(tu) == []
    names = calls(tu)
    for want in ("spin_lock_irqsave", "spin_unlock_irqrestore", "spin_trylock",
                 "mutex_lock_interruptible", "mutex_unlock", "lockdep_assert_held",
                 "down_read", "up_read", "rcu_read_lock", "rcu_dereference",
                 "rcu_assign_pointer", "kfree_rcu", "class_mutex_constructor",
                 "class_spinlock_irqsave_constructor", "class_rcu_constructor",
                 "class_rwsem_write_constructor", "kzalloc"):
        assert want in names, want
    # guard(mutex)(&m) is a variable with a cleanup attribute
    guard_vars = [c for c in walk(tu.cursor) if c.kind == cindex.CursorKind.VAR_DECL
                  and c.type.spelling == "class_mutex_t"]
    assert guard_vars
    # the irqsave flags argument is the written lvalue
    irqsave = next(c for c in walk(tu.cursor) if c.kind == cindex.CursorKind.CALL_EXPR
                   and c.spelling == "spin_lock_irqsave")
    assert len(list(irqsave.get_arguments())) == 2


USB = r"""
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>

#define DRV_VENDOR 0x1234
struct mydev {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct urb *int_urb;
	struct urb *bulk_urb;
	u8 *int_buf;
	dma_addr_t int_dma;
	struct usb_anchor submitted;
	struct mutex io_mutex;
	spinlock_t err_lock;
	int errors;
	bool disconnected;
	wait_queue_head_t wait;
};

static void my_int_complete(struct urb *urb)
{
	struct mydev *dev = urb->context;
	unsigned long flags;

	switch (urb->status) {
	case 0:
		break;
	case -ECONNRESET:
	case -ENOENT:
	case -ESHUTDOWN:
		return;
	default:
		spin_lock_irqsave(&dev->err_lock, flags);
		dev->errors = urb->status;
		spin_unlock_irqrestore(&dev->err_lock, flags);
	}
	dev_dbg(&dev->intf->dev, "len %u\n", urb->actual_length);
	wake_up_interruptible(&dev->wait);
	usb_submit_urb(urb, GFP_ATOMIC);
}

static int my_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *bulk_in, *bulk_out, *int_in;
	struct mydev *dev;
	int ret;
	u8 *buf;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->udev = usb_get_dev(interface_to_usbdev(intf));
	dev->intf = usb_get_intf(intf);
	init_usb_anchor(&dev->submitted);
	mutex_init(&dev->io_mutex);
	spin_lock_init(&dev->err_lock);
	init_waitqueue_head(&dev->wait);
	ret = usb_find_common_endpoints(intf->cur_altsetting, &bulk_in, &bulk_out, &int_in, NULL);
	if (ret)
		goto err;
	dev->int_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->int_urb) {
		ret = -ENOMEM;
		goto err;
	}
	dev->int_buf = usb_alloc_coherent(dev->udev, usb_endpoint_maxp(int_in), GFP_KERNEL, &dev->int_dma);
	usb_fill_int_urb(dev->int_urb, dev->udev, usb_rcvintpipe(dev->udev, int_in->bEndpointAddress),
			 dev->int_buf, usb_endpoint_maxp(int_in), my_int_complete, dev, int_in->bInterval);
	dev->int_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;
	dev->int_urb->transfer_dma = dev->int_dma;
	usb_anchor_urb(dev->int_urb, &dev->submitted);
	ret = usb_submit_urb(dev->int_urb, GFP_KERNEL);
	if (ret) {
		usb_unanchor_urb(dev->int_urb);
		goto err;
	}
	buf = kmalloc(8, GFP_KERNEL);
	ret = usb_control_msg(dev->udev, usb_rcvctrlpipe(dev->udev, 0), 0x01,
			      USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE, 0, 0, buf, 8,
			      USB_CTRL_GET_TIMEOUT);
	kfree(buf);
	dev_info(&intf->dev, "speed %d vendor %04x\n", dev->udev->speed,
		 le16_to_cpu(dev->udev->descriptor.idVendor));
	usb_set_intfdata(intf, dev);
	return 0;
err:
	usb_free_urb(dev->int_urb);
	usb_put_dev(dev->udev);
	kfree(dev);
	return ret;
}

static void my_disconnect(struct usb_interface *intf)
{
	struct mydev *dev = usb_get_intfdata(intf);

	usb_set_intfdata(intf, NULL);
	mutex_lock(&dev->io_mutex);
	dev->disconnected = true;
	mutex_unlock(&dev->io_mutex);
	usb_kill_anchored_urbs(&dev->submitted);
	usb_poison_urb(dev->int_urb);
	usb_free_coherent(dev->udev, 8, dev->int_buf, dev->int_dma);
	usb_free_urb(dev->int_urb);
	usb_put_intf(dev->intf);
	usb_put_dev(dev->udev);
	kfree(dev);
}

static int my_suspend(struct usb_interface *intf, pm_message_t message)
{
	struct mydev *dev = usb_get_intfdata(intf);

	if (PMSG_IS_AUTO(message))
		return -EBUSY;
	usb_kill_anchored_urbs(&dev->submitted);
	return 0;
}

static const struct usb_device_id my_table[] = {
	{ USB_DEVICE(DRV_VENDOR, 0x0001) },
	{ USB_INTERFACE_INFO(USB_CLASS_VENDOR_SPEC, 1, 2) },
	{ USB_DEVICE_AND_INTERFACE_INFO(DRV_VENDOR, 0x0002, 0xff, 0, 0) },
	{ }
};
MODULE_DEVICE_TABLE(usb, my_table);

static struct usb_driver my_driver = {
	.name = "mydrv",
	.probe = my_probe,
	.disconnect = my_disconnect,
	.suspend = my_suspend,
	.id_table = my_table,
	.supports_autosuspend = 1,
	.soft_unbind = 1,
};
module_usb_driver(my_driver);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("nobody");
"""


def test_usb_driver(tmp_path):
    tu = parse(USB, tmp_path)
    assert errors(tu) == []
    names = calls(tu)
    for want in ("usb_alloc_urb", "usb_fill_int_urb", "usb_submit_urb", "usb_rcvintpipe",
                 "usb_control_msg", "usb_kill_anchored_urbs", "usb_poison_urb",
                 "interface_to_usbdev", "usb_set_intfdata", "dev_dbg", "dev_info"):
        assert want in names, want
    assert {"status", "context", "transfer_flags", "cur_altsetting",
            "bEndpointAddress", "descriptor"} <= member_refs(tu)


NET = r"""
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/skbuff.h>

struct mynet {
	struct net_device *ndev;
	struct napi_struct napi;
	struct sk_buff_head txq;
	spinlock_t lock;
	u32 msg_enable;
	struct work_struct reset_work;
};

static netdev_tx_t mynet_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct mynet *priv = netdev_priv(ndev);

	if (skb_padto(skb, ETH_ZLEN))
		return NETDEV_TX_OK;
	skb_queue_tail(&priv->txq, skb);
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += skb->len;
	if (skb_queue_len(&priv->txq) > 16)
		netif_stop_queue(ndev);
	return NETDEV_TX_OK;
}

static int mynet_poll(struct napi_struct *napi, int budget)
{
	struct mynet *priv = container_of(napi, struct mynet, napi);
	struct sk_buff *skb;
	int done = 0;

	while (done < budget) {
		skb = netdev_alloc_skb_ip_align(priv->ndev, 1500);
		if (!skb)
			break;
		skb_put_data(skb, "x", 1);
		skb->protocol = eth_type_trans(skb, priv->ndev);
		napi_gro_receive(napi, skb);
		done++;
	}
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

static int mynet_open(struct net_device *ndev)
{
	struct mynet *priv = netdev_priv(ndev);

	napi_enable(&priv->napi);
	netif_carrier_on(ndev);
	netif_start_queue(ndev);
	netif_dbg(priv, ifup, ndev, "up\n");
	return 0;
}

static int mynet_stop(struct net_device *ndev)
{
	struct mynet *priv = netdev_priv(ndev);

	netif_stop_queue(ndev);
	napi_disable(&priv->napi);
	skb_queue_purge(&priv->txq);
	cancel_work_sync(&priv->reset_work);
	return 0;
}

static void mynet_tx_timeout(struct net_device *ndev, unsigned int txqueue)
{
	struct mynet *priv = netdev_priv(ndev);

	netdev_err(ndev, "tx timeout on queue %u\n", txqueue);
	schedule_work(&priv->reset_work);
}

static void mynet_get_stats64(struct net_device *ndev, struct rtnl_link_stats64 *s)
{
	s->rx_packets = ndev->stats.rx_packets;
}

static const struct net_device_ops mynet_ops = {
	.ndo_open = mynet_open,
	.ndo_stop = mynet_stop,
	.ndo_start_xmit = mynet_xmit,
	.ndo_tx_timeout = mynet_tx_timeout,
	.ndo_get_stats64 = mynet_get_stats64,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

static const struct ethtool_ops mynet_ethtool_ops = {
	.get_link = ethtool_op_get_link,
};

static void mynet_reset(struct work_struct *work)
{
	struct mynet *priv = container_of(work, struct mynet, reset_work);

	rtnl_lock();
	netif_wake_queue(priv->ndev);
	rtnl_unlock();
}

static struct net_device *mynet_create(struct device *parent)
{
	struct net_device *ndev;
	struct mynet *priv;
	u8 addr[ETH_ALEN];

	ndev = alloc_etherdev(sizeof(*priv));
	if (!ndev)
		return NULL;
	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	priv->msg_enable = netif_msg_init(-1, NETIF_MSG_DRV | NETIF_MSG_LINK);
	SET_NETDEV_DEV(ndev, parent);
	ndev->netdev_ops = &mynet_ops;
	ndev->ethtool_ops = &mynet_ethtool_ops;
	ndev->watchdog_timeo = 5 * HZ;
	ndev->features |= NETIF_F_SG | NETIF_F_HW_CSUM;
	eth_random_addr(addr);
	eth_hw_addr_set(ndev, addr);
	skb_queue_head_init(&priv->txq);
	spin_lock_init(&priv->lock);
	INIT_WORK(&priv->reset_work, mynet_reset);
	netif_napi_add(ndev, &priv->napi, mynet_poll, NAPI_POLL_WEIGHT);
	if (register_netdev(ndev)) {
		free_netdev(ndev);
		return NULL;
	}
	return ndev;
}
"""


def test_net_device(tmp_path):
    tu = parse(NET, tmp_path)
    assert errors(tu) == []
    names = calls(tu)
    for want in ("netdev_priv", "napi_gro_receive", "eth_type_trans", "netif_stop_queue",
                 "netdev_dbg", "register_netdev", "netif_napi_add", "INIT_WORK"):
        assert want in names, want


PLATFORM = r"""
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/of.h>
#include <linux/clk.h>

struct mydrv {
	void __iomem *base;
	int irq;
	struct timer_list timer;
	struct work_struct work;
	struct delayed_work poll;
	struct workqueue_struct *wq;
	struct completion done;
	wait_queue_head_t wq_head;
	struct tasklet_struct tasklet;
	struct hrtimer hrt;
	struct clk *clk;
	atomic_t pending;
	unsigned long flags;
	bool ready;
};

static irqreturn_t my_irq(int irq, void *data)
{
	struct mydrv *d = data;
	u32 st = readl(d->base + 0x10);

	if (!st)
		return IRQ_NONE;
	writel(st, d->base + 0x10);
	atomic_inc(&d->pending);
	set_bit(0, &d->flags);
	complete(&d->done);
	tasklet_schedule(&d->tasklet);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t my_thread(int irq, void *data)
{
	struct mydrv *d = data;

	msleep(1);
	d->ready = true;
	wake_up(&d->wq_head);
	return IRQ_HANDLED;
}

static void my_timer(struct timer_list *t)
{
	struct mydrv *d = from_timer(d, t, timer);

	schedule_work(&d->work);
	mod_timer(&d->timer, jiffies + msecs_to_jiffies(100));
}

static void my_work(struct work_struct *work)
{
	struct mydrv *d = container_of(work, struct mydrv, work);

	usleep_range(100, 200);
	queue_delayed_work(d->wq, &d->poll, HZ);
}

static void my_poll(struct work_struct *work)
{
	struct mydrv *d = container_of(to_delayed_work(work), struct mydrv, poll);

	if (time_after(jiffies, d->timer.expires))
		d->ready = false;
}

static void my_tasklet(struct tasklet_struct *t)
{
	struct mydrv *d = from_tasklet(d, t, tasklet);

	clear_bit(0, &d->flags);
}

static enum hrtimer_restart my_hrt(struct hrtimer *t)
{
	hrtimer_forward_now(t, ms_to_ktime(10));
	return HRTIMER_RESTART;
}

static int my_wait(struct mydrv *d)
{
	long left;
	int ret;

	reinit_completion(&d->done);
	left = wait_for_completion_timeout(&d->done, msecs_to_jiffies(500));
	if (!left)
		return -ETIMEDOUT;
	ret = wait_event_interruptible(d->wq_head, d->ready);
	if (ret)
		return ret;
	left = wait_event_timeout(d->wq_head, d->ready || !d->irq, HZ);
	return left ? 0 : -ETIMEDOUT;
}

static int my_probe(struct platform_device *pdev)
{
	struct mydrv *d;
	struct resource *res;
	u32 val;
	int ret;

	d = devm_kzalloc(&pdev->dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	d->base = devm_ioremap_resource(&pdev->dev, res);
	if (IS_ERR(d->base))
		return PTR_ERR(d->base);
	d->clk = devm_clk_get(&pdev->dev, NULL);
	if (IS_ERR(d->clk))
		return dev_err_probe(&pdev->dev, PTR_ERR(d->clk), "no clock\n");
	ret = clk_prepare_enable(d->clk);
	if (ret)
		return ret;
	if (of_property_read_u32(pdev->dev.of_node, "my,val", &val))
		val = 1;
	d->irq = platform_get_irq(pdev, 0);
	if (d->irq < 0)
		return d->irq;
	init_completion(&d->done);
	init_waitqueue_head(&d->wq_head);
	timer_setup(&d->timer, my_timer, 0);
	INIT_WORK(&d->work, my_work);
	INIT_DELAYED_WORK(&d->poll, my_poll);
	tasklet_setup(&d->tasklet, my_tasklet);
	hrtimer_init(&d->hrt, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	d->hrt.function = my_hrt;
	d->wq = alloc_ordered_workqueue("mydrv", WQ_MEM_RECLAIM);
	if (!d->wq)
		return -ENOMEM;
	ret = devm_request_threaded_irq(&pdev->dev, d->irq, my_irq, my_thread,
					IRQF_ONESHOT | IRQF_TRIGGER_RISING, dev_name(&pdev->dev), d);
	if (ret) {
		destroy_workqueue(d->wq);
		return ret;
	}
	platform_set_drvdata(pdev, d);
	mod_timer(&d->timer, jiffies + HZ);
	hrtimer_start(&d->hrt, ms_to_ktime(10), HRTIMER_MODE_REL);
	return my_wait(d);
}

static int my_remove(struct platform_device *pdev)
{
	struct mydrv *d = platform_get_drvdata(pdev);

	del_timer_sync(&d->timer);
	hrtimer_cancel(&d->hrt);
	tasklet_kill(&d->tasklet);
	cancel_work_sync(&d->work);
	cancel_delayed_work_sync(&d->poll);
	flush_workqueue(d->wq);
	destroy_workqueue(d->wq);
	disable_irq(d->irq);
	clk_disable_unprepare(d->clk);
	return 0;
}

static const struct of_device_id my_of_match[] = {
	{ .compatible = "vendor,my" },
	{ }
};
MODULE_DEVICE_TABLE(of, my_of_match);

static struct platform_driver my_driver = {
	.probe = my_probe,
	.remove = my_remove,
	.driver = {
		.name = "my",
		.of_match_table = of_match_ptr(my_of_match),
	},
};
module_platform_driver(my_driver);
MODULE_LICENSE("GPL");
"""


def test_platform_irq_timer_work(tmp_path):
    tu = parse(PLATFORM, tmp_path)
    assert errors(tu) == []
    names = calls(tu)
    for want in ("devm_request_threaded_irq", "timer_setup", "mod_timer", "del_timer_sync",
                 "INIT_WORK", "schedule_work", "queue_delayed_work", "cancel_delayed_work_sync",
                 "wait_for_completion_timeout", "wait_event_interruptible",
                 "wait_event_timeout", "msleep", "usleep_range", "readl", "writel",
                 "tasklet_schedule", "hrtimer_start", "platform_driver_register"):
        assert want in names, want


CHARDEV = r"""
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/poll.h>
#include <linux/list.h>
#include <linux/kref.h>

struct item {
	struct list_head node;
	struct kref ref;
	int val;
};
struct my_cfg {
	u32 a;
	u32 b;
};
#define MY_IOC_MAGIC 'k'
#define MY_GET _IOR(MY_IOC_MAGIC, 1, struct my_cfg)
#define MY_SET _IOW(MY_IOC_MAGIC, 2, struct my_cfg)
#define MY_VAL _IOWR(MY_IOC_MAGIC, 3, int)

static LIST_HEAD(items);
static DEFINE_MUTEX(items_lock);
static DECLARE_WAIT_QUEUE_HEAD(read_wq);
static struct my_cfg cfg;

static void item_release(struct kref *ref)
{
	struct item *it = container_of(ref, struct item, ref);

	list_del(&it->node);
	kfree(it);
}

static long my_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;
	struct item *it, *tmp;
	int val;

	switch (cmd) {
	case MY_GET:
		if (copy_to_user(uarg, &cfg, sizeof(cfg)))
			return -EFAULT;
		return 0;
	case MY_SET:
		if (copy_from_user(&cfg, uarg, sizeof(cfg)))
			return -EFAULT;
		return 0;
	case MY_VAL:
		if (get_user(val, (int __user *)uarg))
			return -EFAULT;
		mutex_lock(&items_lock);
		list_for_each_entry(it, &items, node)
			val += it->val;
		list_for_each_entry_safe(it, tmp, &items, node)
			kref_put(&it->ref, item_release);
		mutex_unlock(&items_lock);
		return put_user(val, (int __user *)uarg);
	default:
		return -ENOTTY;
	}
}

static ssize_t my_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct item *it;
	char *kbuf = memdup_user_nul(buf, min_t(size_t, count, 16));

	if (IS_ERR(kbuf))
		return PTR_ERR(kbuf);
	it = kzalloc(sizeof(*it), GFP_KERNEL);
	if (!it) {
		kfree(kbuf);
		return -ENOMEM;
	}
	kref_init(&it->ref);
	if (kstrtoint(kbuf, 0, &it->val))
		it->val = 0;
	kfree(kbuf);
	mutex_lock(&items_lock);
	list_add_tail(&it->node, &items);
	mutex_unlock(&items_lock);
	wake_up_interruptible(&read_wq);
	return count;
}

static ssize_t my_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char tmp[32];
	int n;

	if (wait_event_interruptible(read_wq, !list_empty(&items)))
		return -ERESTARTSYS;
	n = scnprintf(tmp, sizeof(tmp), "%d\n", list_first_entry(&items, struct item, node)->val);
	return simple_read_from_buffer(buf, count, ppos, tmp, n);
}

static __poll_t my_poll(struct file *file, poll_table *wait)
{
	poll_wait(file, &read_wq, wait);
	return list_empty(&items) ? 0 : (EPOLLIN | EPOLLRDNORM);
}

static int my_open(struct inode *inode, struct file *file)
{
	file->private_data = NULL;
	return nonseekable_open(inode, file);
}

static const struct file_operations my_fops = {
	.owner = THIS_MODULE,
	.open = my_open,
	.read = my_read,
	.write = my_write,
	.poll = my_poll,
	.unlocked_ioctl = my_ioctl,
	.compat_ioctl = my_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice my_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "mymisc",
	.fops = &my_fops,
};
module_misc_device(my_misc);
MODULE_LICENSE("GPL");
"""


def test_chardev_ioctl_lists(tmp_path):
    tu = parse(CHARDEV, tmp_path)
    assert errors(tu) == []
    names = calls(tu)
    for want in ("copy_to_user", "copy_from_user", "get_user", "put_user",
                 "memdup_user_nul", "kref_put", "list_add_tail", "poll_wait",
                 "wait_event_interruptible", "misc_register"):
        assert want in names, want
    get_user = next(c for c in walk(tu.cursor) if c.kind == cindex.CursorKind.CALL_EXPR
                    and c.spelling == "get_user")
    assert len(list(get_user.get_arguments())) == 2


BUSES = r"""
#include <linux/module.h>
#include <linux/i2c.h>
#include <linux/spi/spi.h>
#include <linux/pci.h>
#include <linux/input.h>
#include <linux/usb/serial.h>
#include <linux/tty.h>
#include <linux/tty_flip.h>

static int my_i2c_probe(struct i2c_client *client)
{
	struct input_dev *input;
	s32 v = i2c_smbus_read_byte_data(client, 0x01);
	u8 buf[2];
	struct i2c_msg msgs[] = {
		{ .addr = client->addr, .flags = 0, .len = 1, .buf = buf },
		{ .addr = client->addr, .flags = I2C_M_RD, .len = 2, .buf = buf },
	};

	if (v < 0)
		return v;
	if (i2c_transfer(client->adapter, msgs, ARRAY_SIZE(msgs)) != 2)
		return -EIO;
	input = devm_input_allocate_device(&client->dev);
	if (!input)
		return -ENOMEM;
	input->name = "my";
	input->id.bustype = BUS_I2C;
	__set_bit(EV_KEY, input->evbit);
	input_set_capability(input, EV_KEY, KEY_POWER);
	input_set_abs_params(input, ABS_X, 0, 255, 0, 0);
	input_report_key(input, KEY_POWER, 1);
	input_sync(input);
	i2c_set_clientdata(client, input);
	return input_register_device(input);
}

static void my_i2c_remove(struct i2c_client *client)
{
	struct input_dev *input = i2c_get_clientdata(client);

	input_report_abs(input, ABS_X, 0);
}

static const struct i2c_device_id my_i2c_id[] = { { "my", 0 }, { } };
MODULE_DEVICE_TABLE(i2c, my_i2c_id);
static struct i2c_driver my_i2c_driver = {
	.driver = { .name = "my" },
	.probe_new = my_i2c_probe,
	.remove = my_i2c_remove,
	.id_table = my_i2c_id,
};
module_i2c_driver(my_i2c_driver);

static int my_spi_probe(struct spi_device *spi)
{
	u8 tx[2] = { 0x80, 0 }, rx[2];
	struct spi_transfer t = { .tx_buf = tx, .rx_buf = rx, .len = 2 };
	struct spi_message m;

	spi_message_init(&m);
	spi_message_add_tail(&t, &m);
	spi_set_drvdata(spi, NULL);
	if (spi_sync(spi, &m))
		return -EIO;
	return spi_write_then_read(spi, tx, 1, rx, 1);
}
static struct spi_driver my_spi_driver = {
	.driver = { .name = "myspi" },
	.probe = my_spi_probe,
};

static int my_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	void __iomem *bar;
	u16 cmd;
	int ret = pcim_enable_device(pdev);

	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "my");
	if (ret)
		return ret;
	pci_set_master(pdev);
	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	bar = pci_iomap(pdev, 0, 0);
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_ALL_TYPES);
	if (ret < 0)
		return ret;
	pci_set_drvdata(pdev, bar);
	return request_irq(pci_irq_vector(pdev, 0), NULL, IRQF_SHARED, "my", pdev);
}
static void my_pci_remove(struct pci_dev *pdev)
{
	pci_iounmap(pdev, pci_get_drvdata(pdev));
	pci_release_regions(pdev);
}
static const struct pci_device_id my_pci_ids[] = {
	{ PCI_DEVICE(0x8086, 0x1234) },
	{ 0, }
};
static struct pci_driver my_pci_driver = {
	.name = "my",
	.id_table = my_pci_ids,
	.probe = my_pci_probe,
	.remove = my_pci_remove,
};

struct my_port_priv {
	spinlock_t lock;
	u8 lcr;
};

static int my_serial_open(struct tty_struct *tty, struct usb_serial_port *port)
{
	return usb_serial_generic_open(tty, port);
}

static void my_read_bulk_callback(struct urb *urb)
{
	struct usb_serial_port *port = urb->context;
	unsigned char *data = urb->transfer_buffer;

	if (urb->actual_length) {
		tty_insert_flip_string(&port->port, data, urb->actual_length);
		tty_flip_buffer_push(&port->port);
	}
	usb_submit_urb(port->read_urb, GFP_ATOMIC);
}

static void my_set_termios(struct tty_struct *tty, struct usb_serial_port *port,
			   const struct ktermios *old)
{
	struct my_port_priv *priv = usb_get_serial_port_data(port);
	unsigned long flags;
	speed_t baud = tty_get_baud_rate(tty);

	spin_lock_irqsave(&priv->lock, flags);
	priv->lcr = C_CSIZE(tty) == CS8 ? 3 : 2;
	if (C_CRTSCTS(tty) && baud > 9600)
		priv->lcr |= 0x40;
	spin_unlock_irqrestore(&priv->lock, flags);
}

static int my_port_probe(struct usb_serial_port *port)
{
	struct my_port_priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	spin_lock_init(&priv->lock);
	usb_set_serial_port_data(port, priv);
	return 0;
}

static void my_port_remove(struct usb_serial_port *port)
{
	kfree(usb_get_serial_port_data(port));
}

static const struct usb_device_id my_serial_ids[] = { { USB_DEVICE(0x1234, 0x5678) }, { } };
static struct usb_serial_driver my_serial_device = {
	.driver = { .owner = THIS_MODULE, .name = "myserial" },
	.id_table = my_serial_ids,
	.num_ports = 1,
	.open = my_serial_open,
	.close = usb_serial_generic_close,
	.set_termios = my_set_termios,
	.read_bulk_callback = my_read_bulk_callback,
	.port_probe = my_port_probe,
	.port_remove = my_port_remove,
};
static struct usb_serial_driver *const serial_drivers[] = { &my_serial_device, NULL };
module_usb_serial_driver(serial_drivers, my_serial_ids);
"""


def test_i2c_spi_pci_input_usb_serial(tmp_path):
    tu = parse(BUSES, tmp_path)
    assert errors(tu) == []
    names = calls(tu)
    for want in ("i2c_smbus_read_byte_data", "i2c_transfer", "input_report_key", "spi_sync",
                 "pci_iomap", "tty_insert_flip_string", "usb_serial_register_drivers"):
        assert want in names, want
