"""The YAML specs and the model describe the same fields, so neither can drift from the other."""

from __future__ import annotations

import dataclasses

import pytest

from macros.content import model as m
from macros.content import specs as schema
from macros.content.spec import Obj


def _derived(cls: type) -> set[str]:
    """Fields the loader sets (id, where the item came from, a file's size), never written in YAML."""
    return {field.name for field in dataclasses.fields(cls) if field.name in ("id", "size") or field.type == "Source"}


PAIRS = [
    (schema.SITE, m.Site),
    (schema.TOPIC, m.Topic),
    (schema.PERSON, m.Person),
    (schema.TRAINING, m.Training),
    (schema.SERIES, m.Series),
    (schema.SESSION, m.SeriesSession),
    (schema.PROGRAM, m.Program),
    (schema.RATING, m.Rating),
    (schema.SERVICE, m.Service),
    (schema.RECORDING, m.Recording),
    (schema.RESOURCE, m.Resource),
    (schema.REFERENCE, m.Reference),
    (schema.CONTACT, m.Contact),
    (schema.HELP_LINE, m.HelpLine),
]


@pytest.mark.parametrize(("spec", "cls"), PAIRS, ids=[cls.__name__ for _, cls in PAIRS])
def test_spec_fields_match_model_fields(spec: Obj, cls: type) -> None:
    model_fields = {field.name for field in dataclasses.fields(cls)} - _derived(cls)
    assert set(spec.fields) == model_fields


@pytest.mark.parametrize(("spec", "cls"), PAIRS, ids=[cls.__name__ for _, cls in PAIRS])
def test_required_fields_have_no_default_in_the_model(spec: Obj, cls: type) -> None:
    defaults = {
        field.name
        for field in dataclasses.fields(cls)
        if field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
    }
    required = {name for name, declared in spec.fields.items() if declared.required}
    assert required.isdisjoint(defaults), required & defaults
