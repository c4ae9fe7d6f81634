"""Local cache of one server account: documents, search index, downloaded
files and actions waiting for the network.  Everything a clerk needs keeps
working offline; ``pull_changes`` brings it up to date from the change feed."""

from .errors import CacheCorrupted, CacheError, DiskFull, OfflineError
from .feed import PullReport, pull_changes
from .files import FileCache
from .folding import fold, fts_query
from .outbox import Outbox, OutboxEntry
from .query import Cursor, DocumentQuery, ListPage
from .store import CacheStore, cache_path

__all__ = [
    "CacheStore",
    "cache_path",
    "CacheError",
    "CacheCorrupted",
    "DiskFull",
    "OfflineError",
    "DocumentQuery",
    "ListPage",
    "Cursor",
    "FileCache",
    "Outbox",
    "OutboxEntry",
    "PullReport",
    "pull_changes",
    "fold",
    "fts_query",
]
