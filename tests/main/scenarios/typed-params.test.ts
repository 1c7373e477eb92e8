// Programs and checks get their parameters typed from the scenario's metadata (defineMeta,
// ParamsOf), not cast (`lab.params.x as number`). `npm run typecheck` compiles this file: each
// expectTypeOf and each expected error below is a check the compiler makes (an expected error
// that does not happen is itself an error). At run time: the values a run is really given
// have the types the programs are told they have.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ParamsOf } from '../../../shared/scenario-meta';
import { forkLoopMeta } from '../../../shared/scenarios/fork-loop';
import { producerConsumerMeta } from '../../../shared/scenarios/producer-consumer';
import { checkRunRequest } from '../../../main/core/runs/run-request';
import type { Checks } from '../../../main/scenarios/checks/scenario';
import { SCENARIOS } from '../../../main/scenarios/checks/registry';
import { definePrograms, type LabOf } from '../../../main/scenarios/programs/program';

type ForkLoop = ParamsOf<typeof forkLoopMeta>;

describe('typed parameters', () => {
  it('a program reads each parameter with its spec\'s type, the common ones included', () => {
    expectTypeOf<ForkLoop['iterations']>().toEqualTypeOf<number>();
    expectTypeOf<ForkLoop['childExits']>().toEqualTypeOf<boolean>();
    expectTypeOf<ForkLoop['timeUnitMs']>().toEqualTypeOf<number>();
    expectTypeOf<ParamsOf<typeof producerConsumerMeta>['ending']>().toEqualTypeOf<'daemon' | 'poison-pill' | 'joinable' | 'none'>();
    expectTypeOf<LabOf<typeof forkLoopMeta>['params']>().toEqualTypeOf<ForkLoop>();
    // A check gets the same parameters.
    expectTypeOf<Parameters<Checks<typeof forkLoopMeta>['check']>[1]>().toEqualTypeOf<ForkLoop>();
  });

  it('a misspelt parameter, a wrong type, a missing or an unknown program does not compile', () => {
    const read = (lab: LabOf<typeof forkLoopMeta>) => {
      // @ts-expect-error no parameter "iteration" (it is "iterations")
      const misspelt = lab.params.iteration;
      // @ts-expect-error childExits is a boolean
      const wrong: string = lab.params.childExits;
      return [misspelt, wrong];
    };
    const body = async () => {};
    // fork-loop's metadata names 'main' and 'child'.
    // @ts-expect-error the program 'child' is missing
    const missing = () => definePrograms(forkLoopMeta, { main: body });
    // @ts-expect-error 'grandchild' is not one of its programs
    const unknown = () => definePrograms(forkLoopMeta, { main: body, child: body, grandchild: body });
    expect([read, missing, unknown].every((f) => typeof f === 'function')).toBe(true);
  });

  it.each(SCENARIOS.map((s) => [s.meta.id, s] as const))('%s: a run is given each parameter with the type its spec says', (id, s) => {
    const r = checkRunRequest({ scenario: id });
    if (!r.ok) throw new Error(r.error.message);
    for (const spec of s.meta.params) {
      const v = r.value.params[spec.name];
      if (spec.type === 'int') expect(Number.isInteger(v), spec.name).toBe(true);
      else if (spec.type === 'bool') expect(typeof v, spec.name).toBe('boolean');
      else expect(spec.values, spec.name).toContain(v);
    }
  });
});
