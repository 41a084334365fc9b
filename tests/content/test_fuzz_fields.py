"""Property tests: Hypothesis writes values of every field type into the fields of that type, one at a time.

Each value is either refused with problems in the loader's own form (file:line: field: what and the fix, one
readable line) or accepted and written by the pure page and file writers (no MkDocs) without live markup or a
formula; accepted text also shows exactly as typed wherever its marker appears. The bounded profile runs in CI;
`HUB_FUZZ=long` runs 400 examples a type. A failure Hypothesis finds is added to tests/fixtures/fuzz-found.yaml,
which replays every one of them on every run.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.content import spec as s
from macros.content.load import load_catalogs
from macros.outputs.base import BuildInfo
from macros.outputs.plan_docx import column_widths
from macros.outputs.producers import generate_files
from macros.site.language import ENGLISH, load_language
from macros.site.pages import PageInputs, generate_pages
from macros.site.relations import build_relations

from ..conftest import FIXTURES
from ..every_field import SlotOutcome, base_project, judge
from ..fields import Content, Project, Slot
from ..fuzz_values import STRATEGIES
from ..readback import READERS, Reading, read_html

MARK = "Zq9999Q"
LINE_FORM = r"^(sessions|docs)/[^:]+:[0-9]+: "
FOUND = FIXTURES / "fuzz-found.yaml"
CASCADING = (s.Ref, s.Identifier)
"""Types whose value other files point to: refusing one may be reported where it is used."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Content]:
    base = base_project(tmp_path_factory.mktemp("fuzz") / "project")
    return base, Content.read(base.sessions)


def try_value(project: Project, base: Content, field: str, occurrence: int, value: str) -> str:
    """Put `value` in the `occurrence`-th slot of `field`; 'refused' or 'accepted', asserting what each must hold."""
    content = Content(copy.deepcopy(base.files))
    slot = [slot for slot in content.slots() if slot.field.name == field][occurrence]
    slot.value = value
    problems = project.problems(content)
    if problems:
        _check_refusal(problems, slot)
        return "refused"
    _check_writers(project, slot, value)
    return "accepted"


def _check_refusal(problems: list[Any], slot: Slot) -> None:
    for problem in problems:
        assert re.match(LINE_FORM, str(problem)), str(problem)
        assert len(str(problem)) < 400, "a message is one readable line"
    if not isinstance(slot.field.spec, CASCADING):  # in its own file, or where another item relies on this one
        item = f"'{Path(slot.file).stem}'"
        assert any(problem.file == f"sessions/{slot.file}" or item in problem.message for problem in problems), problems


def _check_writers(project: Project, slot: Slot, value: str) -> None:
    """The pure writers of every language: in Spanish the value is text no translation gives, shown marked English."""
    catalogs = load_catalogs(project.sessions, project.docs, root=project.root, languages=("en", "es"))
    outputs: dict[str, Any] = {}
    pages = []
    for language in (ENGLISH, load_language("es")):
        catalog = catalogs[language.code]
        relations = build_relations(catalog, language)
        info = BuildInfo(site_url="http://127.0.0.1:8000/", language=language)
        made = generate_files(catalog, relations, info)
        outputs |= made
        sizes = {path.removeprefix(language.prefix): len(out.content) for path, out in made.items()}
        pages += generate_pages(PageInputs(catalog, relations, sizes, project.docs, language, catalogs["en"]))
    reading = Reading()
    for page in pages:
        read_html(page.path, page.html.encode("utf-8"), reading)
    for path, output in outputs.items():
        reader = READERS.get(Path(path).suffix)
        if reader is not None:
            reader(path, output.content, reading)
    assert reading.alarms == []
    if MARK in value:
        outcome = SlotOutcome(slot, MARK, value)
        judge(outcome, reading.seen)
        assert outcome.wrong == []


def _fields_of(kind: type, content: Content) -> list[tuple[str, int]]:
    """Every (field, occurrence) whose spec is of type `kind`."""
    seen: dict[str, int] = {}
    found = []
    for slot in content.slots():
        if type(slot.field.spec) is kind:
            found.append((slot.field.name, seen.get(slot.field.name, 0)))
        seen[slot.field.name] = seen.get(slot.field.name, 0) + 1
    return found


@pytest.mark.parametrize("kind", sorted(STRATEGIES, key=lambda kind: kind.__name__), ids=lambda kind: kind.__name__)
def test_generated_values_are_refused_with_their_line_or_written_inert(
    kind: type, project: tuple[Project, Content]
) -> None:
    folder, base = project
    places = _fields_of(kind, base)
    specs = {slot.field.name: slot.field.spec for slot in base.slots()}

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.data())
    def check(data: st.DataObject) -> None:
        field, occurrence = data.draw(st.sampled_from(places), label="field")
        value = data.draw(STRATEGIES[kind](specs[field]), label="value")
        if kind is s.Text:
            value = f"{MARK} {value}"
        try_value(folder, base, field, occurrence, value)

    check()


CASES: list[dict[str, str]] = yaml.safe_load(FOUND.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_every_value_once_found_failing_now_passes(case: dict[str, str], project: tuple[Project, Content]) -> None:
    folder, base = project
    assert try_value(folder, base, case["field"], int(case.get("occurrence", 0)), case["value"]) == case["expect"]


@given(
    st.lists(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=12), min_size=1, max_size=8),
    st.integers(914_400, 9 * 914_400),
    st.booleans(),
)
def test_word_column_widths_always_fill_the_page_and_none_is_empty(
    columns: list[list[str]], total: int, labelled: bool
) -> None:
    widths = column_widths(columns, total, labelled=labelled and len(columns) > 1)
    assert sum(widths) == total
    assert min(widths) > 0
