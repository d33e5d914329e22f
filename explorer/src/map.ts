// The map page: for an initiative, a regulation or a problem theme, the
// jurisdictions whose reports name it on a tile map of China's provinces
// (ECharts), a year slider replaying the spread (first year per
// jurisdiction), adopters per year beside it, a clicked province's
// prefectures and jurisdictions with the sentences behind each, and the same
// data as a table and a CSV file. Data logic is in spread.ts.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { ApiError, gql, graphiqlUrl } from './api.js';
import { byId, el } from './dom.js';
import { showLoadingMentions, showMentionError, showMentions } from './panels.js';
import { adopterEvidence } from './provenance.js';
import {
  type Adopter,
  adoptedBy,
  byPrefecture,
  byProvince,
  cellOf,
  GRID,
  levelName,
  perYear,
  prefectureCells,
  spreadQuery,
  type SubjectKind,
  tableRows,
  toAdopter,
  toCsv,
  yearRange,
} from './spread.js';

echarts.use([HeatmapChart, BarChart, LineChart, GridComponent, VisualMapComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const FONT = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';
/** Shades by number of adopters: none, 1, 2–4, 5–19, 20 or more. */
const PIECES = [
  { value: 0, color: '#e9ecef', label: '0' },
  { min: 1, max: 1, color: '#a5d8ff', label: '1' },
  { min: 2, max: 4, color: '#4dabf7', label: '2–4' },
  { min: 5, max: 19, color: '#1c7ed6', label: '5–19' },
  { min: 20, color: '#0b4f8a', label: '≥ 20' },
];
const PREFECTURE_COLUMNS = 6;

const state: {
  kind: SubjectKind;
  subject: string;
  adopters: Adopter[];
  year: number | null;
  region: string | null;
  cell: string | null;
  timer: number | null;
} = {
  kind: 'initiative',
  subject: '',
  adopters: [],
  year: null,
  region: null,
  cell: null,
  timer: null,
};

let mapChart: echarts.ECharts;
let yearChart: echarts.ECharts;
let prefectureChart: echarts.ECharts | null = null;

function setStatus(text: string, error = false): void {
  const status = byId('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

// ---------- loading ----------

async function loadAdopters(kind: SubjectKind, name: string): Promise<{ subject: string; adopters: Adopter[] } | null> {
  const query = spreadQuery(kind);
  const adopters: Adopter[] = [];
  let subject = name;
  for (let after: string | null = null; ; ) {
    type Page = {
      subject: {
        name: string;
        diffusion: { adoptions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Parameters<typeof toAdopter>[0][] } };
      } | null;
    };
    const data: Page = await gql<Page>(query, { name, after });
    if (!data.subject) return null;
    subject = data.subject.name;
    const page = data.subject.diffusion.adoptions;
    adopters.push(...page.nodes.map(toAdopter));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  byId<HTMLAnchorElement>('graphiql-link').href = graphiqlUrl(query, { name, after: null });
  return { subject, adopters };
}

async function show(kind: SubjectKind, name: string): Promise<void> {
  stop();
  setStatus(`Loading ${name}…`);
  try {
    const found = await loadAdopters(kind, name);
    if (!found) {
      setStatus(`Nothing in the graph is called ${name} (${kind}). Pick a name from the list 请从列表中选择.`, true);
      return;
    }
    Object.assign(state, { kind, subject: found.subject, adopters: found.adopters, region: null, cell: null });
    const range = yearRange(found.adopters);
    state.year = range?.to ?? null;
    const slider = byId<HTMLInputElement>('year');
    slider.disabled = !range;
    byId<HTMLButtonElement>('play').disabled = !range || range.from === range.to;
    if (range) Object.assign(slider, { min: String(range.from), max: String(range.to), value: String(range.to) });
    byId('map-title').textContent = `${found.subject}: ${found.adopters.length} jurisdictions 个地区`;
    history.replaceState(null, '', `?${new URLSearchParams({ [kind]: found.subject })}`);
    setStatus(found.adopters.length ? '' : `No jurisdiction's reports name ${found.subject} with a year.`);
    renderYearChart();
    renderTable();
    renderRegionChoices();
    draw();
  } catch (error) {
    setStatus(error instanceof ApiError ? error.message : 'Something went wrong; see the server log.', true);
  }
}

// ---------- drawing ----------

/** Everything that depends on the slider's year. */
function draw(): void {
  byId('year-label').textContent = state.year === null ? '' : String(state.year);
  drawMap();
  markYear();
  markTableRows();
  renderRegion();
}

function drawMap(): void {
  const counts = byProvince(state.adopters, state.year);
  const container = byId('map');
  container.dataset.year = state.year === null ? '' : String(state.year);
  // the shaded provinces, for people reading the page's source and for its tests
  container.dataset.shaded = [...counts.keys()].sort().join(',');
  mapChart.setOption(
    {
      series: [
        {
          type: 'heatmap',
          data: GRID.provinces.map((p) => ({ name: p.name, value: [p.col, p.row, counts.get(p.name) ?? 0], short: p.short })),
          ...seriesStyle((p) => `${p.data.short}\n${p.value[2] || ''}`),
        },
      ],
    },
    { replaceMerge: ['series'] },
  );
}

function gridOption(columns: number, rows: number) {
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'category', data: [...Array(columns).keys()], show: false },
    yAxis: { type: 'category', data: [...Array(rows).keys()], show: false, inverse: true },
    visualMap: { type: 'piecewise', dimension: 2, pieces: PIECES, show: false },
    tooltip: { formatter: (p: { name: string; value: number[] }) => `${p.name}: ${p.value[2]}` },
  };
}

function seriesStyle(label: (p: { data: { short?: string; name: string }; value: number[] }) => string) {
  return {
    label: { show: true, formatter: label, fontFamily: FONT, color: '#212529', fontSize: 12 },
    itemStyle: { borderColor: '#fff', borderWidth: 3, borderRadius: 4 },
    emphasis: { itemStyle: { borderColor: '#212529', borderWidth: 2 } },
  };
}

function initMap(): void {
  mapChart = echarts.init(byId('map'));
  mapChart.setOption(gridOption(GRID.columns, GRID.rows));
  mapChart.on('click', (params) => selectRegion(params.name));
}

function renderYearChart(): void {
  const rows = perYear(state.adopters);
  yearChart.setOption(
    {
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: { left: 36, right: 36, top: 16, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: 'new 新增', type: 'bar', data: rows.map((r) => r.adopters), itemStyle: { color: '#4dabf7' } },
        { name: 'total 累计', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.cumulative), itemStyle: { color: '#e8590c' } },
      ],
    },
    { notMerge: true },
  );
}

function markYear(): void {
  if (state.year === null) return;
  yearChart.setOption({ series: [{ markLine: { symbol: 'none', silent: true, data: [{ xAxis: String(state.year) }], lineStyle: { color: '#212529' } } }] });
}

// ---------- the table and its CSV ----------

function renderTable(): void {
  const rows = tableRows(state.adopters).map((a) =>
    el(
      'tr',
      { 'data-year': String(a.year) },
      el('td', {}, String(a.year)),
      el('td', {}, a.province ?? ''),
      el('td', {}, a.prefecture ?? ''),
      el('td', {}, a.fullName),
      el('td', {}, levelName(a.level)),
    ),
  );
  byId('adopters')
    .querySelector('tbody')
    ?.replaceChildren(...rows);
  const slot = byId('csv-slot');
  const old = slot.querySelector('a');
  if (old) URL.revokeObjectURL(old.href);
  const href = URL.createObjectURL(new Blob([toCsv(state.subject, state.adopters)], { type: 'text/csv;charset=utf-8' }));
  slot.replaceChildren(state.adopters.length ? el('a', { class: 'csv', href, download: `spread-${state.subject}.csv` }, 'Download CSV 下载') : '');
}

/** Rows after the slider's year are greyed: the map does not shade them yet. */
function markTableRows(): void {
  for (const row of byId('adopters').querySelectorAll<HTMLTableRowElement>('tbody tr'))
    row.classList.toggle('later', state.year !== null && Number(row.dataset.year) > state.year);
}

// ---------- a province: its prefectures and jurisdictions ----------

function renderRegionChoices(): void {
  const provinces = [...new Set(state.adopters.map((a) => a.province).filter((p): p is string => !!p))].sort((a, b) => a.localeCompare(b, 'zh'));
  byId('region').replaceChildren(el('option', { value: '' }, '—'), ...provinces.map((p) => el('option', { value: p }, p)));
}

function selectRegion(province: string): void {
  state.region = province || null;
  state.cell = null;
  byId<HTMLSelectElement>('region').value = province;
  renderRegion();
}

/** The chart of a province's prefectures, made on first use; a click keeps (or lets go of) one prefecture's jurisdictions. */
function initPrefectureChart(container: HTMLElement): echarts.ECharts {
  const chart = echarts.init(container);
  chart.on('click', (params) => {
    state.cell = state.cell === params.name ? null : params.name;
    renderRegion();
  });
  return chart;
}

function renderRegion(): void {
  const box = byId('region-box');
  box.hidden = !state.region;
  if (!state.region) return;
  const province = state.region;
  const cells = prefectureCells(province, state.adopters);
  const counts = byPrefecture(province, state.adopters, state.year);
  const shown = adoptedBy(state.adopters, state.year).filter((a) => a.province === province && (!state.cell || cellOf(a, cells) === state.cell));
  byId('region-title').textContent = `${province}${state.cell ? ` · ${state.cell}` : ''}: ${shown.length} by ${state.year ?? ''} 个地区`;
  const rows = Math.max(1, Math.ceil(cells.length / PREFECTURE_COLUMNS));
  const container = byId('prefectures');
  container.style.height = `${rows * 44}px`;
  container.dataset.shaded = [...counts.entries()]
    .filter(([, n]) => n > 0)
    .map(([c]) => c)
    .join(',');
  prefectureChart ??= initPrefectureChart(container);
  prefectureChart.resize();
  prefectureChart.setOption(
    {
      ...gridOption(PREFECTURE_COLUMNS, rows),
      series: [
        {
          type: 'heatmap',
          data: cells.map((c, k) => ({
            name: c,
            value: [k % PREFECTURE_COLUMNS, Math.floor(k / PREFECTURE_COLUMNS), counts.get(c) ?? 0],
            short: c.replace(/(市|地区|盟|自治州|.族自治州)$/, ''),
          })),
          ...seriesStyle((p) => `${p.data.short}${p.value[2] ? ` ${p.value[2]}` : ''}`),
        },
      ],
    },
    { notMerge: true },
  );
  byId('region-list').replaceChildren(
    ...shown.map((a) => {
      const sentences = el('button', { type: 'button' }, 'Sentences 原文');
      sentences.addEventListener('click', () => void showEvidence(a));
      return el(
        'li',
        {},
        el('span', {}, a.fullName),
        el('span', { class: 'year' }, `${a.year} · ${levelName(a.level)}`),
        sentences,
        el('a', { href: `/explore?start=${encodeURIComponent(a.id)}` }, 'graph 图谱'),
      );
    }),
  );
}

async function showEvidence(adopter: Adopter): Promise<void> {
  const target = byId('provenance');
  const request = adopterEvidence(state.kind, state.subject, { code: adopter.code ?? adopter.fullName, name: adopter.name, fullName: adopter.fullName });
  showLoadingMentions(target, request);
  try {
    showMentions(target, request, request.read(await gql(request.query, request.variables)));
  } catch (error) {
    showMentionError(target, error instanceof ApiError ? error.message : 'Something went wrong; see the server log.');
  }
}

// ---------- the slider ----------

function stop(): void {
  if (state.timer !== null) clearInterval(state.timer);
  state.timer = null;
  byId('play').textContent = '▶ Play 播放';
}

/** Replays the spread from the first year to the last, a year a second. */
function play(): void {
  const range = yearRange(state.adopters);
  if (!range) return;
  if (state.timer !== null) {
    stop();
    return;
  }
  state.year = range.from;
  byId<HTMLInputElement>('year').value = String(state.year);
  draw();
  byId('play').textContent = '■ Stop 停止';
  state.timer = window.setInterval(() => {
    if (state.year === null || state.year >= range.to) {
      stop();
      return;
    }
    state.year++;
    byId<HTMLInputElement>('year').value = String(state.year);
    draw();
  }, 1000);
}

// ---------- choices for the name box ----------

async function loadChoices(kind: SubjectKind): Promise<void> {
  const query = {
    initiative: '{ list: initiatives(first: 100) { nodes { name } } }',
    regulation: '{ list: regulations(first: 100) { nodes { name: title } } }',
    theme: '{ themes: jurisdictions(first: 1) { facets { problemTheme { value } } } }',
  }[kind];
  try {
    const data = await gql<{ list?: { nodes: { name: string }[] }; themes?: { facets: { problemTheme: { value: string }[] } } }>(query);
    const names = data.list?.nodes.map((n) => n.name) ?? data.themes?.facets.problemTheme.map((t) => t.value) ?? [];
    byId('subject-options').replaceChildren(...names.map((name) => el('option', { value: name })));
  } catch {
    // the box still takes any name typed in
  }
}

function init(): void {
  initMap();
  yearChart = echarts.init(byId('chart'));
  window.addEventListener('resize', () => {
    mapChart.resize();
    yearChart.resize();
    prefectureChart?.resize();
  });
  const kind = byId<HTMLSelectElement>('kind');
  const subject = byId<HTMLInputElement>('subject');
  kind.addEventListener('change', () => void loadChoices(kind.value as SubjectKind));
  byId<HTMLFormElement>('subject-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (subject.value.trim()) void show(kind.value as SubjectKind, subject.value.trim());
  });
  byId<HTMLInputElement>('year').addEventListener('input', (event) => {
    stop();
    state.year = Number((event.target as HTMLInputElement).value);
    draw();
  });
  byId('play').addEventListener('click', play);
  byId<HTMLSelectElement>('region').addEventListener('change', (event) => selectRegion((event.target as HTMLSelectElement).value));
  const params = new URLSearchParams(location.search);
  const given = (['initiative', 'regulation', 'theme'] as const).find((k) => params.get(k));
  void loadChoices(given ?? 'initiative');
  if (given) {
    kind.value = given;
    subject.value = params.get(given) ?? '';
    // the labels are drawn on a canvas: wait for the page's own CJK font first
    void document.fonts.ready.then(() => show(given, subject.value));
  }
}

init();
