// manager-namespace: a producer stores a value in a manager Namespace and sets an Event;
// a consumer reads before waiting (may be too early) and after. The mutable variants show
// that a read hands out a copy.
import { managerNamespaceMeta } from '../../../shared/scenarios/manager-namespace';
import { VALUE } from '../../../shared/scenarios/data/manager-namespace';
import type { Event, Namespace } from '../../worker/handles';
import { definePrograms } from './program';

export const managerNamespacePrograms = definePrograms(managerNamespaceMeta, {
  main: async (lab) => {
    const ns = lab.manager().namespace({ name: 'ns' });
    const ready = lab.event({ name: 'ready' });
    if (lab.params.variant !== 'value') await ns.set('my_list', []);
    const c = await lab.spawn('consumer', [ns, ready]);
    const p = await lab.spawn('producer', [ns, ready]);
    await c.join();
    await p.join();
  },
  producer: async (lab, ns: Namespace, ready: Event) => {
    const variant = lab.params.variant;
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
    // As the seed prints them: str() of the value (a list as ['...']), and in the mutable
    // examples "After event :" with a space before the colon.
    const attr = lab.params.variant === 'value' ? 'value' : 'my_list';
    const afterLabel = lab.params.variant === 'value' ? 'After event:' : 'After event :';
    try {
      const v = await ns.get(attr);
      lab.print('Before event:', v);
      lab.result('before', { ok: true, value: v });
    } catch (e) {
      lab.print('Before event, error:', (e as Error).message);
      lab.result('before', { ok: false, error: (e as Error).message });
    }
    await ready.wait();
    const after = await ns.get(attr);
    lab.print(afterLabel, after);
    lab.result('after', after);
  },
});
