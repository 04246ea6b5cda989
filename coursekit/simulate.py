"""The course's SIMULATED teaching sets: small, seeded generators that rewrite the same bytes every time.

``python -m coursekit.simulate`` regenerates every file in ``data/`` (or ``--out DIR``), and the
texts of ``datapackage.json`` that state the generators' parameters (``metadata()``), so each
parameter is written once, here. Every number below is either a calibration target taken from a
source (and named so) or an arbitrary teaching choice (and said so). None of it is evidence about
a real company.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from coursekit import data
from coursekit.paths import DATA_DIR

# (a) Enterprise social network, calibrated to Nielsen (2006): 90% lurkers, 9% intermittent, 1% heavy.
ESN_FILE = "SIMULATED_esn_2000_employees.csv"
ESN_SEED = 2006  # arbitrary; the year of Nielsen's article
ESN_EMPLOYEES = 2000
ESN_SHARE_SILENT = 0.90  # Nielsen: 90% never contribute
ESN_HEAVY_SHARE = 0.01  # Nielsen: 1% account for most contributions
ESN_SIGMA = 3.0  # spread of the lognormal activity; chosen so the top 1% write about three quarters of posts
ESN_TOLERANCE = 0.02  # the simulated shares of lurkers and intermittent contributors stay within 2 points of Nielsen's

# (b) Process durations before and after a social platform.
PROCESS_FILE = "SIMULATED_process_durations.csv"
PROCESS_SEED = 2012  # arbitrary; the year of the tweet
PROCESS_INSTANCES = 200
BEFORE_MEDIAN_DAYS = 40.0  # arbitrary
BEFORE_SIGMA = 0.5  # arbitrary spread of the "before" durations
CHANCE_SIGMA = 0.3  # arbitrary spread of each instance's chance variation
CHANCE_DECIMALS = 4  # the stored chance factor, computed from the rounded durations
# The platform's effect is the blog-reported BASF tweet (#sbs2012), read from its table: a parameter, not a fact.
PLATFORM_EFFECT_TABLE = "basf_2012_process_shortening_blog_reported"

# (c) A contact list of 2,000 fictional people (Lesson 2.2): who is undecided, and a data score.
CAMPAIGN_FILE = "SIMULATED_campaign_contacts.csv"
CAMPAIGN_SEED = 2012  # arbitrary
CAMPAIGN_CONTACTS = 2000  # arbitrary
CAMPAIGN_UNDECIDED = 400  # 20% undecided: an assumption, not a measurement
CAMPAIGN_SEPARATION = 1.2  # mean score gap of the undecided, in standard deviations: an assumption
CAMPAIGN_SCORE_DECIMALS = 3

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


def platform_effect_pct() -> float:
    """The blog-reported BASF shortening, in %, from its table: the process simulation's one borrowed parameter."""
    return float(data.load(PLATFORM_EFFECT_TABLE)["pct"].iloc[0])


def process_durations(seed: int = PROCESS_SEED, instances: int = PROCESS_INSTANCES, effect_pct: float | None = None) -> pd.DataFrame:
    """Lognormal 'before' durations; 'after' = before x (1 - effect) x a chance factor of median 1.

    Each row carries the effect and its chance factor (from the rounded durations), so a chart can vary
    the effect while keeping each instance's chance variation.
    """
    effect = platform_effect_pct() if effect_pct is None else effect_pct
    rng = np.random.default_rng(seed)
    before = np.exp(rng.normal(np.log(BEFORE_MEDIAN_DAYS), BEFORE_SIGMA, instances))
    after = before * (1 - effect / 100) * np.exp(rng.normal(0.0, CHANCE_SIGMA, instances))
    before, after = before.round(1), after.round(1)
    return pd.DataFrame({
        "instance_id": [f"P{i:03d}" for i in range(1, instances + 1)],
        "before_days": before,
        "after_days": after,
        "chance_factor": (after / (before * (1 - effect / 100))).round(CHANCE_DECIMALS),
        "platform_effect_pct": float(effect),
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
        "data_score": np.round(1 / (1 + np.exp(-latent)), CAMPAIGN_SCORE_DECIMALS),
        "verification": "simulated",
    })


def vendor_scores() -> pd.DataFrame:
    """The hand-chosen scores of the six fictional vendors."""
    return pd.DataFrame(list(VENDOR_SCORES), columns=list(VENDOR_COLUMNS)).assign(verification="simulated")


def request_handling() -> pd.DataFrame:
    """The four assumed success rates of the script-versus-judgement model, with the sliders' settings."""
    return pd.DataFrame(list(REQUEST_RATES), columns=list(REQUEST_COLUMNS)).assign(verification="simulated")


def metadata() -> dict[str, dict[str, Any]]:
    """The texts of datapackage.json that state a generator's parameters, written from the parameters themselves.

    For each seeded table: resource properties (title, description, ...), its first source's title, and field descriptions.
    """
    heavy = round(ESN_EMPLOYEES * ESN_HEAVY_SHARE)
    silent, top, middle = round(100 * ESN_SHARE_SILENT), round(100 * ESN_HEAVY_SHARE), round(100 * (1 - ESN_SHARE_SILENT - ESN_HEAVY_SHARE))
    rule, points = f"{silent}-{middle}-{top}", f"+/- {round(100 * ESN_TOLERANCE)} points"
    effect = platform_effect_pct()
    undecided_pct = round(100 * CAMPAIGN_UNDECIDED / CAMPAIGN_CONTACTS)
    return {
        "simulated_esn_2000_employees": {
            "title": f"SIMULATED: posts by {ESN_EMPLOYEES:,} fictional employees on an enterprise social network",
            "description": (
                f"SIMULATED data, not evidence: one row per fictional employee of a {ESN_EMPLOYEES:,}-person company, with the number "
                f"of posts each wrote on the company's social network in one fictional year and Nielsen's group. Generated by "
                f"python -m coursekit.simulate (seed {ESN_SEED}) from a heavy-tailed law calibrated to Nielsen's {rule}: each "
                "employee's activity is lognormal and the posts are its whole part, so those with activity below 1 post nothing; "
                f"the median activity is set so that {silent}% post nothing in expectation, and the spread (sigma = {ESN_SIGMA:g}) so "
                f"that the top {top}% write most of the posts. Groups follow Nielsen: lurkers never post; heavy contributors are the "
                f"{heavy} employees ({top}%) with the most posts; intermittent contributors are everyone else who posted. The tests "
                f"accept {silent}% {points} lurkers and {middle}% {points} intermittent contributors, and require the heavy {top}% to "
                "write more than half of the posts."
            ),
            "source_short": f"SIMULATED data: {ESN_EMPLOYEES:,} fictional employees generated by the course, calibrated to Nielsen's {rule} rule; no real company",
            "sample": f"SIMULATED: {ESN_EMPLOYEES:,} fictional employees, one fictional year",
            "verification_note": f"SIMULATED: generated by the course from a fixed seed; only the calibration targets ({rule}) come from a source.",
            "fields": {
                "participation_group": f"Nielsen's group: lurker (no post), intermittent contributor, or heavy contributor (the top {top}% by posts).",
            },
        },
        "simulated_process_durations": {
            "title": f"SIMULATED: durations of {PROCESS_INSTANCES} fictional process instances before and after a social platform",
            "description": (
                f"SIMULATED data, not evidence: {PROCESS_INSTANCES} fictional instances of one business process, each timed before and "
                f"after the introduction of a social platform. Generated by python -m coursekit.simulate (seed {PROCESS_SEED}): 'before' "
                f"durations are lognormal (median {BEFORE_MEDIAN_DAYS:g} days, sigma {BEFORE_SIGMA:g}); each 'after' duration is the "
                f"'before' one shortened by the platform effect, {effect:g}% (column platform_effect_pct, taken from the blog-reported "
                f"BASF tweet, table {PLATFORM_EFFECT_TABLE}: a parameter, not a fact) and multiplied by the instance's lognormal chance "
                f"factor (column chance_factor, median 1, sigma {CHANCE_SIGMA:g}). The model's after/before median ratio is "
                f"{1 - effect / 100:g}; the simulated sample's differs a little by chance."
            ),
            "source_short": (
                f"SIMULATED data: {PROCESS_INSTANCES} fictional process instances generated by the course; the {effect:g}% shortening "
                "is a parameter taken from a blog-reported tweet, not a measurement"
            ),
            "sample": f"SIMULATED: {PROCESS_INSTANCES} fictional process instances",
            "verification_note": f"SIMULATED: generated by the course from a fixed seed; the {effect:g}% shortening is blog-reported (unverified) and used only as a parameter.",
            "source_title": (
                f"Generated by the course: coursekit/simulate.py (python -m coursekit.simulate); the {effect:g}% parameter is the tweet "
                "quoted by the course's source post (bibliography key blogpost_3_1)"
            ),
            "fields": {
                "chance_factor": (
                    "This instance's SIMULATED chance variation: after_days = before_days x (1 - platform_effect_pct / 100) x "
                    f"chance_factor (computed from the rounded durations, {CHANCE_DECIMALS} decimals; median about 1)."
                ),
            },
        },
        "simulated_campaign_contacts": {
            "title": f"SIMULATED: a contact list of {CAMPAIGN_CONTACTS:,} fictional people, with who is undecided and a data score",
            "description": (
                "SIMULATED data, not evidence: one row per fictional person on a contact list, whether the person is 'undecided' "
                "(the people a contact team wants to reach: undecided voters in a campaign, customers about to leave in a company) "
                f"and a score from 0 to 1 produced by a fictional data team. Generated by python -m coursekit.simulate (seed "
                f"{CAMPAIGN_SEED}): exactly {CAMPAIGN_UNDECIDED} of the {CAMPAIGN_CONTACTS:,} people ({undecided_pct}%, an assumption) "
                "are drawn at random as undecided; each person's score is the logistic function of a normal draw (standard "
                f"deviation 1) whose mean is {CAMPAIGN_SEPARATION:g} for the undecided and 0 for the others (an assumed separation), "
                f"rounded to {CAMPAIGN_SCORE_DECIMALS} decimals, so the score is higher on average for the undecided but imperfect. "
                "Lesson 2.2 uses it to show that a team's size caps its conversations and a score only decides where they go. "
                "No party, candidate, real person or real campaign data."
            ),
            "source_short": (
                f"SIMULATED data: {CAMPAIGN_CONTACTS:,} fictional contacts generated by the course; the {undecided_pct}% undecided "
                "share and the quality of the score are assumptions; no real campaign data"
            ),
            "sample": f"SIMULATED: {CAMPAIGN_CONTACTS:,} fictional people, {CAMPAIGN_UNDECIDED} of them undecided",
            "verification_note": (
                f"SIMULATED: generated by the course from a fixed seed; the {undecided_pct}% share and the score's separation "
                f"({CAMPAIGN_SEPARATION:g} standard deviations) are assumptions, not measurements."
            ),
            "fields": {
                "undecided": f"true for the people the team wants to reach (exactly {CAMPAIGN_UNDECIDED} of {CAMPAIGN_CONTACTS:,}).",
                "data_score": (f"Score from the fictional data team, 0 to 1, {CAMPAIGN_SCORE_DECIMALS} decimals: higher on average "
                               "for the undecided, but imperfect."),
            },
        },
    }


def described(package: dict[str, Any]) -> dict[str, Any]:
    """The data package descriptor with the seeded tables' texts written from ``metadata()``."""
    texts = metadata()
    for resource in package["resources"]:
        text = dict(texts.get(resource["name"], {}))
        fields = text.pop("fields", {})
        if "source_title" in text:
            resource["sources"][0]["title"] = text.pop("source_title")
        resource.update(text)
        for field in resource["schema"]["fields"]:
            field["description"] = fields.get(field["name"], field["description"])
    return package


def write_descriptor(descriptor: Path) -> bool:
    """Rewrite the parameter texts of ``descriptor`` (same formatting as the file: 2-space indent); True if it changed."""
    text = descriptor.read_text(encoding="utf-8")
    new = json.dumps(described(json.loads(text)), indent=2, ensure_ascii=False) + "\n"
    if new != text:
        descriptor.write_text(new, encoding="utf-8")
    return new != text


def write(out: Path = DATA_DIR) -> list[Path]:
    """Write every SIMULATED file with fixed formatting (fixed decimals, Unix line ends)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame, decimals in (
        (ESN_FILE, esn_posts(), "%.1f"),
        (PROCESS_FILE, process_durations(), None),  # rounded by the generator: 1 decimal for days, 4 for the chance factor
        (CAMPAIGN_FILE, campaign_contacts(), f"%.{CAMPAIGN_SCORE_DECIMALS}f"),
        (VENDOR_FILE, vendor_scores(), "%.1f"),
        (REQUEST_FILE, request_handling(), "%g"),
    ):
        path = out / name
        frame.to_csv(path, index=False, float_format=decimals, lineterminator="\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the SIMULATED files and the parameter texts of the folder's datapackage.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write to (default: data/)")
    args = parser.parse_args(argv)
    for path in write(args.out):
        print(f"wrote {path}")
    descriptor = args.out / data.PACKAGE_FILE
    if descriptor.is_file() and write_descriptor(descriptor):
        print(f"updated the parameter texts of {descriptor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
