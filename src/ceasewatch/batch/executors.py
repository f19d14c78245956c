"""Where bulk work runs: in this process, or on a Dask cluster.

An `Executor` maps a picklable function over chunks of work and yields the
results as they finish. The store is never touched on workers: workers get
plain records and return plain records, and the caller (one writer) stores
them, so SQLite's single-writer rule holds whatever the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar, runtime_checkable

from ..errors import ConfigError

__all__ = ["Executor", "LocalExecutor", "DaskExecutor", "make_executor"]

T = TypeVar("T")
R = TypeVar("R")


@runtime_checkable
class Executor(Protocol):
    name: str

    def map_chunks(self, fn: Callable[[list[T]], R], chunks: Iterable[list[T]]) -> Iterator[R]:
        """Apply `fn` to every chunk; results in completion order."""
        ...

    def close(self) -> None: ...


class LocalExecutor:
    """Runs chunks one after another in this process (the default)."""

    name = "local"

    def map_chunks(self, fn: Callable[[list[T]], R], chunks: Iterable[list[T]]) -> Iterator[R]:
        for chunk in chunks:
            yield fn(chunk)

    def close(self) -> None:
        return None


class DaskExecutor:
    """Runs chunks on a Dask distributed cluster.

    With no address a `LocalCluster` is started on this machine (one process
    per worker, so each worker holds its own extractor); with an address
    (``tcp://host:8786``) an existing scheduler is used. At most
    `max_in_flight` chunks are submitted at once so a large corpus never sits
    whole in the scheduler's memory.
    """

    name = "dask"

    def __init__(
        self,
        address: str | None = None,
        *,
        n_workers: int | None = None,
        threads_per_worker: int = 1,
        processes: bool = True,
        max_in_flight: int | None = None,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask is a dependency
            raise ConfigError("the Dask engine needs `dask[distributed]`", hint="pip install 'dask[distributed]'") from exc
        self._cluster: Any = None
        if address:
            self._client = Client(address)
        else:
            self._cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=threads_per_worker,
                processes=processes,
                dashboard_address=None,
            )
            self._client = Client(self._cluster)
        workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self.max_in_flight = max_in_flight or workers * 2

    @property
    def client(self) -> Any:
        return self._client

    def map_chunks(self, fn: Callable[[list[T]], R], chunks: Iterable[list[T]]) -> Iterator[R]:
        from distributed import as_completed

        iterator = iter(chunks)
        pending = as_completed()
        in_flight = 0
        for chunk in iterator:
            pending.add(self._client.submit(fn, chunk, pure=False))
            in_flight += 1
            if in_flight >= self.max_in_flight:
                break
        for future in pending:
            result = future.result()
            future.release()
            yield result
            nxt = next(iterator, None)
            if nxt is not None:
                pending.add(self._client.submit(fn, nxt, pure=False))

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_executor(engine: str = "local", *, address: str | None = None, workers: int | None = None) -> Executor:
    """Build an executor by name: ``local`` or ``dask``."""
    if engine == "local":
        return LocalExecutor()
    if engine == "dask":
        return DaskExecutor(address, n_workers=workers)
    raise ConfigError(f"unknown engine {engine!r}", hint="use --engine local or --engine dask")
