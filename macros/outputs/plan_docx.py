"""An action plan as a Word form: a content control for every answer, tagged with the answer's key.

Each prompt sits in one table row that cannot split, beside its answer: Word and LibreOffice both keep a
row that may not split on one page, which a chain of "keep with next" paragraphs does not manage in
LibreOffice. Answer controls are plain text, rich text (long answers and table cells), date pickers,
drop-down lists and check boxes, so the form can be filled in on screen; rows are tall enough to write
in by hand on paper. Column widths come from the words they hold, so no label breaks mid-word.

The document's language (`w:lang`, es-US for the Spanish file) is set in its default run properties, so Word and
LibreOffice check spelling in that language; text a translation left in English is marked en-US run by run.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Inches, Pt, RGBColor
from docx.table import Table, _Cell

from macros.content import model as m
from macros.content.plans import cell_key, field_key, front_matter, header, row_names, stamp
from macros.content.values.text import Untranslated, excerpt
from macros.content.words import N_
from macros.outputs.office import app_xml, language_tag, moment, stable_zip
from macros.site.language import ENGLISH, Language
from macros.site.render import paragraphs

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Inches(8.5), Inches(11), Inches(0.75)
WIDE_TABLE = 5
"""A planning table with this many columns or more gets a landscape page of its own."""
ANSWER_HEIGHT = {"long-text": Inches(1.6)}
"""Room to write by hand on paper; other answers get `ROW_HEIGHT`."""
ROW_HEIGHT = Inches(0.5)
TABLE_ROW_HEIGHT = Inches(0.75)
PLACEHOLDER = {
    "date": N_("Choose a date"),
    "choice": N_("Choose one"),
}
"""Grey text an empty control shows; replaced as soon as someone types or chooses."""
TYPE_HERE = N_("Type here")
GREY = "767676"
CHAR_WIDTH = Emu(Pt(6.2))
"""Average width of a character of 10 pt body text, generous so estimates never fall short."""
CELL_PADDING = Inches(0.2)
PROMPT_SHARE = 0.4
"""The prompt column's share of the page width; the answer gets the rest, to write in."""
LABEL_SHARE = 0.28
"""The most a planning table's row-label column takes; its answer columns share the rest."""


def _styles(document: object) -> None:
    """Named styles, so a reader (or a test) can tell prompts from guidance and answers."""
    styles = document.styles  # type: ignore[attr-defined]
    styles["Normal"].font.size = Pt(10.5)
    prompt = styles.add_style("Prompt", WD_STYLE_TYPE.PARAGRAPH)
    prompt.base_style = styles["Normal"]
    prompt.font.bold = True
    prompt.paragraph_format.space_after = Pt(2)
    guidance = styles.add_style("Guidance", WD_STYLE_TYPE.PARAGRAPH)
    guidance.base_style = styles["Normal"]
    guidance.font.italic = True
    guidance.font.size = Pt(9.5)
    guidance.paragraph_format.space_after = Pt(2)
    answer = styles.add_style("Answer", WD_STYLE_TYPE.PARAGRAPH)
    answer.base_style = styles["Normal"]
    answer.paragraph_format.space_after = Pt(0)


# Content controls ----------------------------------------------------------------------------------


def _run(text: str, placeholder: bool) -> str:
    colour = f'<w:color w:val="{GREY}"/>' if placeholder else ""
    return f'<w:r><w:rPr>{colour}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _properties(key: str, title: str, kind: str, placeholder: bool) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    alias = quoteattr(excerpt(title, 255))  # the control's title, shown on its tab in Word
    return f"<w:sdtPr><w:alias w:val={alias}/><w:tag w:val={quoteattr(key)}/>{shown}{kind}</w:sdtPr>"


def _control_kind(plan_field: m.PlanField, language: Language) -> str:
    """The sdtPr element that makes the control a date picker, drop-down, check box or text box."""
    if plan_field.type == "date":
        return (
            f'<w:date><w:dateFormat w:val="yyyy-MM-dd"/><w:lid w:val="{language_tag(language.code)}"/>'
            '<w:storeMappedDataAs w:val="date"/><w:calendar w:val="gregorian"/></w:date>'
        )
    if plan_field.type == "choice":
        items = "".join(
            f"<w:listItem w:displayText={quoteattr(option)} w:value={quoteattr(option)}/>"
            for option in plan_field.options
        )
        return f"<w:dropDownList>{items}</w:dropDownList>"
    if plan_field.type == "checkbox":
        return (
            '<w14:checkbox><w14:checked w14:val="0"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
        )
    if plan_field.type == "long-text":
        return ""
    return '<w:text w:multiLine="0"/>'


def inline_control(key: str, plan_field: m.PlanField, language: Language = ENGLISH) -> object:
    """A control inside a paragraph: text, date, drop-down or check box (a ☐ that Word and LibreOffice tick)."""
    if plan_field.type == "checkbox":
        content, placeholder = (
            '<w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>☐</w:t></w:r>',
            False,
        )
    else:
        content, placeholder = _run(language.gettext(PLACEHOLDER.get(plan_field.type, TYPE_HERE)), True), True
    kind = _control_kind(plan_field, language)
    xml = (
        f"<w:sdt {nsdecls('w', 'w14')}>{_properties(key, plan_field.label, kind, placeholder)}"
        f"<w:sdtContent>{content}</w:sdtContent></w:sdt>"
    )
    return parse_xml(xml)


def block_control(key: str, title: str) -> object:
    """A rich-text control filling a cell: long answers and table cells, where text may run to lines.

    It starts empty, so a printed blank form has clean boxes to write in; clicking the cell enters it.
    """
    xml = (
        f"<w:sdt {nsdecls('w')}>{_properties(key, title, '', False)}"
        '<w:sdtContent><w:p><w:pPr><w:pStyle w:val="Answer"/></w:pPr></w:p></w:sdtContent></w:sdt>'
    )
    return parse_xml(xml)


# Tables --------------------------------------------------------------------------------------------


def _text_width(text: str, bold: bool = False) -> int:
    """Estimated printed width of `text` on one line, in EMU."""
    return int(len(text) * CHAR_WIDTH * (1.1 if bold else 1.0)) + CELL_PADDING


def _longest_word(text: str, bold: bool = False) -> int:
    return max((_text_width(word, bold) for word in text.split()), default=int(CELL_PADDING))


def column_widths(columns: list[list[str]], total: int, labelled: bool) -> list[int]:
    """Widths in EMU that add up to `total`, no column narrower than its longest word (so no word breaks).

    A label column gets what its labels need, up to `LABEL_SHARE` of the width; the answer columns share
    the rest evenly, since that is where people write.
    """
    floors = [max(_longest_word(text, bold=True) for text in texts) for texts in columns]
    widths = [0] * len(columns)
    if labelled:
        want = max(_text_width(text, bold=True) for text in columns[0])
        widths[0] = min(max(floors[0], min(want, int(total * LABEL_SHARE))), total // 2)
    open_columns = list(range(1 if labelled else 0, len(columns)))
    # A word longer than a fair share (a pasted address, a long compound) breaks inside its cell rather than
    # pushing the other columns off the page.
    rest = total - widths[0]
    if sum(floors[index] for index in open_columns) > rest:
        fair = rest // len(open_columns)
        floors = [min(floor, fair) for floor in floors]
    while open_columns:
        share = (total - sum(widths)) // len(open_columns)
        narrow = [index for index in open_columns if floors[index] > share]
        if not narrow:
            for index in open_columns:
                widths[index] = share
            break
        for index in narrow:
            widths[index] = floors[index]
            open_columns.remove(index)
    widths[-1] += total - sum(widths)
    return widths


def _fix_widths(grid: Table, widths: list[int]) -> None:
    """A fixed layout with these widths, written on the grid and every cell, as Word and LibreOffice read them."""
    grid.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/> in its place in tblPr
    table_width = grid._tbl.tblPr.find(qn("w:tblW"))
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(sum(widths) // Emu(Pt(1 / 20))))
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Emu(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Emu(width)


def _keep_rows_whole(grid: Table, height: int, header_rows: int) -> None:
    """Rows never split across pages; header rows repeat on each page; every body row at least `height`."""
    for position, row in enumerate(grid.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if position < header_rows:
            properties.append(OxmlElement("w:tblHeader"))
        else:
            row.height, row.height_rule = Emu(height), WD_ROW_HEIGHT_RULE.AT_LEAST


def _in_english(run: object, text: str) -> None:
    """A run of text that a translation left in English is marked en-US, so it is not spell-checked as Spanish."""
    if isinstance(text, Untranslated):
        properties = run._r.get_or_add_rPr()  # type: ignore[attr-defined]
        mark = OxmlElement("w:lang")
        mark.set(qn("w:val"), language_tag("en"))
        properties.append(mark)


def _write(cell: _Cell, text: str, style: str, bold: bool = False) -> None:
    """`text` as the first paragraph of an empty `cell`, or a new paragraph after what it holds."""
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 else None
    if paragraph is None or paragraph._p.xpath("./w:sdt"):
        paragraph = cell.add_paragraph()
    paragraph.style = style
    run = paragraph.add_run(text)
    run.bold = bold or None
    _in_english(run, text)


def _paragraph(document: object, text: str, style: str | None = None) -> object:
    """A paragraph of `text`, marked English when a translation left it so."""
    paragraph = document.add_paragraph(style=style)  # type: ignore[attr-defined]
    _in_english(paragraph.add_run(text), text)
    return paragraph


def _prompt_rows(document: object, section: m.PlanSection, width: int, language: Language) -> None:
    """One two-column table per section: prompt and guidance on the left, its answer control on the right."""
    grid: Table = document.add_table(rows=len(section.fields), cols=2)  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    longest = max(_longest_word(plan_field.label, bold=True) for plan_field in section.fields)
    prompt_width = min(max(longest, int(width * PROMPT_SHARE)), int(width * (1 - PROMPT_SHARE)))
    _fix_widths(grid, [prompt_width, width - prompt_width])
    for row, plan_field in zip(grid.rows, section.fields, strict=True):
        prompt, answer = row.cells
        _write(prompt, plan_field.label, "Prompt")
        for text in paragraphs(plan_field.guidance):
            _write(prompt, text, "Guidance")
        key = field_key(section, plan_field)
        if plan_field.type == "long-text":
            answer._tc.remove(answer.paragraphs[0]._p)
            answer._tc.append(block_control(key, plan_field.label))
        else:
            line = answer.paragraphs[0]
            line.style = "Answer"
            line._p.append(inline_control(key, plan_field, language))
            if plan_field.type == "checkbox":
                line.add_run(" " + language.gettext(N_("Yes, tick if true")))
        if plan_field.options:
            _write(answer, language.gettext(N_("The choices:")), "Guidance")
            for option in plan_field.options:
                _write(answer, f"• {option}", "Guidance")
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        row.height = ANSWER_HEIGHT.get(plan_field.type, ROW_HEIGHT)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _planning_table(
    document: object, section: m.PlanSection, table: m.PlanTable, width: int, language: Language
) -> None:
    """Named header row repeated on each page, row labels in bold, a rich-text control in every answer cell."""
    names = header(table)
    grid: Table = document.add_table(rows=1 + table.row_count, cols=len(names))  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    texts = [[name] for name in names]
    if table.row_labels:
        texts[0] += list(table.row_labels)
    _fix_widths(grid, column_widths(texts, width, labelled=bool(table.row_labels)))
    for cell, name in zip(grid.rows[0].cells, names, strict=True):
        _write(cell, name, "Answer", bold=True)
    for row_number, (row, row_name) in enumerate(zip(grid.rows[1:], row_names(table, language), strict=True), 1):
        cells = row.cells
        if table.row_labels:
            _write(cells[0], row_name, "Answer", bold=True)
            cells = cells[1:]
        for column_number, (cell, column) in enumerate(zip(cells, table.columns, strict=True), start=1):
            cell._tc.remove(cell.paragraphs[0]._p)
            cell._tc.append(block_control(cell_key(section, row_number, column_number), f"{column}, {row_name}"))
    _keep_rows_whole(grid, TABLE_ROW_HEIGHT, header_rows=1)


def _page(document: object, landscape: bool) -> int:
    """Start a page in the given orientation (the first section is set in place); the text width in EMU."""
    sections = document.sections  # type: ignore[attr-defined]
    current = sections[-1]
    is_landscape = current.orientation == WD_ORIENT.LANDSCAPE
    if is_landscape != landscape:
        current = document.add_section(WD_SECTION.NEW_PAGE)  # type: ignore[attr-defined]
        current.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        current.page_width, current.page_height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    return int(current.page_width - current.left_margin - current.right_margin)


# The document --------------------------------------------------------------------------------------


def _core_xml(plan: m.ActionPlan, organization: str, language: Language) -> bytes:
    """Document properties written whole, so nothing from python-docx's template is left in them."""
    when = moment(plan).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(plan.title)}</dc:title><dc:subject>{escape(stamp(plan, language))}</dc:subject>"
        f"<dc:language>{language_tag(language.code)}</dc:language>"
        f"<dc:creator>{escape(organization)}</dc:creator><cp:lastModifiedBy>{escape(organization)}</cp:lastModifiedBy>"
        f"<cp:revision>1</cp:revision><cp:version>{escape(plan.version)}</cp:version>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


THUMBNAIL = "docProps/thumbnail.jpeg"
RELATIONSHIPS = "_rels/.rels"


def _without_thumbnail(package: bytes) -> bytes:
    """The package's relationships without the one to python-docx's blank thumbnail (an empty page in previews)."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        text = archive.read(RELATIONSHIPS).decode()
    start = text.find(f'Target="{THUMBNAIL}"')
    if start < 0:
        return text.encode()
    begin, end = text.rfind("<", 0, start), text.find("/>", start) + 2
    return (text[:begin] + text[end:]).encode()


def _document_language(document: object, language: Language) -> None:
    """The language every run is in unless it says otherwise (`w:docDefaults`), for spell-checking."""
    defaults = document.styles.element.find(qn("w:docDefaults"))  # type: ignore[attr-defined]
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    mark = properties.find(qn("w:lang"))
    if mark is None:
        mark = OxmlElement("w:lang")
        properties.append(mark)
    mark.set(qn("w:val"), language_tag(language.code))


def _heading(document: object, text: str, level: int) -> object:
    heading = document.add_heading(level=level)  # type: ignore[attr-defined]
    _in_english(heading.add_run(text), text)
    return heading


def docx_bytes(plan: m.ActionPlan, site: m.Site, language: Language = ENGLISH) -> bytes:
    """The front matter, then each section as a table of prompts beside answer controls, then its planning table."""
    document = Document()
    _styles(document)
    _document_language(document, language)
    first = document.sections[0]
    first.page_width, first.page_height = PAGE_WIDTH, PAGE_HEIGHT
    first.left_margin = first.right_margin = first.top_margin = first.bottom_margin = MARGIN
    _heading(document, plan.title, 0)
    document.add_paragraph(stamp(plan, language), style="Subtitle")
    for label, text in front_matter(plan, language):
        document.add_heading(label, level=2)
        for part in paragraphs(text):
            _paragraph(document, part)
    for section in plan.sections:
        wide = section.table is not None and len(header(section.table)) >= WIDE_TABLE
        width = _page(document, landscape=wide)
        heading = _heading(document, section.title, 1)
        heading.paragraph_format.keep_with_next = True  # type: ignore[attr-defined]
        for text in paragraphs(section.guidance):
            guidance = _paragraph(document, text, "Guidance")
            guidance.paragraph_format.keep_with_next = True  # type: ignore[attr-defined]
        if section.fields:
            _prompt_rows(document, section, width, language)
        if section.table is not None:
            if section.fields:
                document.add_paragraph()
            _planning_table(document, section, section.table, width, language)
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = f"{plan.title} · {stamp(plan, language)}"
    footer.runs[0].font.size = Pt(9)
    footer.runs[0].font.color.rgb = RGBColor.from_string(GREY)
    buffer = io.BytesIO()
    document.save(buffer)
    package = buffer.getvalue()
    replace = {
        "docProps/core.xml": _core_xml(plan, site.organization, language),
        "docProps/app.xml": app_xml(),
        RELATIONSHIPS: _without_thumbnail(package),
    }
    return stable_zip(package, moment(plan), replace, drop=frozenset({THUMBNAIL}))
