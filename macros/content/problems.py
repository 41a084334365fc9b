"""Content problems: every error names the file, the line and the field, so a maintainer can fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one YAML file."""

    file: str
    """Path shown to the maintainer, relative to the project root (`sessions/x.yaml`)."""
    line: int
    """1-based line of the offending value (or of its mapping when a key is missing)."""
    field: str
    """Dotted path of the field (`recording.url`, `sessions[2].title`); empty for the whole file."""
    message: str
    """What is wrong and what to write instead."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """One line per problem, then a count."""
        lines = [str(problem) for problem in self.problems]
        count = len(self.problems)
        lines.append(f"{count} problem{'s' if count != 1 else ''} in the content; nothing was published.")
        return "\n".join(lines)
