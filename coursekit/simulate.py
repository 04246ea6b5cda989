"""The course's SIMULATED teaching sets: small, seeded generators that rewrite the same bytes every time.

``python -m coursekit.simulate`` regenerates both files in ``data/`` (or ``--out DIR``).
Every number below is either a calibration target taken from a source (and named so)
or an arbitrary teaching choice (and said so). None of it is evidence about a real company.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd

from coursekit.paths import DATA_DIR

# (a) Enterprise social network, calibrated to Nielsen (2006): 90% lurkers, 9% intermittent, 1% heavy.
ESN_FILE = "SIMULATED_esn_2000_employees.csv"
ESN_SEED = 2006  # arbitrary; the year of Nielsen's article
ESN_EMPLOYEES = 2000
ESN_SHARE_SILENT = 0.90  # Nielsen: 90% never contribute
ESN_HEAVY_SHARE = 0.01  # Nielsen: 1% account for most contributions
ESN_SIGMA = 3.0  # spread of the lognormal activity; chosen so the top 1% write about three quarters of posts

# (b) Process durations before and after a social platform.
PROCESS_FILE = "SIMULATED_process_durations.csv"
PROCESS_SEED = 2012  # arbitrary; the year of the tweet
PROCESS_INSTANCES = 200
BEFORE_MEDIAN_DAYS = 40.0  # arbitrary
BEFORE_SIGMA = 0.5  # arbitrary spread of the "before" durations
CHANCE_SIGMA = 0.3  # arbitrary spread of each instance's chance variation
BASF_SHORTENING = 0.25  # blog-reported BASF tweet (#sbs2012), table basf_2012_process_shortening_blog_reported: a parameter, not a fact


def esn_posts(seed: int = ESN_SEED, employees: int = ESN_EMPLOYEES, sigma: float = ESN_SIGMA) -> pd.DataFrame:
    """Posts per fictional employee: the whole part of a lognormal activity, so most post nothing."""
    rng = np.random.default_rng(seed)
    mu = -sigma * NormalDist().inv_cdf(ESN_SHARE_SILENT)  # so P(activity < 1) = P(normal < 0) = 90%
    posts = np.floor(np.exp(rng.normal(mu, sigma, employees))).astype(int)
    heavy = np.argsort(-posts, kind="stable")[: round(employees * ESN_HEAVY_SHARE)]
    group = np.where(posts == 0, "lurker", "intermittent").astype(object)
    group[heavy] = "heavy"
    return pd.DataFrame({
        "employee_id": [f"E{i:04d}" for i in range(1, employees + 1)],
        "posts": posts,
        "participation_group": group,
        "verification": "simulated",
    })


def process_durations(seed: int = PROCESS_SEED, instances: int = PROCESS_INSTANCES, shortening: float = BASF_SHORTENING) -> pd.DataFrame:
    """Lognormal 'before' durations; 'after' = before x (1 - shortening) x a chance factor of median 1."""
    rng = np.random.default_rng(seed)
    before = np.exp(rng.normal(np.log(BEFORE_MEDIAN_DAYS), BEFORE_SIGMA, instances))
    after = before * (1 - shortening) * np.exp(rng.normal(0.0, CHANCE_SIGMA, instances))
    return pd.DataFrame({
        "instance_id": [f"P{i:03d}" for i in range(1, instances + 1)],
        "before_days": before.round(1),
        "after_days": after.round(1),
        "verification": "simulated",
    })


def write(out: Path = DATA_DIR) -> list[Path]:
    """Write both SIMULATED files with fixed formatting (one decimal, Unix line ends)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in ((ESN_FILE, esn_posts()), (PROCESS_FILE, process_durations())):
        path = out / name
        frame.to_csv(path, index=False, float_format="%.1f", lineterminator="\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the SIMULATED files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write to (default: data/)")
    args = parser.parse_args(argv)
    for path in write(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
