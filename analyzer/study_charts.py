"""The study's charts (matplotlib, PNG for reading and SVG for papers): findings by taxonomy category
stacked by subsystem, finding density per subsystem, and the drivers with the most findings."""
from __future__ import annotations

from pathlib import Path

from .study_tables import StudyStats

MAX_BARS = 15


def _plt():
    import matplotlib

    matplotlib.use("Agg")  # no display on CI machines and cluster nodes
    import matplotlib.pyplot as plt

    return plt


def _save(fig, directory: Path, name: str) -> list[Path]:
    paths = []
    for suffix in ("png", "svg"):
        path = directory / f"{name}.{suffix}"
        fig.savefig(path, bbox_inches="tight", dpi=120 if suffix == "png" else None)
        paths.append(path)
    return paths


def write_charts(stats: StudyStats, directory: Path) -> dict[str, list[Path]]:
    plt = _plt()
    directory.mkdir(parents=True, exist_ok=True)
    out: dict[str, list[Path]] = {}
    subsystems = [row for row in stats.subsystems() if row[4]][:MAX_BARS]
    categories = sorted(stats.by_category)

    fig, ax = plt.subplots(figsize=(8, 4.5))
    bottom = [0] * len(categories)
    for sub, *_ in subsystems:
        counts = [stats.by_subsystem_category.get(sub, {}).get(c, 0) for c in categories]
        ax.bar(categories, counts, bottom=bottom, label=sub)
        bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set_ylabel("findings")
    ax.set_title("Findings by taxonomy category, stacked by subsystem")
    if subsystems:
        ax.legend(fontsize="small", loc="upper right")
    out["findings by category and subsystem"] = _save(fig, directory, "category_by_subsystem")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 4.5))
    dense = sorted((row for row in stats.subsystems() if row[3]), key=lambda r: -r[4] / r[3])[:MAX_BARS]
    ax.barh([r[0] for r in dense][::-1], [1000 * r[4] / r[3] for r in dense][::-1])
    ax.set_xlabel("findings per KLOC")
    ax.set_title("Finding density per subsystem")
    out["density per subsystem"] = _save(fig, directory, "density_by_subsystem")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 4.5))
    top = sorted((d for d in stats.drivers if d.findings), key=lambda d: (-d.findings, d.path))[:MAX_BARS]
    ax.barh([d.path for d in top][::-1], [d.findings for d in top][::-1])
    ax.set_xlabel("findings")
    ax.set_title("Drivers with the most findings")
    out["top drivers"] = _save(fig, directory, "top_drivers")
    plt.close(fig)
    return out
