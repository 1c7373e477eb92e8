// The contract refuses malformed requests at the boundary, naming the field.
import { describe, expect, it } from 'vitest';
import { checkRequest, CONTRACT_VERSION, pushSchema, REQUEST_NAMES, REQUESTS } from '../../../shared/contract';

describe('the contract', () => {
  it('has a version and an argument and answer schema for every request', () => {
    expect(CONTRACT_VERSION).toBeGreaterThanOrEqual(1);
    expect(REQUEST_NAMES).toEqual(expect.arrayContaining(['scenarios', 'start', 'stop', 'subscribe', 'history', 'run', 'events', 'chart', 'compare', 'delete', 'export']));
    for (const name of REQUEST_NAMES) {
      expect(REQUESTS[name].args.safeParse).toBeTypeOf('function');
      expect(REQUESTS[name].result.safeParse).toBeTypeOf('function');
    }
  });

  it('accepts well-formed requests and fills nothing it was not given', () => {
    expect(checkRequest('start', { scenario: 'fork-loop', params: { iterations: 3, childExits: false }, timeoutS: 10 }))
      .toEqual({ ok: true, value: { scenario: 'fork-loop', params: { iterations: 3, childExits: false }, timeoutS: 10 } });
    expect(checkRequest('scenarios', undefined)).toEqual({ ok: true, value: {} });
    expect(checkRequest('events', { runId: 'r1', window: { fromUs: 0, toUs: 10_000_000 } }).ok).toBe(true);
  });

  it.each([
    ['start', { params: {} }, /start: scenario: .*expected string/],
    ['start', { scenario: 'x', params: { a: { deep: 1 } } }, /start: params\.a: /],
    ['start', { scenario: 'x', bogus: 1 }, /start: the argument has unknown field bogus/],
    ['start', { scenario: 'x', timeoutS: 0 }, /start: timeoutS: .*>0/],
    ['chart', { runId: 'r', fromUs: -1, toUs: 5, buckets: 1.5 }, /chart: fromUs: .*>=0; buckets: .*expected int/],
    ['delete', { runIds: [] }, /delete: runIds: .*>=1/],
    ['export', { runId: 'r', format: 'docx' }, /export: format: .*"html"\|"pdf"\|"csv"\|"json"\|"trace"/],
    ['history', { status: 'bogus' }, /history: status: /],
  ])('refuses a malformed %s request, naming the field', (name, args, message) => {
    const r = checkRequest(name, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-request');
      expect(r.error.message).toMatch(message);
    }
  });

  it('refuses a request name it does not have, listing those it has', () => {
    const r = checkRequest('format_disk', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    if (!r.ok) expect(r.error.message).toContain('scenarios, source, prepare, start');
  });

  it('describes every push', () => {
    expect(pushSchema.safeParse({ type: 'gap', subscription: 's1', runId: 'r', fromSeq: 10, toSeq: 20 }).success).toBe(true);
    expect(pushSchema.safeParse({ type: 'events', subscription: 's1', runId: 'r', events: [{ seq: 1, t: 0, pid: 1, ph: 'X', kind: 'op', call: 1 }] }).success).toBe(true);
    expect(pushSchema.safeParse({ type: 'nope', subscription: 's1', runId: 'r' }).success).toBe(false);
  });
});
