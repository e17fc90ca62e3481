"""The IR of the files a study's whole-tree pass may re-analyse, kept for the length of one run: phase 3
re-runs the sleep checker on a file with other files' sleepers as rules, and parsing the file again
would cost most of what its first analysis cost (drivers/net/usb: qmi_wwan.c, 1 s of a 25 s run).

Pickled into a private directory the run creates (mode 0700) and removes: only this run's workers
write there and only this run reads it.  Each entry names the parse-time rules it was made with (which
calls are pure, which macros log); a reader with other ones, or a missing or damaged entry, gets None
and parses the file again."""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
import zlib
from pathlib import Path
from typing import Optional

from . import ir
from .flow_rules import FlowRules


class IRScratch:
    def __init__(self) -> None:
        self.directory = tempfile.mkdtemp(prefix="drvlint-ir-")

    def _entry(self, source: Path) -> str:
        return os.path.join(self.directory, hashlib.sha256(str(source).encode()).hexdigest()[:32] + ".ir")

    def save(self, source: Path, tu: ir.TranslationUnit, flow: FlowRules) -> None:
        """Written under a temporary name and renamed: a worker killed mid-write leaves no partial entry."""
        entry = self._entry(source)
        data = zlib.compress(pickle.dumps((_parse_inputs(flow), tu), protocol=pickle.HIGHEST_PROTOCOL), 1)
        with open(f"{entry}.{os.getpid()}", "wb") as handle:
            handle.write(data)
        os.replace(f"{entry}.{os.getpid()}", entry)

    def load(self, source: Path, flow: FlowRules) -> Optional[ir.TranslationUnit]:
        try:
            with open(self._entry(source), "rb") as handle:
                inputs, tu = pickle.loads(zlib.decompress(handle.read()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, ValueError):
            return None
        return tu if inputs == _parse_inputs(flow) else None

    def close(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def _parse_inputs(flow: FlowRules) -> tuple[frozenset[str], frozenset[str]]:
    """What of the rules the front end reads (parse_c.parse_file's arguments)."""
    return frozenset(flow.pure), frozenset(flow.log_macros)
