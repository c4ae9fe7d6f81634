"""Core client library: the typed API client for the provincial document
server, the local SQLite cache (incremental sync, offline search, file cache,
offline action queue) and the shared error root.  No Qt here: the UI and the
CLI are thin layers over this package."""
