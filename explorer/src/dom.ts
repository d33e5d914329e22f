// Tiny DOM helpers: every piece of data goes in as text, never as HTML, so a
// report sentence can never inject markup.
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page lacks #${id}`);
  return element as T;
}

/** The sentence with every occurrence of the surface forms marked (longest first where they overlap), as DOM nodes. */
export function highlighted(sentence: string, surfaces: readonly string[]): (Node | string)[] {
  const marked = new Array<boolean>(sentence.length).fill(false);
  for (const surface of [...surfaces].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let at = sentence.indexOf(surface); at >= 0; at = sentence.indexOf(surface, at + surface.length)) {
      if (marked.slice(at, at + surface.length).some(Boolean)) continue;
      marked.fill(true, at, at + surface.length);
    }
  }
  const parts: (Node | string)[] = [];
  let from = 0;
  for (let i = 1; i <= sentence.length; i++) {
    if (i === sentence.length || marked[i] !== marked[from]) {
      const text = sentence.slice(from, i);
      parts.push(marked[from] ? el('mark', {}, text) : text);
      from = i;
    }
  }
  return parts;
}
