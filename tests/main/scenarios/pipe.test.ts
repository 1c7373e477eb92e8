import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;

describe('pipe', () => {
  it(`each side receives exactly what the other sent, then EOFError, and the set prints in a run-varying order, over ${REPEATS} runs`, async () => {
    const orders = new Set<string>();
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'pipe', params: { timeUnitMs: 2, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['parent-gets-what-was-sent', 'talker-gets-reply', 'eof-after-close']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      // The reply travels as a set ({x * 2 for x in 'spam'}), in the order the parent built it.
      expect(r.result).toEqual({
        parentGot: [['spam', 42, 'eggs'], { name: 'Bob', spam: 42 }],
        talkerGot: { $py: 'set', items: ['ss', 'pp', 'aa', 'mm'] },
        recvAfterClose: 'EOFError',
      });
      expect(r.invariants[1].detail).toBe("the parent replied {'ss', 'pp', 'aa', 'mm'}; the talker received {'ss', 'pp', 'aa', 'mm'}");
      expect(r.prediction?.answer).toBe('EOFError');
      // The talker prints its reply before the parent's last line: the parent joins it first.
      // Default names, as Python gives them: the sender is Process-1, the talker Process-2.
      const lines = r.output.map((o) => `${o.name}: ${o.text}`);
      expect(lines.filter((l) => !l.startsWith('Process-2: talker got: '))).toEqual([
        "MainProcess: parent got: ['spam', 42, 'eggs']",
        "MainProcess: parent's second recv() raised EOFError: pipe1: every copy of the other end is closed and nothing is left to read",
        "MainProcess: parent got: {'name': 'Bob', 'spam': 42}",
        'MainProcess: parent exit',
      ]);
      const set = /^Process-2: talker got: \{(.*)\}$/.exec(lines[3]);
      expect(set, lines[3]).not.toBeNull();
      expect(set![1].split(', ').sort()).toEqual(["'aa'", "'mm'", "'pp'", "'ss'"]);
      orders.add(set![1]);
    }
    // Like Python's salted string hashes, the order changes from run to run.
    expect(orders.size, [...orders].join(' | ')).toBeGreaterThan(2);
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
