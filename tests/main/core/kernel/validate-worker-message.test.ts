import { afterAll, describe, expect, it } from 'vitest';
import { parseWorkerMessage } from '../../../../main/core/kernel/validate-worker-message';
import { newHost, probe } from '../../../support/lab-host';

describe('parseWorkerMessage', () => {
  it.each([
    ['a string', 'hello', /must be an object, got string/],
    ['null', null, /must be an object, got null/],
    ['an unknown type', { t: 'shout', ack: 0 }, /unknown message type "shout"/],
    ['no ack', { t: 'calls', c: [] }, /needs "ack"/],
    ['an idle without ack', { t: 'idle' }, /needs "ack"/],
    ['calls not an array', { t: 'calls', ack: 0, c: 'x' }, /needs "c", an array/],
    ['a short call', { t: 'calls', ack: 0, c: [[1, 'q']] }, /\[callId, objectId, op, args\]/],
    ['a bad op name', { t: 'calls', ack: 0, c: [[1, 'q', 'DROP TABLE', []]] }, /op must be a lower-case name/],
    ['args not an array', { t: 'calls', ack: 0, c: [[1, 'q', 'get', 5]] }, /args must be an array/],
  ])('refuses %s with a message that says what is wrong', (_label, msg, pattern) => {
    const r = parseWorkerMessage(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('BadMessage'); expect(r.error.message).toMatch(pattern); }
  });

  it('keeps the ids of every call in a refused message so the worker can be answered', () => {
    const r = parseWorkerMessage({ t: 'calls', ack: 0, c: [[6, 'q', 'get', []], [7, 'q', 'get', 'oops'], [0, 'q', 'put', [1]]] });
    expect(r).toMatchObject({ ok: false, callIds: [6, 7] });
  });

  it('accepts well-formed messages', () => {
    expect(parseWorkerMessage({ t: 'calls', ack: 2, c: [[1, 'q', 'get', [true, null]]] })).toEqual({ ok: true, msg: { t: 'calls', ack: 2, c: [[1, 'q', 'get', [true, null]]] } });
    expect(parseWorkerMessage({ t: 'idle', ack: 3 })).toEqual({ ok: true, msg: { t: 'idle', ack: 3 } });
  });
});

describe('malformed messages from a real worker', () => {
  const host = newHost();
  afterAll(() => host.close());

  it('are recorded as errors and the kernel goes on serving', async () => {
    const { report, record } = await probe(host, 'bad-messages');
    expect(report.status).toBe('completed');
    expect(report.result.after).toBe('still works');
    const errors = record.events.filter((e) => e.kind === 'error').map((e) => e.text);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/must be an object/),
      expect.stringMatching(/unknown message type "shout"/),
      expect.stringMatching(/needs "c"/),
      expect.stringMatching(/malformed call/),
      expect.stringMatching(/no object with id "no-such-object"/),
      expect.stringMatching(/has no operation "format_disk"/),
      expect.stringMatching(/must be one JSON text/),
      expect.stringMatching(/has no operation "constructor"/),
    ]));
    // The messages without a call id were refused by notice: the next operations raised it.
    expect(report.result.raised).toEqual(['BadMessage', 'none']);
  });
});
