// The embedded store's read cache: least recently used out first, bounded by
// entries and by approximate size, results too large not kept, and a read that
// began before a write never fills the cache after it.
import { describe, expect, it } from 'vitest';
import { ReadCache } from '../../../src/store/read-cache.js';

const rows = (text: string) => [{ name: text }];

describe('ReadCache', () => {
  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new ReadCache({ maxEntries: 2 });
    cache.set('a', rows('a'), cache.begin());
    cache.set('b', rows('b'), cache.begin());
    expect(cache.get('a')).toEqual(rows('a')); // a is now the most recent
    cache.set('c', rows('c'), cache.begin());
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(rows('a'));
    expect(cache.get('c')).toEqual(rows('c'));
    expect(cache.size).toBe(2);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 3, misses: 1 });
  });

  it('keeps at most maxChars of results, and no single result over maxEntryChars', () => {
    const cache = new ReadCache({ maxChars: 250, maxEntryChars: 200 });
    cache.set('big', rows('x'.repeat(300)), cache.begin());
    expect(cache.get('big')).toBeUndefined();
    cache.set('one', rows('x'.repeat(100)), cache.begin());
    cache.set('two', rows('y'.repeat(100)), cache.begin());
    expect(cache.size).toBe(2);
    cache.set('three', rows('z'.repeat(100)), cache.begin());
    expect(cache.get('one')).toBeUndefined();
    expect(cache.get('two')).toBeDefined();
    expect(cache.get('three')).toBeDefined();
  });

  it('forgets everything on invalidate, and refuses rows read before it', () => {
    const cache = new ReadCache();
    cache.set('a', rows('a'), cache.begin());
    const before = cache.begin();
    cache.invalidate();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('b', rows('b'), before)).toEqual(rows('b')); // the caller still gets its rows
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', rows('b'), cache.begin());
    expect(cache.get('b')).toEqual(rows('b'));
  });

  it('drops, on a write that says what it touched, the results depending on it and every general one, and keeps the rest', () => {
    const cache = new ReadCache();
    const g = cache.begin();
    cache.set('report A', rows('a'), g, ['report:A']);
    cache.set('reports A and B', rows('ab'), g, ['report:A', 'report:B']);
    cache.set('report C', rows('c'), g, ['report:C']);
    cache.set('jurisdiction 510604', rows('j'), g, ['jurisdiction:510604']);
    cache.set('a ranking', rows('r'), g);
    cache.invalidate(['report:B', 'jurisdiction:510604']);
    expect(cache.get('report A')).toEqual(rows('a'));
    expect(cache.get('report C')).toEqual(rows('c'));
    expect(cache.get('reports A and B')).toBeUndefined();
    expect(cache.get('jurisdiction 510604')).toBeUndefined();
    expect(cache.get('a ranking')).toBeUndefined();
    // a kept entry still answers to its own keys afterwards
    cache.invalidate(['report:A']);
    expect(cache.get('report A')).toBeUndefined();
    expect(cache.get('report C')).toEqual(rows('c'));
  });

  it('indexes only what it keeps: a replaced or evicted entry leaves no trace to invalidate by', () => {
    const cache = new ReadCache({ maxEntries: 1 });
    cache.set('k', rows('old'), cache.begin(), ['report:A']);
    cache.set('k', rows('new'), cache.begin(), ['report:B']);
    cache.invalidate(['report:A']);
    expect(cache.get('k')).toEqual(rows('new'));
    cache.set('other', rows('o'), cache.begin(), ['report:C']); // evicts k
    cache.invalidate(['report:B']);
    expect(cache.get('other')).toEqual(rows('o'));
    cache.invalidate(['report:C']);
    expect(cache.get('other')).toBeUndefined();
  });
});
