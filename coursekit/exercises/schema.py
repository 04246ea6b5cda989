"""Print the JSON Schema of an exercise bank file, generated from the type definitions (for editors).

``python -m coursekit.exercises.schema > bank.schema.json``; with ``--check``, validate the course's
bank instead and say where the first problem is.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coursekit.exercises.model import BankError, json_schema, load_bank
from coursekit.paths import EXERCISE_BANK_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate the bank instead of printing the schema")
    parser.add_argument("--bank", type=Path, default=EXERCISE_BANK_DIR, help="the bank folder (default: the course's)")
    args = parser.parse_args(argv)
    if not args.check:
        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    try:
        bank = load_bank(args.bank)
    except BankError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"{len(bank)} exercises in {args.bank}: all valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
