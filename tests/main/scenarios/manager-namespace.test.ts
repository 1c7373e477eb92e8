import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 6;

describe('manager-namespace', () => {
  it.each([
    ['value', 'This is the value'],
    ['mutable-gotcha', []],
    ['mutable-fixed', ['This is the value']],
  ])(`variant %s: the read after the event sees %j, over ${REPEATS} runs`, async (variant, expected) => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'manager-namespace', params: { variant, timeUnitMs: 5, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.result.variant).toBe(variant);
      expect(r.result.after).toEqual(expected);
      // Its detail shows the values as Python's repr does: 'This is the value', ['This is the value'].
      const after = r.invariants.find((x) => x.id === 'after-read')!;
      expect(after.detail).toContain(`read ${variant === 'value' ? "'This is the value'" : variant === 'mutable-gotcha' ? '[]' : "['This is the value']"}`);
      const before = r.result.before as { ok: boolean; value?: unknown; error?: string };
      // The early read shows what happened in this run: an error, or a value the producer had stored.
      if (before.ok) expect([undefined, 'This is the value', [], ['This is the value']]).toContainEqual(before.value);
      else expect(before.error).toBe("'Namespace' object has no attribute 'value'");
    }
  });

  it('refuses an unknown variant, naming the allowed ones', () => {
    const r = host.start({ scenario: 'manager-namespace', params: { variant: 'other' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('parameter "variant": "other" is not allowed; allowed: one of value, mutable-gotcha, mutable-fixed');
  });
});
