"""Synthetic but valid content at any size, so the build can be measured where the real archive will be in years.

The files follow macros/schema.py and the shipped examples; the generator test builds them with --strict, so a
schema change that the generator misses fails a test instead of silently benchmarking a broken site.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

FIRST = (
    "Ana Ben Carla Dev Elena Femi Grace Hana Ivan Jamal Kira Luis Maya "
    "Nadia Omar Priya Quinn Rosa Sam Tomas Uma Victor Wen Ximena Yusuf Zoe"
)
LAST = (
    "Abara Brennan Castillo Duarte Eriksen Fofanah Garza Haddad Ito Jovanovic Kowalski Lindqvist Mbeki "
    "Nakamura Okafor Petrov Quispe Rahman Sorensen Tanaka Umarov Varga Whitfield Xiong Yilmaz Zielinski"
)
THEMES = (
    "De-escalation",
    "Trauma-informed supervision",
    "Motivational interviewing",
    "Peer support",
    "Harm reduction",
    "Suicide prevention",
    "Postvention",
    "Secondary traumatic stress",
    "Restraint and seclusion prevention",
    "Family engagement",
    "Crisis planning",
    "Cultural humility",
)
ANGLES = ("basics", "in practice", "for teams", "with young people", "after an incident", "in residential care")
TEMAS = (
    "Desescalada",
    "Supervisión informada sobre el trauma",
    "Entrevista motivacional",
    "Apoyo entre pares",
    "Reducción de daños",
    "Prevención del suicidio",
    "Posvención",
    "Estrés traumático secundario",
    "Prevención de la contención y el aislamiento",
    "Participación de la familia",
    "Planificación para crisis",
    "Humildad cultural",
)
ENFOQUES = ("conceptos básicos", "en la práctica", "para equipos", "con jóvenes", "después de un incidente",
            "en cuidado residencial")  # fmt: skip
DELIVERY = ("live-online", "in-person", "pre-recorded")
STATUSES = ("available", "coming-soon", "on-request", "unavailable")


@dataclass
class Counts:
    """How many items of each kind were written, and the page address of each (directory style)."""

    paths: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, path: str) -> None:
        self.paths.setdefault(kind, []).append(path)

    @property
    def items(self) -> int:
        return sum(len(paths) for paths in self.paths.values())


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


class Generator:
    """Writes sessions/ and docs/files/ for `trainings` trainings; the other kinds scale with it."""

    def __init__(self, trainings: int, seed: int = 7) -> None:
        self.trainings = trainings
        self.rng = random.Random(seed)
        self.topics = [f"topic-{i:03d}" for i in range(8 + trainings // 200)] + ["postvention"]
        self.people = [f"person-{i:04d}" for i in range(max(10, trainings // 5))]
        self.archives = [f"archive-{i:03d}" for i in range(max(1, trainings // 100))]
        self.networks = [f"network-{i:03d}" for i in range(max(1, trainings // 250))]
        self.programs = [f"program-{i:03d}" for i in range(max(3, trainings // 100))]
        self.services = ["postvention", *(f"service-{i:02d}" for i in range(trainings // 1000))]
        self.audiences = [entry["id"] for entry in _shipped("audiences.yaml")["audiences"]]
        self.words = _vocabulary()
        self.palabras = _vocabulary("es")
        self.es_rng = random.Random(seed + 1)
        """Spanish draws from their own generator, so the English content is the same with or without them."""

    def some(self, items: list[str], low: int, high: int) -> list[str]:
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def date(self) -> str:
        year = self.rng.randint(2012, 2025)
        shape = self.rng.random()
        if shape < 0.03:
            return "unknown"
        if shape < 0.10:
            return str(year)
        if shape < 0.20:
            return f"{year}-{self.rng.randint(1, 12):02d}"
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def text(self, sentences: int) -> str:
        """Sentences drawn from the shipped content's own words, so sizes and gzip ratios look like real prose."""
        return _sentences(self.rng, self.words, sentences)

    def texto(self, sentences: int) -> str:
        """Spanish sentences from the shipped translations' words."""
        return _sentences(self.es_rng, self.palabras, sentences)

    def titulo(self) -> str:
        return f"{self.es_rng.choice(TEMAS)}: {self.es_rng.choice(ENFOQUES)}"

    def translation(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        """A Spanish translation of an item as a maintainer would write one: its title, summary and objectives
        (and a learning network's sessions, item for item); the rest (notes, handouts) is left in English."""
        out: dict[str, Any] = {"title": self.titulo()}
        if kind == "training":
            out["title"] = f"{out['title']} ({data['title'].rsplit('(', 1)[1]}"
        out["summary"] = f"{self.texto(2)}\n\n{self.texto(2)}" if kind == "training" else self.texto(2)
        if "purpose" in data:
            out["purpose"] = self.texto(2)
        if "objectives" in data:
            out["objectives"] = [self.texto(1) for _ in data["objectives"]]
        if "sessions" in data:
            out["sessions"] = [
                {**({"title": self.titulo()} if "title" in session else {}), "summary": self.texto(2)}
                for session in data["sessions"]
            ]
        return out

    def recording(self) -> dict[str, Any]:
        roll = self.rng.random()
        if roll < 0.7:
            host = self.rng.choice(("https://www.youtube.com/watch?v=", "https://vimeo.com/"))
            suffix = f"{self.rng.randrange(16**11):011x}" if "youtube" in host else str(self.rng.randint(10**7, 10**9))
            data = {"status": "available", "url": host + suffix, "duration": self.rng.randint(20, 180)}
            data["captions"] = "provider" if self.rng.random() < 0.7 else "files/captions.vtt"
            if self.rng.random() < 0.5:
                data["transcript"] = "files/transcript.txt"
            else:
                data["transcript_text"] = f"{self.text(3)}\n\n{self.text(3)}"
            return data
        if roll < 0.85:
            return {"status": "unavailable", "note": "The address of this recording was not kept."}
        return {"status": "on-request", "note": "Ask the training office for a copy."}

    def resource(self, title: str) -> dict[str, Any]:
        roll = self.rng.random()
        if roll < 0.5:
            return {"title": title, "status": "available", "file": "files/slides.pdf"}
        if roll < 0.8:
            return {
                "title": title,
                "status": "available",
                "url": f"https://example.org/files/{self.rng.randrange(10**6)}.pdf",
            }
        return {"title": title, "status": self.rng.choice(STATUSES[1:])}

    def training(self, number: int, archive: str | None) -> dict[str, Any]:
        theme = self.rng.choice(THEMES)
        data: dict[str, Any] = {
            "title": f"{theme} {self.rng.choice(ANGLES)} ({number})",
            "date": self.date(),
            "summary": f"{self.text(2)}\n\n{self.text(2)}",
            "presenters": self.some(self.people, 1, 3),
            "topics": self.some(self.topics, 1, 3),
            "audiences": self.some(self.audiences, 1, 3),
            "delivery": self.rng.choice(DELIVERY),
        }
        if archive:
            data["series"] = archive
        data["objectives"] = [self.text(1) for _ in range(3)]
        if self.rng.random() < 0.1:
            data["content_note"] = "Discusses a death by suicide at a program."
        data["recording"] = self.recording()
        data["slides"] = self.resource("Slides")
        data["handouts"] = [self.resource(f"Handout {i + 1}") for i in range(self.rng.randint(0, 2))]
        if self.rng.random() < 0.3:
            data["credit"] = {
                "provider": "A state board of continuing education",
                "offered": "1.5 CE hours for social workers and nurses",
                "evaluation_url": "https://ce.example.org/evaluation",
            }
        return data

    def session(self, number: int) -> dict[str, Any]:
        data: dict[str, Any] = {"number": number, "date": self.date()}
        if self.rng.random() < 0.85:
            data["title"] = f"{self.rng.choice(THEMES)} {self.rng.choice(ANGLES)}"
        data["summary"] = self.text(2)
        if self.rng.random() < 0.5:
            data["presenters"] = self.some(self.people, 1, 2)
        data["recording"] = self.recording()
        data["slides"] = self.resource("Slides")
        return data

    def series(self, kind: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": f"{self.rng.choice(THEMES)} {'learning network' if kind == 'vln' else 'archive'}",
            "kind": kind,
            "summary": self.text(2),
            "start": f"{self.rng.randint(2012, 2024)}-{self.rng.randint(1, 12):02d}",
            "purpose": self.text(2),
            "objectives": [self.text(1) for _ in range(3)],
            "facilitators": self.some(self.people, 1, 3),
            "topics": self.some(self.topics, 1, 2),
            "audiences": self.some(self.audiences, 1, 3),
        }
        if kind == "vln":
            data["team_requirements"] = ["A team of three to five staff, including a supervisor."]
            data["sessions"] = [self.session(i + 1) for i in range(self.rng.randint(6, 10))]
            data["contact"] = {"name": "Training office", "phone": "617-555-0100"}
        return data

    def write(self, project: Path) -> Counts:
        """Write sessions/ and docs/files/ under `project`, and Spanish translations of every topic, service,
        series and training under sessions/es/; return the page of every item (each has a Spanish page too)."""
        sessions, counts = project / "sessions", Counts()
        sessions.mkdir(parents=True, exist_ok=True)
        for name in ("site.yaml", "audiences.yaml", "es/site.yaml", "es/audiences.yaml"):
            (sessions / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / "sessions" / name, sessions / name)
        spanish = sessions / "es"
        files = project / "docs" / "files"
        files.mkdir(parents=True, exist_ok=True)
        (files / "slides.pdf").write_bytes(b"%PDF-1.4\n% synthetic slides for the benchmark\n" + b"0" * 2000)
        (files / "captions.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nWelcome.\n", encoding="utf-8")
        (files / "transcript.txt").write_text("Welcome to the training.\n", encoding="utf-8")
        for topic in self.topics:
            title = "Postvention" if topic == "postvention" else f"{self.rng.choice(THEMES)} topic {topic[-3:]}"
            _dump(sessions / "topics" / f"{topic}.yaml", {"title": title, "summary": self.text(3)})
            _dump(spanish / "topics" / f"{topic}.yaml", {"title": self.titulo(), "summary": self.texto(3)})
            counts.add("topic", f"topics/{topic}/")
        first, last = FIRST.split(), LAST.split()
        for number, person in enumerate(self.people):
            name = f"{first[number % len(first)]} {last[(number // len(first)) % len(last)]}"
            _dump(
                sessions / "people" / f"{person}.yaml",
                {"name": name, "credentials": "LICSW", "role": "Trainer", "affiliation": "Example Network",
                 "bio": self.text(3)},
            )  # fmt: skip
            counts.add("person", f"people/{person}/")
        for archive in self.archives:
            data = self.series("archive")
            _dump(sessions / "series" / f"{archive}.yaml", data)
            _dump(spanish / "series" / f"{archive}.yaml", self.translation("series", data))
            counts.add("series", f"archives/{archive}/")
        for network in self.networks:
            data = self.series("vln")
            _dump(sessions / "series" / f"{network}.yaml", data)
            _dump(spanish / "series" / f"{network}.yaml", self.translation("series", data))
            counts.add("series", f"networks/{network}/")
            for session in data["sessions"]:
                counts.add("session", f"networks/{network}/{session['number']}/")
        for number in range(self.trainings):
            member_of = self.rng.choice(self.archives) if self.rng.random() < 0.2 else None
            data = self.training(number, member_of)
            _dump(sessions / "trainings" / f"training-{number:05d}.yaml", data)
            _dump(spanish / "trainings" / f"training-{number:05d}.yaml", self.translation("training", data))
            counts.add("training", f"trainings/training-{number:05d}/")
        for program in self.programs:
            rating = {"value": self.rng.choice(("1", "2", "3", "4", "5", "NR")), "source": "CEBC", "reviewed": "2023"}
            _dump(
                sessions / "programs" / f"{program}.yaml",
                {"name": f"{self.rng.choice(THEMES)} program {program[-3:]}", "summary": self.text(3),
                 "rating": rating, "topics": self.some(self.topics, 1, 2)},
            )  # fmt: skip
            counts.add("program", f"programs/{program}/")
        for service in self.services:
            title = "Postvention services" if service == "postvention" else f"Support service {service[-2:]}"
            _dump(
                sessions / "services" / f"{service}.yaml",
                {"title": title, "summary": self.text(2),
                 "how_to_request": {"instructions": "Call the line.", "phone": "617-555-0100"},
                 "topics": ["postvention"]},
            )  # fmt: skip
            _dump(
                spanish / "services" / f"{service}.yaml",
                {"title": self.titulo(), "summary": self.texto(2),
                 "how_to_request": {"instructions": "Llame a la línea."}},
            )  # fmt: skip
            counts.add("service", f"services/{service}/")
        return counts


def _sentences(rng: random.Random, vocabulary: list[str], sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 22))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def _vocabulary(language: str = "en") -> list[str]:
    """Every word of the shipped YAML in `language` (English: the files outside sessions/es/), with its real
    frequency (the Spanish without its keys and comments, which are English)."""
    spanish = ROOT / "sessions" / "es"
    paths = sorted((spanish if language == "es" else ROOT / "sessions").rglob("*.yaml"))
    paths = [path for path in paths if language == "es" or not path.is_relative_to(spanish)]
    text = " ".join(path.read_text(encoding="utf-8") for path in paths)
    if language == "es":
        text = re.sub(r"#.*|^[\s-]*[a-z_]+:", " ", text, flags=re.M)
    return re.findall(r"[a-záéíóúüñ]{3,}", text.lower())


def _shipped(name: str) -> Any:
    return yaml.safe_load((ROOT / "sessions" / name).read_text(encoding="utf-8"))


def write_project(project: Path, trainings: int, seed: int = 7) -> Counts:
    """A buildable project like the real one (mkdocs.yml, docs/, overrides/) with synthetic sessions/."""
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("files"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - macros/edge/hooks.py", f"  - {(ROOT / 'macros' / 'edge' / 'hooks.py').as_posix()}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Generator(trainings, seed).write(project)


def write_english_only(project: Path, target: Path) -> None:
    """The same project in English alone: no translations, no Spanish pages, `extra.hub_languages: [en]`."""

    def skipped(folder: str, names: list[str]) -> list[str]:
        if folder in (str(project / "sessions"), str(project / "docs")):
            return ["es"]
        return ["site"] if folder == str(project) else []

    shutil.copytree(project, target, ignore=skipped)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    languages = re.compile(r"^(  hub_languages:) \[[^\]]*\]", re.M)
    if not languages.search(config):
        raise ValueError("mkdocs.yml has no `  hub_languages: [...]` line to set to English alone")
    (target / "mkdocs.yml").write_text(languages.sub(r"\1 [en]", config), encoding="utf-8")
