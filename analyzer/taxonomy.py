"""The driver-bug taxonomy every finding carries, and the CWE entries drvlint maps to.

Categories follow the study of ~500 Linux driver bugs: device protocol violations, OS protocol
violations, concurrency defects and generic programming defects, each with its sub-categories."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    ident: str
    name: str
    parent: str = ""  # empty for a top-level category
    description: str = ""


CATEGORIES: tuple[Category, ...] = (
    Category("device-protocol", "Device protocol violation", "",
             "Wrong use of the device's state machine, register values or DMA descriptors."),
    Category("device-protocol/state-machine", "Device state machine misuse", "device-protocol"),
    Category("device-protocol/register-values", "Bad register values", "device-protocol"),
    Category("device-protocol/dma", "DMA descriptor mistakes", "device-protocol"),
    Category("os-protocol", "OS protocol violation", "",
             "Violations of the kernel's rules for drivers: ordering, data format, resources, timing."),
    Category("os-protocol/ordering", "Ordering", "os-protocol"),
    Category("os-protocol/data-format", "Data format", "os-protocol"),
    Category("os-protocol/excessive-resources", "Excessive resource use", "os-protocol"),
    Category("os-protocol/temporal", "Temporal failure", "os-protocol"),
    Category("concurrency", "Concurrency defect", "", "Races, deadlocks and lock misuse."),
    Category("concurrency/config-race", "Race in configuration functions", "concurrency"),
    Category("concurrency/hot-unplug-race", "Race in hot-unplug handler", "concurrency"),
    Category("concurrency/atomic-deadlock", "Deadlock in an atomic context", "concurrency"),
    Category("concurrency/data-path-race", "Race in the data path", "concurrency"),
    Category("concurrency/pm-race", "Race in power-management functions", "concurrency"),
    Category("concurrency/uninitialised-lock", "Uninitialised lock", "concurrency"),
    Category("concurrency/imbalanced-locks", "Imbalanced locks", "concurrency"),
    Category("generic", "Generic programming defect", "", "Programming errors not specific to drivers."),
    Category("generic/null-error-pointer", "NULL / error-pointer misuse", "generic"),
    Category("generic/user-pointer", "User-pointer dereference", "generic"),
    Category("generic/untrusted-offset", "Unchecked device/client-supplied offset", "generic"),
)
BY_ID = {c.ident: c for c in CATEGORIES}

CWE_NAMES = {
    125: "Out-of-bounds Read",
    129: "Improper Validation of Array Index",
    252: "Unchecked Return Value",
    253: "Incorrect Check of Function Return Value",
    362: "Concurrent Execution using Shared Resource with Improper Synchronization ('Race Condition')",
    416: "Use After Free",
    476: "NULL Pointer Dereference",
    667: "Improper Locking",
    764: "Multiple Locks of a Critical Resource",
    765: "Multiple Unlocks of a Critical Resource",
    787: "Out-of-bounds Write",
    822: "Untrusted Pointer Dereference",
    833: "Deadlock",
}


def category(ident: str) -> Category:
    return BY_ID[ident]


def parent_of(ident: str) -> Category:
    cat = BY_ID[ident]
    return BY_ID[cat.parent] if cat.parent else cat
