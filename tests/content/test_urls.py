from __future__ import annotations

import pytest

from macros.content.values.urls import VIDEO_HOSTS, tel_href, url_problem


@pytest.mark.parametrize("url", ["https://example.org/a?b=c", "mailto:info@example.org", "tel:+1-617-661-9036"])
def test_allowed_urls_pass(url: str) -> None:
    assert url_problem(url, ("https", "mailto", "tel")) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "must start with https://"),
        ("JaVaScRiPt:alert(1)", "must start with https://"),
        ("data:text/html,<b>x</b>", "must start with https://"),
        ("http://example.org", "must start with https://"),
        ("//example.org/x", "must start with https://"),
        ("https://exa mple.org", "spaces"),
        ("https://user:pw@example.org", "no valid host"),
        ("https://localhost/x", "no valid host"),
    ],
)
def test_unsafe_urls_are_refused_with_a_reason(url: str, reason: str) -> None:
    problem = url_problem(url, ("https",))
    assert problem is not None
    assert reason in problem


def test_video_hosts_are_allow_listed() -> None:
    assert url_problem("https://vimeo.com/1", ("https",), VIDEO_HOSTS) is None
    assert "not an allowed video provider" in (url_problem("https://evil.example/v", ("https",), VIDEO_HOSTS) or "")


def test_tel_links_keep_only_digits() -> None:
    assert tel_href("617-661-9036") == "tel:6176619036"
    assert tel_href("+1 (617) 661-9036") == "tel:+16176619036"
