"""Reference provincial document server (FastAPI + SQLAlchemy + Alembic):
the embedded demo default and the target of every test.  No Qt here."""
