"""Every input file in ``files/`` given to an ``aseankg`` command: a clear error, in good time.

A command that hangs is stopped at the case's ``within_seconds`` and the case fails.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.cases import Case, load, text

#: Every case runs the command line in a process of its own.
pytestmark = pytest.mark.slow

CASES = load("files")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_file(case: Case, tmp_path: Path) -> None:
    spec, expect = case.spec, case.spec["expect"]
    path = tmp_path / spec["file"]["name"]
    placeholders = {"file": str(path), "dir": str(tmp_path)}
    path.write_text(text(spec["file"]["content"], placeholders), encoding="utf-8")
    arguments = [text(argument, placeholders) for argument in spec["command"]]
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "aseankg", *arguments],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=float(expect.get("within_seconds", 60)),
        )
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"{case.spec['description']}: still running after {expect.get('within_seconds', 60)} s"
        )
    stderr = finished.stderr.decode("utf-8", "replace")
    assert finished.returncode == expect["exit"], f"{case.spec['description']}\n{stderr[-2000:]}"
    if "stderr_contains" in expect:
        assert text(expect["stderr_contains"], placeholders) in stderr, stderr[-2000:]
    assert "Traceback" not in stderr, stderr[-2000:]
