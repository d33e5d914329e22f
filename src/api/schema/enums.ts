// Enumerations shared by several types. GraphQL names are upper case; the
// values are what the graph stores.
import { NODE_LABELS, RELATION_TYPES, type NodeLabel as NodeLabelName, type RelationType as RelationTypeName } from '../../model.js';
import { builder } from '../builder.js';

export const JurisdictionLevel = builder.enumType('JurisdictionLevel', {
  description: 'Administrative level (行政级别) of a jurisdiction.',
  values: {
    PROVINCE: { value: 'province', description: 'Province-level unit 省级 (province, municipality, autonomous region).' },
    PREFECTURE: { value: 'prefecture', description: 'Prefecture-level unit 地级 (市, 州, 盟).' },
    COUNTY: { value: 'county', description: 'County-level unit 县级 (县, 区, 县级市, 旗, 自治县).' },
    ZONE: {
      value: 'zone',
      description: 'Development zone or new area outside GB/T 2260 (经济技术开发区, 高新区, 新区), part of the division that administers it.',
    },
    TOWNSHIP: { value: 'township', description: 'Township-level unit 乡级 (镇, 乡, 街道), part of its county.' },
  } as const,
});

/** The categories of the initiative lexicon (src/extract/knowledge/initiatives.json), which discovery also assigns. */
export const InitiativeCategory = builder.enumType('InitiativeCategory', {
  description: 'Field of an initiative, from the initiative lexicon (举措类别).',
  values: {
    LAW_ENFORCEMENT: { value: 'law_enforcement', description: '行政执法: enforcement systems, 三项制度, supervision of enforcement.' },
    BUSINESS_ENVIRONMENT: { value: 'business_environment', description: '营商环境/放管服: approval reform, business registration, government services.' },
    LEGAL_PUBLICITY: { value: 'legal_publicity', description: '普法: legal education plans, publicity days and weeks, rule-of-law culture.' },
    DECISION_MAKING: {
      value: 'decision_making',
      description: '行政决策: lawful decision-making, legality review, legal advisers, normative documents, leadership duties of 法治建设.',
    },
    REVIEW_LITIGATION: { value: 'review_litigation', description: '复议与诉讼: administrative reconsideration and litigation, officials appearing in court.' },
    GOVERNMENT_TRANSPARENCY: { value: 'government_transparency', description: '政务公开: open government, lists of powers and duties.' },
    GRASSROOTS_GOVERNANCE: { value: 'grassroots_governance', description: '基层治理: mediation, petitions, grid management, 枫桥经验.' },
    DIGITAL_GOVERNMENT: { value: 'digital_government', description: '数字政府: platforms, systems, apps and online services.' },
  } as const,
});

export const IssuerType = builder.enumType('IssuerType', {
  description: 'Who wrote a report.',
  values: {
    GOVERNMENT: { value: 'government', description: "The people's government of the jurisdiction (人民政府)." },
    DEPARTMENT: { value: 'department', description: 'A department of the government (局, 委, 办), writing as 我局/本单位.' },
  } as const,
});

export const RegulationKind = builder.enumType('RegulationKind', {
  description: 'What kind of document a regulation (a title cited in 《》) is.',
  values: {
    LAW: { value: 'law', description: 'A law of the NPC (法律), e.g. 《行政复议法》.' },
    ADMINISTRATIVE_REGULATION: { value: 'administrative_regulation', description: 'A State Council regulation (行政法规), e.g. 《优化营商环境条例》.' },
    LOCAL_REGULATION: { value: 'local_regulation', description: "A local people's congress regulation (地方性法规)." },
    RULE: { value: 'rule', description: 'A ministerial or local government rule (规章).' },
    PARTY_DOCUMENT: { value: 'party_document', description: 'A Party document (党内法规/文件).' },
    PLAN: { value: 'plan', description: 'An outline or plan (纲要, 规划).' },
    NORMATIVE_DOCUMENT: { value: 'normative_document', description: 'A normative document (规范性文件): 办法, 细则, 实施方案, 制度.' },
    OTHER: { value: 'other', description: 'Anything else cited in 《》 (books, programmes, platforms).' },
  } as const,
});

export const RegulationScope = builder.enumType('RegulationScope', {
  description: 'Where a regulation applies.',
  values: {
    NATIONAL: { value: 'national', description: 'Nationwide.' },
    PROVINCIAL: { value: 'provincial', description: 'One province.' },
    LOCAL: { value: 'local', description: 'One prefecture or county (linked to its issuer).' },
  } as const,
});

export const CitationAction = builder.enumType('CitationAction', {
  description: 'What the report says it did with a regulation, read from the governing verb.',
  values: {
    ISSUED: { value: 'issued', description: 'Drafted, issued or published it (制定, 出台, 印发, 公布).' },
    REVISED: { value: 'revised', description: 'Revised or amended it (修订, 修改).' },
    IMPLEMENTED: { value: 'implemented', description: 'Implemented or enforced it (贯彻, 落实, 实施).' },
    STUDIED: { value: 'studied', description: 'Studied or publicised it (学习, 宣传, 普及).' },
    REFERENCED: { value: 'referenced', description: 'Mentioned it otherwise (依据, 根据).' },
  } as const,
});

export const EntityOrderField = builder.enumType('EntityOrderField', {
  description: 'What to sort initiatives or regulations by.',
  values: {
    REPORTS: { value: 'reports', description: 'How many reports mention or cite it (default; largest first unless `descending: false`).' },
    MENTIONS: { value: 'mentions', description: 'How many times reports mention or cite it, summed over reports (largest first unless `descending: false`).' },
    NAME: { value: 'name', description: 'Canonical name or title, in code point order (A→Z unless `descending: true`).' },
  } as const,
});

export const EntityOrder = builder.inputType('EntityOrder', {
  description: 'Sort order of an initiative or regulation list; ties are broken by name or title.',
  fields: (t) => ({
    field: t.field({ type: EntityOrderField, required: true, description: 'The sort key.' }),
    descending: t.boolean({ description: 'Largest (or last) first. Default: true for counts, false for names.' }),
  }),
});

/** The statement parameters of an EntityOrder (the deprecated `byName: true` means NAME). */
export function entityOrderParams(order: { field: 'reports' | 'mentions' | 'name'; descending?: boolean | null } | null | undefined, byName?: boolean | null) {
  const orderBy = order?.field ?? (byName ? 'name' : 'reports');
  return { orderBy, descending: order?.descending ?? orderBy !== 'name' };
}

// The values are the labels and types themselves, so the JSON a client reads is the store's own name.
export const NodeLabel = builder.enumType('GraphNodeType', {
  description: 'Node types of the graph model.',
  values: Object.fromEntries(NODE_LABELS.map((l) => [l, { value: l, description: `${l} nodes.` }])) as Record<
    NodeLabelName,
    { value: NodeLabelName; description: string }
  >,
});

export const RelationType = builder.enumType('GraphRelationType', {
  description: 'Relationship types of the graph model.',
  values: Object.fromEntries(RELATION_TYPES.map((t) => [t, { value: t, description: `${t} relationships.` }])) as Record<
    RelationTypeName,
    { value: RelationTypeName; description: string }
  >,
});
