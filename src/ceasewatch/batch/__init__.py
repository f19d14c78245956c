"""Bulk work (extraction of many documents) on a local or Dask executor."""

from .bulk import BulkSummary, ExtractionResult, extract_chunk, extract_many, store_extractions
from .executors import DaskExecutor, Executor, LocalExecutor, make_executor

__all__ = [
    "BulkSummary",
    "ExtractionResult",
    "extract_chunk",
    "extract_many",
    "store_extractions",
    "Executor",
    "LocalExecutor",
    "DaskExecutor",
    "make_executor",
]
