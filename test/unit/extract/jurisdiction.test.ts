// Which place a report is about, at every level of government (issue 15), on
// texts of our own making: the title and the issuing government decide first,
// names match as names, names in common use count, zones and townships have
// their parent, and weak evidence gives "unknown" with the reason.
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/extract/index.js';
import { jurisdictionChain } from '../../../src/store/jurisdiction-chain.js';
import { textFor } from '../../../src/eval/readings.js';
import { readSavedPage } from '../../../src/ingest/saved-page.js';
import { contractViolations } from '../../support/contract.js';
import { toContractJson } from '../../../src/cli/commands/extract.js';
import { reportBody as body } from '../../support/placeless-reports.js';

const place = (title: string, text: string) => extractReport(`${title}\n${text}`).jurisdiction;

describe('the title decides', () => {
  it.each([
    ['北京市2022年法治政府建设年度情况报告', '我市', { name: '北京市', level: 'province', province: '北京市', adminCode: '110000' }],
    ['宁夏回族自治区2022年度法治政府建设情况报告', '全区', { name: '宁夏回族自治区', level: 'province' }],
    ['2021年上海市法治政府建设情况报告', '我市', { name: '上海市', level: 'province' }],
    ['河南省2020年度法治政府建设情况报告', '我省', { name: '河南省', level: 'province' }],
    ['广西壮族自治区司法厅2022年度法治政府建设情况报告', '我厅', { name: '广西壮族自治区', level: 'province' }],
    ['四川省德阳市罗江区2023年法治政府建设情况报告', '我区', { name: '罗江区', prefecture: '德阳市', level: 'county', adminCode: '510604' }],
    ['海东市人民政府关于2021年度法治政府建设工作情况的报告', '我市', { name: '海东市', level: 'prefecture', province: '青海省' }],
  ])('%s', (title, self, expected) => {
    const j = place(title, body(self));
    expect(j).toMatchObject(expected);
    expect(j!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(j!.basis).toMatch(/^the title names/);
  });

  it("over places the body names more often: a province's report names its cities", () => {
    const text = body('我省', '驻马店市、驻马店市、驻马店市、平顶山市创新工作机制。驻马店市获评示范市。');
    expect(place('河南省2020年度法治政府建设情况报告', text)).toMatchObject({ name: '河南省' });
  });
});

describe('names match as names', () => {
  it('a two-character county name inside another word is not that county (治理县域, 市和县)', () => {
    const text = body('我县', '推进市域社会治理县域协同,统筹市和县两级执法力量。');
    // 金平县 is the name in common use of 金平苗族瑶族傣族自治县 (云南), not 理县 (四川) or 和县 (安徽)
    expect(place('金平县2023年法治政府建设情况报告', text)).toMatchObject({ name: '金平苗族瑶族傣族自治县', province: '云南省', level: 'county' });
    const j = extractReport(body('我县', '推进市域社会治理县域协同,统筹市和县两级执法力量。')).jurisdiction;
    expect(j?.name).not.toBe('理县');
    expect(j?.name).not.toBe('和县');
  });

  it.each([
    ['伊犁州2021年法治政府建设情况报告', '伊犁哈萨克自治州', '新疆维吾尔自治区'],
    ['巴州2023年法治政府建设工作报告', '巴音郭楞蒙古自治州', '新疆维吾尔自治区'],
    ['黔东南州2022年法治政府建设情况报告', '黔东南苗族侗族自治州', '贵州省'],
    ['恩施州2022年度法治政府建设情况报告', '恩施土家族苗族自治州', '湖北省'],
  ])('an autonomous prefecture by its usual short name: %s', (title, name, province) => {
    expect(place(title, body('我州'))).toMatchObject({ name, province, level: 'prefecture' });
  });

  it("a place in a contact line's address is where an office sits, not the report's place", () => {
    const text = body('市人社局', '如对本报告有任何疑问,请与法规处联系(地址:天津市和平区建设路18号;邮编:300040)。');
    expect(extractReport(text).jurisdiction).toBeNull();
    // the same district named in the text itself still counts
    expect(extractReport(body('我区', '和平区坚持依法行政,天津市和平区人民政府常务会议学法4次。')).jurisdiction).toMatchObject({
      name: '和平区',
      province: '天津市',
    });
  });

  it("a report that speaks as a prefecture (全州) under its region (自治区党委) is not the region's", () => {
    const text = [
      '今年以来,在自治区党委、政府坚强领导下,全州各级政府坚持以习近平新时代中国特色社会主义思想为指导,完整准确全面贯彻新时代党的治疆方略,',
      '努力为中国式现代化新疆实践提供坚实法治保障。现将工作情况报告如下。',
      '一、主要工作',
      '(一)推进法治巴州、法治政府、法治社会一体建设。召开常务会议专题学法4次,完善重大行政决策程序。',
      '坚持依法行政,推进法治政府建设,加强行政执法监督,深化法治宣传教育,提升依法行政能力和水平。'.repeat(5),
    ].join('\n');
    expect(extractReport(text).jurisdiction?.level).not.toBe('province');
  });

  it.each([
    ['镇宁自治县2022年法治政府建设工作情况报告', '我县', '镇宁布依族苗族自治县', '贵州省', 'county'],
    ['长阳自治县2023年法治政府建设情况报告', '我县', '长阳土家族自治县', '湖北省', 'county'],
    ['湘西自治州2023年法治政府建设情况报告', '我州', '湘西土家族苗族自治州', '湖南省', 'prefecture'],
  ])('an autonomous unit by its stem and 自治县/州 without the nationalities: %s', (title, voice, name, province, level) => {
    expect(place(title, body(voice))).toMatchObject({ name, province, level });
  });

  it('a name two places share is settled by the province the text names, and left open when it names none', () => {
    expect(place('朝阳区2022年法治政府建设情况报告', body('我区', '在北京市委、北京市政府的领导下,'))).toMatchObject({
      province: '北京市',
      adminCode: '110105',
    });
    const open = place('西湖区2023年法治政府建设情况报告', body('我区'));
    // no guessed province: the name, and why the rest is not given
    expect(open).toMatchObject({ name: '西湖区', province: null, adminCode: null, level: 'county' });
    expect(open!.confidence).toBeLessThan(0.6);
    expect(open!.basis).toContain('the text does not say which');
  });
});

describe('zones and townships', () => {
  it('a development zone by its abbreviation, under its city', () => {
    const j = place('武汉经开区2022年法治政府建设情况报告', body('我区'));
    expect(j).toMatchObject({
      name: '武汉经开区',
      fullName: '湖北省武汉市武汉经济技术开发区',
      level: 'zone',
      province: '湖北省',
      prefecture: '武汉市',
      parent: '武汉市',
      adminCode: null,
    });
    // the store links the zone under its prefecture and province
    expect(jurisdictionChain(j!).links).toEqual([
      { child: '湖北省武汉市武汉经济技术开发区', parent: '420100' },
      { child: '420100', parent: '420000' },
    ]);
    // the zone's other name is the same node
    const full = place('武汉经济技术开发区2023年法治政府建设情况报告', body('我区'));
    expect(jurisdictionChain(full!).key).toBe(jurisdictionChain(j!).key);
  });

  it('a zone the title names by its ending alone takes its full name from the body', () => {
    const j = place('经济开发区2024年度法治政府建设情况报告', body('园区', '2024年宁河经济开发区在区委、区政府的领导下,'));
    expect(j).toMatchObject({ name: '宁河经济开发区', level: 'zone', province: '天津市', parent: '宁河区' });
  });

  it("a zone is governed by its 管理委员会: the issuer is the zone's government, not a department", () => {
    const titled = extractReport(`兰州新区管理委员会关于报送2022年度法治政府建设情况的报告\n${body('新区')}`);
    expect(titled.jurisdiction).toMatchObject({ name: '兰州新区', level: 'zone' });
    expect(titled.issuer).toEqual({ type: 'government', name: '兰州新区管理委员会' });
    const untitled = extractReport(`武汉经开区2022年法治政府建设情况报告\n${body('我区')}`);
    expect(untitled.issuer).toMatchObject({ type: 'government', name: '武汉经开区管理委员会' });
  });

  it('a zone whose city is never named still has the province it claims (法治云南), and no invented name', () => {
    const j = place('经济技术开发区管理委员会关于2022年法治政府建设情况报告', body('经开区', '紧紧围绕法治中国、法治云南建设的有关要求,'));
    expect(j).toMatchObject({ name: '经济技术开发区', level: 'zone', province: '云南省', prefecture: null, parent: null });
    // another province merely mentioned is no claim
    expect(place('经济技术开发区管理委员会关于2022年法治政府建设情况报告', body('经开区', '对口支援新疆,'))).toMatchObject({ province: null });
  });

  it('a township the text names without its county: from the township list when only one fits, else no guess', () => {
    // 草滩街道 is listed once (西安市未央区)
    expect(place('草滩街道2024年法治政府建设工作报告', body('草滩街道办事处', '深入贯彻落实区委、区政府相关工作部署,'))).toMatchObject({
      name: '草滩街道',
      level: 'township',
      parent: '未央区',
      prefecture: '西安市',
      province: '陕西省',
      confidence: 0.6,
    });
    // 三都镇 is listed six times, two of them under a 区 (蕉城区, 柳江区): the superiors' voice is not enough
    expect(place('三都镇2025年法治政府建设年度报告', body('三都镇', '在区委、区政府的正确领导下,'))).toMatchObject({
      name: '三都镇',
      parent: null,
      province: null,
    });
    // with a 县 for superior, only 铜鼓县's remains
    expect(place('三都镇2025年法治政府建设年度报告', body('三都镇', '在县委、县政府的正确领导下,'))).toMatchObject({ parent: '铜鼓县', province: '江西省' });
  });

  it('body only: a place named by a report that speaks as another level is not its own (我镇 under 伊金霍洛旗, 我市 naming a district)', () => {
    const township = extractReport(body('我镇', '根据伊金霍洛旗法治政府建设的有关要求,全镇依法履行政府职能,'));
    expect(township.jurisdiction).toBeNull();
    expect(township.jurisdictionUnknown).toMatch(/伊金霍洛旗 is named, but the report speaks as a township/);
    const city = extractReport(body('我市', '在自治区党委、自治区人民政府的坚强领导下,全区法治政府建设推进会在万秀区召开,'));
    expect(city.jurisdiction).toBeNull();
    expect(city.jurisdictionUnknown).toMatch(/万秀区 is named, but the report speaks as a 市/);
    // the place's own voice keeps it: 我区 and 万秀区
    expect(extractReport(body('我区', '万秀区坚持依法行政,')).jurisdiction).toMatchObject({ name: '万秀区' });
  });

  it('body only: a city that names only places of one prefecture, and never itself, is that prefecture', () => {
    // 万秀区 lies in 梧州市: a report speaking as 我市 of its district's office is 梧州市's, with a low confidence
    const city = extractReport(body('我市', '市法制办、万秀区法制办获自治区政府法制系统先进集体,'));
    expect(city.jurisdiction).toMatchObject({ name: '梧州市', level: 'prefecture', province: '广西壮族自治区', confidence: 0.55 });
    expect(city.jurisdiction?.basis).toMatch(/every place it names \(万秀区\) lies in 梧州市/);
    // places of two prefectures (万秀区 of 梧州, 秀峰区 of 桂林) leave it unknown
    expect(extractReport(body('我市', '市法制办、万秀区法制办、秀峰区法制办获评先进,')).jurisdiction).toBeNull();
    // a county-level city speaks as 我市 too, of its 乡(镇): unknown
    expect(extractReport(body('我市', '全市各乡(镇)、万秀区法制办获评先进,')).jurisdiction).toBeNull();
    // a province's voice as loud as the city's: unknown
    expect(extractReport(body('我市', '全省全省全省全省全省全省全省全省全省全省,万秀区法制办获评先进,')).jurisdiction).toBeNull();
  });

  it('one government for a zone and a district (区政合一) is the district', () => {
    expect(place('高新区(新市区)人民政府2024年法治政府建设工作报告', body('我区'))).toMatchObject({
      name: '新市区',
      level: 'county',
      province: '新疆维吾尔自治区',
    });
  });

  it('keep the JSON contract of extract (DESIGN.md): the levels, and the confidence and basis of the reading', () => {
    const zone = toContractJson('zone.txt', extractReport(`武汉经开区2022年法治政府建设情况报告\n${body('我区')}`));
    expect(zone.jurisdiction).toMatchObject({ level: 'zone', confidence: 0.9, basis: 'the title names 武汉经开区' });
    expect(contractViolations(JSON.parse(JSON.stringify(zone)))).toEqual([]);
    const unknown = toContractJson('unknown.txt', extractReport(body('我局')));
    expect(unknown).toMatchObject({ jurisdiction: null, jurisdictionUnknown: 'no place is named in the text' });
    expect(contractViolations(JSON.parse(JSON.stringify(unknown)))).toEqual([]);
  });

  it("a street's office under its district's government is the street (鲤城区人民政府金龙街道办事处), named without 办事处", () => {
    const j = place('鲤城区人民政府金龙街道办事处关于2022年度法治政府建设情况的报告', body('我街道'));
    expect(j).toMatchObject({ name: '金龙街道', level: 'township', parent: '鲤城区', prefecture: '泉州市', province: '福建省' });
    expect(place('广州市白云区新市街道办事处2023年法治政府建设工作报告', body('我街道'))).toMatchObject({ name: '新市街道', parent: '白云区' });
  });

  it('an ethnic township by its long name at the head of the title, not the region its body cites', () => {
    const j = place('满族屯满族乡2024年度法治政府建设报告', body('我乡', '贯彻落实全面依法治区、依法治盟部署要求,执行《内蒙古自治区重大行政决策程序规定》。'));
    expect(j).toMatchObject({ name: '满族屯满族乡', level: 'township' });
  });

  it('a township after its county, linked under it', () => {
    const j = place('四川省德阳市罗江区白马关镇2023年法治政府建设情况报告', body('我镇'));
    expect(j).toMatchObject({ name: '白马关镇', level: 'township', parent: '罗江区', prefecture: '德阳市', province: '四川省' });
    expect(jurisdictionChain(j!).links[0]).toEqual({ child: '四川省德阳市罗江区白马关镇', parent: '510604' });
  });
});

describe('without a title', () => {
  it('the subject of the first sentence names the report', () => {
    const j = extractReport(`2022年,白云区政府坚持以习近平新时代中国特色社会主义思想为指引,广州市委的部署落到实处。\n${body('我区')}`).jurisdiction;
    expect(j).toMatchObject({ name: '白云区', prefecture: '广州市', level: 'county' });
    // (白云区 of 广州 or of 贵阳: the text's 广州市 settles it)
    expect(j!.basis).toMatch(/^its first sentence names 白云区; 广东省 by the text's evidence/);
  });

  it('the subject after an opening circumstance (在…领导下,…), and a zone by its own stem', () => {
    const j = extractReport(
      `2024年,在天津市委、市政府和区委、区政府的正确领导下,东疆综保区坚持以习近平法治思想为指导,天津市各部门大力支持。\n${body('我区')}`,
    ).jurisdiction;
    expect(j).toMatchObject({ name: '东疆综保区', level: 'zone', province: '天津市' });
  });

  it('a report that opens on 我县 is no province, though it names its province more than its county', () => {
    const text = `2024年,我县坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻习近平总书记考察江西重要讲话精神,全面加强法治政府建设。\n${body('全省', '江西省委、江西省政府部署,兴国县落实。')}`;
    expect(extractReport(text).jurisdiction).toMatchObject({ name: '兴国县', province: '江西省', level: 'county' });
  });

  it('a province-level report by its own voice (全区, 自治区党委) and the stem of its name', () => {
    const text = body('全区', '自治区党委和政府认真贯彻习近平总书记视察宁夏重要讲话精神,深入推进依法治区。');
    expect(extractReport(text).jurisdiction).toMatchObject({ name: '宁夏回族自治区', level: 'province' });
  });

  it('a county that names itself only by its brand (法治宁海建设) and speaks as a county; a brand of its city is not its own', () => {
    const own = body('我局', '对照《2024年度法治宁海建设工作要点》,在县委县政府领导下推进全县工作。');
    expect(extractReport(own).jurisdiction).toMatchObject({ name: '宁海县', province: '浙江省', level: 'county' });
    // 法治广州建设 is the city's programme that 白云区 takes part in: the district, by its name and voice
    const district = body('我区', '白云区助力法治广州建设,白云区各部门落实。');
    expect(extractReport(district).jurisdiction).toMatchObject({ name: '白云区', prefecture: '广州市' });
  });

  it('a county that puts itself first in the formula 法治X、法治政府、法治社会 and speaks as a county; not where it speaks as another level', () => {
    const county = body('我县', '统筹推进法治庆元、法治政府、法治社会一体建设。');
    expect(extractReport(county).jurisdiction).toMatchObject({ name: '庆元县', province: '浙江省', level: 'county' });
    // the same words in a city's report name no county of the city
    expect(extractReport(body('我市', '统筹推进法治庆元、法治政府、法治社会一体建设。')).jurisdiction?.name).not.toBe('庆元县');
    // 法治国家 is no place
    expect(extractReport(body('我县', '统筹推进法治国家、法治政府、法治社会一体建设。')).jurisdiction).toBeNull();
  });

  it("a street that opens its first sentence names the report; its district's brand does not make it the district's", () => {
    const j = extractReport(
      `2023年,在区委、区政府的正确领导下,新市街道办事处坚持以习近平新时代中国特色社会主义思想为指导。\n${body('我街道', '广州市白云区各部门支持。')}`,
    ).jurisdiction;
    expect(j).toMatchObject({ name: '新市街道', level: 'township' });
    // 法治上城建设 is the district's programme; the street speaks as a street, not 我区
    const street = extractReport(body('街道', '以落实“2023年法治上城建设工作要点”为牵引,清波街道推进各项工作。'));
    expect(street.jurisdiction?.name).not.toBe('上城区');
  });

  it("a province's report that never names its province: by its voice and the places it names, all in one province", () => {
    const text = body('我省', '密山市、绥芬河市获评全国法治政府建设示范市,全省推进。');
    expect(extractReport(text).jurisdiction).toMatchObject({ name: '黑龙江省', level: 'province', confidence: 0.6 });
    // places of two provinces, or a voice below a province, leave it open
    expect(extractReport(body('我省', '密山市与昆山市交流经验,全省推进。')).jurisdiction).toBeNull();
    expect(extractReport(body('全市', '全省推进,全省考核,密山市获评示范。')).jurisdiction?.level).not.toBe('province');
  });

  it("a department that opens as 市司法局 is a city's, though the only place its text names more is its province", () => {
    const text = `2023年,市司法局在市委、市政府的坚强领导和省司法厅精心指导下,坚持以习近平新时代中国特色社会主义思想为指导,推动全省部署落地。\n${body('局党组', '贯彻《福建省法治政府建设实施方案》《龙岩市法治政府建设实施方案》,全省考核。')}`;
    expect(extractReport(text).jurisdiction).toMatchObject({ name: '龙岩市', level: 'prefecture', province: '福建省' });
    // the same opening in a province's own words (省司法厅…) stays the province's
    const own = text.replace('市司法局在市委、市政府', '省司法厅在省委、省政府').replace('和省司法厅精心指导', '');
    expect(extractReport(own).jurisdiction?.name).not.toBe('龙岩市');
  });

  it('a government office that opens after two circumstances (在县委…领导下,在县司法局…指导下) is the issuer, a department', () => {
    const text = `武定县2022年度法治政府建设工作情况报告\n2022年,在县委、县政府的坚强领导下,在县司法局的有力指导下,武定县人民政府办公室坚持以习近平新时代中国特色社会主义思想为指导,全面推进依法行政。\n${body('县政府办')}`;
    expect(extractReport(text).issuer).toEqual({ type: 'department', name: '武定县人民政府办公室' });
  });

  it('a 街道 is governed by its 街道办事处, a 镇 by its 人民政府; a zone named with its district keeps the district once', () => {
    expect(extractReport(`草滩街道2024年法治政府建设工作报告\n${body('我街道', '深入贯彻落实区委、区政府相关工作部署,')}`).issuer).toEqual({
      type: 'government',
      name: '草滩街道办事处',
    });
    expect(extractReport(`三都镇2025年法治政府建设年度报告\n${body('我镇', '在县委、县政府的正确领导下,')}`).issuer).toEqual({
      type: 'government',
      name: '三都镇人民政府',
    });
    const zone = place('重庆市武隆区工业园区管理委员会关于2020年度法治政府建设情况的报告', body('园区', '在区委、区政府的领导下,'));
    expect(zone).toMatchObject({ level: 'zone', parent: '武隆区', fullName: '重庆市武隆区工业园区' });
  });

  it('names no place where nothing says which: "unknown" with the reason', () => {
    const graph = extractReport(body('我局'));
    expect(graph.jurisdiction).toBeNull();
    expect(graph.jurisdictionUnknown).toBe('no place is named in the text');
  });
});

describe('a page in traditional characters', () => {
  it('is read in simplified characters; a simplified text is left exactly as it is', () => {
    const traditional = `北京市朝陽區人民政府2022年法治政府建設年度情況報告\n2022年,朝陽區政府深入學習貫徹落實黨的二十大精神和習近平法治思想,堅持將法治政府建設作為全面依法治區的重點任務。現將有關情況報告如下。\n一、主要工作\n${'我區堅持依法行政,推進法治政府建設,加強行政執法監督,深化法治宣傳教育,提升依法行政能力和水平。'.repeat(6)}`;
    const graph = extractReport(traditional);
    expect(graph.title).toBe('北京市朝阳区人民政府2022年法治政府建设年度情况报告');
    expect(graph.jurisdiction).toMatchObject({ name: '朝阳区', province: '北京市', adminCode: '110105' });
    const simplified = body('我区');
    expect(extractReport(simplified).text).toBe(extractReport(simplified).text);
    expect(extractReport(`罗江区2023年法治政府建设情况报告\n${simplified}`).text).toContain(simplified.slice(0, 40));
  });
});

describe('devset files, read two ways', () => {
  const file =
    'url: http://example.gov.cn/1.html\nsource-title: (title not shown in excerpt) 河北省2018年法治政府建设情况报告\n\n2018年,河北省委、省政府坚持依法行政。';
  it('with the title line first, or the body alone; a file without header lines is all body', () => {
    const parsed = readSavedPage(file);
    expect(parsed).toEqual({ title: '河北省2018年法治政府建设情况报告', url: 'http://example.gov.cn/1.html', body: '2018年,河北省委、省政府坚持依法行政。' });
    expect(textFor(parsed, 'title')).toBe('河北省2018年法治政府建设情况报告\n2018年,河北省委、省政府坚持依法行政。');
    expect(textFor(parsed, 'body')).toBe('2018年,河北省委、省政府坚持依法行政。');
    expect(readSavedPage('罗江区2024年…\n正文')).toEqual({ title: null, url: null, body: '罗江区2024年…\n正文' });
  });
});
