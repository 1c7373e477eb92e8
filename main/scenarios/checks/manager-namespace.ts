// manager-namespace's checks (programs: main/scenarios/programs/manager-namespace.ts): what the
// consumer reads after the event, for each variant, and that its first read is shown.
import { isDeepStrictEqual } from 'node:util';
import { managerNamespaceMeta } from '../../../shared/scenarios/manager-namespace';
import { VALUE } from '../../../shared/scenarios/data/manager-namespace';
import { completion, endingOf } from './judging';
import type { Checks } from './scenario';
import { pyRepr } from '../../../shared/py-format';

export const managerNamespace: Checks<typeof managerNamespaceMeta> = {
  meta: managerNamespaceMeta,
  check(run, params) {
    const end = endingOf(run);
    const variant = params.variant;
    const r = run.results();
    const before = r.before as { ok: boolean; value?: unknown; error?: string } | undefined;
    const after = r.after;
    const expected = variant === 'value' ? VALUE : variant === 'mutable-gotcha' ? [] : [VALUE];
    const setEv = run.ops('ready', 'set')[0];
    const consumer = run.processes.find((p) => p.program === 'consumer');
    const both = run.processes.filter((p) => p.program === 'consumer' || p.program === 'producer');
    const reads = consumer ? run.ops('ns', 'get').filter((e) => e.pid === consumer.pid) : [];
    const lastRead = reads[reads.length - 1];
    const readAfter = after !== undefined;
    const descriptions: Record<typeof variant, string> = {
      'value': 'the read after the event sees the value',
      'mutable-gotcha': 'the consumer sees an empty list after the event (the append was not propagated)',
      'mutable-fixed': 'the consumer sees the appended value after the event',
    };
    const afterPoint = { reached: readAfter, point: 'before the consumer read after the event', involved: both };
    const invariants = [
      completion(end, 'after-read', descriptions[variant], isDeepStrictEqual(after, expected),
        readAfter ? `read ${pyRepr(after)}, expected ${pyRepr(expected)}` : `the consumer never read after the event; expected ${pyRepr(expected)}`, afterPoint),
      completion(end, 'after-read-follows-set', 'the second read happens after the event was set',
        !!setEv && !!lastRead && readAfter && lastRead.seq > setEv.seq,
        setEv && lastRead && readAfter ? `set at ${setEv.t} µs, read at ${lastRead.t} µs` : `${setEv ? `set at ${setEv.t} µs` : 'the event was never set'}; the consumer's read after it is missing`, afterPoint),
      completion(end, 'before-read-shown', 'the read before the event shows what happened (an error or a value)', before !== undefined,
        before === undefined ? 'no first read recorded' : before.ok ? `the consumer read ${pyRepr(before.value)} before the event` : `the consumer read too early: ${before.error}`,
        { reached: before !== undefined, point: 'before the consumer\'s first read', involved: consumer ? [consumer] : [] }),
    ];
    return { invariants, result: { variant, before: before ?? null, after: after ?? null } };
  },
};
