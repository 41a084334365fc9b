"""The one table of content kinds: every module that lists kinds reads it, so adding a kind is one row here.

The loader, routes, relations, listings, search, redirects, the scaffold and the editor schemas all take their
kinds from `KINDS`; `tests/content/test_kinds.py` fails when a kind lacks its template, section page or search text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from macros.content import model as m
from macros.content import specs
from macros.content.spec import Obj
from macros.content.words import N_, Nn_


class OnTopics(NamedTuple):
    """The words of a kind's group on a topic page: `Support services (2)`, `2 support services` (catalog entries,
    translated where the page is made)."""

    heading: str
    counted: tuple[str, str]
    """The singular and plural of `%(num)s support service(s)`."""


@dataclass(frozen=True)
class Kind:
    """One kind of item: a folder of one-item-per-file YAML under sessions/ and the pages made from it."""

    name: str
    """The identifier in code and in `Ref(kind=…)`: `action_plan`."""
    folder: str
    """`sessions/<folder>/` and, for kinds with a page per item, the site section `/<folder>/<id>/`."""
    singular: str
    """What a provider calls one item: `action-plan template`."""
    plural: str
    spec: Obj
    model: type[Any]
    catalog_field: str
    """The `Catalog` attribute holding the items by id."""
    template: str
    """The item page template under macros/site/templates/."""
    section_page: str
    """The hand-written page under docs/ that lists every item of the kind."""
    page_per_item: bool
    """True when each item has one page at `<folder>/<id>/`; series place theirs (and their sessions) themselves."""
    search_boost: float | None
    """Weight of the item page's compact search entry; None leaves the page to Material's full-text indexer."""
    on_topics: OnTopics | None = None
    """How topic pages group these items; None when topic pages do not list the kind."""
    savable: bool = False
    """A person can save its items for later in My learning (a series' sessions too): macros/content/learning.py."""

    @property
    def word(self) -> str:
        """The word maintainers type (`python -m macros new action-plan`) and the schema's file name."""
        return self.name.replace("_", "-")

    @property
    def title_field(self) -> str:
        """The field that names an item (`title`; `name` for people and programs): new ids are made from it."""
        return next(iter(self.spec.fields))

    def items(self, catalog: m.Catalog) -> Mapping[str, Any]:
        """This kind's items in `catalog`, by id."""
        items: Mapping[str, Any] = getattr(catalog, self.catalog_field)
        return items


KINDS: tuple[Kind, ...] = (
    Kind(
        "topic", "topics", "topic", "topics", specs.TOPIC, m.Topic, "topics", "topic.html",
        "topics/index.md", page_per_item=True, search_boost=6.0,
    ),
    Kind(
        "person", "people", "person", "people", specs.PERSON, m.Person, "people", "person.html",
        "people/index.md", page_per_item=True, search_boost=4.0,
    ),
    Kind(
        "training", "trainings", "training", "trainings", specs.TRAINING, m.Training, "trainings", "training.html",
        "trainings/index.md", page_per_item=True, search_boost=1.0,
        on_topics=OnTopics(
            N_("Trainings and sessions"),
            Nn_("%(num)s training or session", "%(num)s trainings and sessions"),
        ),
        savable=True,
    ),
    Kind(
        "series", "series", "learning network or archive", "learning networks and archives", specs.SERIES,
        m.Series, "series", "series.html", "networks/index.md", page_per_item=False, search_boost=2.0,
        on_topics=OnTopics(
            N_("Learning networks and archives"),
            Nn_("%(num)s learning network or archive", "%(num)s learning networks and archives"),
        ),
        savable=True,
    ),
    Kind(
        "program", "programs", "evidence-rated program", "evidence-rated programs", specs.PROGRAM, m.Program,
        "programs", "program.html", "programs/index.md", page_per_item=True, search_boost=4.0,
        on_topics=OnTopics(
            N_("Evidence-rated programs"),
            Nn_("%(num)s evidence-rated program", "%(num)s evidence-rated programs"),
        ),
        savable=True,
    ),
    Kind(
        "service", "services", "support service", "support services", specs.SERVICE, m.Service, "services",
        "service.html", "services/index.md", page_per_item=True, search_boost=8.0,
        on_topics=OnTopics(
            N_("Support services"), Nn_("%(num)s support service", "%(num)s support services")
        ),
        savable=True,
    ),
    Kind(
        "action_plan", "action-plans", "action-plan template", "action-plan templates", specs.ACTION_PLAN,
        m.ActionPlan, "action_plans", "action_plan.html", "action-plans/index.md", page_per_item=True,
        search_boost=None,
        on_topics=OnTopics(
            N_("Action-plan templates"),
            Nn_("%(num)s action-plan template", "%(num)s action-plan templates"),
        ),
        savable=True,
    ),
)  # fmt: skip
"""In the order the loader reads them and topic pages group them."""

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}

SINGLE_FILES: dict[str, Obj] = {
    "site.yaml": specs.SITE,
    "audiences.yaml": specs.AUDIENCES,
    "synonyms.yaml": specs.SYNONYMS,
}
"""Content that is one file, not a folder of items."""


def kind(name: str) -> Kind:
    """The kind called `name`; a KeyError names the kinds there are."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no kind {name!r}; the kinds are: {', '.join(BY_NAME)}") from None


def counts(catalog: m.Catalog) -> dict[str, int]:
    """Items per kind, for the `validate` summary: `7 topics, 3 people, …, 14 audiences`."""
    result: dict[str, int] = {}
    for each in KINDS:
        result[each.folder.replace("-", " ")] = len(each.items(catalog))
        if each.name == "series":
            result["series sessions"] = sum(len(series.sessions) for series in catalog.series.values())
    return result | {"audiences": len(catalog.audiences)}
