import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;

describe('pipe', () => {
  it(`each side receives exactly what the other sent, then EOFError, over ${REPEATS} runs`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'pipe', params: { timeUnitMs: 2, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['parent-gets-what-was-sent', 'talker-gets-reply', 'eof-after-close']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.result).toEqual({
        parentGot: [['spam', 42, 'eggs'], { name: 'Bob', spam: 42 }],
        talkerGot: ['aa', 'mm', 'pp', 'ss'],
        recvAfterClose: 'EOFError',
      });
      expect(r.prediction?.answer).toBe('EOFError');
      // The talker prints its reply before the parent's last line: the parent joins it first.
      expect(r.output.map((o) => `${o.name}: ${o.text}`)).toEqual([
        "MainProcess: parent got: ['spam', 42, 'eggs']",
        "MainProcess: parent's second recv() raised EOFError: pipe1: every copy of the other end is closed and nothing is left to read",
        "MainProcess: parent got: {'name': 'Bob', 'spam': 42}",
        "talker: talker got: ['aa', 'mm', 'pp', 'ss']",
        'MainProcess: parent exit',
      ]);
    }
  });

  it('takes no parameters of its own: an unknown one is refused, and so is a bad time unit', () => {
    const a = host.start({ scenario: 'pipe', params: { messages: 3 } });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error.message).toBe('unknown parameter "messages"; this scenario takes: timeUnitMs, seed');
    const b = host.start({ scenario: 'pipe', params: { timeUnitMs: 0 } });
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.message).toBe('parameter "timeUnitMs": 0 is out of range; allowed: an integer from 1 to 2000');
  });
});
