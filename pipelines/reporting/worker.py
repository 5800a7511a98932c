"""A worker process beside the one building the report: charts are drawn and the PDF is set
there while this process goes on (with the text, then with the Word document).

The worker is forked when the first task is handed over, so it has the data and the libraries
already loaded. A task that cannot be handed over (no process could be started, or the worker
died) is done here, at once. An error in a task is raised where its result is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from pipelines.processes import forked_pool

Submit = Callable[..., Future]


def run_here(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
    """``function(*args, **kwargs)`` done now, in this process, as a finished future."""
    future: Future = Future()
    try:
        future.set_result(function(*args, **kwargs))
    except Exception as error:  # noqa: BLE001 - raised where the result is read, as in a worker
        future.set_exception(error)
    return future


@contextmanager
def forked_worker() -> Iterator[Submit]:
    """A ``submit(function, *args, **kwargs)`` that hands tasks to one worker process, in
    order; all are done on leaving, unless the block failed (``forked_pool``)."""
    with forked_pool(1) as pool:
        yield _submitter(pool)


def _submitter(pool: ProcessPoolExecutor) -> Submit:
    def submit(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        try:
            return pool.submit(function, *args, **kwargs)
        except (OSError, BrokenProcessPool):  # no room for a process, or it died
            return run_here(function, *args, **kwargs)

    return submit
