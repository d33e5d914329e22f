// The side panels: legend, the accessible list of visible nodes (keyboard and
// screen-reader users' way into the graph, which sigma draws on a canvas),
// and the selected node's details with its provenance sentences.
import { graphiqlUrl } from './api.js';
import { byId, el, highlighted } from './dom.js';
import { LEVEL_NAMES, NODE_TYPES, colorOf, type GraphNode } from './model.js';
import type { MentionView, ProvenanceRequest } from './provenance.js';

const swatch = (type: string) => el('span', { class: 'swatch', style: `background:${colorOf(type)}`, 'aria-hidden': 'true' });
const typeName = (type: string) => {
  const known = NODE_TYPES.find((t) => t.type === type);
  return known ? `${type} ${known.name}` : type;
};

export function renderLegend(visibleNodes: GraphNode[]): void {
  const counts = new Map<string, number>();
  for (const n of visibleNodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  byId('legend-box').hidden = visibleNodes.length === 0;
  byId('legend').replaceChildren(
    ...NODE_TYPES.map(({ type }) =>
      el(
        'li',
        { class: counts.has(type) ? '' : 'absent', 'data-type': type },
        swatch(type),
        typeName(type),
        el('span', { class: 'count' }, String(counts.get(type) ?? 0)),
      ),
    ),
  );
}

export function renderNodeList(nodes: GraphNode[], selectedId: string | null, onSelect: (id: string) => void): void {
  byId('node-count').textContent = `(${nodes.length})`;
  byId('node-list').replaceChildren(
    ...nodes.map((n) => {
      const button = el(
        'button',
        { type: 'button', 'data-node-id': n.id, 'data-type': n.type, 'aria-pressed': String(n.id === selectedId), title: `${typeName(n.type)}: ${n.label}` },
        swatch(n.type),
        el('span', { class: 'label' }, n.label),
        el('span', { class: 'visually-hidden' }, `, ${typeName(n.type)}`),
        el('span', { class: 'degree', 'aria-label': `${n.degree} links` }, String(n.degree)),
      );
      button.addEventListener('click', () => onSelect(n.id));
      return el('li', {}, button);
    }),
  );
}

export function markSelected(selectedId: string | null): void {
  for (const button of byId('node-list').querySelectorAll<HTMLButtonElement>('button[data-node-id]')) {
    button.setAttribute('aria-pressed', String(button.dataset.nodeId === selectedId));
  }
}

const HIDDEN_PROPERTIES = new Set(['key', 'id', 'jurisdictionKey', 'ingestedAt', 'extractorVersion']);
const PROPERTY_NAMES: Record<string, string> = {
  fullName: 'full name 全称',
  level: 'level 层级',
  province: 'province 省份',
  prefecture: 'prefecture 地市',
  code: 'code 代码',
  year: 'year 年份',
  issuerName: 'issuer 发布机关',
  issuerType: 'issuer type',
  file: 'file',
  title: 'title 标题',
  category: 'category 类别',
  aliases: 'aliases 别名',
  discovered: 'discovered',
  kind: 'kind 类型',
  scope: 'scope 范围',
  name: 'name 名称',
  text: 'text',
  theme: 'theme 主题',
};

function propertyValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join('、') : '—';
  if (key === 'level' && typeof value === 'string') return LEVEL_NAMES[value] ?? value;
  return String(value);
}

/** The details of a node; the provenance part is filled in by showMentions once it has loaded. */
export function renderDetails(node: GraphNode, isStart: boolean): HTMLElement {
  const rows = Object.entries(node.properties)
    .filter(([k, v]) => !HIDDEN_PROPERTIES.has(k) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .flatMap(([k, v]) => [el('dt', {}, PROPERTY_NAMES[k] ?? k), el('dd', {}, propertyValue(k, v))]);
  rows.push(el('dt', {}, 'links in view'), el('dd', {}, String(node.degree)));
  const provenance = el('div', { id: 'provenance' });
  byId('details').replaceChildren(
    el('p', { class: 'type' }, swatch(node.type), typeName(node.type), isStart ? ' · start 起点' : ''),
    el('h2', { id: 'details-title' }, node.label),
    el('dl', {}, ...rows),
    provenance,
  );
  return provenance;
}

export function showLoadingMentions(target: HTMLElement, request: ProvenanceRequest): void {
  target.replaceChildren(el('h3', {}, request.title), el('p', { class: 'hint' }, 'Loading sentences…'));
}

export function showMentions(target: HTMLElement, request: ProvenanceRequest, mentions: MentionView[]): void {
  const list = mentions.length
    ? el(
        'ol',
        { class: 'mentions', 'aria-label': 'Provenance sentences' },
        ...mentions.map((m) =>
          el(
            'li',
            {},
            el('blockquote', {}, ...highlighted(m.sentence, m.surfaces)),
            el(
              'div',
              { class: 'source' },
              [m.jurisdiction, m.year, m.report].filter((x) => x !== null && x !== '').join(' · '),
              m.section ? el('div', {}, `§ ${m.section}`) : null,
            ),
          ),
        ),
      )
    : el('p', { class: 'hint' }, 'No sentences recorded for this link.');
  target.replaceChildren(
    el('h3', {}, `${request.title} (${mentions.length})`),
    list,
    el('a', { class: 'query-link', href: graphiqlUrl(request.query, request.variables), target: '_blank', rel: 'noopener' }, 'This query in GraphiQL ↗'),
  );
}

export function showNoMentions(target: HTMLElement, node: GraphNode): void {
  const hint =
    node.type === 'Jurisdiction'
      ? 'Select an initiative or regulation linked to it, or search for one, to see the sentences behind the link.'
      : 'This node type has no sentences of its own; select a report, initiative or regulation.';
  target.replaceChildren(el('p', { class: 'hint' }, hint));
}

export function showMentionError(target: HTMLElement, message: string): void {
  target.replaceChildren(el('p', { class: 'status error', role: 'alert' }, `Could not load the sentences: ${message}`));
}
