"""Install the headless Chromium the browser tests drive, when it is missing and we can.

Run before the tests (`python -m tests.browser_setup`). It never fails the build: when
Chromium cannot be installed it says why, and the browser tests skip themselves.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


def note(message: str) -> None:
    print(f"browser setup: {message}", flush=True)


def ensure_chromium() -> bool:
    """True when CHROMIUM exists afterwards."""
    if CHROMIUM.exists():
        note(f"{CHROMIUM} is installed")
        return True
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        note(f"{CHROMIUM} is missing and installing it needs root "
             "(sudo apt-get install chromium); browser tests will be skipped")
        return False
    if shutil.which("apt-get") is None:
        note(f"{CHROMIUM} is missing and there is no apt-get here; browser tests will be skipped")
        return False
    note("installing Debian's chromium package (a few minutes the first time)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
            subprocess.run(command, check=True, env=env, timeout=1200,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", None)
        detail = detail.decode(errors="replace").strip().splitlines()[-1] if detail else str(exc)
        note(f"could not install chromium ({detail}); browser tests will be skipped")
        return False
    if not CHROMIUM.exists():
        note(f"chromium installed but {CHROMIUM} is missing; browser tests will be skipped")
        return False
    note(f"installed {CHROMIUM}")
    return True


def main() -> int:
    try:
        ensure_chromium()
    except Exception as exc:  # noqa: BLE001 - this step must never fail the build
        note(f"unexpected problem ({exc}); browser tests will be skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
