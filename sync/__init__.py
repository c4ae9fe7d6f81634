"""Watched-folder upload engine: detects archivists' scans, waits until they
are stable, converts images to PDF, and uploads every file exactly once
through a persistent SQLite queue that survives crashes and network loss.
No Qt here."""
