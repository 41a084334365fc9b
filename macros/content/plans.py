"""Action plans beyond the model: the key of every answer, and the prompts and columns every format must show.

The web form, the saved answers (localStorage, exported JSON) and the DOCX, XLSX and CSV files all take
their names from here, so the formats cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.content import model as m
from macros.content.routes import item_path
from macros.content.words import ENGLISH, N_, Wording

ANSWERS_FORMAT = "hub-action-plan-answers"
"""Marks an exported answers file as ours; the page refuses a JSON file without it."""


def field_key(section: m.PlanSection, plan_field: m.PlanField) -> str:
    """`section.field`: field ids are unique within a section and section ids within a plan."""
    return f"{section.id}.{plan_field.id}"


def cell_key(section: m.PlanSection, row: int, column: int) -> str:
    """`section.r2.c3` for the cell in row 2, column 3 (both counted from 1)."""
    return f"{section.id}.r{row}.c{column}"


def answer_name(key: str) -> str:
    """The spreadsheet name of an answer's cell: Excel names allow letters, digits, `_` and `.`, not `-`.

    Ids are lower-case letters, digits and hyphens, so swapping `-` for `_` keeps names distinct.
    The browser (docs/javascripts/action-plan.js) finds the cells it fills by these names.
    """
    return "answer_" + key.replace("-", "_")


def row_names(table: m.PlanTable, words: Wording = ENGLISH) -> list[str]:
    """What each row is called: its label, or `Row n` for an empty row."""
    row = words.gettext(N_("Row %(number)s"))
    return list(table.row_labels) or [row % {"number": number} for number in range(1, table.rows + 1)]


def header(table: m.PlanTable) -> list[str]:
    """The header row as printed: the row-label column (when rows are labelled) then the named columns."""
    return ([table.row_heading or ""] if table.row_labels else []) + list(table.columns)


def prompts(plan: m.ActionPlan) -> list[str]:
    """Every field's prompt, in order: the list each format must hold exactly."""
    return [plan_field.label for section in plan.sections for plan_field in section.fields]


def tables(plan: m.ActionPlan) -> list[tuple[m.PlanSection, m.PlanTable]]:
    """The planning tables, in order, with the section each belongs to."""
    return [(section, section.table) for section in plan.sections if section.table is not None]


def stamp(plan: m.ActionPlan, words: Wording = ENGLISH) -> str:
    """The line every format carries so a printed or downloaded copy says which version it is."""
    return words.gettext(N_("Version %(version)s · updated %(date)s")) % {
        "version": plan.version,
        "date": words.date(plan.updated),
    }


AUTHORSHIP = N_("Written for this hub, drawing on %(sources)s. It is not an official form.")
"""Who wrote the template and what it draws on, so no one takes it for a partner's official form."""


def authorship(plan: m.ActionPlan, words: Wording = ENGLISH) -> str:
    """`AUTHORSHIP` with the plan's sources, as plain text (pages mark untranslated sources themselves)."""
    return words.gettext(AUTHORSHIP) % {"sources": " ".join(plan.draws_on.split())}


FRONT_MATTER: tuple[tuple[str, str], ...] = (
    (N_("Purpose"), "purpose"),
    (N_("Who fills it in"), "filled_by"),
    (N_("How to use it"), "introduction"),
    (N_("Content note"), "content_note"),
    (N_("Privacy"), "privacy"),
)


def front_parts(plan: m.ActionPlan, words: Wording = ENGLISH) -> list[tuple[str, str, str]]:
    """(key, label, text) of what every format states before the first prompt, in this order; the key (`purpose`,
    `about-this-template`) is the same in every language."""
    parts = [(label, getattr(plan, name)) for label, name in FRONT_MATTER]
    parts.append((N_("About this template"), authorship(plan, words)))
    return [(label.lower().replace(" ", "-"), words.gettext(label), text) for label, text in parts if text]


def front_matter(plan: m.ActionPlan, words: Wording = ENGLISH) -> list[tuple[str, str]]:
    """(label, text) of what every format states before the first prompt, in this order."""
    return [(label, text) for _, label, text in front_parts(plan, words)]


def for_one_person(plan: m.ActionPlan) -> bool:
    """Worded for the one person who fills it in, rather than for a team."""
    return plan.worded_for == "one-person"


@dataclass(frozen=True)
class Download:
    """One file a plan is offered as; macros/outputs/plan_files.py makes its bytes, once per build."""

    path: str
    """Inside the site, e.g. `action-plans/x/x.docx`."""
    format: str
    """`DOCX`, `XLSX` or `CSV`."""
    description: str

    @property
    def suffix(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


FORMATS: tuple[tuple[str, str, str, str], ...] = (
    (
        "docx",
        "DOCX",
        N_("Word form to fill in on screen (boxes to type in, tick or choose from) or to print and write on"),
        N_("Word form to fill in on screen (boxes to type in, tick or choose from) or to print and write on"),
    ),
    (
        "xlsx",
        "XLSX",
        N_(
            "Spreadsheet to fill in as a team: prompts beside answers, one sheet per planning table, prints one page wide"  # noqa: E501
        ),
        N_("Spreadsheet to fill in: prompts beside answers, one sheet per planning table, prints one page wide"),
    ),
    (
        "csv",
        "CSV",
        N_("One plain table, a row per prompt and table cell, for a shared drive, a database or a script"),
        N_("One plain table, a row per prompt and table cell, for any spreadsheet or script"),
    ),
)
"""(suffix, format, what it is for a team, what it is for one person) of every download, in page order; the
descriptions are translated where they are shown."""


def downloads(plan: m.ActionPlan) -> list[Download]:
    """Every file `plan` is offered as, next to its page."""
    folder = item_path("action_plan", plan.id)
    alone = for_one_person(plan)
    return [
        Download(f"{folder}{plan.id}.{suffix}", label, solo if alone else team) for suffix, label, team, solo in FORMATS
    ]
