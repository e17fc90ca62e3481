"""sleep-in-atomic beyond the corpus: the chain in each report, field registrations, gfp bits from headers,
and the context knowledge the checker reads from rules/."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from drvlint import ir
from drvlint.cli import main
from drvlint.contextmodel import ContextRules
from drvlint.header_consts import parse_gfp_bits
from drvlint.rules import load_rules

from conftest import analyze, require_kernel

CHAIN = r"""
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/netdevice.h>

struct chip { int irq; struct net_device *ndev; };

static void chip_settle(struct chip *c) { msleep(5); }
static void chip_reset(struct chip *c) { chip_settle(c); }

static irqreturn_t chip_irq(int irq, void *data)
{
	struct chip *c = data;

	chip_reset(c);
	return IRQ_HANDLED;
}

static netdev_tx_t chip_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	msleep(1);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops chip_ops = {
	.ndo_start_xmit = chip_xmit,
};

int chip_setup(struct chip *c)
{
	c->ndev->netdev_ops = &chip_ops;
	return request_irq(c->irq, chip_irq, 0, "chip", c);
}
EXPORT_SYMBOL(chip_setup);
"""


def line_of(text: str, source: str = CHAIN) -> int:
    return next(i for i, line in enumerate(source.splitlines(), start=1) if text in line)


def _findings(path, builtin):
    result = analyze(path, builtin=builtin)
    assert not [n for n in result.notifications if n.level == "error"]
    return sorted((f for f in result.findings if f.rule_id == "sleep-in-atomic"), key=lambda f: f.line)


@pytest.mark.parametrize("builtin", [True, False])
def test_report_carries_the_whole_chain(c_source, builtin):
    if not builtin:
        require_kernel()
    irq, xmit = _findings(c_source(CHAIN), builtin)
    # the outermost call, not inside the helpers; then registration, chip_reset, chip_settle, msleep
    assert irq.line == line_of("chip_reset(c);") and irq.function == "chip_irq"
    assert [s.line for s in irq.steps] == [line_of("request_irq("), line_of("chip_reset(c);"),
                                            line_of("chip_settle(c); }"), line_of("msleep(5)")]
    assert "request_irq() in chip_setup()" in irq.steps[0].message
    assert "chip_reset" in irq.message and "msleep" in irq.message
    assert xmit.line == line_of("msleep(1)") and "ndo_start_xmit" in xmit.message
    assert xmit.steps[0].line == line_of(".ndo_start_xmit")  # the ops-table field that registers it


def test_sarif_code_flow_has_each_step(c_source, tmp_path):
    out = tmp_path / "out.sarif"
    result = CliRunner().invoke(main, [str(c_source(CHAIN)), "--builtin-headers", "--select", "sleep-in-atomic",
                                       "--format", "sarif", "-o", str(out)])
    assert result.exit_code == 1, result.output
    results = json.loads(out.read_text())["runs"][0]["results"]
    irq = next(r for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"]
               == line_of("chip_reset(c);"))
    steps = irq["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [s["location"]["physicalLocation"]["region"]["startLine"] for s in steps] == [
        line_of("request_irq("), line_of("chip_reset(c);"), line_of("chip_settle(c); }"), line_of("msleep(5)")]


def test_field_registrations_are_read_from_initialisers_and_assignments(c_source):
    path = c_source(r"""
#include <linux/usb.h>
struct thing { struct urb *urb; };
static void thing_done(struct urb *urb) { }
static int thing_probe(struct usb_interface *intf, const struct usb_device_id *id) { return 0; }
static void thing_disconnect(struct usb_interface *intf) { }
static struct usb_driver thing_driver = { .name = "thing", .probe = thing_probe, .disconnect = thing_disconnect };
void thing_arm(struct thing *t) { t->urb->complete = thing_done; }
""")
    from drvlint.compilation import CompileOptions, setup_for
    from drvlint.parse_c import parse_file

    tu = parse_file(path, setup_for(path, CompileOptions(builtin_headers=True), {}))
    found = {(f.record, f.field, f.function, f.owner) for f in tu.field_inits}
    assert ("usb_driver", "probe", "thing_probe", "thing_driver") in found
    assert ("usb_driver", "disconnect", "thing_disconnect", "thing_driver") in found
    assert ("urb", "complete", "thing_done", "thing_arm") in found


def test_a_callback_slot_inside_an_anonymous_union_belongs_to_the_outer_struct(c_source):
    """Linux 6.11+ ``struct platform_driver { ...; union { void (*remove)(...); void (*remove_new)(...); }; }``:
    ``.remove_new = fn`` and ``drv->remove = fn`` register a callback of the outer struct."""
    path = c_source(r"""
struct widget;
struct widget_driver {
	int (*probe)(struct widget *w);
	union {
		void (*remove)(struct widget *w);
		void (*remove_new)(struct widget *w);
	};
	struct { int (*suspend)(struct widget *w); };
};
static int wd_probe(struct widget *w) { return 0; }
static void wd_remove(struct widget *w) { }
static int wd_suspend(struct widget *w) { return 0; }
static struct widget_driver wd_driver = { .probe = wd_probe, .remove_new = wd_remove, .suspend = wd_suspend };
void wd_rebind(struct widget_driver *d) { d->remove = wd_remove; }
""")
    from drvlint.compilation import CompileOptions, setup_for
    from drvlint.parse_c import parse_file

    tu = parse_file(path, setup_for(path, CompileOptions(builtin_headers=True), {}))
    found = {(f.record, f.field, f.function, f.owner) for f in tu.field_inits}
    assert ("widget_driver", "remove_new", "wd_remove", "wd_driver") in found
    assert ("widget_driver", "suspend", "wd_suspend", "wd_driver") in found
    assert ("widget_driver", "remove", "wd_remove", "wd_rebind") in found


def test_gfp_bits_in_both_header_forms():
    old = "#define ___GFP_IO\t\t0x40u\n#define ___GFP_DIRECT_RECLAIM\t0x400u\n"
    assert parse_gfp_bits(old)["___GFP_DIRECT_RECLAIM"] == 0x400
    new = "enum {\n\t___GFP_DMA_BIT,\n\t___GFP_HIGHMEM_BIT,\n#ifdef X\n\t___GFP_DIRECT_RECLAIM_BIT,\n#endif\n};"
    assert parse_gfp_bits(new)["___GFP_DIRECT_RECLAIM"] == 1 << 2


def test_gfp_masks_by_value_then_by_name():
    context = ContextRules(load_rules(), {"___GFP_DIRECT_RECLAIM": 0x400})
    assert context.mask_sleeps(ir.Const(0xCC0)) is True  # GFP_KERNEL in 6.1
    assert context.mask_sleeps(ir.Const(0xA20)) is False  # GFP_ATOMIC
    blind = ContextRules(load_rules(), {})
    assert blind.mask_sleeps(ir.Const(None, "GFP_NOIO")) is True
    assert blind.mask_sleeps(ir.Name("GFP_NOWAIT")) is False
    assert blind.mask_sleeps(ir.Name("flags", is_param=True)) is None


def test_context_rules_cover_what_the_issue_names():
    context = ContextRules(load_rules(), {})
    for name in ("msleep", "mutex_lock", "wait_event_timeout", "copy_from_user", "usb_control_msg",
                 "usb_control_msg_recv", "request_firmware", "vmalloc", "kthread_stop", "cancel_work_sync",
                 "flush_workqueue", "del_timer_sync", "synchronize_rcu", "synchronize_irq", "might_sleep"):
        assert context.sleep_rule(ir.Call(name, name, ())) is not None, name
    assert context.sleep_rule(ir.Call("might_sleep_if", "might_sleep_if", ())) is None  # only its expansion
    for record, field in (("net_device_ops", "ndo_start_xmit"), ("net_device_ops", "ndo_set_rx_mode"),
                          ("net_device_ops", "ndo_tx_timeout"), ("net_device_ops", "ndo_get_stats64"),
                          ("urb", "complete")):
        assert context.callback_fields[(record, field)]["context"] == "atomic"
    threaded = {rule["arg"]: rule["context"] for rule in context.callback_args["request_threaded_irq"]}
    assert threaded == {1: "hardirq", 2: "process"}


REAL_CODE_CAUSES = r"""
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

struct gadget { spinlock_t lock; struct timer_list timer; int state; char buf[8]; };

/* fsleep() busy-waits up to 10 us: a poll helper called with 10 does not sleep */
static int gadget_poll(struct gadget *g, unsigned long usecs)
{
	int i;

	for (i = 0; i < 100 && !g->state; i++)
		fsleep(usecs);
	return g->state;
}

/* releases its caller's lock (reached through its own local) before it copies */
static ssize_t gadget_write_locked(struct file *fd, const char __user *ubuf, size_t len)
{
	struct gadget *g = fd->private_data;

	spin_unlock_irq(&g->lock);
	if (copy_from_user(g->buf, ubuf, min(len, sizeof(g->buf))))
		return -EFAULT;
	return len;
}

static ssize_t gadget_write(struct file *fd, const char __user *ubuf, size_t len, loff_t *ppos)
{
	struct gadget *g = fd->private_data;
	ssize_t ret = 0;

	spin_lock_irq(&g->lock);
	if (g->state)
		return gadget_write_locked(fd, ubuf, len);
	gadget_poll(g, 10);
	del_timer_sync(&g->timer);	/* spins: fine under a spinlock, outside hard-IRQ context */
	spin_unlock_irq(&g->lock);
	return ret;
}

static irqreturn_t gadget_irq(int irq, void *data)
{
	struct gadget *g = data;

	del_timer_sync(&g->timer);	/* the only finding: hard-IRQ context */
	return IRQ_HANDLED;
}

static const struct file_operations gadget_fops = { .write = gadget_write };

int gadget_setup(struct gadget *g, int irq)
{
	return request_irq(irq, gadget_irq, 0, "gadget", g) ?: (gadget_fops.write ? 0 : -EINVAL);
}
EXPORT_SYMBOL(gadget_setup);
"""


@pytest.mark.parametrize("builtin", [True, False])
def test_causes_of_real_code_false_alarms_stay_fixed(c_source, builtin):
    """fsleep() thresholds, a callee that drops its caller's lock through a local, and del_timer_sync()
    outside hard-IRQ context (each a false alarm on Linux 6.1 before its fix)."""
    if not builtin:
        require_kernel()
    found = _findings(c_source(REAL_CODE_CAUSES), builtin)
    assert [(f.function, f.line) for f in found] == [("gadget_irq", line_of("the only finding", REAL_CODE_CAUSES))]
    assert "hard IRQ handler" in found[0].message


def test_a_registration_past_code_a_missing_header_cut_off_still_counts(c_source):
    # an ARM-only driver parsed with x86 headers: the switch's case labels come from a missing header,
    # so every path returns before request_irq(); the handler is registered all the same
    path = c_source(r"""
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <asm/arch-only-cpu-ids.h>

static irqreturn_t soc_irq(int irq, void *data)
{
	msleep(1);
	return IRQ_HANDLED;
}

int soc_probe(int rev, void *dev)
{
	switch (rev) {
	case SOC_REV_A:
	case SOC_REV_B:
		break;
	default:
		return -ENODEV;
	}
	return request_irq(5, soc_irq, 0, "soc", dev);
}
""")
    result = analyze(path, builtin=True)
    assert [f.line for f in result.findings if f.rule_id == "sleep-in-atomic"] == [line_of("msleep(1)", path.read_text())]
