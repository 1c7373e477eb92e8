// event-signal: two children wait on one Event, one for as long as it takes, one with a
// timeout; the parent sets the event after setAfterUnits.
import { eventSignalMeta } from '../../../shared/scenarios/event-signal';
import type { Event } from '../../worker/handles';
import { definePrograms } from './program';

export const eventSignalPrograms = definePrograms(eventSignalMeta, {
  main: async (lab) => {
    const e = lab.event({ name: 'event' });
    const block = await lab.spawn('waitForEvent', [e], { name: 'block' });
    const nonblock = await lab.spawn('waitForEventTimeout', [e, lab.params.timeoutUnits], { name: 'nonblock' });
    lab.print('main: waiting before calling Event.set()');
    await lab.sleep(lab.params.setAfterUnits);
    await e.set();
    lab.print('main: event is set');
    await block.join();
    await nonblock.join();
  },
  // The lines are the seed's: the flag as Python prints a bool (True / False).
  waitForEvent: async (lab, e: Event) => {
    lab.print('wait_for_event: starting');
    await e.wait();
    lab.print('wait_for_event: e.is_set()->', await e.isSet());
  },
  waitForEventTimeout: async (lab, e: Event, t: number) => {
    lab.print('wait_for_event_timeout: starting');
    await e.wait(t); // returns quietly when the time is up, set or not
    lab.print('wait_for_event_timeout: e.is_set()->', await e.isSet());
  },
});
