"""Node positions for the browser page, computed once in Python (physics is off in the page).

:func:`layout` places nodes with networkx's seeded spring layout, block by block;
:func:`spread_labels` then moves the nodes shown first apart until no two of
their label boxes overlap. Both depend only on the graph and the node order, so
the same graph gives the same positions whatever the hash seed.
"""
from __future__ import annotations

import math
from collections import defaultdict, deque
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["layout", "label_box", "spread_labels", "extent", "readable_layout", "DEFAULT_LIMIT"]

#: Above this many nodes the page first shows (and lays out readably) only this many: the most
#: central people with what they are linked to. Here, not in :mod:`kg.viz`, so that the CLI shows it
#: without importing the page's libraries.
DEFAULT_LIMIT = 300

_GOLDEN = math.pi * (3.0 - math.sqrt(5.0))
#: Width of one label character and height of one label line at the page's font size (12 px).
CHAR_W, LINE_H = 7.0, 16.0


def layout(G: nx.Graph, order: list, core: int = 300, seed: int = 7, spacing: float = 70.0,
           aspect: float = 1.0) -> dict:
    """Positions in pixels: spring layout for the top ``core`` nodes of ``order``,
    the rest placed around the neighbour that reaches them first, block by block.

    networkx's spring layout needs SciPy above 500 nodes and is quadratic in memory,
    so it only ever sees the first ``core`` nodes; other nodes go on a sunflower spiral
    around their neighbour (breadth first), and parts not reached start a new block,
    its first ``core`` nodes on a sunflower spiral too.
    ``aspect`` stretches each spring block sideways (the page's graph is wider than tall).
    """
    import networkx as nx

    unplaced, pos, blocks = set(G), {}, []
    rank = {v: i for i, v in enumerate(order)}
    queue_order = iter(order)
    while unplaced:
        seeds_ = []
        for v in queue_order:
            if v in unplaced:
                seeds_.append(v)
                if len(seeds_) >= core:
                    break
        if not seeds_:
            seeds_ = sorted(unplaced, key=str)[:core]
        H = nx.Graph()  # in rank order: a subgraph view would list nodes in set (hash) order
        H.add_nodes_from(seeds_)
        H.add_edges_from(G.subgraph(seeds_).edges(data=True))
        radius = spacing * math.sqrt(len(H))
        if blocks and len(H) > 1:  # only the first block is worth a spring layout: the rest on a spiral
            raw = {v: (math.sqrt((i + 0.5) / len(H)) * math.cos(i * _GOLDEN),
                       math.sqrt((i + 0.5) / len(H)) * math.sin(i * _GOLDEN)) for i, v in enumerate(seeds_)}
        else:
            raw = nx.spring_layout(H, seed=seed) if len(H) > 1 else {seeds_[0]: (0.0, 0.0)}
        block = {v: (float(x) * radius * aspect, float(y) * radius) for v, (x, y) in raw.items()}
        children: dict = defaultdict(int)
        todo = deque(sorted(seeds_, key=rank.get))
        while todo:
            u = todo.popleft()
            for v in sorted(G[u], key=lambda v: rank.get(v, len(rank))):
                if v in unplaced and v not in block:
                    i = children[u]
                    children[u] += 1
                    r, a = spacing * 0.6 * math.sqrt(i + 1), i * _GOLDEN + rank[u]
                    block[v] = (block[u][0] + r * math.cos(a), block[u][1] + r * math.sin(a))
                    todo.append(v)
        unplaced -= set(block)
        blocks.append(block)
    # shelf-pack the blocks: the first (most central) at the origin, the rest in rows below
    boxes = []
    for block in blocks:
        xs, ys = [p[0] for p in block.values()], [p[1] for p in block.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + spacing, max(ys) - min(ys) + spacing))
    width = max(boxes[0][2], math.sqrt(sum(b[2] * b[3] for b in boxes))) if boxes else 0
    x = y = row = 0.0
    for i, (block, (bx, by, bw, bh)) in enumerate(zip(blocks, boxes)):
        if i and x + bw > width:
            x, y, row = 0.0, y + row, 0.0
        for v, (px, py) in block.items():
            pos[v] = (px - bx + x, py - by + y)
        x, row = x + bw, max(row, bh)
    return pos


def label_box(x: float, y: float, size: float, label: str, pad: float = 4.0,
              font: float = 12.0) -> tuple[float, float, float, float]:
    """``(left, top, right, bottom)`` of a dot of radius ``size`` at ``(x, y)`` with ``label``
    under it in a ``font`` px font."""
    k = font / 12.0
    half = max(size, CHAR_W * k * len(label) / 2) + pad
    return x - half, y - size - pad, x + half, y + size + LINE_H * k + pad


def spread_labels(pos: dict, boxes: dict, rounds: int = 80, aspect: float = 1.0) -> dict:
    """Positions moved so that no two ``boxes`` (node → ``(left, top, right, bottom)`` offsets
    from the node's position, as :func:`label_box` gives at (0, 0)) overlap.

    Overlapping pairs are pushed apart (:func:`_push_apart`); when the boxes then
    span a shape taller than ``aspect`` (width / height), every position is
    stretched sideways to that shape and pushed apart again, up to four times.
    """
    pos = dict(pos)
    for _ in range(4):
        pos = _push_apart(pos, boxes, rounds)
        if not boxes:
            break
        left, top, right, bottom = extent(pos, boxes)
        if right - left >= 0.95 * aspect * (bottom - top):
            break
        f, cx = aspect * (bottom - top) / max(right - left, 1.0), (left + right) / 2
        pos = {v: (cx + (x - cx) * f, y) for v, (x, y) in pos.items()}
    return pos


def extent(pos: dict, boxes: dict) -> tuple[float, float, float, float]:
    """``(left, top, right, bottom)`` around every box at its node's position."""
    return (min(pos[v][0] + b[0] for v, b in boxes.items()), min(pos[v][1] + b[1] for v, b in boxes.items()),
            max(pos[v][0] + b[2] for v, b in boxes.items()), max(pos[v][1] + b[3] for v, b in boxes.items()))


def _push_apart(pos: dict, boxes: dict, rounds: int) -> dict:
    """Each round sweeps the nodes by left edge and pushes every overlapping pair
    apart along the axis where they overlap least, half each way; after 20 rounds
    that still moved something, each round also spreads all of them 3 % wider.

    Nodes are numbered (their positions and boxes in lists): the sweep is the hot loop of the page."""
    pos = dict(pos)
    nodes = sorted(boxes, key=str)
    if not nodes:
        return pos
    name = [str(v) for v in nodes]
    xs, ys = [pos[v][0] for v in nodes], [pos[v][1] for v in nodes]
    bl, bt, br, bb = ([boxes[v][k] for v in nodes] for k in range(4))
    sweep = list(range(len(nodes)))
    for r in range(rounds):
        moved = False
        sweep.sort(key=lambda j: (xs[j] + bl[j], name[j]))
        for i, u in enumerate(sweep):
            ux, uy = xs[u], ys[u]
            ul, ut, ur, ub = ux + bl[u], uy + bt[u], ux + br[u], uy + bb[u]
            for v in sweep[i + 1:]:
                vx = xs[v]
                vl = vx + bl[v]
                if vl >= ur:
                    break
                vy = ys[v]
                vt, vr, vb = vy + bt[v], vx + br[v], vy + bb[v]
                dx, dy = min(ur, vr) - max(ul, vl), min(ub, vb) - max(ut, vt)
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                if dx <= dy:
                    s = (dx / 2 + 0.5) * (1 if (vx, name[v]) >= (ux, name[u]) else -1)
                    xs[u], xs[v] = ux - s, vx + s
                else:
                    s = (dy / 2 + 0.5) * (1 if (vy, name[v]) >= (uy, name[u]) else -1)
                    ys[u], ys[v] = uy - s, vy + s
                ux, uy = xs[u], ys[u]
                ul, ut, ur, ub = ux + bl[u], uy + bt[u], ux + br[u], uy + bb[u]
        if not moved:
            break
        if r >= 20:  # a crowd that keeps pushing back: give everyone a little more room
            cx = sum(xs[j] for j in sweep) / len(sweep)
            cy = sum(ys[j] for j in sweep) / len(sweep)
            for j in sweep:
                xs[j], ys[j] = cx + (xs[j] - cx) * 1.03, cy + (ys[j] - cy) * 1.03
    pos.update((v, (xs[j], ys[j])) for j, v in enumerate(nodes))
    return pos


def readable_layout(G: nx.Graph, order: list, boxes: dict, *, seed: int = 7, aspect: float = 1.8,
                    tries: tuple = ((30.0, 1.8), (40.0, 1.8), (30.0, 2.5), (50.0, 1.8))) -> dict:
    """:func:`layout` then :func:`spread_labels`, keeping the most compact of ``tries``
    (``(spacing, stretch)`` pairs; only the first when there are over 80 boxes):
    the one whose boxes fit a pane of shape ``aspect`` at the largest zoom."""
    best, best_size = None, math.inf
    for spacing, stretch in tries if len(boxes) <= 80 else tries[:1]:
        pos = spread_labels(layout(G, order, seed=seed, spacing=spacing, aspect=stretch), boxes, aspect=aspect)
        if not boxes:
            return pos
        left, top, right, bottom = extent(pos, boxes)
        size = max((right - left) / aspect, bottom - top)
        if size < best_size:
            best, best_size = pos, size
    return best
