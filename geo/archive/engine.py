"""The engine that shares an archive's work out: a Dask cluster (local or remote), or this one process.

:class:`Engine` opens a local cluster of worker processes sized to the machine
(or ``workers`` of them), connects to a running scheduler (``tcp://HOST:8786``)
when given one, or, with ``workers=0``, runs every task here in turn. All three
run the same tasks through :meth:`Engine.stream`, which keeps at most a few
tasks per worker in flight (memory stays bounded) and yields each task's item
with its result, or with the exception that ended it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from geo.errors import InputError

__all__ = ["Engine"]


class Engine:
    """Where tasks run.

    Parameters
    ----------
    scheduler:
        The address of a running Dask scheduler, or ``None`` for a local cluster.
    workers:
        The local cluster's worker processes (default: one per core); ``0`` runs in this process.
    in_flight_per_worker:
        Tasks queued per worker at once.
    """

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None, in_flight_per_worker: int = 3):
        if workers is not None and workers < 0:
            raise InputError("--workers must be 0 (this process) or more")
        if scheduler is not None and workers is not None:
            raise InputError("--workers sizes a local cluster: not with --scheduler")
        self.scheduler = scheduler
        self.workers = workers
        self.in_flight_per_worker = in_flight_per_worker
        self.client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> Engine:
        if self.workers == 0:
            return self
        from distributed import Client, LocalCluster  # Dask only when a cluster is asked for

        if self.scheduler is not None:
            try:
                self.client = Client(self.scheduler, timeout="20s")
            except OSError as exc:
                raise InputError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
            return self
        count = self.workers or os.cpu_count() or 1
        self._cluster = LocalCluster(
            n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
        self.client = Client(self._cluster)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.client = self._cluster = None

    @property
    def size(self) -> int:
        """How many workers run tasks (1 in this process)."""
        if self.client is None:
            return 1
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def stream(
        self, task: Callable[..., Any], items: Iterable[Any], *args: Any, **kwargs: Any
    ) -> Iterator[tuple[Any, Any, BaseException | None]]:
        """Run ``task(item, *args, **kwargs)`` for each item; yields ``(item, result, error)`` as tasks end.

        At most ``in_flight_per_worker`` tasks per worker are queued; ``items`` is read as room frees up.
        """
        if self.client is None:
            for item in items:
                try:
                    yield item, task(item, *args, **kwargs), None
                except Exception as exc:  # noqa: BLE001 - a task's failure is reported with its item
                    yield item, None, exc
            return
        yield from self._stream_cluster(task, items, *args, **kwargs)

    def _stream_cluster(
        self, task: Callable[..., Any], items: Iterable[Any], *args: Any, **kwargs: Any
    ) -> Iterator[tuple[Any, Any, BaseException | None]]:
        from distributed import as_completed

        limit = self.size * self.in_flight_per_worker
        done = as_completed(with_results=False)
        owners: dict[str, Any] = {}
        for item in items:
            future = self.client.submit(task, item, *args, pure=False, **kwargs)
            owners[future.key] = item
            done.add(future)
            while done.count() >= limit:
                yield self._finished(next(done), owners)
        for future in done:
            yield self._finished(future, owners)

    @staticmethod
    def _finished(future: Any, owners: dict[str, Any]) -> tuple[Any, Any, BaseException | None]:
        item = owners.pop(future.key)
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker lost or a task raised: that item fails alone
            return item, None, exc
        finally:
            future.release()
        return item, result, None
