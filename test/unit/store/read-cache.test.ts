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
});
