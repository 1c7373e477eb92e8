// manager-dict's checks (programs: main/scenarios/programs/manager-dict.ts): the final dict is
// {i: 2i}, each worker wrote its key once, before the parent read the dict.
import { isDeepStrictEqual } from 'node:util';
import { managerDictMeta } from '../../../shared/scenarios/manager-dict';
import { completion, endingOf } from './judging';
import type { Checks } from './scenario';
import { argOf } from '../../../shared/event-values';

export const managerDict: Checks<typeof managerDictMeta> = {
  meta: managerDictMeta,
  check(run, params) {
    const end = endingOf(run);
    const n = params.workers;
    const root = run.root();
    const rootPid = root?.pid;
    const expected = Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), i * 2]));
    const final = run.results().dict as Record<string, number> | undefined;
    const sets = run.ops('d', 'set');
    const writeOrder = sets.map((e) => argOf(e, 0, 'ManagerDict')).filter((a) => a.ok).map((a) => (a as { value: number }).value);
    const read = run.ops('d', 'entries').find((e) => e.pid === rootPid);
    const lastJoin = run.events.filter((e) => e.kind === 'op' && e.op === 'join' && e.pid === rootPid && (e.ph === 'X' || e.ph === 'E')).pop();
    const late = read ? sets.filter((e) => e.seq > read.seq) : sets;
    const missing = Object.keys(expected).filter((k) => final?.[k] !== expected[k]);
    const extra = Object.keys(final ?? {}).filter((k) => !(k in expected));
    const twice = writeOrder.filter((k, i) => writeOrder.indexOf(k) !== i);
    const everyone = [...(root ? [root] : []), ...run.byProgram('worker')];
    const printed = { reached: final !== undefined, point: 'before the parent printed the dict', involved: everyone };
    return {
      invariants: [
        completion(end, 'final-dict', `the final dict is exactly {i: 2i} for i in 0..${n - 1}`, isDeepStrictEqual(final, expected),
          !final ? 'the parent never printed the dict'
            : missing.length || extra.length ? `wrong or missing keys: ${missing.join(', ') || 'none'}; unexpected keys: ${extra.join(', ') || 'none'}`
              : `${Object.keys(final).length} keys, each holding twice its key`, printed),
        completion(end, 'one-write-per-worker', 'each worker wrote its key once, before the parent read the dict',
          sets.length === n && twice.length === 0 && late.length === 0 && !!read && !!lastJoin && lastJoin.seq < read.seq,
          `${sets.length} writes (keys in arrival order: ${writeOrder.join(', ')})`
            + `${twice.length ? `; written more than once: ${twice.join(', ')}` : ''}${late.length && read ? `; ${late.length} came after the read` : ''}`
            + `${read && lastJoin && lastJoin.seq < read.seq ? '; the parent read after its last join returned' : '; the parent did not read after joining'}`,
          { reached: !!read, point: 'before the parent read the dict', involved: everyone, brokenSoFar: twice.length > 0 }),
      ],
      result: { dict: final ?? null, keys: final ? Object.keys(final).length : null, writeOrder },
      notes: writeOrder.length ? [`The workers' writes reached the dict in this order of keys: ${writeOrder.join(', ')}. Another run may give another order.`] : [],
    };
  },
};
