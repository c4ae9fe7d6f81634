"""The server runs unchanged on a real PostgreSQL."""

import itertools

from client.api import ApiClient

_names = itertools.count()


def test_server_on_postgres(postgres_server, server_factory) -> None:
    url = postgres_server.create_database(f"smoke{next(_names)}")
    server = server_factory(database_url=url)
    client = ApiClient(server.base_url)
    client.login(*server.credentials("clerk"))
    doc = client.create_document(
        {"direction": "outgoing", "subject": "Kiểm tra PostgreSQL", "status": "signed"}
    )
    assert client.assign_number(doc.id).code_number
