"""The engine: this process, and a real Dask scheduler with two workers on 127.0.0.1 giving the same bytes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.archive.engine import Engine
from geo.archive.run import run_archive
from geo.errors import InputError
from tests.conftest import BUNDLED

DASK = Path(sys.executable).with_name("dask")


def _square(x: int) -> int:
    if x == 3:
        raise ValueError("three is bad")
    return x * x


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"workers": -1}, "--workers"), ({"workers": 2, "scheduler": "tcp://127.0.0.1:1"}, "not with --scheduler")],
)
def test_refused_options(kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Engine(**kwargs)


def test_in_process_stream_fails_one_item_alone() -> None:
    with Engine(workers=0) as engine:
        got = {
            item: (result, type(error).__name__ if error else None)
            for item, result, error in engine.stream(_square, range(5))
        }
    assert got == {0: (0, None), 1: (1, None), 2: (4, None), 3: (None, "ValueError"), 4: (16, None)}


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """A ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1 (free ports), stopped at the end."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(BUNDLED.parent.parent)}
    common = {"cwd": tmp_path, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    procs = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--dashboard-address",
                ":0",
                "--no-show",
            ],
            **common,
        )
    ]
    try:
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        str(DASK),
                        "worker",
                        address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                    ],
                    **common,
                )
            )
        _wait_for_workers(address, 2)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_for_workers(address: str, count: int) -> None:
    from distributed import Client

    with Client(address, timeout="20s") as client:
        client.wait_for_workers(count, timeout=30)
    time.sleep(0)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".geostory-readings")
    }


def test_a_remote_cluster_writes_the_bytes_of_one_process(dask_cluster: str, tmp_path: Path) -> None:
    local = run_archive(BUNDLED, out=tmp_path / "local", workers=0, progress=None)
    remote = run_archive(BUNDLED, out=tmp_path / "remote", scheduler=dask_cluster, progress=None)
    assert local.journeys >= 1
    assert (local.journeys, local.stops, local.articles) == (remote.journeys, remote.stops, remote.articles)
    mine, theirs = _files(tmp_path / "local"), _files(tmp_path / "remote")
    assert sorted(mine) == sorted(theirs)
    assert [name for name in mine if mine[name] != theirs[name]] == []
