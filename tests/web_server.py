"""The served app for the web tests (started by the real `serve` command), and how Chromium is driven."""

from __future__ import annotations

from assistant.web.subprocess_server import serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "serve"]
