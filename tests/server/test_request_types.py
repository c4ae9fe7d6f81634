"""Request bodies take each value as the type it is: a number is never read as a boolean
(``"active": 0`` once disabled an account where the contract says true/false)."""

from __future__ import annotations

import types
import typing

import pydantic

from server import schemas


def _request_models() -> list[type[pydantic.BaseModel]]:
    found, todo = [], [schemas.Strict]
    while todo:
        model = todo.pop()
        found.append(model)
        todo.extend(model.__subclasses__())
    return found


def _is_bool(annotation: object) -> bool:
    if annotation is bool:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_bool(a) for a in typing.get_args(annotation))
    return False


def test_every_boolean_of_a_request_is_strict() -> None:
    loose = [
        f"{model.__name__}.{name}"
        for model in _request_models()
        for name, field in model.model_fields.items()
        if _is_bool(field.annotation)
        and not any(isinstance(m, pydantic.types.Strict) and m.strict for m in field.metadata)
    ]
    assert loose == []


def test_a_number_for_a_boolean_is_refused() -> None:
    for value in (0, 1, "true", "yes"):
        try:
            schemas.AccountPatch.model_validate({"active": value})
        except pydantic.ValidationError:
            continue
        raise AssertionError(f"{value!r} taken for a boolean")
    assert schemas.AccountPatch.model_validate({"active": False}).active is False
