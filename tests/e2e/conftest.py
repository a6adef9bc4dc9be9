"""Browser tests: Playwright driving Debian's Chromium against Django's live server.

Playwright cannot download its own browsers here, so we launch the system Chromium.
A missing browser is a failure, never a skip: CI must see it.
"""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Playwright's sync API runs an event loop in this thread; Django's ORM guard would refuse
# the test's own database calls without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The same patience for a page to show something as for an action (see set_default_timeout below):
# live screens poll every 2 s under the test server, and CI machines are slow and busy.
expect.set_options(timeout=10_000)

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_executable() -> str:
    configured = os.environ.get("HUSTINGS_CHROMIUM")
    candidates = [configured] if configured else []
    candidates += ["/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or ""]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "No Chromium found for the browser tests: install Debian's `chromium` package "
        "or set HUSTINGS_CHROMIUM to a Chromium executable.",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page and return the violations at the given impacts."""
    # Evaluated through the DevTools protocol, so our strict CSP (no inline scripts) stays on.
    page.evaluate(AXE_SCRIPT.read_text())
    results = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def login(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
