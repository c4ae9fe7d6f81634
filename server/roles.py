"""The roles of the document system, as stable keys: the workflow contract's
(``base.workflow.Role``), importable here without the database layer, so the command line can
offer them without loading SQLAlchemy and FastAPI at start-up."""

from __future__ import annotations

from base.workflow import Role

__all__ = ["Role"]
