"""The course's SIMULATED teaching sets: small, seeded generators that rewrite the same bytes every time.

``python -m coursekit.simulate`` regenerates every file in ``data/`` (or ``--out DIR``).
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

# (c) A contact list of 2,000 fictional people (Lesson 2.2): who is undecided, and a data score.
CAMPAIGN_FILE = "SIMULATED_campaign_contacts.csv"
CAMPAIGN_SEED = 2012  # arbitrary
CAMPAIGN_CONTACTS = 2000  # arbitrary
CAMPAIGN_UNDECIDED = 400  # 20% undecided: an assumption, not a measurement
CAMPAIGN_SEPARATION = 1.2  # mean score gap of the undecided, in standard deviations: an assumption

# (d) Six fictional vendors scored from 1 to 5 on four made-up criteria (Lesson 2.4): chosen by hand, no draw,
# so that Vendor A leads on the "application" view, Vendor C on the "human-interaction" view, and they tie at 50%.
VENDOR_FILE = "SIMULATED_vendor_scores.csv"
VENDOR_COLUMNS = ("vendor", "product_features", "process_fit", "customer_conversations", "listening_and_response")
VENDOR_SCORES = (
    ("Vendor A", 5, 5, 2, 2),
    ("Vendor B", 4, 4, 3, 1),
    ("Vendor C", 2, 2, 5, 5),
    ("Vendor D", 3, 4, 4, 2),
    ("Vendor E", 3, 2, 3, 5),
    ("Vendor F", 2, 3, 2, 2),
)


# (e) A fixed script against a team using judgement (Lesson 1.3): four success rates, all assumptions set by hand,
# no draw. Two are fixed; two are the defaults of the chart's sliders, whose settings are stored in the row.
REQUEST_FILE = "SIMULATED_request_handling.csv"
REQUEST_COLUMNS = ("approach", "request_type", "success_pct", "role", "slider_name", "slider_label", "slider_min", "slider_max", "slider_step", "note")
REQUEST_RATES = (
    ("Fixed script", "routine", 95, "fixed", None, None, None, None, None,
     "Assumption: a script handles the standard cases it was written for well."),
    ("Fixed script", "unusual", 20, "slider", "script_unusual", "Script: success on unusual requests (%, assumption)", 0, 100, 5,
     "Assumption: a script rarely fits cases it was not written for."),
    ("Team using judgement", "routine", 85, "slider", "team_routine", "Team: success on routine requests (%, assumption)", 50, 100, 5,
     "Assumption: people are a little less consistent than a script on routine cases."),
    ("Team using judgement", "unusual", 70, "fixed", None, None, None, None, None,
     "Assumption: people with experience and colleagues to ask handle many unusual cases."),
)


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


def campaign_contacts(
    seed: int = CAMPAIGN_SEED, contacts: int = CAMPAIGN_CONTACTS, undecided: int = CAMPAIGN_UNDECIDED, separation: float = CAMPAIGN_SEPARATION
) -> pd.DataFrame:
    """Exactly `undecided` people drawn at random; each score is the logistic of a normal draw shifted up for them."""
    rng = np.random.default_rng(seed)
    flag = np.zeros(contacts, dtype=bool)
    flag[rng.choice(contacts, undecided, replace=False)] = True
    latent = rng.normal(np.where(flag, separation, 0.0), 1.0)
    return pd.DataFrame({
        "contact_id": np.arange(1, contacts + 1),
        "undecided": np.where(flag, "true", "false"),
        "data_score": np.round(1 / (1 + np.exp(-latent)), 3),
        "verification": "simulated",
    })


def vendor_scores() -> pd.DataFrame:
    """The hand-chosen scores of the six fictional vendors."""
    return pd.DataFrame(list(VENDOR_SCORES), columns=list(VENDOR_COLUMNS)).assign(verification="simulated")


def request_handling() -> pd.DataFrame:
    """The four assumed success rates of the script-versus-judgement model, with the sliders' settings."""
    return pd.DataFrame(list(REQUEST_RATES), columns=list(REQUEST_COLUMNS)).assign(verification="simulated")


def write(out: Path = DATA_DIR) -> list[Path]:
    """Write every SIMULATED file with fixed formatting (fixed decimals, Unix line ends)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame, decimals in (
        (ESN_FILE, esn_posts(), "%.1f"),
        (PROCESS_FILE, process_durations(), "%.1f"),
        (CAMPAIGN_FILE, campaign_contacts(), "%.3f"),
        (VENDOR_FILE, vendor_scores(), "%.1f"),
        (REQUEST_FILE, request_handling(), "%g"),
    ):
        path = out / name
        frame.to_csv(path, index=False, float_format=decimals, lineterminator="\n", encoding="utf-8")
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
