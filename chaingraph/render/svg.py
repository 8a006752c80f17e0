"""A few escaped SVG elements for the static views (chain, geography, overview):
every text and attribute value goes through :func:`markupsafe.escape`, so a name
can never become markup. Numbers are rounded to one decimal so pages are
deterministic and small."""

from __future__ import annotations

from markupsafe import Markup, escape


def _num(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def attrs(**values: object) -> str:
    """Return ``key="value"`` pairs (underscores in keys become dashes; None skipped).

    >>> attrs(x=1.25, font_size=12, cls="a<b", title=None)
    'x="1.2" font-size="12" class="a&lt;b"'
    """
    out = []
    for key, value in values.items():
        if value is None:
            continue
        name = "class" if key == "cls" else key.replace("_", "-")
        text = _num(value) if isinstance(value, float) else str(value)
        out.append(f'{name}="{escape(text)}"')
    return " ".join(out)


def text(x: float, y: float, content: str, tip: str | None = None, **more: object) -> str:
    """Return a ``<text>`` element at ``x``, ``y`` (with a ``<title>`` tooltip when ``tip``)."""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return f"<text {attrs(x=float(x), y=float(y), **more)}>{title}{escape(content)}</text>"


def rect(x: float, y: float, w: float, h: float, **more: object) -> str:
    """Return a ``<rect>`` element."""
    return f"<rect {attrs(x=float(x), y=float(y), width=float(w), height=float(h), **more)}/>"


def circle(x: float, y: float, r: float, tip: str | None = None, **more: object) -> str:
    """Return a ``<circle>`` element (with a ``<title>`` tooltip when ``tip``)."""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return f"<circle {attrs(cx=float(x), cy=float(y), r=float(r), **more)}>{title}</circle>"


def path(d: str, tip: str | None = None, **more: object) -> str:
    """Return a ``<path>`` element with path data ``d`` (numbers only: callers build it)."""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return f"<path {attrs(d=d, **more)}>{title}</path>"


def group(items: list[str], tip: str | None = None, **more: object) -> str:
    """Return a ``<g>`` of ``items`` (already built elements)."""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return f"<g {attrs(**more)}>{title}{''.join(items)}</g>"


ARROW_DEFS = ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
              'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker>'
              '<marker id="arrow-red" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
              'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#d62728"/></marker>'
              '<marker id="arrow-fixed" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" '
              'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>')


def svg(width: float, height: float, items: list[str], label: str, **more: object) -> Markup:
    """Return a whole ``<svg>`` of ``items`` at its natural size in pixels (text is
    drawn at the size it is given), with arrow markers defined."""
    head = attrs(xmlns="http://www.w3.org/2000/svg", width=float(width), height=float(height),
                 viewBox=f"0 0 {_num(float(width))} {_num(float(height))}", role="img", aria_label=label, **more)
    return Markup(f"<svg {head}>{ARROW_DEFS}{''.join(items)}</svg>")


def clip(name: str, limit: int) -> str:
    """Return ``name`` cut to ``limit`` characters (a CJK character counts 1, a
    Latin one ½), ending in … when cut.

    >>> clip("中联重科股份有限公司", 5), clip("Sany Heavy Industry", 6)
    ('中联重科…', 'Sany Heav…')
    """
    used, out = 0.0, []
    for char in name:
        used += 1 if ord(char) > 0x2E80 else 0.55
        if used > limit:
            return "".join(out[:-1]).rstrip() + "…"
        out.append(char)
    return name
