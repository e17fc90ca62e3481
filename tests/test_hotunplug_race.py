"""hotunplug-race beyond the corpus: stop order and restarts, teardown after the free, helpers on both
sides, state-guarded versus error-path teardown, devm IRQ handlers, rules that teach new teardown calls,
and the SARIF code flow."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import analyze, require_kernel
from drvlint.cli import main

DRIVER = r"""
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>

struct gauge {
	struct usb_device *udev;
	struct timer_list poll;
	struct work_struct refresh;
	struct task_struct *thread;
	bool polling;
	int level;
};

static void gauge_refresh(struct work_struct *w)
{
	struct gauge *g = container_of(w, struct gauge, refresh);
	g->level++;
}

static void gauge_poll(struct timer_list *t)
{
	struct gauge *g = from_timer(g, t, poll);
	schedule_work(&g->refresh);
}

static int gauge_thread(void *data)
{
	struct gauge *g = data;
	while (!kthread_should_stop())
		g->level--;
	return 0;
}

static int gauge_quiesce(struct gauge *g)
{
	return usb_control_msg(g->udev, usb_sndctrlpipe(g->udev, 0), 0x01, 0x40, 0, 0, NULL, 0, 1000);
}

static void gauge_stop_io(struct gauge *g)
{
	STOP_IO
}

static void gauge_free(struct gauge *g)
{
	kfree(g);
}

static int gauge_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	struct gauge *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return -ENOMEM;
	INIT_WORK(&g->refresh, gauge_refresh);
	timer_setup(&g->poll, gauge_poll, 0);
	if (g->polling)
		mod_timer(&g->poll, jiffies + HZ);
	g->thread = kthread_run(gauge_thread, g, "gauge");
	usb_set_intfdata(intf, g);
	return 0;
}

static void gauge_disconnect(struct usb_interface *intf)
{
	struct gauge *g = usb_get_intfdata(intf);

	TEARDOWN
}

static struct usb_driver gauge_driver = {
	.name = "gauge",
	.probe = gauge_probe,
	.disconnect = gauge_disconnect,
};
module_usb_driver(gauge_driver);
"""

GOOD = "del_timer_sync(&g->poll);\n\tcancel_work_sync(&g->refresh);\n\tkthread_stop(g->thread);\n\tkfree(g);"


def source(teardown: str, stop_io: str = "") -> str:
    return DRIVER.replace("TEARDOWN", teardown).replace("STOP_IO", stop_io)


def line_of(text: str, code: str, last: bool = True) -> int:
    """Line of the last (or first) line containing ``text``."""
    lines = [i for i, line in enumerate(code.splitlines(), start=1) if text in line]
    return lines[-1] if last else lines[0]


def findings(c_source, code: str, builtin: bool = True, extra_rules=()):
    if not builtin:
        require_kernel()
    path = c_source(code)
    if extra_rules:
        from drvlint.compilation import CompileOptions
        from drvlint.engine import Analyzer
        from drvlint.rules import load_rules
        result = Analyzer(load_rules(extra_rules), CompileOptions(builtin_headers=builtin)).analyze(path)
    else:
        result = analyze(path, builtin=builtin)
    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    return [f for f in result.findings if f.rule_id == "hotunplug-race"]


@pytest.mark.parametrize("builtin", [True, False])
def test_synchronous_teardown_in_the_right_order_is_silent(c_source, builtin):
    assert findings(c_source, source(GOOD), builtin) == []


@pytest.mark.parametrize("builtin", [True, False])
def test_stop_undone_by_a_live_callback(c_source, builtin):
    """The timer queues the work: cancelling the work before the timer is stopped does not keep it cancelled."""
    code = source("cancel_work_sync(&g->refresh);\n\tdel_timer_sync(&g->poll);\n\tkthread_stop(g->thread);\n\tkfree(g);")
    (finding,) = findings(c_source, code, builtin)
    assert finding.line == line_of("kfree(g);", code)
    assert "g->refresh may be restarted by g->poll" in finding.message
    assert any("g->poll can start g->refresh again" in s.message for s in finding.steps)


@pytest.mark.parametrize("builtin", [True, False])
def test_teardown_after_the_free_is_named(c_source, builtin):
    code = source("del_timer_sync(&g->poll);\n\tcancel_work_sync(&g->refresh);\n\tkfree(g);\n\tkthread_stop(g->thread);")
    (finding,) = findings(c_source, code, builtin)
    assert "stopped only after the free (kthread_stop() at line" in finding.message
    assert [s.line for s in finding.steps] == [line_of("kthread_run(", code), line_of("static void gauge_disconnect", code),
                                               line_of("kfree(g);", code), line_of("kthread_stop(g->thread);", code)]
    assert "gauge_thread()" in finding.steps[0].message


def test_asynchronous_only_stop_does_not_count(c_source):
    code = source(GOOD.replace("del_timer_sync", "del_timer"))
    (finding,) = findings(c_source, code)
    assert "timer g->poll is not stopped synchronously" in finding.message


def test_helpers_on_the_teardown_path(c_source):
    """Teardown in a helper counts; a free in a helper is reported there, with the call that leads to it."""
    stop_io = "del_timer_sync(&g->poll);\n\tcancel_work_sync(&g->refresh);\n\tkthread_stop(g->thread);"
    assert findings(c_source, source("gauge_stop_io(g);\n\tgauge_free(g);", stop_io)) == []
    code = source("gauge_free(g);\n\tgauge_stop_io(g);", stop_io)
    (finding,) = findings(c_source, code)
    assert finding.line == line_of("kfree(g);", code, last=False) and finding.function == "gauge_disconnect"
    assert line_of("gauge_free(g);", code) in [s.line for s in finding.steps]


def test_state_guarded_teardown_counts_but_an_error_path_does_not(c_source):
    guarded = GOOD.replace("del_timer_sync(&g->poll);", "if (g->polling)\n\t\tdel_timer_sync(&g->poll);")
    assert findings(c_source, source(guarded)) == []
    skipped = ("if (gauge_quiesce(g) < 0)\n\t\tgoto out;\n\tdel_timer_sync(&g->poll);\n\tcancel_work_sync(&g->refresh);"
               "\n\tkthread_stop(g->thread);\nout:\n\tkfree(g);")
    (finding,) = findings(c_source, source(skipped))
    assert finding.line == line_of("kfree(g);", source(skipped))


def test_a_rule_pack_teaches_a_new_teardown_call(c_source, tmp_path):
    """Teardown knowledge is data: a pack that declares del_timer() synchronous silences its report."""
    code = source(GOOD.replace("del_timer_sync", "del_timer"))
    assert len(findings(c_source, code)) == 1
    pack = tmp_path / "halt.toml"
    pack.write_text('[[async_stop]]\nnames = ["del_timer"]\nkind = "timer"\nobject = 0\n')
    assert findings(c_source, code, extra_rules=[str(pack)]) == []


PLATFORM = r"""
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

struct ring { unsigned int head; };
struct lamp { struct ring *ring; int irq; };

static irqreturn_t lamp_irq(int irq, void *data)
{
	struct lamp *l = data;
	l->ring->head++;
	return IRQ_HANDLED;
}

static int lamp_probe(struct platform_device *pdev)
{
	struct lamp *l = devm_kzalloc(&pdev->dev, sizeof(*l), GFP_KERNEL);

	if (!l)
		return -ENOMEM;
	l->ring = kzalloc(sizeof(*l->ring), GFP_KERNEL);
	l->irq = platform_get_irq(pdev, 0);
	platform_set_drvdata(pdev, l);
	return devm_request_irq(&pdev->dev, l->irq, lamp_irq, 0, "lamp", l);
}

static int lamp_remove(struct platform_device *pdev)
{
	struct lamp *l = platform_get_drvdata(pdev);

	STOP
	kfree(l->ring);
	return 0;
}

static struct platform_driver lamp_driver = {
	.probe = lamp_probe,
	.remove = lamp_remove,
	.driver = { .name = "lamp" },
};
module_platform_driver(lamp_driver);
"""


@pytest.mark.parametrize("builtin", [True, False])
def test_devm_irq_handler_outlives_remove(c_source, builtin):
    code = PLATFORM.replace("STOP", "")
    (finding,) = findings(c_source, code, builtin)
    assert finding.line == line_of("kfree(l->ring);", code) and "lamp_irq()" in finding.message
    assert findings(c_source, PLATFORM.replace("STOP", "devm_free_irq(&pdev->dev, l->irq, l);"), builtin) == []


def test_sarif_has_related_locations_and_a_code_flow(c_source, tmp_path):
    code = source("del_timer_sync(&g->poll);\n\tcancel_work_sync(&g->refresh);\n\tkfree(g);\n\tkthread_stop(g->thread);")
    out = tmp_path / "out.sarif"
    result = CliRunner().invoke(main, [str(c_source(code)), "--builtin-headers", "--select", "hotunplug-race",
                                       "--format", "sarif", "-o", str(out)])
    assert result.exit_code == 1, result.output
    (res,) = json.loads(out.read_text())["runs"][0]["results"]
    assert res["ruleId"] == "hotunplug-race"
    related = {r["physicalLocation"]["region"]["startLine"] for r in res["relatedLocations"]}
    assert line_of("kthread_run(", code) in related
    flow = [s["location"]["physicalLocation"]["region"]["startLine"]
            for s in res["codeFlows"][0]["threadFlows"][0]["locations"]]
    assert flow[0] == line_of("kthread_run(", code) and line_of("kfree(g);", code) in flow


KREF = DRIVER.replace("\tbool polling;", "\tbool polling;\n\tstruct kref kref;").replace(
    "static void gauge_free(struct gauge *g)", """static void gauge_release(struct kref *kref)
{
	struct gauge *g = container_of(kref, struct gauge, kref);

	kfree(g);
}

static void gauge_free(struct gauge *g)""")


def test_kref_put_frees_through_its_release_function_unless_the_reference_is_shared(c_source):
    code = KREF.replace("TEARDOWN", "cancel_work_sync(&g->refresh);\n\tkthread_stop(g->thread);\n"
                                    "\tkref_put(&g->kref, gauge_release);").replace("STOP_IO", "")
    (finding,) = findings(c_source, code)
    assert finding.line == line_of("kref_put(", code) and "g->poll" in finding.message
    shared = code.replace("static int gauge_quiesce", "static void gauge_hold(struct gauge *g)\n{\n\tkref_get(&g->kref);\n}\n\nstatic int gauge_quiesce")
    assert findings(c_source, shared) == []  # another holder may keep it alive: this put is not known to free


DEVRES = r"""
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/timer.h>
#include <linux/slab.h>

struct beacon { struct timer_list blink; int phase; };

static void beacon_blink(struct timer_list *t)
{
	struct beacon *b = from_timer(b, t, blink);
	b->phase ^= 1;
	mod_timer(&b->blink, jiffies + HZ);
}

static int beacon_probe(struct platform_device *pdev)
{
	struct beacon *b = devm_kzalloc(&pdev->dev, sizeof(*b), GFP_KERNEL);

	if (!b)
		return -ENOMEM;
	timer_setup(&b->blink, beacon_blink, 0);
	mod_timer(&b->blink, jiffies + HZ);
	platform_set_drvdata(pdev, b);
	return 0;
}

static int beacon_remove(struct platform_device *pdev)
{
	struct beacon *b = platform_get_drvdata(pdev);

	STOP
	return 0;
}

static struct platform_driver beacon_driver = {
	.probe = beacon_probe,
	.remove = beacon_remove,
	.driver = { .name = "beacon" },
};
module_platform_driver(beacon_driver);
"""


@pytest.mark.parametrize("builtin", [True, False])
def test_devres_frees_after_remove_returns(c_source, builtin):
    """devm_kzalloc'd state is freed by devres once remove returns: a timer still armed then uses it."""
    code = DEVRES.replace("STOP", "b->phase = 0;")
    (finding,) = findings(c_source, code, builtin)
    lines = code.splitlines()
    start = line_of("static int beacon_remove", code)
    closing = next(i for i in range(start, len(lines) + 1) if lines[i - 1] == "}")
    assert finding.line == closing and finding.function == "beacon_remove"
    assert "devres then frees struct beacon (allocated with devm_kzalloc() at line" in finding.message
    assert [s.line for s in finding.steps][:2] == [line_of("mod_timer(&b->blink, jiffies + HZ);", code),
                                                   line_of("devm_kzalloc(", code)]
    assert findings(c_source, DEVRES.replace("STOP", "del_timer_sync(&b->blink);"), builtin) == []


def test_a_field_the_callback_reaches_through_its_own_urb_is_that_urbs(c_source):
    """Freeing a write URB's buffer while the read URB's completion (which reads urb->transfer_buffer)
    may run is fine; freeing the read URB's own buffer before killing it is not."""
    from pathlib import Path
    corpus = Path(__file__).resolve().parent.parent / "corpus" / "c" / "hotunplug-race" / "correct"
    code = (corpus / "usb_serial_write_pool_freed_before_read_kill.c").read_text()
    assert findings(c_source, code, False) == []
    own = code.replace("\tusb_kill_urb(pp->read_urb);\n}", "\tkfree(pp->read_urb->transfer_buffer);\n"
                       "\tusb_kill_urb(pp->read_urb);\n}")
    (finding,) = findings(c_source, own, False)
    assert finding.line == line_of("kfree(pp->read_urb->transfer_buffer);", own)


@pytest.mark.parametrize("escape", ["", "priv->rx_msg = msg;",
                                    "usb_fill_bulk_urb(priv->rx_urb, priv->udev, 0, msg, 4, canbr_rx_complete, priv);",
                                    "canbr_keep(priv, msg);"])
def test_memory_a_function_allocates_for_itself_is_out_of_callbacks_reach(c_source, escape):
    """A local holding only its own kmalloc(), handed only to synchronous calls, is freed without a race;
    stored in a field, bound to an URB, or stored by a same-file callee, it is not the function's own."""
    from pathlib import Path
    corpus = Path(__file__).resolve().parent.parent / "corpus" / "c" / "hotunplug-race" / "correct"
    code = (corpus / "usb_canbridge_close_local_cmd_buffer.c").read_text()
    code = code.replace("static int canbr_open(", "static void canbr_keep(struct canbr_priv *priv, struct canbr_msg *m)\n"
                        "{\n\tpriv->rx_msg = m;\n}\n\nstatic int canbr_open(")
    code = code.replace("\tnetif_stop_queue(net);\n\tkfree(msg);", f"\t{escape}\n\tnetif_stop_queue(net);\n\tkfree(msg);")
    lines = [f.line for f in findings(c_source, code, False)]
    assert lines == ([] if not escape else [line_of("kfree(msg);", code)])
