"""What each kind of YAML file may hold: field names, types, required fields and cross-field rules."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from macros.content import model as m
from macros.content.spec import (
    Choice,
    Date,
    Doi,
    Email,
    Field,
    Identifier,
    Integer,
    ListOf,
    LocalFile,
    Obj,
    Phone,
    Ref,
    Text,
    Url,
)
from macros.content.values.urls import VIDEO_HOSTS
from macros.content.values.video import embed_problem

STATUSES = tuple(m.STATUS_LABELS)
TITLE = Text(one_line=True, doc="A short title on one line.")
PARAGRAPHS = Text(doc="Plain text; a blank line starts a new paragraph.")
LINK = Url(schemes=("https", "mailto", "tel"))


def _req(spec: Any) -> Field:
    return Field(spec, required=True)


def _opt(spec: Any) -> Field:
    return Field(spec)


def _refs(kind: str, doc: str) -> Field:
    return _opt(ListOf(item=Ref(kind=kind), unique=True, doc=doc))


def _texts(doc: str) -> Field:
    return _opt(ListOf(item=PARAGRAPHS, doc=doc))


ALIASES = _opt(
    ListOf(item=Identifier(), unique=True, doc="Old ids after a rename: each old address redirects to this page.")
)


def _status_matches_location(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Available means there is something to open; any other status means there is not (yet)."""
    status = values["status"]
    places = [name for name in ("file", "url") if values.get(name)]
    if status == "available" and len(places) != 1:
        return [("status", "is available, so give exactly one of `file:` or `url:` (or change the status)")]
    if status != "available" and places:
        return [(places[0], f"is given but status is {status}; set `status: available` or remove it")]
    return []


def _accessible_recording(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """An available recording needs captions and a transcript (WCAG 1.2.2, 1.2.3), or a visible note on what is missing.

    A transcript alone does not replace captions, and captions alone do not replace a transcript.
    """
    if values["status"] != "available" or values.get("accessibility_note"):
        return []
    note = "or add an accessibility_note saying what is missing and how to ask for an accessible version"
    problems = []
    if not values.get("captions"):
        problems.append(
            ("captions", f"is missing: give a .vtt file under docs/files/ (or `provider` for the player's own), {note}")
        )
    if not values.get("transcript") and not values.get("transcript_text"):
        problems.append(
            ("transcript", f"is missing: give a file under docs/files/ or the text as `transcript_text:`, {note}")
        )
    return problems


def _playable_recording(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The page loads the player on request, so it must find a video id; a self-hosted video needs its own .vtt."""
    problems = []
    if values.get("url") and (problem := embed_problem(values["url"])):
        problems.append(("url", problem))
    if values.get("file") and values.get("captions") == "provider":
        problems.append(("captions", "a self-hosted video has no provider player; give a .vtt file under docs/files/"))
    if values.get("transcript") and values.get("transcript_text"):
        problems.append(("transcript_text", "is given as well as `transcript:`; keep one"))
    return problems


def _known_timezone(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Calendars name the zone; a typo would silently shift every session."""
    name = values.get("timezone")
    if name is None:
        return []
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        return [("timezone", f"{name[:60]!r} is not a time zone name; write one like America/New_York")]
    return []


def _valid_time(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A session time needs a day to belong to, and must be a real 24-hour clock time."""
    time = values.get("time")
    if time is None:
        return []
    match = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", time)
    if not match:
        return [("time", f'{time!r} is not a 24-hour time; write it in quotes like "12:30"')]
    date = values.get("date")
    if date is None or not date.has_day:
        return [("time", "needs a full date (2017-03-14) on the same session; remove it or add the day")]
    return []


RESOURCE = Obj(
    doc="Slides, a handout or a worksheet.",
    fields={
        "title": _req(TITLE),
        "status": _req(Choice(options=STATUSES, doc="available, coming-soon, on-request or unavailable")),
        "file": _opt(LocalFile(doc="A file under docs/files/.")),
        "url": _opt(Url(doc="An https address.")),
        "note": _opt(PARAGRAPHS),
    },
    rules=(_status_matches_location,),
    build=lambda values, checker: m.Resource(**values, size=checker.file_size(values.get("file"))),
)

RECORDING = Obj(
    doc="A recorded session and how to watch it.",
    fields={
        "status": _req(Choice(options=STATUSES)),
        "url": _opt(Url(hosts=VIDEO_HOSTS, doc="A YouTube or Vimeo address.")),
        "file": _opt(LocalFile(suffixes=(".mp4", ".webm"), doc="A self-hosted video under docs/files/.")),
        "duration": _opt(Integer(minimum=1, maximum=24 * 60, doc="Length in whole minutes.")),
        "captions": _opt(
            LocalFile(
                suffixes=(".vtt",),
                keywords=("provider",),
                doc="A WebVTT file under docs/files/, or `provider` when the player has them.",
            )
        ),
        "transcript": _opt(LocalFile(suffixes=(".md", ".txt", ".pdf", ".html"), doc="A transcript file.")),
        "transcript_text": _opt(
            Text(doc="The transcript itself; a blank line starts a new paragraph.", max_length=200_000)
        ),
        "accessibility_note": _opt(PARAGRAPHS),
        "note": _opt(PARAGRAPHS),
    },
    rules=(_status_matches_location, _accessible_recording, _playable_recording),
    build=lambda values, checker: m.Recording(**values),
)

REFERENCE = Obj(
    fields={
        "citation": _req(PARAGRAPHS),
        "url": _opt(Url()),
        "doi": _opt(Doi()),
        "note": _opt(PARAGRAPHS),
    },
    build=lambda values, checker: m.Reference(**values),
)

CONTACT = Obj(
    fields={
        "name": _req(TITLE),
        "note": _opt(PARAGRAPHS),
        "url": _opt(LINK),
        "email": _opt(Email(doc="An organization's address; never a person's.")),
        "phone": _opt(Phone()),
    },
    build=lambda values, checker: m.Contact(**values),
)


def _short_name_in_the_bar(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The short name is shown only in the crisis bar, which lists crisis lines; elsewhere it would do nothing."""
    if values.get("short_name") and values.get("kind") != "crisis":
        return [("short_name", "names a line in the crisis bar, which lists only `kind: crisis` lines; remove it")]
    return []


HELP_LINE = Obj(
    fields={
        "name": _req(TITLE),
        "description": _req(PARAGRAPHS),
        "short_name": _opt(
            Text(
                one_line=True,
                max_length=40,
                doc="A crisis line's name in the bar on every page, in a few words: 988 Lifeline.",
            )
        ),
        "phone": _opt(Phone()),
        "text": _opt(Phone(doc="A number that takes text messages.")),
        "chat_url": _opt(Url()),
        "call_label": _opt(
            Text(
                one_line=True,
                max_length=60,
                doc="What the call link says (Call 988 when not given); a translation can add how to reach the line "
                "in its language: Llame al 988 y marque 2.",
            )
        ),
        "text_label": _opt(
            Text(one_line=True, max_length=60, doc="What the text link says (Text 988 when not given).")
        ),
        "chat_label": _opt(
            Text(one_line=True, max_length=60, doc="What the chat link says (Chat online when not given).")
        ),
        "hours": _opt(TITLE),
        "kind": _opt(
            Choice(
                options=("crisis", "support"),
                doc="crisis: shown in the bar on every page (988); support: a line that is not for a crisis.",
            )
        ),
    },
    rules=(_short_name_in_the_bar,),
    build=lambda values, checker: m.HelpLine(**values),
)

SITE = Obj(
    fields={
        "title": _req(TITLE),
        "organization": _req(TITLE),
        "description": _req(PARAGRAPHS),
        "help_lines": _req(ListOf(item=HELP_LINE, min_items=1)),
        "contact": _req(CONTACT),
        "timezone": _opt(
            Text(one_line=True, translatable=False, doc="IANA time zone of session times, e.g. America/New_York.")
        ),
    },
    rules=(_known_timezone,),
)


def _distinct_terms(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A group that names one term twice (in any case) is a slip; search would treat it as one word anyway."""
    seen: set[str] = set()
    for term in values["terms"]:
        if term.casefold() in seen:
            return [("terms", f"{term!r} is listed twice in this group; keep one")]
        seen.add(term.casefold())
    return []


SYNONYM_TERM = Text(
    one_line=True,
    translatable=False,
    doc="An abbreviation or a phrase, as people type it: VLN, virtual learning network.",
)
LANGUAGE = Choice(
    options=("en", "es"), doc="The language of the pages searched with these terms: en (the default) or es."
)
SYNONYMS = Obj(
    fields={
        "synonyms": _req(
            ListOf(
                item=Obj(
                    fields={"terms": _req(ListOf(item=SYNONYM_TERM, min_items=2)), "lang": _opt(LANGUAGE)},
                    rules=(_distinct_terms,),
                    doc="Terms that search treats as one: typing any of them finds pages with the others.",
                ),
                min_items=1,
            )
        )
    }
)

AUDIENCE = Obj(fields={"id": _req(Identifier()), "title": _req(TITLE)})
AUDIENCES = Obj(fields={"audiences": _req(ListOf(item=AUDIENCE, min_items=1))})

TOPIC = Obj(
    fields={
        "title": _req(TITLE),
        "summary": _req(PARAGRAPHS),
        "description": _opt(PARAGRAPHS),
        "scope": _opt(
            ListOf(
                item=Obj(
                    fields={"label": _req(TITLE), "text": _req(PARAGRAPHS)},
                    build=lambda values, checker: m.ScopeItem(**values),
                )
            )
        ),
        "expert_note": _opt(PARAGRAPHS),
        "experts": _refs("person", "Ids of the topic's experts: their pages link back to the topic."),
        "principles": _opt(ListOf(item=Choice(options=m.PRINCIPLES), unique=True)),
        "references": _opt(ListOf(item=REFERENCE)),
        "aliases": ALIASES,
    },
)

PERSON = Obj(
    fields={
        "name": _req(Text(one_line=True, translatable=False, doc="The person's name, as they write it.")),
        "credentials": _opt(TITLE),
        "role": _opt(TITLE),
        "affiliation": _opt(TITLE),
        "bio": _opt(PARAGRAPHS),
        "aliases": ALIASES,
    },
)

CREDIT = Obj(
    doc="Continuing-education credit an accredited provider offers for this training, and where to claim it.",
    fields={
        "provider": _req(
            Text(one_line=True, translatable=False, doc="The accredited provider that awards it, as it names itself.")
        ),
        "offered": _req(Text(one_line=True, doc="What credit, and for whom: 1.5 CE hours for social workers.")),
        "evaluation_url": _req(Url(doc="The provider's own evaluation or claim page (https).")),
        "note": _opt(PARAGRAPHS),
    },
    build=lambda values, checker: m.Credit(**values),
)

TRAINING = Obj(
    fields={
        "title": _req(TITLE),
        "date": _req(Date(allow_unknown=True)),
        "summary": _req(PARAGRAPHS),
        "presenters": _refs("person", "Ids of the people who presented."),
        "topics": _refs("topic", "Ids of topics."),
        "audiences": _refs("audience", "Ids of audiences."),
        "delivery": _opt(Choice(options=tuple(m.DELIVERY_LABELS))),
        "series": _opt(Ref(kind="series", doc="The archive this training belongs to.")),
        "objectives": _texts("What participants learn."),
        "content_note": _opt(PARAGRAPHS),
        "recording": _opt(RECORDING),
        "slides": _opt(RESOURCE),
        "handouts": _opt(ListOf(item=RESOURCE)),
        "credit": _opt(CREDIT),
        "aliases": ALIASES,
    },
)


def _sessions_numbered_in_order(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    numbers = [session.number for session in values.get("sessions", ())]
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        return [("sessions", f"are numbered {numbers}; number them 1 to {len(numbers)} in order")]
    return []


SESSION = Obj(
    fields={
        "number": _req(Integer(minimum=1, maximum=999)),
        "title": _opt(TITLE),
        "date": _opt(Date(allow_unknown=True)),
        "time": _opt(
            Text(one_line=True, translatable=False, doc='Start time, 24-hour, in quotes: "12:00" (site time zone).')
        ),
        "duration": _opt(Integer(minimum=1, maximum=24 * 60, doc="Length of the live session in minutes.")),
        "summary": _opt(PARAGRAPHS),
        "presenters": _refs("person", "Ids of the people who presented."),
        "content_note": _opt(PARAGRAPHS),
        "recording": _opt(RECORDING),
        "slides": _opt(RESOURCE),
        "handouts": _opt(ListOf(item=RESOURCE)),
    },
    rules=(_valid_time,),
    build=lambda values, checker: m.SeriesSession(**values),
)

SERIES = Obj(
    fields={
        "title": _req(TITLE),
        "kind": _req(Choice(options=("vln", "archive"), doc="vln (a Virtual Learning Network) or archive")),
        "summary": _req(PARAGRAPHS),
        "start": _opt(Date()),
        "end": _opt(Date()),
        "organizers": _texts("Organizations that run it."),
        "partners": _texts("Partner organizations."),
        "purpose": _opt(PARAGRAPHS),
        "background": _opt(PARAGRAPHS),
        "how_it_works": _opt(PARAGRAPHS),
        "objectives": _texts("What the series sets out to do."),
        "facilitators": _refs("person", "Ids of facilitators."),
        "team_requirements": _texts("What a participating team needs."),
        "topics": _refs("topic", "Ids of topics."),
        "audiences": _refs("audience", "Ids of audiences."),
        "sessions": _opt(ListOf(item=SESSION)),
        "resources": _opt(ListOf(item=REFERENCE)),
        "contact": _opt(CONTACT),
        "status_note": _opt(PARAGRAPHS),
        "aliases": ALIASES,
    },
    rules=(_sessions_numbered_in_order,),
)

RATING = Obj(
    fields={
        "value": _req(Choice(options=tuple(m.RATING_LABELS), doc="1 to 5, or NR")),
        "source": _req(TITLE),
        "reviewed": _req(Date(allow_unknown=True)),
        "url": _opt(Url()),
    },
    build=lambda values, checker: m.Rating(**values),
)

PROGRAM = Obj(
    fields={
        "name": _req(TITLE),
        "summary": _req(PARAGRAPHS),
        "rating": _req(RATING),
        "topics": _refs("topic", "Ids of topics."),
        "population": _opt(PARAGRAPHS),
        "delivery": _opt(PARAGRAPHS),
        "components": _texts("Named parts or skills of the program."),
        "aliases": ALIASES,
    },
)

SERVICE = Obj(
    fields={
        "title": _req(TITLE),
        "summary": _req(PARAGRAPHS),
        "provider": _opt(TITLE),
        "partners": _texts("Partner organizations."),
        "eligibility": _opt(PARAGRAPHS),
        "description": _opt(PARAGRAPHS),
        "when_to_use": _opt(PARAGRAPHS),
        "examples": _texts("Situations the service is for."),
        "what_happens": _texts("The steps after a request, in order."),
        "formats": _texts("How it is delivered."),
        "how_to_request": _opt(
            Obj(
                fields={"instructions": _req(PARAGRAPHS), "phone": _opt(Phone()), "url": _opt(LINK)},
                build=lambda values, checker: m.HowToRequest(**values),
            )
        ),
        "response_time": _opt(PARAGRAPHS),
        "offerings": _opt(
            ListOf(
                item=Obj(
                    fields={
                        "title": _req(TITLE),
                        "status": _req(Choice(options=tuple(m.OFFERING_LABELS))),
                        "description": _opt(PARAGRAPHS),
                    },
                    build=lambda values, checker: m.Offering(**values),
                )
            )
        ),
        "topics": _refs("topic", "Ids of topics."),
        "audiences": _refs("audience", "Ids of audiences."),
        "aliases": ALIASES,
    },
)


def _options_only_for_choice(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A choice needs something to choose from; options on any other type would be silently dropped."""
    if values["type"] == "choice" and len(values.get("options", ())) < 2:
        return [("type", "is choice, so list at least two `options:` to choose from")]
    if values["type"] != "choice" and values.get("options"):
        return [("options", "only a choice field has options; remove them or write `type: choice`")]
    return []


def _rows_or_labels(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Rows are either labelled (one per domain, principle…) or a count of empty rows, never both."""
    if not values["columns"]:
        return [("columns", "is empty; name at least one column, like [Goal, Action steps, Lead, Timeline]")]
    if values.get("row_labels") and "rows" in values:
        return [("rows", "is given as well as `row_labels:` (one row per label); keep one")]
    if values.get("row_labels") and not values.get("row_heading"):
        return [("row_labels", "need a `row_heading:` naming the first column, like Implementation domain")]
    if values.get("row_heading") and not values.get("row_labels"):
        return [("row_heading", "names the column of row labels; add `row_labels:` or remove it")]
    return []


def _fields_or_table(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    if not values.get("fields") and not values.get("table"):
        return [("fields", "are missing: a section holds `fields:`, a `table:`, or both")]
    return []


PLAN_FIELD = Obj(
    doc="One prompt and the answer it takes.",
    fields={
        "id": _req(Identifier(doc="Unique within its section; keys the saved answer.")),
        "label": _req(Text(doc="The prompt, as a question or a short label.")),
        "type": _req(Choice(options=tuple(m.FIELD_TYPE_LABELS), doc="The kind of answer.")),
        "guidance": _opt(PARAGRAPHS),
        "options": _opt(ListOf(item=TITLE, unique=True, doc="The choices of a choice field.")),
    },
    rules=(_options_only_for_choice,),
    build=lambda values, checker: m.PlanField(**values),
)

PLAN_TABLE = Obj(
    doc="A planning table with named columns.",
    fields={
        "columns": _req(ListOf(item=TITLE, unique=True, doc="Column headings, e.g. Goal, Lead.")),
        "rows": _opt(Integer(minimum=1, maximum=50, doc="How many empty rows (5 when not given).")),
        "row_labels": _opt(ListOf(item=TITLE, unique=True, doc="One row per label, e.g. the ten domains.")),
        "row_heading": _opt(TITLE),
    },
    rules=(_rows_or_labels,),
    build=lambda values, checker: m.PlanTable(**values),
)

PLAN_SECTION = Obj(
    fields={
        "id": _req(Identifier(doc="Unique within the plan; keys the saved answers.")),
        "title": _req(TITLE),
        "guidance": _opt(PARAGRAPHS),
        "fields": _opt(ListOf(item=PLAN_FIELD, min_items=1, unique_by="id")),
        "table": _opt(PLAN_TABLE),
    },
    rules=(_fields_or_table,),
    build=lambda values, checker: m.PlanSection(**values),
)

ACTION_PLAN = Obj(
    doc="An action-plan template: one source for its page, the form and the DOCX, XLSX and CSV downloads.",
    fields={
        "title": _req(TITLE),
        "filled_by": _req(PARAGRAPHS),
        "purpose": _req(PARAGRAPHS),
        "version": _req(Text(one_line=True, translatable=False, doc='Quoted, like "1.0".', example="1.0")),
        "updated": _req(Date(doc="When this version was written.")),
        "introduction": _req(PARAGRAPHS),
        "draws_on": _req(
            Text(doc='Completes "Written for this hub, drawing on …": the sources, named as they name themselves.')
        ),
        "content_note": _opt(PARAGRAPHS),
        "privacy": _opt(PARAGRAPHS),
        "worded_for": _opt(
            Choice(options=("team", "one-person"), doc="one-person: a plan someone fills in for themselves.")
        ),
        "topics": _refs("topic", "Ids of topics."),
        "series": _refs("series", "Ids of learning networks or archives it belongs to."),
        "services": _refs("service", "Ids of services it belongs to."),
        "sections": _req(ListOf(item=PLAN_SECTION, min_items=1, unique_by="id")),
        "aliases": ALIASES,
    },
)
