"""The what-if sections of the report page: what happens if firms or places stop
delivering (:func:`chaingraph.analytics.impact.impact`) and which firms would close
the region's gaps (:func:`chaingraph.analytics.attract.attract`), drawn as tables
below the gap report. Everything is escaped by the template (autoescape on).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from chaingraph.analytics.attract import AttractReport, attract
from chaingraph.analytics.impact import ImpactReport, impact
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.analytics.regions import Region
from chaingraph.render.html import TEMPLATES
from chaingraph.render.report import ReportResult, render_report

#: Firms losing a supplier listed on the page (stopped firms first).
PAGE_FIRMS = 50


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def whatif_sections(impact_report: ImpactReport | None = None, attract_report: AttractReport | None = None) -> Markup:
    """Return the HTML (escaped, safe to place in a page) of the impact and attract
    sections for the reports given (either may be None)."""
    impact_data: dict[str, Any] | None = None
    if impact_report is not None:
        firms = sorted(impact_report.firms, key=lambda f: (not f.stopped, f.depth, f.firm))
        impact_data = {**impact_report.to_dict(), "firms": [f.to_dict() for f in firms[:PAGE_FIRMS]],
                       "more": max(0, len(firms) - PAGE_FIRMS), "n_firms": len(firms),
                       "n_stopped": len(impact_report.stopped),
                       "removed_names": ", ".join(t.name for t in impact_report.targets)}
    attract_data = attract_report.to_dict() if attract_report is not None else None
    html = _environment().get_template("whatif.html.j2").render(impact=impact_data, attract=attract_data)
    return Markup(html)


def render_whatif_report(placed: PlacedGraph, region: str | Region, out_path: str | Path, *,
                         remove: Sequence[str] = (), with_attract: bool = False, top: int = 5) -> ReportResult:
    """Write the gap report of the chain of ``placed`` in ``region`` to ``out_path``
    (:func:`chaingraph.render.report.render_report`, ``top`` candidates per
    segment) with, below it, the impact of removing ``remove`` (firm, city or
    province names; none: no impact section) on that region and, when
    ``with_attract``, the ``top`` firms whose arrival would close most gaps.
    Returns the :class:`ReportResult`; raises what the analyses raise."""
    region = placed.region(region)
    impact_report = impact(placed, remove, [region]) if remove else None
    attract_report = attract(placed, region, top=top) if with_attract else None
    return render_report(placed, region, out_path, top=top, sections=whatif_sections(impact_report, attract_report))
