"""null-return and user-pointer-deref beyond the corpus: the causes of false alarms found on Linux 6.1
stay fixed, and the pointer contracts in rules/ cover what the issue names."""
from __future__ import annotations

import pytest

from drvlint import ir
from drvlint.pointermodel import PointerRules
from drvlint.rules import load_rules

from conftest import analyze, require_kernel

NULL_CAUSES = r"""
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/io.h>

struct fifo { struct sk_buff_head q; void __iomem *base; };
struct rx_msg { int len; };

static struct rx_msg *fifo_msg_alloc(struct fifo *f)
{
	struct rx_msg *m = kmalloc(sizeof(*m), GFP_ATOMIC);

	if (!m)
		return ERR_PTR(-ENOMEM);
	return m;
}

static int fifo_probe(struct platform_device *pdev)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	struct resource *regs = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	void __iomem *base = devm_ioremap_resource(&pdev->dev, regs);

	if (IS_ERR(base))
		return PTR_ERR(base);
	if (!regs->start)	/* devm_ioremap_resource() failed on a NULL regs: not NULL here */
		return -EINVAL;
	if (!res)
		return -ENODEV;
	return res->start ? 0 : -EINVAL;
}

static int fifo_remove(struct platform_device *pdev)
{
	struct resource *res = platform_get_resource(pdev, IORESOURCE_MEM, 0);

	release_mem_region(res->start, resource_size(res));	/* probe checked this lookup */
	return 0;
}

int fifo_drain(struct fifo *f)
{
	struct rx_msg *m;
	int n = 0;

	while (!skb_queue_empty(&f->q)) {
		struct sk_buff *skb = skb_dequeue(&f->q);	/* the queue is not empty */

		n += skb->len;
		kfree_skb(skb);
	}
	m = fifo_msg_alloc(f);
	if (IS_ERR(m))
		return PTR_ERR(m);
	n += m->len;
	kfree(m);
	m = fifo_msg_alloc(f);
	return n + m->len;	/* the only finding: an ERR_PTR from the helper */
}
EXPORT_SYMBOL(fifo_drain);

static struct platform_driver fifo_driver = { .probe = fifo_probe, .remove = fifo_remove,
					      .driver = { .name = "fifo" } };
module_platform_driver(fifo_driver);
"""

USER_CAUSES = r"""
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/string.h>

struct table { u32 count; u32 rules[16]; };
struct port { char buf[64]; int used; };

static ssize_t port_fill(struct port *p, char __user *out, size_t n, bool to_user)
{
	if (to_user)
		return copy_to_user(out, p->buf, n) ? -EFAULT : n;
	memcpy((__force char *)out, p->buf, n);	/* a kernel buffer in disguise: silent */
	return n;
}

static void port_advance(char __user **cursor, size_t n)
{
	*cursor += n;	/* a kernel pointer to a user pointer */
}

static long port_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct table __user *utbl = (struct table __user *)arg;
	struct port *p = file->private_data;

	if (copy_to_user(utbl->rules, p->buf, sizeof(utbl->rules)))	/* an address, not a load */
		return -EFAULT;
	return utbl->count;	/* the only finding */
}

static const struct file_operations port_fops = { .unlocked_ioctl = port_ioctl };

ssize_t port_read_kernel(struct port *p, char *kbuf, size_t n)
{
	char __user *cursor = (__force char __user *)kbuf;

	port_advance(&cursor, 0);
	return port_fill(p, cursor, n, false) + (port_fops.unlocked_ioctl ? 0 : 1);
}
EXPORT_SYMBOL(port_read_kernel);
"""


def _lines(source: str, text: str) -> int:
    return next(i for i, line in enumerate(source.splitlines(), start=1) if text in line)


@pytest.mark.parametrize("builtin", [True, False])
@pytest.mark.parametrize("rule, source", [("null-return", NULL_CAUSES), ("user-pointer-deref", USER_CAUSES)])
def test_causes_of_real_code_false_alarms_stay_fixed(c_source, builtin, rule, source):
    if not builtin:
        require_kernel()
    result = analyze(c_source(source), builtin=builtin)
    assert not [n for n in result.notifications if n.level == "error"]
    found = [(f.rule_id, f.line) for f in result.findings]
    assert found == [(rule, _lines(source, "the only finding"))], [f.message for f in result.findings]


def test_pointer_contracts_cover_what_the_issue_names():
    pointers = PointerRules(load_rules())

    def kind(name: str):
        return pointers.returns_kind(ir.Call(name, name, ()))

    for name in ("kmalloc", "kzalloc", "kcalloc", "kmemdup", "kstrdup", "vmalloc", "devm_kzalloc", "usb_alloc_urb",
                 "usb_alloc_coherent", "alloc_etherdev", "alloc_netdev", "dev_alloc_skb", "netdev_alloc_skb",
                 "alloc_skb", "ioremap", "dma_alloc_coherent", "of_get_property", "platform_get_resource",
                 "usb_ifnum_to_if"):
        assert kind(name) == "null", name
    for name in ("devm_ioremap_resource", "devm_platform_ioremap_resource", "devm_clk_get", "devm_regulator_get",
                 "kthread_run", "debugfs_create_dir", "class_create", "memdup_user"):
        assert kind(name) == "err", name
    assert kind("devm_gpiod_get_optional") == "both"
    assert len(pointers.returns) >= 300
    assert pointers.deref_args(ir.Call("kfree", "kfree", (ir.Name("p"),))) == ()
    assert pointers.deref_args(ir.Call("memcpy", "memcpy", ())) == (0, 1)
    assert pointers.user_args[("file_operations", "unlocked_ioctl")] == 2
