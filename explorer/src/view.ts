// The force-directed view: the subgraph as a graphology graph (the same
// graph model the exports use), laid out by ForceAtlas2 and drawn by sigma.js
// in WebGL. Node labels are drawn on a canvas with the CJK font stack, as
// canvas text does not inherit the page's CSS font; nor does a canvas ask for
// a web font's slices, so the labels' characters are loaded first and the
// labels drawn again once they are there.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import random from 'graphology-layout/random';
import Sigma from 'sigma';
import { colorOf, shortLabel, type Subgraph } from './model.js';

/** The page's own web font first (style.css), then the system CJK fonts. */
export const CJK_FONT_STACK = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

const LABEL_SIZE = 13;
const LABEL_WEIGHT = '500';

/** A seeded generator, so the same subgraph is laid out the same way every time (and screenshots are comparable). */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GraphView {
  /** Shows only these nodes (and the edges between them). */
  setVisible(ids: ReadonlySet<string>): void;
  /** Highlights a node and its neighbours; null clears. */
  select(id: string | null): void;
  destroy(): void;
}

export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

export function renderGraph(container: HTMLElement, subgraph: Subgraph, startIds: ReadonlySet<string>, onSelect: (id: string | null) => void): GraphView {
  const graph = new Graph({ type: 'directed', multi: false });
  for (const node of subgraph.nodes) {
    const start = startIds.has(node.id);
    graph.addNode(node.id, {
      label: shortLabel(node),
      size: (start ? 10 : 4) + 2.2 * Math.sqrt(node.degree),
      color: colorOf(node.type),
      nodeType: node.type,
      // Start nodes keep their label at any zoom level.
      forceLabel: start,
    });
  }
  for (const edge of subgraph.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target) && !graph.hasEdge(edge.source, edge.target)) {
      graph.addEdgeWithKey(edge.id, edge.source, edge.target, { size: Math.min(1 + Math.log2(edge.weight || 1), 4), relation: edge.type });
    }
  }
  random.assign(graph, { rng: seededRandom(graph.order * 7919 + graph.size), scale: 100 });
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      // Fewer iterations for big graphs keeps the page responsive; Barnes-Hut from a few hundred nodes.
      iterations: graph.order > 500 ? 120 : 300,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300 },
    });
  }

  let visible: ReadonlySet<string> = new Set(graph.nodes());
  let selected: string | null = null;
  let neighbours = new Set<string>();

  const sigma = new Sigma(graph, container, {
    labelFont: CJK_FONT_STACK,
    labelSize: LABEL_SIZE,
    labelWeight: LABEL_WEIGHT,
    labelColor: { color: '#212529' },
    labelRenderedSizeThreshold: 6,
    defaultEdgeType: 'arrow',
    defaultEdgeColor: '#ced4da',
    zIndex: true,
    nodeReducer: (node, data) => {
      if (!visible.has(node)) return { ...data, hidden: true };
      if (selected === null) return data;
      if (node === selected) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
      // The start node keeps its colour and label: it is what the neighbourhood is about.
      if (neighbours.has(node) || startIds.has(node)) return { ...data, forceLabel: true, zIndex: 1 };
      return { ...data, color: '#dee2e6', label: '', zIndex: 0 };
    },
    edgeReducer: (edge, data) => {
      const [source, target] = graph.extremities(edge);
      if (!visible.has(source) || !visible.has(target)) return { ...data, hidden: true };
      if (selected !== null && source !== selected && target !== selected) return { ...data, color: '#f1f3f5' };
      if (selected !== null) return { ...data, color: '#868e96' };
      return data;
    },
  });
  // Before its slices arrive, a canvas draws a label in a fallback font (boxes on a machine without CJK fonts).
  const labels = subgraph.nodes.map(shortLabel).join('');
  let killed = false;
  document.fonts.load(`${LABEL_WEIGHT} ${LABEL_SIZE}px ${CJK_FONT_STACK}`, labels).then(
    () => killed || sigma.refresh(),
    () => undefined, // the system fonts after it still draw
  );
  sigma.on('clickNode', ({ node }) => onSelect(node));
  sigma.on('clickStage', () => onSelect(null));
  sigma.on('enterNode', () => container.classList.add('pointing'));
  sigma.on('leaveNode', () => container.classList.remove('pointing'));

  return {
    setVisible(ids) {
      visible = ids;
      sigma.refresh();
    },
    select(id) {
      selected = id && graph.hasNode(id) ? id : null;
      neighbours = selected ? new Set(graph.neighbors(selected)) : new Set();
      // The camera stays put: the highlight shows where the node is, and the overview is kept.
      sigma.refresh();
    },
    destroy() {
      killed = true;
      sigma.kill();
    },
  };
}
