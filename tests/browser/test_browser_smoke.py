"""The browser plumbing itself: Debian's Chromium opens the built site from 127.0.0.1."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def test_home_page_opens_in_chromium(page: Page, shipped_url: str) -> None:
    page.goto(shipped_url)
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.lang") == "en"
