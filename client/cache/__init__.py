"""Local cache of one server account: documents, search index, downloaded
files and actions waiting for the network.  Everything a clerk needs keeps
working offline; the sync brings it up to date from the change feed."""

from .errors import CacheCorrupted, CacheError, DiskFull, OfflineError
from .files import FileCache
from .folding import fold, fts_query
from .outbox import Outbox, OutboxEntry
from .query import DocumentQuery, ListPage
from .store import CacheStore, cache_path
from .sync import SyncReport, sync

__all__ = [
    "CacheStore",
    "cache_path",
    "CacheError",
    "CacheCorrupted",
    "DiskFull",
    "OfflineError",
    "DocumentQuery",
    "ListPage",
    "FileCache",
    "Outbox",
    "OutboxEntry",
    "SyncReport",
    "sync",
    "fold",
    "fts_query",
]
