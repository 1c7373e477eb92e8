import { describe, expect, it } from 'vitest';
import { encodeValue, registerClasses, reviveValue, setHashSeed } from '../../../main/worker/codec';
import type { KernelClient } from '../../../main/worker/kernel-client';

// Sets and registered objects need no kernel to come back to life; handles do, and none travel here.
const noKernel = undefined as unknown as KernelClient;
/** What the other process sees: the encoded value as JSON text, parsed and revived there. */
const travel = (v: unknown) => reviveValue(noKernel, JSON.parse(JSON.stringify(encodeValue(v))));

class Fancy {
  constructor(readonly who: string, readonly count: number) {}
  greet(processName: string) { return `Doing something fancy in ${processName} for ${this.who}!`; }
}
class Unlisted { x = 1; }
registerClasses([Fancy]);

describe('what travels between processes', () => {
  it('an object of a listed class arrives as that class, with its fields and its methods', () => {
    const got = travel({ task: new Fancy('Fancy Dan', 2) }) as { task: Fancy };
    expect(got.task).toBeInstanceOf(Fancy);
    expect(got.task.count).toBe(2);
    expect(got.task.greet('Process-1')).toBe('Doing something fancy in Process-1 for Fancy Dan!');
  });

  it('refuses an object of an unlisted class and a function, saying what may travel', () => {
    expect(() => encodeValue(new Unlisted())).toThrow(/a Unlisted cannot travel between processes; .*travelling classes/);
    expect(() => encodeValue([() => 1])).toThrow(/a function cannot travel .*cannot pickle a lambda/);
  });

  it('a class the receiving side does not know fails as pickle does there', () => {
    expect(() => reviveValue(noKernel, { $py: 'object', cls: 'Nowhere', fields: {} })).toThrow(/Can't get attribute 'Nowhere'/);
  });

  it('a set arrives as a set, its order fixed by the run\'s hash salt: the same within a run, different across runs', () => {
    const letters = new Set(['ss', 'pp', 'aa', 'mm']);
    setHashSeed(1);
    const first = [...(travel(letters) as Set<string>)];
    expect(new Set(first)).toEqual(letters);
    expect([...(travel(new Set(['mm', 'aa', 'pp', 'ss'])) as Set<string>)]).toEqual(first);
    const orders = new Set<string>();
    for (let seed = 0; seed < 40; seed++) { setHashSeed(seed); orders.add([...(travel(letters) as Set<string>)].join()); }
    expect(orders.size).toBeGreaterThan(5);
  });
});
