"""A throwaway virtualenv for the peer tools: create it, ask what is installed, pip into it.

Shared by the boilerplate peers (run.py) and the quote peers (quotes/run.py); the tools are
installed from PyPI into an ignored folder and never touch the product.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class Venv:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __str__(self) -> str:
        return str(self.path)

    @property
    def python(self) -> Path:
        return self.path / "bin" / "python"

    def ensure(self) -> None:
        """Creates the virtualenv if it is not there yet."""
        if not self.python.is_file():
            log(f"creating {self.path}")
            subprocess.run([sys.executable, "-m", "venv", str(self.path)], check=True)

    def versions(self, dists: list[str]) -> dict:
        """Installed versions of `dists` in the venv ({} if there is no venv)."""
        if not self.python.is_file():
            return {}
        code = ("import importlib.metadata as m, json, sys\n"
                "out = {}\n"
                "for d in sys.argv[1:]:\n"
                "    try: out[d] = m.version(d)\n"
                "    except Exception: pass\n"
                "print(json.dumps(out))\n")
        p = subprocess.run([str(self.python), "-c", code, *dists], capture_output=True, text=True)
        try:
            return json.loads(p.stdout)
        except json.JSONDecodeError:
            return {}

    def pip(self, args: list[str]) -> bool:
        cmd = [str(self.python), "-m", "pip", "install", "--disable-pip-version-check", "-q"] + args
        log("+ " + " ".join(cmd[2:]))
        return subprocess.run(cmd).returncode == 0
