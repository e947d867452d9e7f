"""The chart of tutorial 4, drawn from the records (the docs build renders it too)."""

from __future__ import annotations

from pathlib import Path

import povertydata as pv


def lifted_out_routes(path: str | Path) -> list[tuple[str, int]]:
    """Bar chart of Qianjiang's households by their planned route out of poverty; returns the bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ds = pv.load()
    # The six batches are a plan (status "lifted_out" at stage "planned"); their ids name
    # the routes: qianjiang-2015/lifted-by-medical-assistance.
    cohorts = ds.cohorts.where(report="qianjiang-2015", status="lifted_out", stage="planned")
    bars = [
        (c.id.split("/")[1].removeprefix("lifted-by-").replace("-", " "), int(c.households.value))
        for c in cohorts
        if "/lifted-by-" in c.id and c.households is not None and c.households.value is not None
    ]
    bars.sort(key=lambda bar: bar[1])
    fig, ax = plt.subplots(figsize=(8, 3.2))
    ax.barh([name for name, _ in bars], [n for _, n in bars], color="#4c72b0")
    ax.set_xlabel("households")
    ax.set_title("Qianjiang District, 2015: households by planned route out of poverty")
    for i, (_, n) in enumerate(bars):
        ax.text(n, i, f" {n:,}", va="center", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return bars
