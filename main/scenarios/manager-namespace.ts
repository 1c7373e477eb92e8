// manager-namespace: a producer stores a value in a manager Namespace and sets an Event;
// a consumer reads before waiting (may be too early) and after. The mutable variants show
// that a read hands out a copy.
import { isDeepStrictEqual } from 'node:util';
import { managerNamespaceMeta } from '../../shared/scenarios/manager-namespace';
import type { Event, Namespace } from '../worker/handles';
import { completion, endingOf } from './judging';
import type { Scenario } from './scenario';

const VALUE = 'This is the value';
type Variant = 'value' | 'mutable-gotcha' | 'mutable-fixed';
const attrOf = (v: Variant) => (v === 'value' ? 'value' : 'my_list');

export const managerNamespace: Scenario = {
  meta: managerNamespaceMeta,
  programs: {
    main: async (lab) => {
      const variant = lab.params.variant as Variant;
      const ns = lab.manager().namespace({ name: 'ns' });
      const ready = lab.event({ name: 'ready' });
      if (variant !== 'value') await ns.set('my_list', []);
      const c = await lab.spawn('consumer', [ns, ready], { name: 'consumer' });
      const p = await lab.spawn('producer', [ns, ready], { name: 'producer' });
      await c.join();
      await p.join();
    },
    producer: async (lab, ns: Namespace, ready: Event) => {
      const variant = lab.params.variant as Variant;
      if (variant === 'value') {
        await ns.set('value', VALUE);
      } else {
        const list = await ns.get<string[]>('my_list'); // a copy of the list
        list.push(VALUE);                                // changes the copy only
        if (variant === 'mutable-fixed') await ns.set('my_list', list); // the fix: store it back
      }
      await ready.set();
    },
    consumer: async (lab, ns: Namespace, ready: Event) => {
      const attr = attrOf(lab.params.variant as Variant);
      try {
        const v = await ns.get(attr);
        lab.print(`Before event: ${JSON.stringify(v)}`);
        lab.result('before', { ok: true, value: v });
      } catch (e) {
        lab.print(`Before event, error: ${(e as Error).message}`);
        lab.result('before', { ok: false, error: (e as Error).message });
      }
      await ready.wait();
      const after = await ns.get(attr);
      lab.print(`After event: ${JSON.stringify(after)}`);
      lab.result('after', after);
    },
  },
  check(run, params) {
    const end = endingOf(run);
    const variant = params.variant as Variant;
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
    const descriptions: Record<Variant, string> = {
      'value': 'the read after the event sees the value',
      'mutable-gotcha': 'the consumer sees an empty list after the event (the append was not propagated)',
      'mutable-fixed': 'the consumer sees the appended value after the event',
    };
    const afterPoint = { reached: readAfter, point: 'before the consumer read after the event', involved: both };
    const invariants = [
      completion(end, 'after-read', descriptions[variant], isDeepStrictEqual(after, expected),
        readAfter ? `read ${JSON.stringify(after)}, expected ${JSON.stringify(expected)}` : `the consumer never read after the event; expected ${JSON.stringify(expected)}`, afterPoint),
      completion(end, 'after-read-follows-set', 'the second read happens after the event was set',
        !!setEv && !!lastRead && readAfter && lastRead.seq > setEv.seq,
        setEv && lastRead && readAfter ? `set at ${setEv.t} µs, read at ${lastRead.t} µs` : `${setEv ? `set at ${setEv.t} µs` : 'the event was never set'}; the consumer's read after it is missing`, afterPoint),
      completion(end, 'before-read-shown', 'the read before the event shows what happened (an error or a value)', before !== undefined,
        before === undefined ? 'no first read recorded' : before.ok ? `the consumer read ${JSON.stringify(before.value)} before the event` : `the consumer read too early: ${before.error}`,
        { reached: before !== undefined, point: 'before the consumer\'s first read', involved: consumer ? [consumer] : [] }),
    ];
    return { invariants, result: { variant, before: before ?? null, after: after ?? null } };
  },
};
