#!/usr/bin/env bash
# `make test-latest`: the checks and the suite on the newest versions pyproject.toml allows,
# in a throw-away venv, so an upstream break is found on purpose, not in the middle of other
# work.  .venv and requirements/ are left alone.  First lists every package whose newest
# version differs from the lock: that list is where to look when something fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d -t vanthu-latest.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
py="$scratch/venv/bin/python"
"$py" -m pip install -q --upgrade pip setuptools wheel
"$py" -m pip install -q --upgrade --upgrade-strategy eager -e '.[desktop,test,postgres]'

"$py" - requirements/test.txt <<'PY'
"""Print the packages whose installed (newest) version is not the locked one."""
import re
import sys
from importlib.metadata import distributions

locked = {}
for line in open(sys.argv[1], encoding="utf-8"):
    match = re.match(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", line)
    if match:
        locked[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
rows = []
for dist in distributions():
    name = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
    if name in locked and locked[name] != dist.version:
        rows.append((name, locked[name], dist.version))
print(f"{len(rows)} package(s) newer than requirements/test.txt:")
for name, old, new in sorted(rows):
    print(f"  {name:32} {old:>14} -> {new}")
PY

make --no-print-directory run-tests VENV="$scratch/venv"
