"""Reads a GraphML or GEXF file with networkx, as a Python user would, and
prints what networkx made of it as JSON: every node with its attributes,
every edge with its id (the multigraph key) and attributes. Usage:
    python3 networkx_read.py graphml|gexf FILE
"""
import json
import sys

import networkx as nx

fmt, path = sys.argv[1], sys.argv[2]
graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
# A file without parallel edges reads as a DiGraph, whose edges have no key:
# there the edge's id is among its attributes.
if graph.is_multigraph():
    edges = [{"source": s, "target": t, "key": k, "attrs": a} for s, t, k, a in graph.edges(keys=True, data=True)]
else:
    edges = [{"source": s, "target": t, "key": a.get("id"), "attrs": a} for s, t, a in graph.edges(data=True)]
json.dump(
    {
        "class": type(graph).__name__,
        "nodes": [{"id": n, "attrs": a} for n, a in graph.nodes(data=True)],
        "edges": edges,
    },
    sys.stdout,
    ensure_ascii=False,
)
