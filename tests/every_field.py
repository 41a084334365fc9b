"""The generated hostile suite's engine: every text field of every kind by every payload family, one strict build each.

For a family, every text slot of the content gets the family's value with its own marker. The loader's report
must name only payload slots (file and line); those slots get their first value back and the rest must build
with `mkdocs build --strict`; then every output is read back (tests/readback.py) and each accepted value must
appear exactly as typed wherever its marker appears, and somewhere. `python -m tests.every_field` prints the
figures the README quotes.
"""

from __future__ import annotations

import re
import shutil
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from macros.content.problems import Problem

from .conftest import FIXTURES, make_project, mkdocs_build
from .fields import Content, Project, Slot, fill_missing
from .payloads import FAMILIES, Family, marker
from .readback import Reading, Seen, fold, read_site

MARKERS = re.compile(r"Zq[0-9]+Q")


KEEP_ENGLISH = {"trainings/undated-talk.yaml", "topics/postvention.yaml"}
"""Files left without a Spanish translation: their payloads show on Spanish pages as English, marked so."""


def base_project(target: Path) -> Project:
    """The fixture content, the every-field additions, a sample for any field still without a place, and a Spanish
    translation of every file but `KEEP_ENGLISH` (the fixture's own partial ones replaced by whole ones)."""
    project = Project(make_project(target))
    shutil.copytree(FIXTURES / "every-field" / "sessions", project.sessions, dirs_exist_ok=True)
    shutil.rmtree(project.sessions / "es")
    unplaced = fill_missing(Content.read(project.sessions), project)
    assert not unplaced, f"give these fields a place in tests/fixtures/every-field/: {unplaced}"
    content = Content.read(project.sessions)
    content.translate("es", KEEP_ENGLISH)
    for file in content.files:
        (project.sessions / file).parent.mkdir(parents=True, exist_ok=True)
    assert not project.problems(content), project.problems(content)
    return project


@dataclass
class SlotOutcome:
    slot: Slot
    marker: str
    value: str
    refused: Problem | None = None
    shown: list[str] = field(default_factory=list)
    """Outputs that show the value exactly as typed."""
    wrong: list[str] = field(default_factory=list)
    """Outputs that show the marker but not the value as typed (cut short only with "…" or at a sentence)."""

    @property
    def name(self) -> str:
        return f"{self.slot.field.name} (sessions/{self.slot.file})"


@dataclass
class FamilyOutcome:
    family: str
    slots: list[SlotOutcome]
    stray: list[str] = field(default_factory=list)
    """Problems the loader reported away from any payload, or after the refused values were taken back."""
    build_error: str = ""
    site: Path | None = None
    """The built site, when the family was built."""
    reading: Reading = field(default_factory=Reading)
    seconds: float = 0.0

    def failures(self) -> list[str]:
        found = self.stray + ([f"build failed: {self.build_error}"] if self.build_error else [])
        found += self.reading.alarms + [
            f"{name}: holds a payload but no reader reads it" for name in self.reading.unread
        ]
        for slot in self.slots:
            if slot.refused is None and not self.build_error:
                found += [f"{slot.name}: shown otherwise than typed in {output}" for output in slot.wrong]
        return found


def _lines(sessions: Path, files: set[str]) -> dict[str, tuple[str, int, int]]:
    """Marker → (file, first line, last line) of the scalar that holds it, as the loader counts lines."""
    where = {}
    for file in files:
        stack = [yaml.compose((sessions / file).read_text(encoding="utf-8"))]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.ScalarNode):
                for found in MARKERS.findall(node.value):
                    where[found] = (f"sessions/{file}", node.start_mark.line + 1, node.end_mark.line + 1)
            elif isinstance(node, yaml.MappingNode):
                stack += [value for _, value in node.value]
            elif isinstance(node, yaml.SequenceNode):
                stack += node.value
    return where


def prepare(family: Family, base: Project, target: Path) -> tuple[Project, list[SlotOutcome], list[str]]:
    """A copy of `base` with the family's value in every text slot; refused values taken back."""
    project = Project(target)
    shutil.copytree(base.root, target, symlinks=True, ignore=shutil.ignore_patterns("site"))
    content = Content.read(project.sessions)
    originals = {}
    outcomes = []
    for index, slot in enumerate(slot for slot in content.slots() if slot.field.is_text):
        tag = marker(index)
        originals[tag] = slot.value
        slot.value = family.make(tag, index) or slot.value
        outcomes.append(SlotOutcome(slot, tag, slot.value))
    lines = _lines_after(project, content, outcomes)
    by_marker = {outcome.marker: outcome for outcome in outcomes}
    stray: list[str] = []
    problems = project.problems(content)
    while problems and not stray:  # a rule across fields runs only once its fields pass: take back, load again
        for problem in problems:
            hit = [
                tag
                for tag, (file, first, last) in lines.items()
                if file == problem.file and first <= problem.line <= last
            ]
            stray += [] if hit else [f"refused away from any payload: {problem}"]
            for tag in hit:
                by_marker[tag].refused = problem
                by_marker[tag].slot.value = originals[tag]
        problems = project.problems(content)
    return project, outcomes, stray


def _lines_after(project: Project, content: Content, outcomes: list[SlotOutcome]) -> dict[str, tuple[str, int, int]]:
    """Where each payload stands once written: the first write, before any value is taken back."""
    content.write(project.sessions)
    return _lines(project.sessions, {outcome.slot.file for outcome in outcomes})


def judge(outcome: SlotOutcome, seen: list[Seen]) -> None:
    """Where the slot's marker shows, the value must show as typed, or cut short with "…" or at a sentence end."""
    whole = fold(outcome.value)
    for item in seen:
        if outcome.marker not in item.text:
            continue
        if whole in item.text:
            outcome.shown.append(item.output)
        elif not _cut_short(item.text[item.text.index(outcome.marker) :], whole):
            outcome.wrong.append(f"{item.output}: {item.text[:160]!r}")


def _cut_short(rest: str, whole: str) -> bool:
    """`rest` (from the marker on) starts as `whole` does and leaves it with "…", or after a whole sentence."""
    common = 0
    for mine, theirs in zip(rest, whole, strict=False):
        if mine != theirs:
            break
        common += 1
    kept, after = whole[:common].rstrip(), rest[common:].lstrip()
    at_sentence_end = common > len(rest.split(maxsplit=1)[0]) and kept.endswith((".", "!", "?"))
    return bool(kept) and (after.startswith("…") or at_sentence_end)


BASELINE = Family("baseline", lambda marker, index: "", "the content as it is, for fields no payload passes")


def run_family(name: str, base: Project, scratch: Path) -> FamilyOutcome:
    """One family's strict build and read-back (by name: a worker process looks the family up itself).

    A family whose every value is refused publishes nothing new, so it is not built."""
    started = time.monotonic()
    family = next(family for family in (*FAMILIES, BASELINE) if family.name == name)
    project, slots, stray = prepare(family, base, scratch / name)
    outcome = FamilyOutcome(name, slots, stray)
    if not stray and (family is BASELINE or any(slot.refused is None for slot in slots)):
        site = scratch / f"{name}-site"
        result = mkdocs_build(project.root, site)
        if result.returncode != 0:
            outcome.build_error = result.stderr[-2000:]
        else:
            outcome.site = site
            try:
                outcome.reading = read_site(site, None if family is BASELINE else MARKERS)
            except Exception:  # a reader that cannot read an output: report it with the family, not from the pool
                outcome.stray.append(f"reading the site back failed: {traceback.format_exc()[-1500:]}")
            index: dict[str, list[Seen]] = {}
            for item in outcome.reading.seen:
                for found in set(MARKERS.findall(item.text)):
                    index.setdefault(found, []).append(item)
            for slot in slots:
                if slot.refused is None:
                    judge(slot, index.get(slot.marker, []))
    outcome.seconds = time.monotonic() - started
    return outcome


def run_all(scratch: Path, families: tuple[Family, ...] = (*FAMILIES, BASELINE)) -> dict[str, FamilyOutcome]:
    """Every family, two at a time (a build is one `mkdocs` process; reading it back, Python in a worker)."""
    base = base_project(scratch / "base")
    with ProcessPoolExecutor(max_workers=2) as pool:
        done = pool.map(partial(run_family, base=base, scratch=scratch), [family.name for family in families])
        return {outcome.family: outcome for outcome in done}


def figures(everything: dict[str, FamilyOutcome]) -> Iterator[str]:
    """The lines the README quotes: fields by families, refused, inert, failures."""
    outcomes = {name: outcome for name, outcome in everything.items() if name != BASELINE.name}
    fields = {slot.slot.field.name for outcome in outcomes.values() for slot in outcome.slots}
    slots = [slot for outcome in outcomes.values() for slot in outcome.slots]
    refused = Counter(outcome.family for outcome in outcomes.values() for slot in outcome.slots if slot.refused)
    yield f"{len(fields)} text fields by {len(outcomes)} families = {len(fields) * len(outcomes)} field-family pairs"
    yield f"{len(slots)} values tried ({len(slots) // max(1, len(outcomes))} text slots per build)"
    yield f"refused at their line: {sum(refused.values())}; shown as typed: {sum(1 for slot in slots if slot.shown)}"
    yield f"failures: {sum(len(outcome.failures()) for outcome in outcomes.values())}"
    for name, outcome in outcomes.items():
        yield (
            f"  {name}: {refused.get(name, 0)} refused, {sum(1 for slot in outcome.slots if slot.shown)} shown, "
            f"{len(outcome.failures())} failures, {outcome.seconds:.1f} s"
        )


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        started = time.monotonic()
        results = run_all(Path(folder))
        for line in figures(results):
            print(line)
        for outcome in results.values():
            for failure in outcome.failures()[:20]:
                print(f"[{outcome.family}] {failure}")
        print(f"{time.monotonic() - started:.1f} s in all")
