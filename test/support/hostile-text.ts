// The alphabets of damaged and hostile text for the extractor: what its rules
// react to (brackets, quotes, enumerators, heading marks, digits, units, place
// names, self-references, page cruft). The fuzz tests of
// test/unit/extract/reliability.test.ts draw from them, and
// bench/profile-extract.ts builds its fixed list of damaged inputs from the same.

/** Words that make a text read as a rule-of-law report. */
export const GOVERNANCE_WORDS = ['法治', '依法行政', '行政执法', '政府', '普法', '法治政府建设'];
/** Characters the extractor's rules look at. */
export const SPECIAL_CHARS = [
  ...'《》〈〉<>“”"‘’「」()（）[]【】、。，,;；:：!！?？…—–-~～·　 \t\n\r\u00a0\ufeff\u200b一二三四五六七八九十两是第条款章节部分0123456789０１２３４５６７８９.．%％万亿余多约件次人个项家期',
];
/** Words and marks the rules react to. */
export const RULE_WORDS = [
  '三项制度',
  '放管服',
  '存在的问题',
  '下一步',
  '一是',
  '二是',
  '(一)',
  '1.',
  '(1)',
  '一、',
  '《',
  '》',
  '“',
  '”',
  '罗江区',
  '德阳市',
  '四川省',
  '2024年',
  '报告',
  '司法局',
  '我局',
  '我区',
  '主办:',
  '责任编辑:',
  '<<返回',
  '专项整治行动',
  '“法治德阳”',
  '平安昌江建设',
  '共办理案件35件',
  '两期',
  '十余次',
];
