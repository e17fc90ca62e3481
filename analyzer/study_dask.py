"""Phase 1 of ``drvlint study`` on an existing Dask distributed cluster (``--executor dask``).

Each task analyses one file on a worker, inside the same fork-per-file isolation as the local pool
(so a crash or hang costs that file, not the worker), and the parent stores each result as it
arrives: an interrupted cluster run resumes like a local one.  Workers must see the tree and the
kernel headers at the same paths.  Dask is an optional extra: ``pip install 'drvlint[dask]'``."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

from .study_pool import Outcome

_WORKER_ANALYZERS: dict = {}  # per worker process: one Analyzer per configuration


def _worker_analyse(path: str, config: dict, timeout: float, memory_limit: int) -> tuple[Optional[tuple], Optional[str], int]:
    """Runs on a Dask worker: (value, failure, peak RSS)."""
    from . import study
    from .compilation import CompileOptions
    from .engine import Analyzer, Selection
    from .rules import load_rules
    from .study_pool import run_isolated

    key = repr(sorted(config.items()))
    analyzer = _WORKER_ANALYZERS.get(key)
    if analyzer is None:
        rules = load_rules(config["rule_files"])
        if rules.digest != config["rules_digest"]:
            raise RuntimeError("the worker's rule packs differ from the client's (install the same drvlint)")
        analyzer = _WORKER_ANALYZERS[key] = Analyzer(rules, CompileOptions(**config["options"]),
                                                     Selection(tuple(config["select"]), tuple(config["ignore"])))
    study._ANALYZER = analyzer
    (outcome,) = list(run_isolated([Path(path)], study._analyse, 1, timeout, memory_limit))
    return outcome.value, outcome.failed, outcome.peak_rss


def run_on_dask(paths: list[Path], scheduler: str, config: dict, timeout: float,
                memory_limit: int) -> Iterator[Outcome]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise RuntimeError("--executor dask needs Dask: pip install 'drvlint[dask]'") from None
    client = Client(scheduler) if isinstance(scheduler, str) else Client(scheduler)
    try:
        futures = {client.submit(_worker_analyse, str(p), config, timeout, memory_limit, pure=False): p
                   for p in paths}
        for future in as_completed(futures):
            path = futures[future]
            try:
                value, failed, peak = future.result()
            except Exception as exc:  # a worker lost or killed by the cluster: that file fails
                yield Outcome(path, failed=f"cluster task failed ({type(exc).__name__}: {exc})")
                continue
            yield Outcome(path, value=value, failed=failed, peak_rss=peak)
    finally:
        client.close()
