// Which query explains a selected node: the sentences behind its link to the
// entity the user searched for (昌江区 selected while exploring 三项制度 →
// the sentences of 昌江区's reports that mention 三项制度), or else the
// node's own mentions. Pure: returns the query and how to read its answer.
import type { GraphNode } from './model.js';

export interface MentionView {
  sentence: string;
  /** Every surface form the sentence was matched by (行政执法三项制度, 三项制度…). */
  surfaces: string[];
  section: string | null;
  year: number | null;
  report: string | null;
  jurisdiction: string | null;
}

export interface ProvenanceRequest {
  /** What the sentences show, for the panel's heading. */
  title: string;
  query: string;
  variables: Record<string, unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: the answer's shape is the query's; each reader walks it with ?. and ?? and takes only what it checks
  read: (data: any) => MentionView[];
}

const MENTION_FIELDS = `sentence surface section report { year title issuerName jurisdiction { name } }`;

interface RawMention {
  sentence?: string | null;
  surface?: string | null;
  section?: string | null;
  report?: { year?: number | null; title?: string | null; issuerName?: string | null; jurisdiction?: { name?: string | null } | null } | null;
}

export function toMentionView(m: RawMention): MentionView {
  return {
    sentence: m.sentence ?? '',
    surfaces: m.surface ? [m.surface] : [],
    section: m.section ?? null,
    year: m.report?.year ?? null,
    report: m.report?.title ?? m.report?.issuerName ?? null,
    jurisdiction: m.report?.jurisdiction?.name ?? null,
  };
}

/**
 * Mentions as shown: one entry per sentence of a report, with all the
 * surface forms found in it (the store keeps one mention per surface, so
 * 行政执法三项制度 and 三项制度 in one sentence would show it twice).
 */
export function mergeMentions(list: RawMention[] | null | undefined): MentionView[] {
  const merged = new Map<string, MentionView>();
  for (const m of list ?? []) {
    if (!m?.sentence) continue;
    const view = toMentionView(m);
    const key = JSON.stringify([view.sentence, view.report, view.year, view.jurisdiction, view.section]);
    const seen = merged.get(key);
    if (!seen) merged.set(key, view);
    else for (const s of view.surfaces) if (!seen.surfaces.includes(s)) seen.surfaces.push(s);
  }
  return [...merged.values()];
}

const read = mergeMentions;

const nameOf = (n: GraphNode) => String(n.properties.name ?? n.label);
const titleOf = (n: GraphNode) => String(n.properties.title ?? n.label);
const codeOf = (n: GraphNode) => String(n.properties.code ?? n.properties.key ?? n.properties.name);

function evidence(jurisdiction: GraphNode, other: GraphNode): ProvenanceRequest {
  const initiative = other.type === 'Initiative';
  const argument = initiative ? 'initiative' : 'regulation';
  return {
    title: `Why ${jurisdiction.properties.name ?? jurisdiction.label} is linked to ${other.label}`,
    query: `query Evidence($code: String!, $${argument}: String!) {
  jurisdiction(name: $code) { name evidence(${argument}: $${argument}, first: 100) { totalCount nodes { ${MENTION_FIELDS} } } }
}`,
    variables: { code: codeOf(jurisdiction), [argument]: initiative ? nameOf(other) : titleOf(other) },
    read: (data) => read(data.jurisdiction?.evidence?.nodes),
  };
}

/**
 * The sentences behind an adopter on the map: where a jurisdiction's reports
 * mention the initiative or cite the regulation (its evidence), or admit a
 * problem of the theme.
 */
export function adopterEvidence(
  kind: 'initiative' | 'regulation' | 'theme',
  subject: string,
  jurisdiction: { code: string; name: string; fullName: string },
): ProvenanceRequest {
  const place: GraphNode = {
    id: jurisdiction.code,
    type: 'Jurisdiction',
    label: jurisdiction.fullName,
    degree: 0,
    properties: { code: jurisdiction.code, name: jurisdiction.name },
  };
  if (kind !== 'theme') {
    const other: GraphNode = {
      id: subject,
      type: kind === 'initiative' ? 'Initiative' : 'Regulation',
      label: subject,
      degree: 0,
      properties: kind === 'initiative' ? { name: subject } : { title: subject },
    };
    return evidence(place, other);
  }
  return {
    title: `Where ${jurisdiction.fullName} admits ${subject}`,
    query: `query ThemeEvidence($code: String!) {
  jurisdiction(name: $code) { reports(first: 100) { nodes { problems(first: 100) { nodes { theme mentions { ${MENTION_FIELDS} } } } } } }
}`,
    variables: { code: jurisdiction.code },
    read: (data) =>
      read(
        (data.jurisdiction?.reports?.nodes ?? [])
          .flatMap((r: { problems?: { nodes?: { theme?: string; mentions?: RawMention[] }[] } }) => r.problems?.nodes ?? [])
          .filter((p: { theme?: string }) => p.theme === subject)
          .flatMap((p: { mentions?: RawMention[] }) => p.mentions ?? []),
      ),
  };
}

/** The request that explains `selected` (in the context of the start node), or null when the node type has no sentences. */
export function provenanceRequest(selected: GraphNode, start: GraphNode | undefined): ProvenanceRequest | null {
  const linkable = (n: GraphNode | undefined): n is GraphNode => n?.type === 'Initiative' || n?.type === 'Regulation';
  if (selected.type === 'Jurisdiction' && linkable(start)) return evidence(selected, start);
  if (linkable(selected) && start?.type === 'Jurisdiction') return evidence(start, selected);

  if (selected.type === 'Report' && linkable(start)) {
    const field = start.type === 'Initiative' ? 'initiatives' : 'regulations';
    const key = start.type === 'Initiative' ? nameOf(start) : titleOf(start);
    return {
      title: `Where this report mentions ${start.label}`,
      query: `query ReportMentions($id: String!) {
  report(id: $id) { ${field}(first: 100) { edges { node { ${start.type === 'Initiative' ? 'name' : 'title'} } mentions { ${MENTION_FIELDS} } } } }
}`,
      variables: { id: String(selected.properties.id) },
      read: (data) => {
        const edges: { node: { name?: string; title?: string }; mentions: RawMention[] }[] = data.report?.[field]?.edges ?? [];
        return read(edges.filter((e) => (e.node.name ?? e.node.title) === key).flatMap((e) => e.mentions));
      },
    };
  }
  if (selected.type === 'Report') {
    return {
      title: 'What this report mentions most',
      query: `query ReportMentions($id: String!) {
  report(id: $id) { initiatives(first: 5) { edges { mentions { ${MENTION_FIELDS} } } } }
}`,
      variables: { id: String(selected.properties.id) },
      read: (data) => read((data.report?.initiatives?.edges ?? []).map((e: { mentions: RawMention[] }) => e.mentions?.[0])),
    };
  }
  if (selected.type === 'Initiative') {
    return {
      title: `Sentences that mention ${selected.label}`,
      query: `query InitiativeMentions($name: String!) {
  initiative(name: $name) { mentions(first: 10) { edges { node { ${MENTION_FIELDS} } } } }
}`,
      variables: { name: nameOf(selected) },
      read: (data) => read((data.initiative?.mentions?.edges ?? []).map((e: { node: RawMention }) => e.node)),
    };
  }
  if (selected.type === 'Regulation') {
    return {
      title: `Sentences that cite ${selected.label}`,
      query: `query RegulationMentions($title: String!) {
  regulation(title: $title) { mentions(first: 10) { edges { node { ${MENTION_FIELDS} } } } }
}`,
      variables: { title: titleOf(selected) },
      read: (data) => read((data.regulation?.mentions?.edges ?? []).map((e: { node: RawMention }) => e.node)),
    };
  }
  if (selected.type === 'Problem') {
    return {
      title: 'Where the report admits this problem',
      query: `query ProblemMentions($id: ID!) {
  node(id: $id) { ... on Problem { mentions { ${MENTION_FIELDS} } } }
}`,
      variables: { id: selected.id },
      read: (data) => read(data.node?.mentions),
    };
  }
  return null;
}
