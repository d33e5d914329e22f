// The pieces of the HTTP limits that need no server: the bracket-depth scan
// the nesting limit runs before graphql-js parses, the CORS policy for an
// allow-list, and the server-wide count of exports in progress.
import { describe, expect, it } from 'vitest';
import { corsPolicy } from '../../../src/api/cors.js';
import { exportGate } from '../../../src/api/export-route.js';
import { queryNesting } from '../../../src/api/nesting-limit.js';

describe('queryNesting', () => {
  it('counts the brackets of the query only: strings, block strings and comments do not count', () => {
    expect(queryNesting('{ a { b(x: [[1]]) } }')).toBe(5);
    expect(queryNesting(`{ a(s: "${'['.repeat(200)}") }`)).toBe(2);
    expect(queryNesting(`{ a(s: """ \\""" ${'{'.repeat(200)} """) }`)).toBe(2);
    expect(queryNesting(`{ a # ${'('.repeat(200)}\n }`)).toBe(1);
    expect(queryNesting(`{ a(s: "\\"${'['.repeat(200)}") }`)).toBe(2);
  });

  it('stops counting past the limit it is given (a 9,000-deep literal is not scanned to the end)', () => {
    expect(queryNesting('['.repeat(9000), 64)).toBe(65);
    expect(queryNesting('['.repeat(9000))).toBe(9000);
  });
});

describe('corsPolicy', () => {
  const request = (origin?: string) => new Request('http://govgraph.test/graphql', { headers: origin ? { origin } : {} });

  it('allows nothing with an empty list, and only listed origins otherwise, each given its own name and no credentials', () => {
    expect(corsPolicy([])(request('https://a.example'))).toBe(false);
    const policy = corsPolicy(['https://a.example', 'https://b.example']);
    expect(policy(request('https://b.example'))).toMatchObject({ origin: ['https://b.example'], credentials: false });
    expect(policy(request('https://evil.example'))).toBe(false);
    expect(policy(request('https://a.example:8443'))).toBe(false);
    expect(policy(request())).toBe(false);
  });
});

describe('exportGate', () => {
  it('hands out as many slots as its limit, and a released slot (released once, however often called) to the next', () => {
    const gate = exportGate({ concurrency: 2, anonymousReports: 100 });
    const first = gate.tryAcquire();
    const second = gate.tryAcquire();
    expect(first && second).toBeTruthy();
    expect(gate.tryAcquire()).toBeNull();
    first!();
    first!();
    expect(gate.active()).toBe(1);
    expect(gate.tryAcquire()).not.toBeNull();
    expect(gate.tryAcquire()).toBeNull();
  });
});
