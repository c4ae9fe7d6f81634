"""What the records' services share: the signed-in session, its records API, and the cache
refreshed after a change so the next offline reading already holds it."""

from __future__ import annotations

import logging

from client.cache.case_files import CaseFilePull, pull_case_files
from client.errors import ServerUnavailable
from client.records_api import RecordsApi

from ..session import Session

__all__ = ["RecordsPart"]

logger = logging.getLogger(__name__)


class RecordsPart:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def api(self) -> RecordsApi:
        return self.session.client.records

    def refresh_cache(self) -> CaseFilePull | None:
        """Pull the case files' feed (a change just made, or a sync); None while unreachable."""
        try:
            return pull_case_files(self.session.store, self.api)
        except ServerUnavailable:
            self.session.online = False
            logger.info("case files not refreshed: the server is unreachable")
            return None
