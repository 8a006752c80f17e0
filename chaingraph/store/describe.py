"""A node seen whole: its properties, aliases, edges and the evidence for each."""

from __future__ import annotations

from typing import Any

from chaingraph.store import Store


def describe_node(store: Store, name: str) -> dict[str, Any]:
    """Return the node ``name`` means (an id, a name or an alias) as a dict with its
    ``id``, ``label``, ``name``, ``aliases``, ``props``, ``evidence`` and ``edges``
    (each with its direction, type, the other end's id and name, and evidence).
    Raises :class:`~chaingraph.errors.NotFoundError` when nothing or several match."""
    node = store.resolve(name)
    edges = []
    for edge in store.edges_of(node.id):
        outgoing = edge.src == node.id
        other_id = edge.dst if outgoing else edge.src
        other = store.get_node(other_id)
        edges.append({
            "direction": "out" if outgoing else "in",
            "type": edge.type.value,
            "other_id": other_id,
            "other_name": other.name if other else other_id,
            "other_label": other.label.value if other else None,
            "props": edge.props,
            "evidence": [e.to_dict() for e in edge.evidence],
        })
    return {
        "id": node.id, "label": node.label.value, "name": node.name, "aliases": node.aliases,
        "props": node.props, "evidence": [e.to_dict() for e in node.evidence], "edges": edges,
    }
