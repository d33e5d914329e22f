// The ingest stage's readers: every format and encoding a report arrives in
// gives the same extraction, and every kind of bad input is refused with a
// reason. Fixtures are made here from the seeds (see test/fixtures/ingest-fixtures.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractReport, NotAReportError } from '../../../src/extract/index.js';
import { decodeText } from '../../../src/ingest/decode.js';
import { pageTitle, readHtml } from '../../../src/ingest/html.js';
import { readReportFile, RefusedInput } from '../../../src/ingest/read.js';
import { extractFile } from '../../../src/ingest/report.js';
import { encodeText, gbkSafe, governmentPage, governmentPageTitled, scannedPdf, textPdf, wordDocument } from '../../fixtures/ingest-fixtures.js';
import { essence } from '../../support/facts.js';
import { PLACELESS_SUMMARY, SUMMARY_BODY, SUMMARY_TITLE } from '../../support/placeless-reports.js';
import { readConfig } from '../../../src/cli/config.js';

const SEED = fileURLToPath(new URL('../../../seed/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'govgraph-ingest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seedText = (name: string) => readFileSync(join(SEED, name), 'utf8');
const SEEDS = ['000_57fba77e8415ad5a.txt', '001_1fa361cb2236cbad.txt', '002_e16b5b0ac8f1af42.txt', '003_a60db31662cb9267.txt', '004_8fc203b02800c486.txt'];

function put(name: string, content: Buffer | string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const fromSeed = (name: string) => essence(extractReport(seedText(name), { file: name }));

async function refusal(path: string, options = {}): Promise<string> {
  try {
    await extractFile(path, options);
  } catch (error) {
    expect(error instanceof RefusedInput || error instanceof NotAReportError, String(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error(`${path} was not refused`);
}

describe('plain text in every encoding', () => {
  it.each(SEEDS)('%s: UTF-8 with BOM, GBK, GB18030, UTF-16LE/BE give the same text and extraction', async (name) => {
    // GBK has no no-break space (seed 001 has some): the text every encoding can carry
    const text = gbkSafe(seedText(name));
    const expected = fromSeed(name);
    const base = name.replace('.txt', '');
    for (const encoding of ['utf8bom', 'gbk', 'gb18030', 'utf16le', 'utf16be'] as const) {
      const path = put(`${base}.${encoding}.txt`, encodeText(text, encoding));
      const input = await readReportFile(path);
      expect(input.text, encoding).toBe(text);
      const { graph } = await extractFile(path);
      expect(essence(graph), encoding).toEqual(expected);
      expect(graph.reportId, encoding).toBe(extractReport(text).reportId);
    }
  });

  it('names the encodings it detected', async () => {
    const text = gbkSafe(seedText(SEEDS[1]));
    expect(decodeText(Buffer.from(text)).encoding).toBe('UTF-8');
    expect(decodeText(encodeText(text, 'gbk')).encoding).toBe('GB18030');
    expect(decodeText(encodeText(text, 'utf16le')).encoding).toBe('UTF-16LE');
    // UTF-16 without its byte-order mark is still recognised
    expect(decodeText(encodeText(text, 'utf16be').subarray(2))).toEqual({ text, encoding: 'UTF-16BE' });
    expect(decodeText(encodeText(text, 'utf16le').subarray(2))).toEqual({ text, encoding: 'UTF-16LE' });
  });
});

describe('a government web page', () => {
  const name = SEEDS[3]; // 昌江区: body only, no title of its own
  const meta = {
    title: '昌江区2021年法治政府建设年度报告',
    published: '2022-01-20',
    url: 'http://www.ccjq.gov.cn/art/2022/1/20/art_1234_567890.html',
    host: '景德镇市昌江区人民政府',
  };

  it("takes the issuer from the article's 发布机构 when the page names one, not from the site's 主办 footer", async () => {
    // a township's report on its county's site: an information-disclosure table names the publisher
    const body =
      '2023年,我镇坚持以习近平法治思想为指导,深入推进依法行政,法治政府建设取得新成效。现将有关情况报告如下。\n' +
      '一、主要工作\n' +
      '我镇严格落实行政执法三项制度,推进法治政府建设,加强行政执法监督,深化法治宣传教育,提升政府依法行政能力和水平。'.repeat(6);
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>白河镇2023年法治政府建设情况报告-青山县人民政府</title></head><body>
<table class="xxgk_table"><tr><td>索引号：0001/2024-00012</td><td>发布机构：白河镇人民政府</td></tr><tr><td>发布日期：2024年01月15日</td></tr></table>
<div class="article">${body
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('')}</div>
<div id="bottom"><p>主办单位：青山县人民政府办公室　承办：青山县政务服务中心</p></div></body></html>`;
    const path = put('baihe.html', html);
    const { meta: read } = readHtml(readFileSync(path));
    expect(read).toMatchObject({ publisher: '白河镇人民政府', host: '青山县人民政府办公室', published: '2024-01-15' });
    const { graph } = await extractFile(path);
    expect(graph.issuer).toEqual({ type: 'government', name: '白河镇人民政府' });
    expect(graph.title).toBe('白河镇2023年法治政府建设情况报告');
  });

  it.each(['utf-8', 'gb2312'] as const)('keeps the article only, in its declared charset (%s), with title, date and URL', async (charset) => {
    const page = put(`003.${charset}.html`, governmentPage(seedText(name), { ...meta, charset }));
    const { body, meta: read, encoding } = readHtml(readFileSync(page));
    expect(encoding).toBe(charset === 'utf-8' ? 'UTF-8' : 'GB18030');
    expect(read).toEqual(meta);
    // the article, line for line, and none of the boilerplate around it
    const seedLines = seedText(name)
      .split('\n')
      .filter((l) => l.trim());
    expect(body.split('\n')).toEqual(seedLines);
    for (const cruft of [
      '首页',
      '当前位置',
      '政务公开',
      '相关链接',
      '督察工作的通知',
      '主办',
      '技术支持',
      '备案号',
      '分享到',
      '打印',
      'document.getElementById',
      '_hmt',
      '请输入关键字',
      '浏览次数',
    ]) {
      expect(body, cruft).not.toContain(cruft);
    }

    const { graph } = await extractFile(page);
    expect(essence(graph)).toEqual(fromSeed(name));
    expect(graph.title).toBe(meta.title);
    expect(graph.source).toEqual({ file: page, url: meta.url, published: meta.published });
    // the page's 主办 and date reach the extractor but not the report's text
    expect(graph.text).not.toMatch(/主办|发布日期/);
    expect(graph.text.startsWith(`${meta.title}\n`)).toBe(true);
  });

  it('a page whose body carries its own title and site lines (台前县) extracts as the text file does', async () => {
    const text = seedText(SEEDS[1]);
    const page = put(
      '001.html',
      governmentPage(text, {
        title: '台前县关于2021年法治政府建设工作情况的报告',
        published: '2022-01-26',
        url: 'http://www.taiqian.gov.cn/a/1.html',
        host: '台前县人民政府',
        charset: 'gbk',
      }),
    );
    const { graph } = await extractFile(page);
    expect(essence(graph)).toEqual(fromSeed(SEEDS[1]));
    expect(graph.issuer).toEqual(extractReport(text).issuer);
  });

  it("a page whose text names no place is placed by its own address (the extractor is given the page's URL)", async () => {
    const text = PLACELESS_SUMMARY;
    const options = { title: SUMMARY_TITLE, published: '2023-02-03', host: '自然资源和规划局', charset: 'utf-8' as const };
    const onSite = await extractFile(put('zgj.html', governmentPage(text, { ...options, url: 'http://zgj.ningbo.gov.cn/art/2023/2/3/art_1.html' })));
    expect(onSite.graph.jurisdiction).toMatchObject({ name: '宁波市', province: '浙江省', level: 'prefecture' });
    const elsewhere = await extractFile(put('elsewhere.html', governmentPage(text, { ...options, url: 'http://www.example.com/art/1.html' })));
    expect(elsewhere.graph.jurisdiction).toBeNull();
  });

  it('a text saved from a page with url:/source-title: header lines reads as its title line and body, with the page address', async () => {
    const [title, body] = [SUMMARY_TITLE, SUMMARY_BODY];
    const url = 'http://zgj.ningbo.gov.cn/art/2023/2/3/art_1.html';
    const { graph } = await extractFile(put('saved.txt', `url: ${url}\nsource-title: ${title}\n\n${body}`));
    expect(essence(graph)).toEqual(essence(extractReport(`${title}\n${body}`, { url })));
    expect(graph.text.startsWith(`${title}\n`)).toBe(true);
    expect(graph.source?.url).toBe(url);
    expect(graph.jurisdiction).toMatchObject({ name: '宁波市' });
    // an address that is none (the devset's "(no page address…)") is not kept; the title still is
    const noAddress = await extractFile(put('saved-no-address.txt', `url: (no page address: the search result gave none)\nsource-title: ${title}\n\n${body}`));
    expect(noAddress.graph.source?.url).toBeUndefined();
    expect(noAddress.graph.text).toBe(graph.text);
  });

  describe('the title, from a <title> that carries the site name', () => {
    const { title, host } = meta;
    const page = (titleTag: string, headline: 'h1' | { className: string } | null = null, charset: 'utf-8' | 'gbk' = 'gbk') =>
      readHtml(governmentPageTitled(seedText(name), { ...meta, charset, titleTag, headline })).meta.title;

    it.each([
      `${title}-${host}`,
      `${title}_${host}`,
      `${title} | ${host}门户网站`,
      `${title}｜${host}`,
      `${title} - 中国政府网`,
      `${title}——${host}`,
      `${title}-景德镇市昌江区政府网站`,
      `${title}_法治政府建设_${host}`,
      `${host}|${title}`,
      `${title}-www.ccjq.gov.cn`,
    ])('%s (no ArticleTitle meta, no <h1>)', (titleTag) => {
      expect(page(titleTag)).toBe(title);
      expect(page(titleTag, null, 'utf-8')).toBe(title);
    });

    it('keeps a hyphen or a dash that is part of the title', () => {
      expect(pageTitle(`昌江区2021-2022年法治政府建设情况报告-${host}`)).toBe('昌江区2021-2022年法治政府建设情况报告');
      expect(pageTitle('坚持依法行政——昌江区2021年法治政府建设年度报告')).toBe('坚持依法行政——昌江区2021年法治政府建设年度报告');
      // a last part that names no site is not cut
      expect(pageTitle(`${title}-政策解读`)).toBe(`${title}-政策解读`);
      // a site name alone stays what it is (and is no usable title, see below)
      expect(pageTitle(host)).toBe(host);
    });

    it('takes the title shown in the page when the <title> is only the site name or holds the title with more', () => {
      expect(page(host, { className: 'detail_title' })).toBe(title);
      expect(page('正文', { className: 'article-title' })).toBe(title);
      expect(page(`${title}-法治政府建设-昌江区`, { className: 'detail_title' })).toBe(title);
      expect(page(host, 'h1')).toBe(title);
      // a <title> that is a title is kept when the page shows none
      expect(page(`${title}-法治政府建设-昌江区`)).toBe(`${title}-法治政府建设-昌江区`);
    });

    it('reaches the report: a page titled "…报告-…人民政府" gives the report its title', async () => {
      const path = put(
        '003.site-title.html',
        governmentPageTitled(seedText(name), { ...meta, charset: 'gbk', titleTag: `${title}-${host}`, headline: { className: 'detail_title' } }),
      );
      const { graph } = await extractFile(path);
      expect(graph.title).toBe(title);
    });
  });

  it('a page declaring gb2312 but served as UTF-8 is still read right', async () => {
    const page = governmentPage(seedText(name), { ...meta, charset: 'utf-8' })
      .toString('utf8')
      .replace('charset=utf-8', 'charset=gb2312');
    const { body, encoding } = readHtml(Buffer.from(page));
    expect(encoding).toBe('UTF-8');
    expect(body).toContain('紧紧围绕中央、省、市法治政府建设各项部署');
  });
});

describe('Word and PDF', () => {
  it.each([SEEDS[0], SEEDS[3], SEEDS[4]])('%s as .docx extracts as the text does', async (name) => {
    const path = put(`${name}.docx`, await wordDocument(seedText(name)));
    const input = await readReportFile(path);
    expect(input.format).toBe('docx');
    expect(input.text).toBe(
      seedText(name)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n'),
    );
    expect(essence((await extractFile(path)).graph)).toEqual(fromSeed(name));
  });

  it.each(SEEDS)('%s as a PDF with a text layer (wrapped at 40 characters a line) extracts as the text does', async (name) => {
    const path = put(`${name}.pdf`, textPdf(seedText(name)));
    const input = await readReportFile(path);
    expect(input.format).toBe('pdf');
    // all the text, in order, from the text layer (the wrapped lines joined again)
    expect(input.text.replace(/\s/g, '')).toBe(seedText(name).replace(/\s/g, ''));
    expect(input.text.split('\n').length).toBeLessThan(seedText(name).length / 40);
    expect(essence((await extractFile(path)).graph)).toEqual(fromSeed(name));
  });

  it('a scanned PDF (an image, no text layer) is refused as such', async () => {
    expect(await refusal(put('scan.pdf', scannedPdf()))).toMatch(/no text layer.*scan.*OCR/);
  });
});

describe('bad input is refused with a reason', () => {
  const report = seedText(SEEDS[0]);
  it.each([
    ['empty', () => put('empty.txt', ''), /the file is empty/],
    ['only whitespace', () => put('blank.txt', ' \n\n \t\n'), /empty|no text/],
    ['binary', () => put('random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), /binary/],
    [
      'undecodable',
      () =>
        put(
          'broken.txt',
          Buffer.concat([
            encodeText(report.slice(0, 200), 'gbk'),
            Buffer.from([0x81, 0x20, 0xfe, 0x7f, 0xff, 0x81, 0x30]),
            encodeText(report.slice(200, 400), 'gbk'),
          ]),
        ),
      /cannot decode the text/,
    ],
    [
      'a news item',
      () => put('news.txt', '今天天气很好,市民纷纷走出家门,到公园散步赏花。'.repeat(20)),
      /^not a report: the governance vocabulary .* occurs only 0 times/,
    ],
    [
      'a menu page',
      () =>
        put(
          'menu.html',
          governmentPage('首页\n政务公开\n政务服务\n互动交流', {
            title: '网站地图',
            published: '2024-01-01',
            url: 'http://x.gov.cn/map.html',
            host: '某县人民政府',
            charset: 'utf-8',
          }),
        ),
      /not a report|no article text/,
    ],
    [
      'a legacy Word .doc',
      () => put('report.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])),
      /unsupported format "\.doc".*supported are \.txt.*\.html\/\.htm, \.docx, \.pdf/,
    ],
    [
      'an image',
      () => put('scan.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)])),
      /unsupported format "\.png" \(an image.*OCR/,
    ],
    ['an unknown extension', () => put('report.xyz', report), /unsupported format "\.xyz".*supported are/],
    ['a .pdf that is not one', () => put('fake.pdf', report), /not a \.pdf file/],
    [
      'a .docx that is not one',
      () => put('fake.docx', Buffer.from('PK\x03\x04 nothing here', 'latin1')),
      /zip archive without a Word document|not a readable Word/,
    ],
  ])('%s', async (_what, make, reason) => {
    expect(await refusal(make())).toMatch(reason);
  });

  it('over the size limit, from the option or GOVGRAPH_MAX_FILE_MB', async () => {
    const path = put('big.txt', report);
    expect(await refusal(path, { maxBytes: 1024 })).toMatch(/over the 1024 bytes limit/);
    const { maxFileBytes } = readConfig({ GOVGRAPH_MAX_FILE_MB: '0.001' });
    expect(await refusal(path, { maxBytes: maxFileBytes })).toMatch(/over the 1049 bytes limit \(GOVGRAPH_MAX_FILE_MB or --max-size\)/);
  });

  it('an HTML page saved as .txt is read as a page', async () => {
    const path = put(
      'page-saved-as.txt',
      governmentPage(seedText(SEEDS[3]), {
        title: '昌江区2021年法治政府建设年度报告',
        published: '2022-01-20',
        url: 'http://a.gov.cn/1.html',
        host: '景德镇市昌江区人民政府',
        charset: 'gbk',
      }),
    );
    const input = await readReportFile(path);
    expect(input.format).toBe('html');
    expect(input.text).not.toContain('相关链接');
  });
});
