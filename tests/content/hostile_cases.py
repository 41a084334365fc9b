"""Hostile input: each case is one small change to a copy of tests/fixtures/content, as an attacker or a hurried
maintainer would make it. test_hostile.py checks every case's exact report (golden text in
tests/fixtures/hostile.expected); tests/publish/test_hostile_publish.py builds the accepted payloads; the
schema-agreement test runs every case through the editor schemas too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

T = "trainings/de-escalation-basics.yaml"
V = "series/test-vln.yaml"
S = "site.yaml"
P = "action-plans/team-check-in.yaml"
PERSON = "people/ada-lovelace.yaml"
TOPIC = "topics/peer-support.yaml"
PROGRAM = "programs/calm-teams.yaml"
SERVICE = "services/postvention.yaml"
TITLE = "title: De-escalation basics"
HANDOUT_URL = "url: https://example.org/worksheet.docx"
VIDEO_URL = "url: https://www.youtube.com/watch?v=abcdefghijk"
SLIDES = "file: files/slides.pdf"


@dataclass(frozen=True)
class Case:
    name: str
    target: str
    """The file under sessions/ that the case changes."""
    edit: Callable[[str], str | bytes]
    links: dict[str, str] = field(default_factory=dict)
    """Symbolic links to add under docs/: link path → target (absolute, or relative to the link)."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Files (or, ending with /, folders) to add under docs/."""


def swap(name: str, target: str, old: str, new: str, **extra: dict[str, str] | dict[str, bytes]) -> Case:
    def edit(text: str) -> str:
        assert old in text, (name, old)
        return text.replace(old, new, 1)

    return Case(name, target, edit, **extra)  # type: ignore[arg-type]


def add(name: str, target: str, lines: str) -> Case:
    return Case(name, target, lambda text: text + lines)


def whole(name: str, target: str, content: str | bytes) -> Case:
    return Case(name, target, lambda text: content)


def _bomb(depth: int, width: int) -> str:
    lines = ["a0: &a0 [lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, depth)]
    return "\n".join(lines) + "\n"


def _key_bomb(depth: int) -> str:
    lines = ["title: Keys", "k0: &k0 {x: 1}"]
    lines += [f"? &k{i} {{? *k{i - 1} : 1, ? [*k{i - 1}, *k{i - 1}] : 2}}\n: {i}" for i in range(1, depth)]
    return "\n".join(lines) + "\n"


YAML_TRAPS = [
    swap("yaml-implicit-bool-title", T, TITLE, "title: no"),
    swap("yaml-implicit-float-version", P, 'version: "2.1"', "version: 2.1"),
    swap("yaml-leading-zero-duration", T, "duration: 75", "duration: 0075"),
    swap("yaml-sexagesimal-duration", T, "duration: 75", "duration: 1:15"),
    swap("yaml-null-content-note", T, "content_note: Discusses restraint of a young person.", "content_note: ~"),
    swap("yaml-timestamp-title", PERSON, "role: Trainer", "role: 2001-01-01"),
    add("yaml-duplicate-key-top", T, "title: Again\n"),
    swap("yaml-duplicate-key-nested", T, "  duration: 75", "  duration: 75\n  duration: 80"),
    swap("yaml-duplicate-key-list-item", T, "  - title: Reading list\n", "  - title: Reading list\n    title: Again\n"),
    swap("yaml-duplicate-key-plan-deep", P, "  - id: about\n", "  - id: about\n    id: again\n"),
    swap(
        "yaml-alias-value",
        T,
        "content_note: Discusses",
        "credit: &note Discusses a hard day.\ncontent_note: *note\nx_:",
    ),
    add("yaml-alias-key", T, "? &key [a, b]\n: 1\n? *key\n: 2\n"),
    whole("yaml-alias-bomb-values", T, _bomb(9, 9)),
    whole("yaml-alias-bomb-keys", T, _key_bomb(25)),
    add("yaml-merge-key", PERSON, "base: &base {role: Trainer}\nother:\n  <<: *base\n"),
    swap("yaml-python-tag", T, TITLE, "title: !!python/object/apply:os.system ['echo pwned']"),
    swap("yaml-custom-tag", T, TITLE, "title: !shout De-escalation"),
    swap("yaml-binary-tag", T, TITLE, "title: !!binary aGVsbG8="),
    add("yaml-several-documents", T, "---\ntitle: A second document\n"),
    swap("yaml-tab-indentation", T, "  duration: 75", "\tduration: 75"),
    whole("yaml-empty-file", T, ""),
    whole("yaml-comment-only", T, "# title: nothing here yet\n"),
    whole("yaml-top-level-list", T, "- title: De-escalation basics\n"),
    whole("yaml-top-level-text", T, "De-escalation basics\n"),
    add("yaml-deep-nesting", T, "credit: " + "[" * 5000 + "]" * 5000 + "\n"),
    swap("yaml-huge-file", T, TITLE, "title: " + "x" * 1_100_000),
    swap("yaml-unclosed-quote", T, TITLE, 'title: "De-escalation basics'),
    add("yaml-mapping-as-key", T, "? {a: 1}\n: x\n"),
    swap("yaml-list-where-text", T, TITLE, "title: [De-escalation, basics]"),
]

ENCODINGS = [
    whole("encoding-latin-1", PERSON, "name: Ada Lovelace\nbio: Caf\xe9 owner.\n".encode("latin-1")),
    whole("encoding-utf-16", PERSON, "name: Ada Lovelace\n".encode("utf-16")),
    Case("encoding-bom", PERSON, lambda text: "\ufeff" + text),
    swap("encoding-raw-nul", T, TITLE, "title: De-escalation\x00 basics"),
    swap("encoding-raw-escape", T, TITLE, "title: \x1b[31mDe-escalation basics"),
    swap("encoding-raw-vertical-tab", PERSON, "bio: Ada", "bio: \x0bAda"),
    swap("encoding-escaped-nul", T, TITLE, 'title: "De-escalation\\0 basics"'),
    swap("encoding-escaped-bell", PERSON, "bio: Ada trains peer workers.", 'bio: "Ada\\a trains."'),
    swap("encoding-escaped-u0001-list", T, "  - Notice early signs of distress.", '  - "Notice\\u0001 signs."'),
    swap("encoding-bidi-override-title", T, TITLE, "title: Basics \u202egnp.exe"),
    swap("encoding-bidi-isolate-summary", TOPIC, "summary: Working", "summary: \u2066Working"),
    swap("encoding-zero-width-in-url", T, HANDOUT_URL, "url: https://example.org/work\u200bsheet.docx"),
    swap("encoding-zero-width-in-id", T, "  - ada-lovelace", '  - "ada\u200b-lovelace"'),
    swap("encoding-zero-width-space-title", T, TITLE, "title: De-escalation\u200b basics"),
    swap("encoding-soft-hyphen-title", T, TITLE, "title: De-esca\u00adlation basics"),
    swap("encoding-tab-in-title", T, TITLE, 'title: "De-escalation\\tbasics"'),
    swap("encoding-tab-in-prose", PERSON, "bio: Ada trains peer workers.", 'bio: "Ada\\ttrains peer workers."'),
    swap("encoding-emoji-joiner-prose", PERSON, "bio: Ada trains", "bio: Ada \U0001f469\u200d\U0001f3eb trains"),
]

URLS = [
    swap("url-javascript-mixed-case", T, HANDOUT_URL, "url: JaVaScRiPt:alert(1)"),
    swap("url-javascript-leading-tab", T, HANDOUT_URL, 'url: "\\tjavascript:alert(1)"'),
    swap("url-javascript-entity", T, HANDOUT_URL, "url: javascript&colon;alert(1)"),
    swap("url-javascript-percent-encoded", T, HANDOUT_URL, "url: '%6Aavascript:alert(1)'"),
    swap("url-data", S, "chat_url: https://988lifeline.org", "chat_url: data:text/html,<script>alert(1)</script>"),
    swap("url-protocol-relative", T, HANDOUT_URL, "url: //evil.example/worksheet.docx"),
    swap("url-backslashes", T, HANDOUT_URL, "url: https:\\\\evil.example\\x"),
    swap("url-credentials", T, HANDOUT_URL, "url: https://user:secret@example.org/worksheet.docx"),
    swap("url-look-alike-at-sign", T, VIDEO_URL, "url: https://www.youtube.com@evil.example/watch?v=abcdefghijk"),
    swap("url-look-alike-suffix", T, VIDEO_URL, "url: https://www.youtube.com.evil.example/watch?v=abcdefghijk"),
    swap("url-look-alike-cyrillic", T, VIDEO_URL, "url: https://www.y\u043eutube.com/watch?v=abcdefghijk"),
    swap("url-other-video-host", T, VIDEO_URL, "url: https://www.dailymotion.com/video/x7tgad0"),
    swap("url-video-without-id", T, VIDEO_URL, "url: https://vimeo.com/channels/staffpicks"),
    swap("url-line-break", T, HANDOUT_URL, 'url: "https://example.org/\\nworksheet.docx"'),
    swap("url-plain-http-help-line", S, "chat_url: https://988lifeline.org", "chat_url: http://988lifeline.org"),
    add("url-contact-javascript", S, "  url: javascript:alert(1)\n"),
    add("url-contact-mailto-extra-headers", S, "  url: mailto:office@example.org?bcc=list@example.org\n"),
    add("url-contact-tel-letters", S, "  url: tel:call-us-now\n"),
    swap("url-rating-vbscript", PROGRAM, "  reviewed: unknown", "  reviewed: unknown\n  url: vbscript:msgbox(1)"),
    add("url-reference-file-scheme", TOPIC, "references:\n  - citation: A paper.\n    url: file:///etc/passwd\n"),
    swap(
        "url-how-to-request-http", SERVICE, "  phone: 617-555-0100", "  phone: 617-555-0100\n  url: http://example.org"
    ),
    swap("url-uppercase-scheme-and-host", T, HANDOUT_URL, "url: HTTPS://EXAMPLE.ORG/Worksheet.docx"),
]

REFERENCES = [
    swap("reference-missing-person", T, "  - ada-lovelace", "  - alan-turing"),
    swap("reference-traversal-id", T, "  - ada-lovelace", "  - ../../etc/passwd"),
    swap("reference-training-in-vln", T, "series: test-archive", "series: test-vln"),
    swap("reference-unknown-audience", T, "  - nurses", "  - everyone"),
    swap("reference-plan-unknown-service", P, "  - postvention", "  - crisis-line"),
]

FILES = [
    swap("file-traversal", T, SLIDES, "file: files/../../mkdocs.yml"),
    swap("file-absolute", T, SLIDES, "file: /etc/passwd"),
    swap("file-address", T, SLIDES, "file: https://example.org/slides.pdf"),
    swap("file-missing", T, SLIDES, "file: files/gone.pdf"),
    swap("file-directory", T, SLIDES, "file: files/folder", files={"files/folder/": b""}),
    swap("file-empty", T, SLIDES, "file: files/empty.pdf", files={"files/empty.pdf": b""}),
    swap("file-wrong-format", T, "captions: provider", "captions: files/slides.pdf"),
    swap("file-backslash-traversal", T, SLIDES, "file: files\\..\\..\\mkdocs.yml"),
    swap("file-symlink-out-used", T, SLIDES, "file: files/leak.pdf", links={"files/leak.pdf": "/etc/hostname"}),
    Case("file-symlink-out-unused", T, lambda text: text, links={"files/secrets": "/etc"}),
    swap("file-symlink-in", T, SLIDES, "file: files/same-slides.pdf", links={"files/same-slides.pdf": "slides.pdf"}),
    swap(
        "file-name-with-hash-and-question", T, SLIDES, "file: files/notes#2?.pdf", files={"files/notes#2?.pdf": b"%PDF"}
    ),
    swap("file-huge-but-real", T, SLIDES, "file: files/big.pdf", files={"files/big.pdf": b"%PDF" + b"0" * 3_000_000}),
]

DATES = [
    swap("date-year-0000", T, "date: 2019-04-02", "date: 0000"),
    swap("date-year-9999-with-time", V, "    date: 2017-01-12", "    date: 9999-12-31"),
    swap("date-plan-before-1980", P, "updated: 2024-05-07", "updated: 1979-12-31"),
    swap("date-after-2107", V, "start: 2017-01", "start: 2108"),
    swap("date-february-30", T, "date: 2019-04-02", "date: 2019-02-30"),
    swap("date-time-24", V, 'time: "12:00"', 'time: "24:00"'),
    swap("date-time-unquoted-number", V, 'time: "12:00"', "time: 1200"),
    swap("date-time-on-month-only", V, "    date: 2017-02", '    date: 2017-02\n    time: "09:00"'),
    swap("date-first-day-1980", P, "updated: 2024-05-07", "updated: 1980-01-01"),
    swap(
        "date-last-minute-2107", V, '    date: 2017-01-12\n    time: "12:00"', '    date: 2107-12-31\n    time: "23:59"'
    ),
    swap("date-rating-unknown-word", PROGRAM, "reviewed: unknown", "reviewed: sometime"),
]

SHAPES = [
    swap(
        "shape-choice-one-option",
        P,
        '          - "Stretched"\n          - "Struggling"\n'
        '          - "=1+1 (a formula)"\n          - "-2 or lower"\n',
        "",
    ),
    swap("shape-status-available-nothing", T, "    status: coming-soon", "    status: available"),
    swap("shape-recording-no-captions", T, "  captions: provider\n", ""),
    swap("shape-placeholder-left", PERSON, "bio: Ada trains peer workers.", "bio: 'TODO: write the bio'"),
    swap("shape-unsafe-wording", PERSON, "bio: Ada trains peer workers.", "bio: Ada committed suicide once."),
    swap("shape-misspelt-field", T, "summary: |", "sumary: |"),
    swap("shape-number-out-of-range", T, "duration: 75", "duration: 100000"),
]

CASES: list[Case] = [*YAML_TRAPS, *ENCODINGS, *URLS, *REFERENCES, *FILES, *DATES, *SHAPES]
