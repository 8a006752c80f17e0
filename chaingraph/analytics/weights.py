"""How much each supply link into a firm counts: the link's share of what the
customer buys, from the weights the graph holds.

A SUPPLIES edge between two firms may carry a ``weight`` (a share or volume read
from a list) or an ``amount`` (a deal's value in yuan). For one customer the
shares of its supply links from firms add up to 1:

* when every one of its supply links from firms carries a positive ``weight``,
  each link's share is its weight over their sum; else, when every one carries a
  positive ``amount``, the same with amounts;
* otherwise each link counts equally (1 / the number of links) and the links are
  counted as *assumed equal* (mixing a weight on one link with nothing on
  another would be a guess either way).

The what-if analyses (:mod:`chaingraph.analytics.impact`,
:mod:`chaingraph.analytics.attract`) read shares from here and say how many links
had weights and how many were assumed equal.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in "abcd":
...     g.add_node(n, label="Firm")
>>> _ = g.add_edge("a", "c", key="SUPPLIES", type="SUPPLIES", weight=3)
>>> _ = g.add_edge("b", "c", key="SUPPLIES", type="SUPPLIES", weight=1)
>>> _ = g.add_edge("a", "d", key="SUPPLIES", type="SUPPLIES")
>>> _ = g.add_edge("b", "d", key="SUPPLIES", type="SUPPLIES", amount=5e6)
>>> shares = SupplyShares(g)
>>> shares.of("c"), shares.of("d")
({'a': 0.75, 'b': 0.25}, {'a': 0.5, 'b': 0.5})
>>> shares.counts()
(2, 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from chaingraph.adjacency import in_edges_by_node, node_attributes
from chaingraph.model import Label, RelType

SUPPLIES = RelType.SUPPLIES.value
FIRM = Label.FIRM.value
#: The edge properties read as a link's weight, in the order tried.
WEIGHT_KEYS = ("weight", "amount")


def _positive(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


class SupplyShares:
    """The supply shares of ``graph``'s firms, computed per customer when first
    asked and kept. :meth:`of` gives a customer's supplier -> share;
    :meth:`counts` how many links so far had weights and how many were assumed
    equal."""

    def __init__(self, graph: nx.MultiDiGraph):
        self._pred = in_edges_by_node(graph)
        self._nodes = node_attributes(graph)
        self._cache: dict[str, dict[str, float]] = {}
        self._weighted: dict[str, bool] = {}

    def suppliers(self, customer: str) -> list[str]:
        """Return the firms that SUPPLY ``customer`` (itself left out), sorted by id."""
        nodes = self._nodes
        return sorted(s for s, edges in self._pred[customer].items()
                      if SUPPLIES in edges and s != customer and nodes[s].get("label") == FIRM)

    def of(self, customer: str) -> dict[str, float]:
        """Return supplier id -> share (summing to 1) of ``customer``'s supply links
        from firms; empty when it has none."""
        found = self._cache.get(customer)
        if found is not None:
            return found
        suppliers = self.suppliers(customer)
        shares: dict[str, float] = {}
        weighted = False
        if suppliers:
            edges: Mapping[str, Any] = self._pred[customer]
            for key in WEIGHT_KEYS:
                values = [_positive(edges[s][SUPPLIES].get(key)) for s in suppliers]
                if all(v is not None for v in values):
                    total = sum(values)
                    shares = {s: v / total for s, v in zip(suppliers, values)}
                    weighted = True
                    break
            if not weighted:
                shares = {s: 1 / len(suppliers) for s in suppliers}
        self._cache[customer] = shares
        self._weighted[customer] = weighted
        return shares

    def counts(self) -> tuple[int, int]:
        """Return ``(links with weights, links assumed equal)`` over the customers
        looked at so far."""
        weighted = assumed = 0
        for customer, shares in self._cache.items():
            if self._weighted[customer]:
                weighted += len(shares)
            else:
                assumed += len(shares)
        return weighted, assumed

    def note(self) -> str:
        """Return one line saying which weights were used, e.g. ``equal weights
        assumed for all 25 supply links (none has a weight or amount)``."""
        weighted, assumed = self.counts()
        if not weighted and not assumed:
            return "no supply link was looked at"
        if not weighted:
            return f"equal weights assumed for all {assumed} supply links (none has a weight or amount)"
        if not assumed:
            return f"weights or deal amounts used for all {weighted} supply links"
        return (f"weights or deal amounts used for {weighted} supply links; equal weights assumed for "
                f"{assumed} (their customer has a link without one)")
