// Turns the extractor's JurisdictionFact into the Jurisdiction nodes to merge:
// the jurisdiction itself and its parents up to the province (a zone's or a
// township's administering county or prefecture first). GB/T 2260 codes
// carry the hierarchy in their digits (51 06 04: 四川 / 德阳 / 罗江), so the
// parents' keys follow from the child's code.
import type { JurisdictionFact } from '../extract/types.js';
import type { JurisdictionShape } from './rows.js';

export interface JurisdictionNode {
  key: string;
  /** Written as they are read back (`JurisdictionShape`). */
  props: JurisdictionShape;
}

export interface JurisdictionChain {
  /** The report's own jurisdiction first, then its parents. */
  nodes: JurisdictionNode[];
  links: { child: string; parent: string }[];
  /** Key of the report's own jurisdiction. */
  key: string;
  /** Keys by short name and full name, for linking local documents to their issuer. */
  keyByName: Map<string, string>;
}

/** A jurisdiction without a code is keyed by its full name, so that it still has one node. */
export function jurisdictionKey(fact: Pick<JurisdictionFact, 'adminCode' | 'fullName' | 'name'>): string {
  return fact.adminCode ?? (fact.fullName || fact.name);
}

function node(key: string, props: Omit<JurisdictionNode['props'], 'key'>): JurisdictionNode {
  return { key, props: { key, ...props } };
}

export function jurisdictionChain(fact: JurisdictionFact): JurisdictionChain {
  const self = node(jurisdictionKey(fact), {
    code: fact.adminCode,
    name: fact.name,
    fullName: fact.fullName || fact.name,
    level: fact.level,
    province: fact.province,
    prefecture: fact.prefecture,
  });
  const nodes = [self];
  const province = fact.province;
  const below = fact.level === 'zone' || fact.level === 'township';
  // A zone or township sits under the division that administers it (fact.parent), which has
  // a code when it is a GB/T 2260 division: the chain goes on from that code as from a county's.
  const code = below ? (fact.parentCode ?? null) : fact.adminCode;
  const parentLevel = !below ? null : !code ? null : code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';
  if (below && fact.parent && parentLevel === 'county') {
    nodes.push(
      node(code!, {
        code,
        name: fact.parent,
        fullName: `${province ?? ''}${fact.prefecture ?? ''}${fact.parent}`,
        level: 'county',
        province,
        prefecture: fact.prefecture,
      }),
    );
  }
  // The prefecture is a parent of county-level units and of the zones and townships in it
  // (municipalities such as 北京市 have districts directly under the province-level unit).
  if ((fact.level === 'county' || below) && fact.prefecture && fact.prefecture !== fact.name) {
    const key = code ? `${code.slice(0, 4)}00` : `${province ?? ''}${fact.prefecture}`;
    nodes.push(
      node(key, {
        code: code ? key : null,
        name: fact.prefecture,
        fullName: `${province ?? ''}${fact.prefecture}`,
        level: 'prefecture',
        province,
        prefecture: null,
      }),
    );
  }
  if (fact.level !== 'province' && province && province !== fact.name) {
    const key = code ? `${code.slice(0, 2)}0000` : province;
    nodes.push(node(key, { code: code ? key : null, name: province, fullName: province, level: 'province', province, prefecture: null }));
  }
  const links = nodes.slice(1).map((parent, i) => ({ child: nodes[i].key, parent: parent.key }));
  const keyByName = new Map<string, string>();
  for (const n of nodes) {
    keyByName.set(n.props.name, n.key);
    keyByName.set(n.props.fullName, n.key);
  }
  return { nodes, links, key: self.key, keyByName };
}
