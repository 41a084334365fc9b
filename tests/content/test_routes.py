from __future__ import annotations

import pytest

from macros.content.routes import relative


@pytest.mark.parametrize(
    ("here", "target", "link"),
    [
        ("trainings/a/", "people/b/", "../../people/b/"),
        ("networks/x/3/", "networks/x/", "../"),
        ("networks/x/", "networks/x/1/", "1/"),
        ("", "topics/t/", "topics/t/"),
        ("trainings/a/", "files/s.pdf", "../../files/s.pdf"),
        ("people/", "people/", "./"),
    ],
)
def test_relative_links_match_directory_urls(here: str, target: str, link: str) -> None:
    assert relative(here, target) == link
