"""The server runs unchanged on a real PostgreSQL."""

import itertools

from client.api import ApiClient
from tests.fixtures.outgoing import signed_outgoing

_names = itertools.count()


def test_server_on_postgres(postgres_server, server_factory) -> None:
    url = postgres_server.create_database(f"smoke{next(_names)}")
    server = server_factory(database_url=url)
    client = ApiClient(server.base_url)
    client.login(*server.credentials("clerk"))
    signed = client.get_document(signed_outgoing(server, "Kiểm tra PostgreSQL")["id"])
    assert client.take_step(signed.id, "number", signed.revision).code_number
