"""The report page's what-if sections (report --impact, --attract): present, escaped,
deterministic."""

from __future__ import annotations

import networkx as nx

from chaingraph.analytics.chains import chain_from_dict
from chaingraph.analytics.placed import PlacedGraph
from chaingraph.render.whatif import render_whatif_report

from .test_cli_whatif import CHAINS, DATA, run

EVIL = '<img src=x onerror="alert(1)">&'


def _placed() -> PlacedGraph:
    g = nx.MultiDiGraph()
    for f, name, prov, seg in [("p", EVIL + "泵", "江苏", "pump"), ("m", "机<b>", "湖南", "machine"),
                               ("n", "机二", "湖南", "machine")]:
        g.add_node(f, label="Firm", name=name, province=prov, products=seg)
    _ = g.add_edge("p", "m", key="SUPPLIES", type="SUPPLIES")
    chain = chain_from_dict({"name": "toy", "segments": [
        {"name": "pump", "stage": "upstream", "keywords": ["pump"], "supplies": ["machine"]},
        {"name": "machine", "stage": "midstream", "keywords": ["machine"]}]})
    return PlacedGraph.from_graph(g, chain)


def test_sections_are_escaped_and_deterministic(tmp_path):
    placed = _placed()
    first = tmp_path / "a.html"
    render_whatif_report(placed, "湖南", first, remove=["江苏"], with_attract=True)
    html = first.read_text(encoding="utf-8")
    assert 'id="impact"' in html and 'id="attract"' in html
    assert "<img src=x" not in html and "机<b>" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&amp;泵" in html
    assert "机&lt;b&gt;" in html and "yes: no pump" in html  # 机<b> loses its only pump maker
    second = tmp_path / "b.html"
    render_whatif_report(placed, "湖南", second, remove=["江苏"], with_attract=True)
    assert second.read_text(encoding="utf-8") == html


def test_report_command_takes_impact_and_attract(tmp_path):
    db = str(tmp_path / "g.db")
    assert run("--db", db, "ingest", str(DATA / "graph.jsonl")).returncode == 0
    page = tmp_path / "r.html"
    out = run("--db", db, "report", "--chain", "假设机械", "--chains", CHAINS, "--region", "湖南", "--impact", "江苏",
              "--attract", "-o", str(page))
    assert out.returncode == 0, out.stderr
    html = page.read_text(encoding="utf-8")
    assert "If 江苏 stopped delivering" in html
    assert '<td>整机</td><td><span class="status status-present">present</span></td>' \
           '<td><span class="status status-missing">missing</span></td>' in html
    assert html.index("沙钢有限公司", html.index('id="attract"')) > 0
    plain = tmp_path / "plain.html"
    assert run("--db", db, "report", "--chain", "假设机械", "--chains", CHAINS, "--region", "湖南",
               "-o", str(plain)).returncode == 0
    assert 'id="impact"' not in plain.read_text(encoding="utf-8")
