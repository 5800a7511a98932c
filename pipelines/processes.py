"""Worker processes forked from this one, shared by reading, extraction and the report."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any


@contextmanager
def forked_pool(processes: int, **options: Any) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``processes`` workers forked from this process (``options`` go to
    ``ProcessPoolExecutor``): they inherit its data and loaded libraries instead of copies.

    While the pool is open this process's objects are frozen (``gc.freeze``), so the workers'
    collections leave the objects they inherit alone and those pages stay shared, not copied
    into each worker. On leaving, every task handed over is done, unless the block failed:
    then tasks not started yet are dropped.
    """
    gc.freeze()
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"), **options)
    failed = True
    try:
        yield pool
        failed = False
    finally:
        pool.shutdown(cancel_futures=failed)
        gc.unfreeze()
