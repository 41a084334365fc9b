"""An action plan as DOCX, XLSX and CSV, built in memory from the same model as its page.

Every file carries the plan's title, version and date, and is byte-for-byte reproducible: document
properties and zip timestamps are pinned to the plan's `updated` date, never to the time of the build.
The Word form is `plan_docx.py`, the workbook `plan_xlsx.py`; the CSV, one tidy table, is here.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.content import model as m
from macros.content.plans import cell_key, downloads, field_key, front_parts, row_names, stamp
from macros.content.words import N_
from macros.outputs.base import BuildInfo, OutputFile
from macros.outputs.office import csv_table
from macros.outputs.plan_docx import docx_bytes
from macros.outputs.plan_xlsx import xlsx_bytes
from macros.site.language import ENGLISH, Language
from macros.site.relations import Relations
from macros.site.render import paragraphs

CSV_COLUMNS = [
    N_("Plan"),
    N_("Template"),
    N_("Section"),
    N_("Prompt id"),
    N_("Prompt"),
    N_("Answer type"),
    N_("Options"),
    N_("Guidance"),
    N_("Answer"),
]
"""One row per piece of front matter, prompt and planning-table cell; `Prompt id` is the answer's key, the same in
every language. The headers are in the file's language (`csv_columns`)."""
ABOUT = N_("About this plan")


def csv_columns(language: Language = ENGLISH) -> list[str]:
    return [language.gettext(column) for column in CSV_COLUMNS]


def _text(value: str | None) -> str:
    return " ".join(paragraphs(value))


def csv_rows(plan: m.ActionPlan, language: Language = ENGLISH) -> list[list[str]]:
    """Every row of the CSV after the header, each as wide as `CSV_COLUMNS`."""
    say = language.gettext
    about, read_first, cell = say(ABOUT), say(N_("Read first")), say(N_("Table cell"))
    rows = [
        [about, f"about.{key}", label, read_first, "", _text(text), ""]
        for key, label, text in front_parts(plan, language)
    ]
    for section in plan.sections:
        for plan_field in section.fields:
            type_label = say(m.FIELD_TYPE_LABELS[plan_field.type])
            options = "; ".join(plan_field.options)
            key = field_key(section, plan_field)
            rows.append([section.title, key, plan_field.label, type_label, options, _text(plan_field.guidance), ""])
        if section.table is not None:
            for row, row_name in enumerate(row_names(section.table, language), start=1):
                for column, name in enumerate(section.table.columns, start=1):
                    prompt = f"{row_name}: {name}"
                    rows.append([section.title, cell_key(section, row, column), prompt, cell, "", "", ""])
    return [[plan.title, stamp(plan, language), *row] for row in rows]


def csv_bytes(plan: m.ActionPlan, site: m.Site, language: Language = ENGLISH) -> bytes:
    """The plan as one table (`office.csv_table`: UTF-8 with a BOM, every cell quoted, formulas neutralized)."""
    return csv_table(csv_columns(language), csv_rows(plan, language))


WRITERS: dict[str, Callable[[m.ActionPlan, m.Site, Language], bytes]] = {
    "docx": docx_bytes,
    "xlsx": xlsx_bytes,
    "csv": csv_bytes,
}
"""The writer of each download suffix in `macros/content/plans.FORMATS`."""


def plan_outputs(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> list[OutputFile]:
    """The producer: each action plan's DOCX, XLSX and CSV, from the same YAML as its page."""
    language = info.language
    return [
        OutputFile(language.path(download.path), WRITERS[download.suffix](plan, catalog.site, language))
        for plan in catalog.action_plans.values()
        for download in downloads(plan)
    ]
