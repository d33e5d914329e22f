// The explorer page: search → neighbourhood graph → details with provenance.
// State lives here; rendering is in view.ts (graph) and panels.ts (DOM).
import { bindAsk } from './ask.js';
import { ApiError, facets, GRAPH_QUERY, graphiqlUrl, neighbourhood, search, type SearchHit } from './api.js';
import { byId, el } from './dom.js';
import {
  DEFAULT_NODE_TYPES,
  DEFAULT_RELATION_TYPES,
  LEVEL_NAMES,
  NODE_TYPES,
  RELATION_TYPES,
  hasPlaceFilters,
  orderNodes,
  visibleNodeIds,
  type PlaceFilters,
  type Subgraph,
} from './model.js';
import { markSelected, renderDetails, renderLegend, renderNodeList, showLoadingMentions, showMentionError, showMentions, showNoMentions } from './panels.js';
import { provenanceRequest } from './provenance.js';
import { renderGraph, webglAvailable, type GraphView } from './view.js';
import { gql } from './api.js';

const state: {
  startId: string | null;
  subgraph: Subgraph;
  visible: Set<string>;
  selectedId: string | null;
  view: GraphView | null;
} = { startId: null, subgraph: { nodes: [], edges: [], truncated: false }, visible: new Set(), selectedId: null, view: null };

const message = (error: unknown) => (error instanceof ApiError ? error.message : 'Something went wrong; see the server log.');

function setStatus(text: string, error = false): void {
  const status = byId('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

// ---------- filters ----------

function checkboxes(containerId: string, name: string, values: readonly string[], checked: readonly string[], label: (v: string) => (Node | string)[]): void {
  byId(containerId).replaceChildren(
    ...values.map((value) =>
      el('label', {}, Object.assign(el('input', { type: 'checkbox', name, value }), { checked: checked.includes(value) }), ...label(value)),
    ),
  );
}

const checked = (name: string) => [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
const selectValue = (id: string) => byId<HTMLSelectElement>(id).value;

function placeFilters(): PlaceFilters {
  const year = Number(selectValue('year'));
  return { province: selectValue('province') || undefined, level: selectValue('level') || undefined, year: year || undefined };
}

function graphVariables(): Record<string, unknown> {
  return {
    start: state.startId ? [state.startId] : [],
    depth: Number(selectValue('depth')),
    nodeTypes: checked('nodeType'),
    relationTypes: checked('relationType'),
    maxNodes: Number(selectValue('max-nodes')),
    filter: serverFilter(placeFilters()),
  };
}

/**
 * The place filters, sent to the server too: it applies them while expanding,
 * before the node cap, so a filtered view is not a filtered remainder of an
 * unfiltered cap. (The page still applies them to what it shows.)
 */
function serverFilter(f: PlaceFilters): Record<string, unknown> | null {
  if (!hasPlaceFilters(f)) return null;
  return {
    ...(f.province ? { province: f.province } : {}),
    ...(f.level ? { level: f.level.toUpperCase() } : {}),
    ...(f.year ? { yearFrom: f.year, yearTo: f.year } : {}),
  };
}

async function loadFacets(): Promise<void> {
  try {
    const f = await facets();
    const fill = (id: string, values: { value: string; count: number }[], label: (v: string) => string) =>
      byId(id).append(...values.map((v) => el('option', { value: v.value }, `${label(v.value)} (${v.count})`)));
    fill(
      'province',
      [...f.province].sort((a, b) => a.value.localeCompare(b.value, 'zh')),
      (v) => v,
    );
    fill('level', f.level, (v) => LEVEL_NAMES[v] ?? v);
    fill(
      'year',
      [...f.year].sort((a, b) => Number(b.value) - Number(a.value)),
      (v) => v,
    );
  } catch (error) {
    setStatus(`Filters unavailable: ${message(error)}`, true);
  }
}

// ---------- graph ----------

function startIds(): Set<string> {
  return new Set(state.startId ? [state.startId] : []);
}

function applyPlaceFilters(): void {
  state.visible = visibleNodeIds(state.subgraph, placeFilters(), startIds());
  state.view?.setVisible(state.visible);
  const nodes = orderNodes(
    state.subgraph.nodes.filter((n) => state.visible.has(n.id)),
    startIds(),
  );
  renderLegend(nodes);
  renderNodeList(nodes, state.selectedId, (id) => select(id));
  byId('graph').dataset.visibleNodes = String(nodes.length);
}

let loadToken = 0;
async function loadGraph(): Promise<void> {
  if (!state.startId) return;
  const token = ++loadToken;
  const variables = graphVariables();
  byId<HTMLAnchorElement>('graphiql-link').href = graphiqlUrl(GRAPH_QUERY, variables);
  history.replaceState(null, '', `?start=${encodeURIComponent(state.startId)}`);
  setStatus('Loading the neighbourhood…');
  let subgraph: Subgraph;
  try {
    subgraph = await neighbourhood(variables);
  } catch (error) {
    if (token === loadToken) setStatus(message(error), true);
    return;
  }
  if (token !== loadToken) return;
  state.subgraph = subgraph;
  state.view?.destroy();
  state.view = null;
  byId('empty').hidden = subgraph.nodes.length > 0;
  const container = byId('graph');
  if (webglAvailable()) {
    state.view = renderGraph(container, subgraph, startIds(), (id) => select(id));
  } else {
    container.replaceChildren(
      el('p', { class: 'hint', style: 'padding:1rem' }, 'This browser has no WebGL, so the graph cannot be drawn; the node list on the right still works.'),
    );
  }
  const start = subgraph.nodes.find((n) => n.id === state.startId);
  if (start) byId<HTMLInputElement>('search-input').value = start.label;
  state.selectedId = null;
  applyPlaceFilters();
  setStatus(`${subgraph.nodes.length} nodes, ${subgraph.edges.length} edges${subgraph.truncated ? ' — truncated: raise “At most” or lower the depth' : ''}`);
  container.dataset.state = 'ready';
  if (start) void showDetails(start.id);
}

// ---------- selection and provenance ----------

let detailsToken = 0;
async function showDetails(id: string): Promise<void> {
  const node = state.subgraph.nodes.find((n) => n.id === id);
  if (!node) return;
  const token = ++detailsToken;
  const target = renderDetails(node, id === state.startId);
  const request = provenanceRequest(
    node,
    state.subgraph.nodes.find((n) => n.id === state.startId),
  );
  if (!request) return showNoMentions(target, node);
  showLoadingMentions(target, request);
  try {
    const mentions = request.read(await gql(request.query, request.variables));
    if (token === detailsToken) showMentions(target, request, mentions);
  } catch (error) {
    if (token === detailsToken) showMentionError(target, message(error));
  }
}

function select(id: string | null): void {
  state.selectedId = id;
  state.view?.select(id);
  markSelected(id);
  if (id) void showDetails(id);
}

// ---------- search ----------

let hits: SearchHit[] = [];
let active = -1;
let searchToken = 0;

function renderHits(): void {
  const input = byId<HTMLInputElement>('search-input');
  const list = byId('search-results');
  list.replaceChildren(
    ...(hits.length
      ? hits.map((hit, i) =>
          Object.assign(
            el(
              'li',
              { id: `hit-${i}`, role: 'option', 'aria-selected': String(i === active), 'data-type': hit.type },
              el('span', { class: 'swatch', style: `background:${NODE_TYPES.find((t) => t.type === hit.type)?.color ?? '#868e96'}`, 'aria-hidden': 'true' }),
              el('span', {}, hit.label),
              el('span', { class: 'match' }, `${hit.type} · ${hit.match.toLowerCase()}`),
            ),
            {
              onmousedown: (e: MouseEvent) => {
                e.preventDefault();
                choose(hit);
              },
            },
          ),
        )
      : [el('li', { class: 'none', role: 'option', 'aria-disabled': 'true' }, 'Nothing found 未找到')]),
  );
  list.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  if (active >= 0) input.setAttribute('aria-activedescendant', `hit-${active}`);
  else input.removeAttribute('aria-activedescendant');
}

function closeHits(): void {
  byId('search-results').hidden = true;
  byId('search-input').setAttribute('aria-expanded', 'false');
  active = -1;
}

function choose(hit: SearchHit): void {
  if (!hit.node) return;
  closeHits();
  byId<HTMLInputElement>('search-input').value = hit.label;
  state.startId = hit.node.id;
  void loadGraph();
}

async function runSearch(text: string): Promise<void> {
  const token = ++searchToken;
  if (!text.trim()) return closeHits();
  try {
    const found = await search(text);
    if (token !== searchToken) return;
    hits = found.filter((h) => h.node);
    active = hits.length ? 0 : -1;
    renderHits();
  } catch (error) {
    if (token === searchToken) setStatus(message(error), true);
  }
}

function bindSearch(): void {
  const input = byId<HTMLInputElement>('search-input');
  let timer: number | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void runSearch(input.value), 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      renderHits();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active] ?? hits[0];
      if (hit && !byId('search-results').hidden) choose(hit);
      else void runSearch(input.value);
    } else if (event.key === 'Escape') {
      closeHits();
    }
  });
  input.addEventListener('blur', () => closeHits());
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-example]')) {
    button.addEventListener('click', () => {
      input.value = button.dataset.example ?? '';
      input.focus();
      void runSearch(input.value);
    });
  }
}

// ---------- start ----------

function init(): void {
  checkboxes(
    'node-types',
    'nodeType',
    NODE_TYPES.map((t) => t.type),
    DEFAULT_NODE_TYPES,
    (type) => {
      const t = NODE_TYPES.find((x) => x.type === type)!;
      return [el('span', { class: 'swatch', style: `background:${t.color}`, 'aria-hidden': 'true' }), `${t.type} ${t.name}`];
    },
  );
  checkboxes('relation-types', 'relationType', RELATION_TYPES, DEFAULT_RELATION_TYPES, (type) => [type]);
  const form = byId<HTMLFormElement>('filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target.closest('#filters')) void loadGraph();
  });
  bindSearch();
  bindAsk(
    (id) => {
      state.startId = id;
      void loadGraph();
    },
    (text) => setStatus(text, true),
  );
  void loadFacets();
  const start = new URLSearchParams(location.search).get('start');
  if (start) {
    state.startId = start;
    void loadGraph();
  }
}

init();
