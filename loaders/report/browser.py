"""Open report pages in headless Chromium (Debian's, via Playwright): console errors, network, screenshots.

Used by the tests and by `make screenshots`; Playwright is a development dependency and drives the
system Chromium (`make chromium` installs it), never a browser it would download.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium_path() -> str | None:
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


@dataclass
class PageVisit:
    page: str
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)  # anything not file://
    n_svg: int = 0


def visit(site: Path, pages: list[str], screenshots: dict[str, Path] | None = None) -> list[PageVisit]:
    """Load each page from file:// and record console errors and requests that leave the file system."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("no Chromium found: install it with `make chromium` (apt-get install chromium)")
    visits = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            tab = browser.new_page(viewport={"width": 1200, "height": 900})
            current: list[PageVisit] = []
            tab.on("console", lambda m: current[-1].console_errors.append(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: current[-1].console_errors.append(str(e)))
            tab.on("request", lambda r: None if r.url.startswith("file:")
                   else current[-1].outside_requests.append(r.url))
            for page in pages:
                current.append(PageVisit(page))
                tab.goto((site / page).resolve().as_uri(), wait_until="load")
                current[-1].n_svg = tab.locator("svg").count()
                if screenshots and page in screenshots:
                    tab.screenshot(path=str(screenshots[page]))
            visits = current
        finally:
            browser.close()
    return visits
