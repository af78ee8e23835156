"""A store another process holds (a running `storyline serve`): a clear error that says what to do."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import StoreBusy
from storyline.store import Store

#: a second process that holds the store as the server does (read-only), until its stdin closes
HOLDER = """
import sys
from storyline.store import Store
store = Store(sys.argv[1], read_only=True)
store.con.execute("SELECT count(*) FROM documents").fetchone()
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    out = tmp_path / "out"
    out.mkdir()
    db = out / "storyline.duckdb"
    Store(db).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parents[2])
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        yield db
    finally:
        proc.communicate(input="")


def test_writing_a_held_store_says_what_to_do(held: Path) -> None:
    with pytest.raises(StoreBusy) as caught:
        Store(held)
    message = str(caught.value)
    assert str(held) in message and "storyline serve" in message and "--out" in message
    assert "process " in message and "PID" not in message  # the holder's process id, in plain words


def test_analyze_into_a_served_folder_exits_with_the_message(held: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Workers at the port walked out on Monday over pay.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(article), "--out", str(held.parent)])
    assert res.exit_code == 2, res.output
    assert "error: the store" in res.output and "stop that server" in res.output
    assert "Traceback" not in res.output


def test_processes_may_all_read_a_store_at_once(held: Path) -> None:
    # what `storyline serve --processes N` rests on: a read-only open beside another process's read-only open
    with Store(held, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
