// The question box: a question in Chinese goes to the API's `ask`; the answer
// panel shows the sentence, how each word was read, the query in GraphiQL,
// the jurisdictions found (each opens its neighbourhood) and, for a spread,
// the map; a refused question shows why and questions to try instead.
import { type AskAnswer, ApiError, ask, graphiqlUrl } from './api.js';
import { byId, el } from './dom.js';

/** The jurisdictions an answer names, with their ids: what the panel offers to open. */
function jurisdictionsOf(answer: AskAnswer): { id: string; fullName: string }[] {
  const d = answer.data ?? {};
  const list = d.jurisdictions?.nodes ?? d.recurringProblemThemes?.nodes?.map((r: { jurisdiction: unknown }) => r.jurisdiction) ?? [];
  const single = [d.jurisdiction, d.compareJurisdictions?.a, d.compareJurisdictions?.b].filter(Boolean);
  const seen = new Map<string, { id: string; fullName: string }>();
  for (const j of [...list, ...single]) if (j?.id && !seen.has(j.id)) seen.set(j.id, j);
  return [...seen.values()].slice(0, 30);
}

/** Where the map shows what the question was about (a spread, or which jurisdictions name one thing). */
function mapLink(answer: AskAnswer): string | null {
  const v = answer.variables ?? {};
  const filter = (v.filter ?? {}) as Record<string, string | undefined>;
  const subject: [string, string | undefined][] = [
    ['initiative', (v.initiative as string | undefined) ?? filter.mentionsInitiative],
    ['regulation', (v.regulation as string | undefined) ?? filter.citesRegulation],
    ['theme', (v.theme as string | undefined) ?? filter.problemTheme],
  ];
  const found = subject.find(([, value]) => value);
  return found ? `/explore/map.html?${new URLSearchParams({ [found[0]]: found[1] as string })}` : null;
}

function render(answer: AskAnswer, question: string, openJurisdiction: (id: string) => void, retry: (q: string) => void): void {
  const panel = byId('answer');
  panel.hidden = false;
  panel.classList.toggle('refused', !answer.understood);
  const children: (Node | string)[] = [
    el('h2', { id: 'answer-title' }, `${answer.understood ? 'Answer 回答' : 'Not understood 未能读懂'}: ${question}`),
    el('p', { class: 'text' }, answer.answer),
    el('ul', { class: 'reading', 'aria-label': 'How the question was read' }, ...answer.reading.map((w) => el('li', {}, `${w.text} → ${w.means}`))),
  ];
  if (answer.understood && answer.graphql) {
    const found = jurisdictionsOf(answer);
    if (found.length) {
      children.push(
        el(
          'ul',
          { class: 'found', 'aria-label': 'Jurisdictions in the answer' },
          ...found.map((j) => {
            const button = el('button', { type: 'button' }, j.fullName);
            button.addEventListener('click', () => openJurisdiction(j.id));
            return el('li', {}, button);
          }),
        ),
      );
    }
    children.push(el('a', { href: graphiqlUrl(answer.graphql, answer.variables ?? {}), target: '_blank', rel: 'noopener' }, 'This query in GraphiQL ↗'));
    const map = mapLink(answer);
    if (map) children.push(el('a', { href: map }, 'On the map 地图 →'));
  } else {
    children.push(
      el(
        'ul',
        { class: 'suggestions', 'aria-label': 'Questions to try' },
        ...answer.suggestions.map((s) => {
          const button = el('button', { type: 'button' }, s);
          button.addEventListener('click', () => retry(s));
          return el('li', {}, button);
        }),
      ),
    );
  }
  panel.replaceChildren(...children);
}

/** Wires the question box; `openJurisdiction` shows a jurisdiction's neighbourhood. */
export function bindAsk(openJurisdiction: (id: string) => void, onError: (message: string) => void): void {
  const input = byId<HTMLInputElement>('ask-input');
  const run = async (question: string) => {
    input.value = question;
    try {
      render(await ask(question), question, openJurisdiction, (q) => void run(q));
    } catch (error) {
      onError(error instanceof ApiError ? error.message : 'Something went wrong; see the server log.');
    }
  };
  byId<HTMLFormElement>('ask-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) void run(input.value.trim());
  });
}
