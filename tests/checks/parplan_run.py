"""Running the built parplan from the output checks; ctest passes PARPLAN and PARPLAN_SOURCE_DIR."""
import json
import os
import subprocess
import sys

PARPLAN = os.environ["PARPLAN"]
SOURCE = os.environ["PARPLAN_SOURCE_DIR"]
SKIP = 77  # ctest's SKIP_RETURN_CODE for these checks

failures = 0


def run(*args, check=True):
    result = subprocess.run([PARPLAN, *args], cwd=SOURCE, capture_output=True, check=False)
    if check and result.returncode != 0:
        sys.exit(f"parplan {' '.join(args)} failed ({result.returncode}): {result.stderr.decode()}")
    return result


def listed(plan):
    return json.loads(run("list", "--plan", plan, "--format", "json").stdout)


def dated_ids(plan):
    return [a["id"] for a in listed(plan) if a["end"] is not None]


def check(condition, message):
    global failures
    print(("ok: " if condition else "FAILED: ") + message)
    if not condition:
        failures += 1


def finish():
    if failures:
        print(f"{failures} check(s) failed")
        sys.exit(1)


def require_module(name, package):
    try:
        return __import__(name)
    except ImportError:
        print(f"skipped: {package} not installed (scripts/install-deps installs it)")
        sys.exit(SKIP)
