"""The site in two languages, as built by the one `mkdocs build`: every provider page in English and in Spanish,
each in its own words, linked to its counterpart, and honest about what is only in English."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.content.values.dates import PartialDate
from macros.site.language import ENGLISH, load_language

from ..languages import english_interface_on, visible_text

ENGLISH_ONLY = ("maintainers/", "files/")
"""Pages in English only: the maintainers' guide (it explains `validate` and the editor, which are English) and a
recording's transcript written as a Markdown file (the words spoken in English)."""


def _pages(site: Path) -> dict[str, str]:
    """Every page by its address (`es/topics/x/`), less redirects and the editor."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        address = path.parent.relative_to(site).as_posix()
        if 'http-equiv="refresh"' in text or address.split("/")[0] in ("admin", "pagefind"):
            continue
        pages["" if address == "." else f"{address}/"] = text
    return pages


@pytest.fixture(scope="module", params=["shipped", "fixture"])
def site(request: pytest.FixtureRequest) -> Path:
    return Path(request.getfixturevalue(f"{request.param}_site"))


def test_every_page_has_its_counterpart_in_the_other_language(site: Path) -> None:
    pages = _pages(site)
    english = {address for address in pages if not address.startswith("es/")}
    spanish = {address.removeprefix("es/") for address in pages if address.startswith("es/")}
    assert english - spanish == {address for address in english if address.startswith(ENGLISH_ONLY)}
    assert spanish <= english
    assert (site / "es" / "404.html").is_file(), "a not-found page in Spanish, for hosts that serve one per folder"


def test_each_page_says_its_language_and_links_the_same_page_in_the_other(site: Path) -> None:
    for address, text in _pages(site).items():
        spanish = address.startswith("es/")
        assert f'<html lang="{"es" if spanish else "en"}"' in text, address
        switch = re.search(
            r'<a class="md-header__button hub-language" href="([^"]*)" hreflang="(\w+)" lang="(\w+)">', text
        )
        assert switch, address
        target = urlsplit(urljoin(f"http://x/{address}", switch.group(1))).path.lstrip("/")
        if address.startswith(ENGLISH_ONLY):
            assert target == "es/", "a page with no Spanish counterpart switches to the Spanish home page"
        else:
            assert target == (address.removeprefix("es/") if spanish else f"es/{address}"), address
        assert switch.group(2) == switch.group(3) == ("en" if spanish else "es")


def test_search_engines_are_told_of_both_languages(site: Path) -> None:
    base = "http://127.0.0.1:8000/"
    for address, text in _pages(site).items():
        if address.startswith(ENGLISH_ONLY):
            continue
        english = address.removeprefix("es/")
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', text))
        assert alternates == {"en": base + english, "es": f"{base}es/{english}", "x-default": base + english}, address
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert f"{base}es/" in listed
    assert f"{base}es/get-help/" in listed
    assert not [url for url in listed if url.endswith("404.html")]


def test_a_spanish_page_shows_no_english_interface_words(site: Path) -> None:
    """Read as a Spanish reader reads it (less what is marked English), no English message of the catalog is left."""
    leftovers = {
        address: found
        for address, text in _pages(site).items()
        if address.startswith("es/") and (found := english_interface_on(visible_text(text)))
    }
    assert leftovers == {}
    not_found = visible_text((site / "es" / "404.html").read_text(encoding="utf-8"))
    assert english_interface_on(not_found) == []
    assert "No encontramos esa página" in not_found


def test_the_check_finds_english_left_on_a_spanish_page() -> None:
    text = visible_text('<p>Grabación: <span lang="en">A talk</span> Recording to watch</p>')
    assert "Recording to watch" in english_interface_on(text)
    assert english_interface_on("Grabación para ver") == []
    assert "A talk" not in text


def test_each_translated_page_says_so_and_notes_english_parts_once(site: Path) -> None:
    for address, text in _pages(site).items():
        if not address.startswith("es/"):
            assert "hub-translation" not in text, address
            continue
        article = text.split('<article class="md-content__inner', 1)[1].split("</article>\n", 1)[0]
        notes = re.findall(r'<p class="hub-translation" data-pagefind-ignore>(.*?)</p>', article)
        assert len(notes) == 1, address
        original = address.removeprefix("es/")
        href = re.search(r'<a href="([^"]+)" hreflang="en">', notes[0])
        assert href, address
        assert urlsplit(urljoin(f"http://x/{address}", href.group(1))).path == f"/{original}", address
        english_parts = re.search(r'<(?!html)\w+[^>]* lang="en"', article.replace(notes[0], ""))
        assert ("hub-only-english" in notes[0]) == bool(english_parts), address


def test_a_page_nobody_has_translated_says_its_text_is_in_english(shipped_site: Path) -> None:
    """A person without a translation: the menus are Spanish, the bio English; the note says so rather than calling
    the page a translation with "some parts" in English."""
    person = (shipped_site / "es" / "people" / "leah-harris" / "index.html").read_text(encoding="utf-8")
    assert "el texto de esta página todavía no está traducido" in person
    assert "Traducción del Centro de aprendizaje" not in person
    assert 'hreflang="en">Ver la página en inglés</a>' in person
    topic = (shipped_site / "es" / "topics" / "postvention" / "index.html").read_text(encoding="utf-8")
    assert "Traducción del Centro de aprendizaje" in topic
    assert "todavía no está traducido." not in topic


def test_spanish_dates_sizes_and_menu(shipped_site: Path, fixture_site: Path) -> None:
    spanish = load_language("es")
    assert spanish.date(PartialDate(2017, 3, 14)) == "14 de marzo de 2017"
    assert spanish.date(PartialDate(2017, 3)) == "marzo de 2017"
    assert spanish.date(None) == "Fecha no registrada"
    assert spanish.size(1536) == "1,5 KB"
    assert ENGLISH.size(1536) == "1.5 KB"
    session = (fixture_site / "es" / "networks" / "test-vln" / "1" / "index.html").read_text(encoding="utf-8")
    assert "12 de enero de 2017" in session
    vln = (shipped_site / "es" / "networks" / "index.html").read_text(encoding="utf-8")
    assert "enero de 2017 – septiembre de 2017" in vln
    menu = re.findall(
        r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', vln
    )
    assert "Capacitaciones" in menu
    assert "Ayuda ahora" in menu
    assert 'aria-label="Cabecera"' in vln, "Material's own words in Spanish"


def test_the_crisis_bar_and_get_help_say_how_to_reach_988_in_spanish(shipped_site: Path) -> None:
    page = (shipped_site / "es" / "get-help" / "index.html").read_text(encoding="utf-8")
    bar = page.split('<p class="hub-banner">', 1)[1].split("</p>", 1)[0]
    assert '<a class="hub-banner__call" href="tel:988">Llame al 988 y marque 2</a>' in bar
    assert '<a class="hub-banner__text" href="sms:988">Envíe AYUDA al 988</a>' in bar
    assert "Chat en español" in bar
    assert "Todas las líneas de ayuda" in bar
    help_text = visible_text(page)
    assert "marque 2" in help_text
    assert "AYUDA" in help_text
    assert "988lifeline.org" in help_text
    assert "desde julio de 2023" in help_text
    assert "No es una línea de crisis" in help_text, "the postvention line says what it is for, and what it is not"


def test_each_language_is_its_own_search_index(shipped_site: Path) -> None:
    entry = json.loads((shipped_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"en", "es"}
    synonyms = json.loads((shipped_site / "pagefind" / "synonyms.es.json").read_text(encoding="utf-8"))
    assert ["STS", "estrés traumático secundario"] in synonyms
    english = json.loads((shipped_site / "pagefind" / "synonyms.json").read_text(encoding="utf-8"))
    assert not [group for group in english if "posvención" in group]
    kinds = set()
    for path in (shipped_site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        if fragment["url"].startswith("/es/"):
            kinds.add(fragment["meta"]["kind"])
            # the note under the title is not the page's content: it would fill every excerpt
            assert "Centro de aprendizaje. Leer el original" not in fragment["content"], fragment["url"]
            assert "Solo en inglés" not in fragment["content"], fragment["url"]
    assert {"Tema", "Red de aprendizaje", "Sesión", "Página"} <= kinds


def test_the_scripts_words_are_written_for_each_language(shipped_site: Path) -> None:
    messages = (shipped_site / "javascripts" / "messages.es.js").read_text(encoding="utf-8")
    data = json.loads(messages.split("window.hubMessages = ", 1)[1].rstrip().removesuffix(";"))
    assert data["messages"]["All kinds"] == "Todos los tipos"
    assert data["plurals"]["%(num)s result for “%(query)s”"][1] == "%(num)s resultados para “%(query)s”"
    page = (shipped_site / "es" / "trainings" / "index.html").read_text(encoding="utf-8")
    assert page.index("javascripts/messages.es.js") < page.index("javascripts/i18n.js") < page.index("filters.js")
    assert "messages.es.js" not in (shipped_site / "trainings" / "index.html").read_text(encoding="utf-8")


def test_each_language_has_its_feed_and_files(fixture_site: Path) -> None:
    feed = (fixture_site / "es" / "feed.xml").read_text(encoding="utf-8")
    assert 'xml:lang="es"' in feed
    assert "Primeros pasos" in feed
    assert "http://127.0.0.1:8000/es/networks/test-vln/1/" in feed
    calendar = (fixture_site / "es" / "calendar" / "test-vln.ics").read_text(encoding="utf-8")
    assert "Red de aprendizaje de prueba: sesión 1: Primeros pasos" in calendar
    assert (fixture_site / "es" / "action-plans" / "team-check-in" / "team-check-in.docx").is_file()


def test_each_language_has_its_own_my_learning_items(fixture_site: Path) -> None:
    """My learning shows what was kept under the title of the page's language: each language its own items file
    (one shared file once held the last language built, so English pages exported Spanish titles)."""
    english = json.loads((fixture_site / "my-learning" / "items.json").read_text(encoding="utf-8"))
    spanish = json.loads((fixture_site / "es" / "my-learning" / "items.json").read_text(encoding="utf-8"))
    assert english["items"]["series:test-vln"]["title"] == "Test learning network"
    assert spanish["items"]["series:test-vln"]["title"] == "Red de aprendizaje de prueba"
    assert english["items"].keys() == spanish["items"].keys(), "the record is kept by key, the same in both"


def test_a_document_page_says_it_is_a_translation_above_the_document(shipped_site: Path) -> None:
    """The certificate's and the record's h1 is the document's own heading: the translation line stands above the
    printed frame, in the tools print leaves out, not inside the document."""
    for path in ("certificate", "record"):
        page = (shipped_site / "es" / "my-learning" / path / "index.html").read_text(encoding="utf-8")
        assert page.count('class="hub-translation"') == 1, path
        tools = page.index('class="hub-doc-tools"')
        assert tools < page.index('class="hub-translation"') < page.index('<article class="hub-doc'), path
