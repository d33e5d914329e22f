// HTML pages: the article body of a government CMS page, without its
// navigation, breadcrumbs, info bar, share and print links, related links,
// footer and scripts, plus what the page says about itself (title,
// publication date, source URL, the 主办 site owner).
//
// The page is decoded in the charset it declares (when its bytes really are
// in it, see decode.ts), parsed with linkedom, and the article found by
// Mozilla's Readability (the Firefox reader view), after a pre-clean for
// what Chinese CMSs call their boilerplate (当前位置, 相关链接, xglj…), which
// Readability's English class-name rules do not know.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText } from './decode.js';

/** Whether a page's address is a web page's (http or https), not a file path or a description. */
export const isWebAddress = (url: string): boolean => /^https?:\/\//i.test(url);

export interface PageMeta {
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  url?: string;
  /** The site owner of the 主办 footer line (e.g. 台前县人民政府). */
  host?: string;
  /** The article's publisher (发布机构) of a government information page: a township or department on its county's site. */
  publisher?: string;
}

export interface HtmlReport {
  /** The article text, one block per line. */
  body: string;
  meta: PageMeta;
  encoding: string;
}

// Minimal DOM shapes (the project compiles without the DOM lib).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'BLOCKQUOTE',
  'PRE',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TBODY',
  'THEAD',
  'TR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'CENTER',
  'FIGURE',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'ADDRESS',
  'HR',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'HEAD', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);

/** Text of a DOM subtree with a line break at every block and <br>, cells apart by a space. */
export function blockText(root: DomNode): string {
  const out: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') return void out.push('\n');
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (name === 'TD' || name === 'TH') out.push(' ');
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

// Boilerplate by class or id (English and the pinyin of Chinese CMSs) …
const BOILERPLATE_NAME =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|dqwz|footer|foot|bottom|copyright|related|relate|xgxx|xglj|xgwz|share|bdshare|toolbar|print|search|topbar|header|sidebar|aside|friendlink|yqlj|comment|pager)([\s_-]|$)/i;
// … and by what it says.
const BOILERPLATE_TEXT =
  /^\s*(当前位置|您现在的位置|您当前的位置|您的位置|所在位置|相关链接|相关文章|相关阅读|相关新闻|相关信息|相关稿件|友情链接|分享到|扫一扫|【?打印|网站地图)/;

function preClean(document: DomElement): void {
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template, iframe, form, nav, aside, footer, header, select'))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const text = el.textContent ?? '';
    // Only small blocks: a whole-page wrapper called "main-nav-box" must not take the article with it.
    if (text.length < 1500 && BOILERPLATE_NAME.test(name)) el.remove();
  }
  for (const el of Array.from(document.querySelectorAll('div, p, ul, li, span, td, table, h3, h4, dl'))) {
    const text = el.textContent ?? '';
    if (text.length < 400 && BOILERPLATE_TEXT.test(text)) el.remove();
  }
}

function metaContent(document: DomElement, names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[name="${name}" i], meta[property="${name}" i], meta[itemprop="${name}" i]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** YYYY-MM-DD from the common ways pages write dates (2022-01-26, 2022/1/26, 2022年1月26日, ISO timestamps). */
export function isoDate(value: string | undefined | null): string | undefined {
  const m = value && /((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value);
  if (!m) return undefined;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

const PUBLISHED_IN_TEXT =
  /(?:发布时间|发布日期|发文日期|成文日期|网站发布|发表时间|更新时间|日期|时间)\s*[:：]\s*((?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;

// A title segment that names the site rather than the article: 青山县人民政府, 中国政府网, …门户网站, 政府网站, www.….gov.cn.
const SITE_NAME =
  /(人民政府|政府|人大|政协|网|网站|门户|官网|官方网站|政务公开|信息公开|政府信息公开|平台|委员会|办公室|局|厅)(\s*[(（][^)）]*[)）])?$|^(https?:\/\/)?(www\.)?[\w-]+(\.[\w-]+)+\/?$/i;
// What separates a page title from the site's name: _ | ｜ · - － – — ——, with or without spaces.
const SEPARATOR = /\s*(?:_+|\||｜|·|-+|－|–|—+)\s*/;
// Page titles that say nothing of the article.
const GENERIC_TITLE = /^(首页|正文|详情|详细信息|内容页|文章页|信息公开|政府信息公开|政务公开|政策文件|法治政府建设|网站地图|无标题文档|untitled)$/i;

const siteName = (segment: string) => SITE_NAME.test(segment.trim());
/** A title an article could have: some Chinese, at least 6 characters, neither a site name nor a generic page name. */
const usableTitle = (text: string | undefined): text is string =>
  Boolean(text && text.length >= 6 && text.length <= 200 && /\p{Script=Han}/u.test(text) && !siteName(text) && !GENERIC_TITLE.test(text));

/**
 * The article's title from a <title> (or og:title) as sites write it: without the site's
 * name before or after it (白河镇…报告-青山县人民政府, 青山县人民政府|…报告), and of
 * what is left after _ or |, the longest part (…报告_法治政府建设 → …报告). A
 * hyphen or dash that is not next to a site name stays (…纲要(2021-2025年)).
 */
export function pageTitle(raw: string | undefined | null): string | undefined {
  let title = raw?.replace(/\s+/g, ' ').trim();
  if (!title) return undefined;
  for (;;) {
    const last = new RegExp(`^(.*?\\S)${SEPARATOR.source}([^_|｜·\\-－–—]+)$`).exec(title);
    if (last && siteName(last[2]) && usableTitle(last[1].trim())) title = last[1].trim();
    else break;
  }
  for (;;) {
    const first = new RegExp(`^([^_|｜·\\-－–—]+?)${SEPARATOR.source}(\\S.*)$`).exec(title);
    if (first && siteName(first[1]) && usableTitle(first[2].trim())) title = first[2].trim();
    else break;
  }
  const parts = title.split(/\s*(?:_+|\||｜)\s*|\s+[-–—]\s+/).filter(Boolean);
  if (parts.length > 1) title = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return title;
}

// In-page title elements by class or id: title, article-title, detail_title, news_tit, bt, biaoti…
const TITLE_NAME = /(^|[\s_-])((article|detail|news|con|content|text|info|main|wz|xl|zw|page)[-_]?)?(title|tit|bt|biaoti)\d?([\s_-]|$)/i;

/** The first of the elements that reads as a title (at most 100 characters). */
function firstTitle(elements: ArrayLike<DomElement>, named = false): string | undefined {
  for (const el of Array.from(elements)) {
    if (named && !TITLE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    const text = el.textContent?.replace(/\s+/g, ' ').trim();
    if (text && text.length <= 100 && usableTitle(text)) return text;
  }
  return undefined;
}

function readMeta(html: string, document: DomElement, pageText: string): PageMeta {
  const fromMeta = pageTitle(metaContent(document, ['ArticleTitle', 'og:title', 'title']));
  const h1 = firstTitle(document.querySelectorAll('h1'));
  const fromTag = pageTitle(document.querySelector('title')?.textContent);
  const classed = firstTitle(document.querySelectorAll('[class], [id]'), true);
  // a meta title, an <h1>, the <title> without the site's name; an element classed as a title when the <title>
  // is no title or holds it with more (…报告 in …报告-法治政府建设-青山县); else whatever the page calls itself
  const title =
    (usableTitle(fromMeta) ? fromMeta : undefined) ??
    h1 ??
    (classed && (!usableTitle(fromTag) || fromTag.includes(classed)) ? classed : undefined) ??
    (usableTitle(fromTag) ? fromTag : undefined) ??
    fromMeta ??
    fromTag;
  const published =
    isoDate(metaContent(document, ['PubDate', 'pubdate', 'publishdate', 'article:published_time', 'og:release_date', 'DC.date', 'dc.date.issued', 'date'])) ??
    isoDate(PUBLISHED_IN_TEXT.exec(pageText)?.[1]);
  const url =
    document.querySelector('link[rel="canonical" i]')?.getAttribute('href')?.trim() ||
    metaContent(document, ['og:url', 'Url', 'url']) ||
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const hostMatch = /主办(?:单位)?\s*[:：]\s*([^\s,，|<>]+)/.exec(pageText)?.[1];
  const host = hostMatch?.split(/承办|协办|技术支持|网站标识码|备案|地址|电话|联系|版权/)[0] || undefined;
  const publisher = /发布机构\s*[:：]\s*([^\s,，|<>:：]+)/.exec(pageText)?.[1]?.split(/发布日期|主题分类|成文日期|文号|索引号/)[0] || undefined;
  return {
    ...(title ? { title: title.replace(/\s+/g, ' ') } : {}),
    ...(published ? { published } : {}),
    ...(url && isWebAddress(url) ? { url } : {}),
    ...(host ? { host } : {}),
    ...(publisher ? { publisher } : {}),
  };
}

/** Reads an HTML page's article and metadata. Throws RefusedInput (from decoding) for bytes that are not text. */
export function readHtml(bytes: Uint8Array): HtmlReport {
  const { text: html, encoding } = decodeText(bytes, declaredCharset(bytes));
  const { document } = parseHTML(html) as unknown as { document: DomElement };
  const fullText = blockText(document);
  const meta = readMeta(html, document, fullText);

  preClean(document);
  // Readability rewrites the document it reads: take the pre-cleaned page text first.
  const rest = blockText(document.querySelector('body') ?? document);
  let body = '';
  try {
    const article = new Readability(document as never, { charThreshold: 200, serializer: (node: unknown) => node }).parse();
    if (article?.content) body = blockText(article.content as DomNode);
  } catch {
    // Readability gives up on some malformed pages: the pre-cleaned body below is still good text.
  }
  // Readability keeps the densest block; when it kept almost nothing, the pre-cleaned page is the better answer.
  if (body.length < rest.length * 0.2 || body.length < 100) body = rest;
  return { body, meta, encoding };
}
