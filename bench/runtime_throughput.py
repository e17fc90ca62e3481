"""Throughput of the drvrt event loop with the example dummy-net driver, on one core.

Queues N frames on the network interface and runs the loop until every frame is sent and completed:
per frame, one ``send`` (driver writes data, sets ctrl) and one "sent" interrupt (driver clears ctrl,
``tx_done``).  Prints frames/s (a send and its completion) and events/s (loop deliveries), the median
of several runs.  Not a test: ``python bench/runtime_throughput.py [--frames N] [--runs R]``.
Target: at least 100,000 send/complete events per second."""
from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import sys
import time
from pathlib import Path

import drvrt
from drvrt.devices import DummyNet

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dummynet_driver.py"


def load_driver():
    spec = importlib.util.spec_from_file_location("dummynet_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.DummyNetDriver


def one_run(driver_cls, frames: int) -> tuple[float, float, int, int]:
    rt = drvrt.Runtime()
    rt.add_device(DummyNet("dummynet0"))
    driver = driver_cls()
    assert rt.bind(driver)
    netif = rt.interface
    netif.os_enable()
    payload = b"x" * 64
    netif.tx_queue.extend(payload for _ in range(frames - 1))  # the OS's queue, filled up front
    gc.disable()
    try:
        began, cpu_began = time.perf_counter(), time.process_time()
        netif.os_send(payload)
        events = rt.run()
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    finally:
        gc.enable()
    assert netif.sent == frames, (netif.sent, frames)
    return elapsed, cpu, events, netif.sent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cls = load_driver()
    one_run(cls, 1000)  # warm-up
    frame_rates, event_rates, cpu_rates = [], [], []
    for _ in range(args.runs):
        elapsed, cpu, events, sent = one_run(cls, args.frames)
        frame_rates.append(sent / elapsed)
        event_rates.append(events / elapsed)
        cpu_rates.append(sent / cpu)
        print(f"  {sent} frames, {events} events in {elapsed:.3f} s ({cpu:.3f} s of CPU): {sent / elapsed:,.0f} "
              f"frames/s, {events / elapsed:,.0f} events/s, {sent / cpu:,.0f} frames per CPU second")
    frames = statistics.median(frame_rates)
    events = statistics.median(event_rates)
    print(f"median of {args.runs}: {frames:,.0f} send/complete cycles/s ({2 * frames:,.0f} send + complete "
          f"events/s), {events:,.0f} loop events/s; {statistics.median(cpu_rates):,.0f} cycles per CPU second "
          f"(what one core does whatever else the machine runs) (Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
