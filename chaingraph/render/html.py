"""Self-contained HTML pages: every script and style inlined, nothing fetched.

Pages come from the Jinja2 templates in ``chaingraph/render/templates/`` with autoescaping
on. Data for scripts travels as JSON in a ``<script type="application/json">`` block
with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, so no name can close the
block. vis-network is the copy that ships inside the pyvis package. A Content
Security Policy allows only the page's own scripts (by hash), inline styles and
``data:`` images: no request leaves the page and injected markup cannot run.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from chaingraph.errors import ChainGraphError

TEMPLATES = Path(__file__).resolve().parent / "templates"


class RenderError(ChainGraphError):
    """A page could not be built (its templates or the vis-network script are missing)."""


def json_for_html(data: Any) -> str:
    """Return ``data`` as JSON safe to place inside a ``<script>`` element.

    >>> json_for_html({"name": "</script><img src=x>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def json_block(data: Any) -> Markup:
    """Return :func:`json_for_html` of ``data`` marked safe for a template's
    ``<script type="application/json">`` element (it needs no further escaping)."""
    return Markup(json_for_html(data))


@lru_cache(maxsize=None)
def vis_network_js() -> str:
    """Return the text of vis-network's standalone script as shipped in pyvis."""
    import pyvis

    base = Path(pyvis.__file__).resolve().parent
    for candidate in sorted(base.glob("**/vis-network.min.js"), reverse=True):
        text = candidate.read_text(encoding="utf-8")
        if "</script" in text.lower():  # would end the inline element early
            text = text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
        return text
    raise RenderError(f"vis-network.min.js not found inside the pyvis package at {base}; reinstall pyvis")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """Return the text of one of our own assets in ``templates/`` (a .js or .css)."""
    path = TEMPLATES / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RenderError(f"{path}: cannot read page asset ({exc.strerror})") from exc


def script_hash(text: str) -> str:
    """Return the CSP source expression (``'sha256-…'``) that allows inline ``text``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


def page(template: str, *, scripts: list[str], **context: Any) -> str:
    """Return the page ``template`` filled with ``context``; ``scripts`` (texts of
    scripts to run, in order) are inlined and allowed by hash in the page's CSP.
    The base template also inlines ``page.css``."""
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           "script-src " + (" ".join(script_hash(s) for s in scripts) or "'none'"))
    try:
        tpl = _environment().get_template(template)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {template!r} missing from {TEMPLATES}") from exc
    return tpl.render(csp=csp, scripts=[Markup(s) for s in scripts],
                      css=Markup(asset("page.css")), **context)
