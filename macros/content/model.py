"""The content kinds as frozen, typed, plain Python: no MkDocs here, so any generator could render them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from macros.content.values.dates import PartialDate
from macros.content.values.video import PROVIDER_NAMES, embed_url, provider_of
from macros.content.words import ENGLISH, N_, Wording

Status = Literal["available", "coming-soon", "on-request", "unavailable"]
"""Whether a recording or resource can be had: the site says so honestly instead of hiding it."""

STATUS_LABELS: dict[str, str] = {
    "available": N_("Available"),
    "coming-soon": N_("Coming soon"),
    "on-request": N_("Available on request"),
    "unavailable": N_("Not available here"),
}

SeriesKind = Literal["vln", "archive"]
Delivery = Literal["live-online", "in-person", "pre-recorded"]
DELIVERY_LABELS: dict[str, str] = {
    "live-online": N_("Live online"),
    "in-person": N_("In person"),
    "pre-recorded": N_("Pre-recorded"),
}
OfferingStatus = Literal["available", "starting-soon", "planned"]
OFFERING_LABELS: dict[str, str] = {
    "available": N_("Available now"),
    "starting-soon": N_("Starting soon"),
    "planned": N_("Planned"),
}
RATING_LABELS: dict[str, str] = {
    "1": N_("Well-Supported by Research Evidence"),
    "2": N_("Supported by Research Evidence"),
    "3": N_("Promising Research Evidence"),
    "4": N_("Evidence Fails to Demonstrate Effect"),
    "5": N_("Concerning Practice"),
    "NR": N_("Not able to be Rated"),
}
"""The CEBC Scientific Rating Scale: a lower number means stronger evidence."""

PRINCIPLES: tuple[str, ...] = (
    N_("Safety"),
    N_("Trustworthiness and Transparency"),
    N_("Peer Support"),
    N_("Collaboration and Mutuality"),
    N_("Empowerment, Voice and Choice"),
    N_("Cultural, Historical, and Gender Issues"),
)
"""SAMHSA's six key principles of a trauma-informed approach (2014): written in YAML as here, shown in the reader's
language (the glossary, tests/glossary.yaml, holds SAMHSA's Spanish names)."""


@dataclass(frozen=True)
class Source:
    """Where an item came from, for error messages after loading (cross-references, files)."""

    file: str
    line: int


@dataclass(frozen=True)
class HelpLine:
    """A line a person can call, text or chat; shown on every page."""

    name: str
    description: str
    short_name: str | None = None
    """A few words for the banner on every page, e.g. `988 Lifeline`."""
    phone: str | None = None
    text: str | None = None
    chat_url: str | None = None
    call_label: str | None = None
    """What the call link says; None: the interface's "Call <phone>"."""
    text_label: str | None = None
    chat_label: str | None = None
    hours: str | None = None
    kind: Literal["crisis", "support"] = "support"
    """`crisis` lines (988) go in the bar on every page; support lines (a callback service) only on /get-help/."""


@dataclass(frozen=True)
class Contact:
    """An organization's contact point; personal addresses are never published."""

    name: str
    note: str | None = None
    url: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Site:
    title: str
    organization: str
    description: str
    help_lines: tuple[HelpLine, ...]
    contact: Contact
    timezone: str | None = None
    """IANA name (America/New_York) for session times in calendars; None leaves times floating."""


@dataclass(frozen=True)
class Audience:
    id: str
    title: str


@dataclass(frozen=True)
class Synonyms:
    """Words that mean the same to the people searching (an abbreviation and its expansion): either finds the other."""

    terms: tuple[str, ...]
    line: int = 1
    """Where the group is written in sessions/synonyms.yaml."""
    lang: str = "en"
    """The language of the pages these terms are searched on: each language's search box has its own groups."""


@dataclass(frozen=True)
class Reference:
    """A publication or outside resource; `url` is None when the source gives no address."""

    citation: str
    url: str | None = None
    doi: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ScopeItem:
    label: str
    text: str


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    source: Source
    description: str | None = None
    scope: tuple[ScopeItem, ...] = ()
    expert_note: str | None = None
    experts: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    aliases: tuple[str, ...] = ()
    """Old ids of this item: each old address redirects here (see macros/aliases.py)."""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    source: Source
    credentials: str | None = None
    role: str | None = None
    affiliation: str | None = None
    bio: str | None = None
    aliases: tuple[str, ...] = ()
    """Old ids of this item: each old address redirects here (see macros/aliases.py)."""


@dataclass(frozen=True)
class Resource:
    """Slides, a handout or a worksheet: a local file under docs/files/, an https URL, or honestly absent."""

    title: str
    status: Status
    file: str | None = None
    """Path relative to docs/, e.g. `files/slides.pdf`."""
    url: str | None = None
    note: str | None = None
    size: int | None = None
    """Bytes, measured from the local file when loading."""

    @property
    def format(self) -> str | None:
        """`PDF`, `PPTX`…, from the file name; None when there is no file or URL to tell."""
        target = self.file or self.url
        if not target:
            return None
        tail = target.rsplit("/", 1)[-1]
        return tail.rsplit(".", 1)[-1].upper() if "." in tail else None


@dataclass(frozen=True)
class Recording:
    status: Status
    url: str | None = None
    file: str | None = None
    duration: int | None = None
    """Minutes."""
    captions: str | None = None
    """A `.vtt` file under docs/, or `provider` when captions are embedded in the provider's player."""
    transcript: str | None = None
    """A file under docs/files/ (`.md` files become pages of their own)."""
    transcript_text: str | None = None
    """The transcript written into the YAML, shown on the page below the player."""
    accessibility_note: str | None = None
    """Shown beside the player: what is missing and how to ask for an accessible version."""
    note: str | None = None

    @property
    def provider(self) -> str | None:
        """`youtube`, `vimeo` or `self-hosted`, derived from where the video lives."""
        if self.file:
            return "self-hosted"
        return provider_of(self.url) if self.url else None

    @property
    def provider_name(self) -> str:
        """`YouTube`, `Vimeo` or `this site`, for the play button and the fallback link (templates translate it)."""
        return PROVIDER_NAMES.get(self.provider or "", N_("the provider"))

    @property
    def embed_url(self) -> str | None:
        """The privacy-enhanced player address the page loads only after the play button is pressed."""
        return embed_url(self.url) if self.url else None


@dataclass(frozen=True)
class Credit:
    """Continuing-education credit that an accredited provider offers for a training: claimed from the provider, whose
    evaluation is at `evaluation_url`; this site never awards it."""

    provider: str
    offered: str
    """What credit, for whom: `1.5 CE hours for social workers`."""
    evaluation_url: str
    note: str | None = None


@dataclass(frozen=True)
class Training:
    id: str
    title: str
    source: Source
    date: PartialDate | None
    """None when the date is written as `unknown`."""
    summary: str
    presenters: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    delivery: Delivery | None = None
    series: str | None = None
    """An archive this training belongs to."""
    objectives: tuple[str, ...] = ()
    content_note: str | None = None
    recording: Recording | None = None
    slides: Resource | None = None
    handouts: tuple[Resource, ...] = ()
    credit: Credit | None = None
    """None when the content names no credit: the page then says nothing about credit."""
    aliases: tuple[str, ...] = ()
    """Old ids of this item: each old address redirects here (see macros/aliases.py)."""


@dataclass(frozen=True)
class SeriesSession:
    number: int
    title: str | None = None
    """None when the source gives the session no title: shown as untitled, never invented."""
    date: PartialDate | None = None
    time: str | None = None
    """24-hour `HH:MM` start in the site's time zone; None when only the day is known."""
    duration: int | None = None
    """Minutes the live session lasted, for calendar end times."""
    summary: str | None = None
    presenters: tuple[str, ...] = ()
    content_note: str | None = None
    recording: Recording | None = None
    slides: Resource | None = None
    handouts: tuple[Resource, ...] = ()


def untitled(session: SeriesSession, words: Wording = ENGLISH) -> str:
    """The label for a session the source gives no title: honest, never invented."""
    return session.title or words.gettext(N_("Session %(number)s (untitled)")) % {"number": session.number}


@dataclass(frozen=True)
class Series:
    """A Virtual Learning Network (numbered sessions) or a training archive."""

    id: str
    title: str
    kind: SeriesKind
    summary: str
    source: Source
    start: PartialDate | None = None
    end: PartialDate | None = None
    organizers: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    purpose: str | None = None
    background: str | None = None
    how_it_works: str | None = None
    objectives: tuple[str, ...] = ()
    facilitators: tuple[str, ...] = ()
    team_requirements: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    sessions: tuple[SeriesSession, ...] = ()
    resources: tuple[Reference, ...] = ()
    contact: Contact | None = None
    status_note: str | None = None
    aliases: tuple[str, ...] = ()
    """Old ids of this item: each old address redirects here (see macros/aliases.py)."""


@dataclass(frozen=True)
class Rating:
    value: str
    """`1`–`5` or `NR`, on the CEBC Scientific Rating Scale."""
    source: str
    reviewed: PartialDate | None
    """None when the source does not say when the rating was given (`unknown` in YAML)."""
    url: str | None = None

    @property
    def label(self) -> str:
        return RATING_LABELS[self.value]


@dataclass(frozen=True)
class Program:
    id: str
    name: str
    summary: str
    rating: Rating
    source: Source
    topics: tuple[str, ...] = ()
    population: str | None = None
    delivery: str | None = None
    components: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """Old ids of this item: each old address redirects here (see macros/aliases.py)."""


@dataclass(frozen=True)
class HowToRequest:
    instructions: str
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Offering:
    title: str
    status: OfferingStatus
    description: str | None = None


@dataclass(frozen=True)
class Service:
    id: str
    title: str
    summary: str
    source: Source
    provider: str | None = None
    partners: tuple[str, ...] = ()
    eligibility: str | None = None
    description: str | None = None
    when_to_use: str | None = None
    examples: tuple[str, ...] = ()
    what_happens: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    how_to_request: HowToRequest | None = None
    response_time: str | None = None
    offerings: tuple[Offering, ...] = ()
    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """Old ids of this item: each old address redirects here (see macros/aliases.py)."""


FieldType = Literal["short-text", "long-text", "date", "person", "choice", "checkbox"]
FIELD_TYPE_LABELS: dict[str, str] = {
    "short-text": N_("Short answer"),
    "long-text": N_("Longer answer"),
    "date": N_("Date"),
    "person": N_("Person or role"),
    "choice": N_("Choose one"),
    "checkbox": N_("Tick if true"),
}
"""What an action-plan field asks for; the same names drive the web form, DOCX, XLSX and CSV."""


@dataclass(frozen=True)
class PlanField:
    """One prompt of an action plan and the kind of answer it takes."""

    id: str
    label: str
    type: FieldType
    guidance: str | None = None
    options: tuple[str, ...] = ()
    """The choices of a `choice` field; empty for every other type."""


@dataclass(frozen=True)
class PlanTable:
    """A planning table: named columns, and either labelled rows (one per domain…) or empty rows."""

    columns: tuple[str, ...]
    rows: int = 5
    """Empty rows when there are no row labels."""
    row_labels: tuple[str, ...] = ()
    row_heading: str | None = None
    """Heading of the label column when rows are labelled."""

    @property
    def row_count(self) -> int:
        return len(self.row_labels) or self.rows


@dataclass(frozen=True)
class PlanSection:
    id: str
    title: str
    guidance: str | None = None
    fields: tuple[PlanField, ...] = ()
    table: PlanTable | None = None


@dataclass(frozen=True)
class ActionPlan:
    """A template an organization or a worker fills in: one YAML source for the page and every download."""

    id: str
    title: str
    filled_by: str
    purpose: str
    version: str
    updated: PartialDate
    introduction: str
    sections: tuple[PlanSection, ...]
    source: Source
    draws_on: str
    """What the template is based on; shown as "Written for this hub, drawing on …" in every format."""
    content_note: str | None = None
    privacy: str | None = None
    """What not to write down, shown before the first prompt in every format."""
    worded_for: Literal["team", "one-person"] = "team"
    """`one-person`: filled in by one person for themselves, so the page and files speak to one person."""
    topics: tuple[str, ...] = ()
    series: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    """Old ids of this item: each old address redirects here (see macros/aliases.py)."""


@dataclass(frozen=True)
class Catalog:
    """Everything the site publishes, loaded and checked once per build; `macros/content/kinds.py` names the fields."""

    site: Site
    audiences: dict[str, Audience] = field(default_factory=dict)
    synonyms: tuple[Synonyms, ...] = ()
    topics: dict[str, Topic] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    trainings: dict[str, Training] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    programs: dict[str, Program] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    action_plans: dict[str, ActionPlan] = field(default_factory=dict)
    untranslated: frozenset[str] = frozenset()
    """In a catalog in another language, `kind:id` of every item that no translation gives a word for (its page says
    that its text is only in English); empty in English."""
