// The page's address as evidence of the report's place: a government site is
// named by its place in pinyin, and the extractor reads it only where the text
// leaves the place open (a shared name, a township's county, a page that names
// no place), never over what the text says.
import { describe, expect, it } from 'vitest';
import { placesOfAddress } from '../../../src/extract/site-address.js';
import { extractReport } from '../../../src/extract/index.js';
import { reportBody as body } from '../../support/placeless-reports.js';

const spelled = (url: string) =>
  placesOfAddress(url)
    ?.divisions.map((d) => d.name)
    .sort() ?? null;

describe('placesOfAddress', () => {
  it.each([
    ['http://www.xuwen.gov.cn/xxgk/post_1.html', ['徐闻县']],
    ['https://www.ningbo.gov.cn/art/2023/2/3/art_1.html', ['宁波市']],
    // initials after the province's, after the prefecture's; a name's initials with its ending's
    ['http://xxgk.sxgp.gov.cn/xzjd/2.shtml', ['高平市']],
    ['http://www.ncxh.gov.cn/xhqrmzf/3.shtml', ['西湖区']],
    ['http://www.zzszq.gov.cn/zw/4.html', ['市中区']],
    // a department under its government: the government's place (sft: 司法厅 spells no place)
    ['http://sft.hlj.gov.cn/web/subject/2308.html', ['黑龙江省']],
    ['https://swj.wuhan.gov.cn/xzzf/5.html', ['武汉市']],
    // a label after a hyphen, and port and digits, are read as the name
    ['http://www.zhuhai-hitech.gov.cn:8080/zwgk/6.html', ['珠海市']],
  ])('%s spells %j', (url, names) => {
    expect(spelled(url)).toEqual(names);
  });

  it('two letters spell several places, each of them kept (gz.gov.cn is 广州 as much as 贵州)', () => {
    expect(spelled('https://www.gz.gov.cn/gkmlpt/content/1.html')).toEqual(expect.arrayContaining(['广州市', '贵州省', '赣州市']));
    expect(spelled('http://www.yongding.gov.cn/xxgk/1.htm')).toEqual(['永定区', '永定区']);
  });

  it('reads only a government host, and nothing from a text that is no address', () => {
    expect(placesOfAddress('https://www.xuwen.com.cn/news/1.html')).toBeNull();
    expect(placesOfAddress('https://ixbang.com/bid/detail/1.html')).toBeNull();
    expect(placesOfAddress('(no page address: the search result gave none)')).toBeNull();
    expect(placesOfAddress('http://www.qwertyuiop.gov.cn/')).toBeNull();
    // a ministry's site spells no place; nor do a department's letters under a government label that spells none
    for (const ministry of ['moj', 'samr', 'mohrss', 'mee', 'nhc', 'mps']) expect(placesOfAddress(`https://www.${ministry}.gov.cn/`), ministry).toBeNull();
    expect(placesOfAddress('http://sft.gxzf.gov.cn/zwgk/1.html')).toBeNull();
    expect(placesOfAddress(undefined)).toBeNull();
  });
});

const placeOf = (text: string, url?: string) => extractReport(text, url ? { url } : {}).jurisdiction;

describe("the page's address in the jurisdiction", () => {
  it('names the place of a page whose text names none, with a lower confidence and the address as its basis', () => {
    const text = body('全市自然资源规划系统');
    expect(placeOf(text)).toBeNull();
    const j = placeOf(text, 'http://zgj.ningbo.gov.cn/art/2023/2/3/art_1.html');
    expect(j).toMatchObject({ name: '宁波市', province: '浙江省', level: 'prefecture', adminCode: '330200' });
    expect(j!.confidence).toBeLessThan(0.7);
    expect(j!.basis).toMatch(/ningbo\.gov\.cn/);
  });

  it("not when the report speaks as another level: a county's report (我县) on its city's site stays unknown", () => {
    expect(placeOf(body('我县'), 'http://www.ningbo.gov.cn/1.html')).toBeNull();
  });

  it("never over the place the text names: the title's place stays, wherever the page is", () => {
    const j = placeOf(`四川省德阳市罗江区2023年法治政府建设情况报告\n${body('我区')}`, 'http://www.xuwen.gov.cn/1.html');
    expect(j).toMatchObject({ name: '罗江区', prefecture: '德阳市' });
  });

  it('settles a name the text shares with another place (西湖区 of 杭州 and 南昌)', () => {
    const text = `西湖区2023年法治政府建设年度报告\n${body('我区')}`;
    expect(placeOf(text)).toMatchObject({ name: '西湖区', adminCode: null, confidence: 0.5 });
    expect(placeOf(text, 'https://www.hzxh.gov.cn/art/1.html')).toMatchObject({ name: '西湖区', prefecture: '杭州市', adminCode: '330106' });
    expect(placeOf(text, 'http://www.ncxh.gov.cn/1.shtml')).toMatchObject({ name: '西湖区', prefecture: '南昌市', adminCode: '360103' });
  });

  it("gives a township its county: the site's own, or the one county of the site's city that has a township of that name", () => {
    const text = `三都镇2025年法治政府建设年度报告\n${body('全镇')}`;
    expect(placeOf(text)).toMatchObject({ name: '三都镇', level: 'township' });
    expect(placeOf(text)!.province).toBeNull();
    const j = placeOf(text, 'http://www.liujiang.gov.cn/dwxxgkpt/1.shtml');
    expect(j).toMatchObject({ name: '三都镇', level: 'township', parent: '柳江区', prefecture: '柳州市', province: '广西壮族自治区' });
    expect(j!.basis).toMatch(/liujiang\.gov\.cn/);
  });

  it("a zone its heading names by its ending alone gets its city from the site, but not a name spelled from the address's sound", () => {
    // yangling.gov.cn spells 杨陵区; the zone on it is 杨凌示范区: a name built from the address would be a guess
    const j = placeOf(`示范区党工委、管委会2024年法治政府建设情况报告\n${body('示范区')}`, 'https://yangling.gov.cn/zwgk/1.html');
    expect(j).toMatchObject({ name: '示范区', level: 'zone', parent: '杨陵区', prefecture: '咸阳市', province: '陕西省' });
    // a resort a 管理委员会 governs is a zone too
    expect(placeOf(`湄洲岛国家旅游度假区2025年法治政府建设情况报告\n${body('全区')}`, 'https://mzd.putian.gov.cn/xxgk/1.htm')).toMatchObject({
      name: '湄洲岛国家旅游度假区',
      level: 'zone',
      parent: '莆田市',
      province: '福建省',
    });
  });

  it("a page's address is kept as the report's source", () => {
    expect(extractReport(body('我县'), { url: 'http://www.xuwen.gov.cn/1.html' }).source?.url).toBe('http://www.xuwen.gov.cn/1.html');
  });
});
