// How a regulation or a problem theme spread (diffusion), as an initiative's
// does: every jurisdiction that names it, each with the first year its
// reports do — the same jurisdictions the list filter finds, and each first
// year the earliest of its reports that name it.
import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../../support/seeded-api.js';

const api = useSeededApi({ also: ['test/fixtures/second-year'] });

interface Adoptions {
  diffusion: { adoptions: { nodes: { year: number; jurisdiction: { code: string } }[] }; byYear: { year: number; adopters: number; cumulative: number }[] };
}

const DIFFUSION = 'diffusion { adoptions(first: 100) { nodes { year jurisdiction { code } } } byYear { year adopters cumulative } }';

/** Each jurisdiction the filter selects, with the earliest year of its reports that the filter's subject appears in. */
async function firstYears(filter: Record<string, unknown>): Promise<Map<string, number>> {
  const years = new Map<string, number>();
  for (let year = 2016; year <= 2026; year++) {
    const { jurisdictions } = await api.ask<{ jurisdictions: { nodes: { code: string }[] } }>(
      'query($f: JurisdictionFilter) { jurisdictions(filter: $f, first: 100) { nodes { code } } }',
      { f: { ...filter, yearFrom: year, yearTo: year } },
    );
    for (const j of jurisdictions.nodes) if (!years.has(j.code)) years.set(j.code, year);
  }
  return years;
}

const asMap = (d: Adoptions) => new Map(d.diffusion.adoptions.nodes.map((a) => [a.jurisdiction.code, a.year]));

describe('diffusion of a regulation and of a problem theme', () => {
  it('a regulation: each citing jurisdiction with the first year it cites it', async () => {
    const { regulation } = await api.ask<{ regulation: Adoptions }>(`{ regulation(title: "法治政府建设实施纲要(2021-2025年)") { ${DIFFUSION} } }`);
    const expected = await firstYears({ citesRegulation: '法治政府建设实施纲要(2021-2025年)' });
    expect(expected.size).toBeGreaterThan(1);
    expect(asMap(regulation)).toEqual(expected);
    expect(regulation.diffusion.byYear.at(-1)?.cumulative).toBe(expected.size);
  });

  it('a problem theme: each jurisdiction admitting it with the first year it does', async () => {
    const { problemTheme } = await api.ask<{ problemTheme: Adoptions }>(`{ problemTheme(name: "执法能力不足") { name ${DIFFUSION} } }`);
    const expected = await firstYears({ problemTheme: '执法能力不足' });
    expect(expected.size).toBeGreaterThan(1);
    expect(asMap(problemTheme)).toEqual(expected);
  });

  it('a theme no report admits is null, not an error', async () => {
    expect(await api.ask('{ problemTheme(name: "没有这个主题") { name } }')).toEqual({ problemTheme: null });
  });
});
