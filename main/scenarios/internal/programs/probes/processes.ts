// Probes for processes: daemon termination, join timeouts, exit codes, the Pool,
// a worker killed from outside, a missing wake-up, and malformed protocol messages.
import type { Event, Queue } from '../../../../worker/handles';
import type { Lab } from '../../../../worker/lab';
import { sendRawText } from '../../../../worker/host-channel';
import { errorCode, type ProbeSet } from './probe-set';

export const processProbes = {
  main: {
    /** At exit, daemon children are terminated and the others are waited for. */
    'daemon': async (lab) => {
      const d = await lab.spawn('forever', [], { name: 'daemon', daemon: true });
      const n = await lab.spawn('briefly', [3], { name: 'worker' });
      await n.join(0.5);
      lab.result('aliveAfterShortJoin', await n.isAlive());
      lab.result('daemonPid', d.pid);
      lab.result('workerPid', n.pid);
      lab.print('parent done');
    },
    'exit-codes': async (lab) => {
      const ok = await lab.spawn('briefly', [0], { name: 'ok' });
      const bad = await lab.spawn('exitWith', [3], { name: 'three' });
      const boom = await lab.spawn('throws', [], { name: 'boom' });
      const forever = await lab.spawn('forever', [], { name: 'terminated' });
      await ok.join(); await bad.join(); await boom.join();
      await forever.terminate();
      await forever.join();
      lab.result('codes', [ok.exitcode, bad.exitcode, boom.exitcode, forever.exitcode]);
    },
    /** Pool.map with an initializer and maxTasksPerChild. */
    'pool': async (lab) => {
      const pool = await lab.pool(3, { initializer: 'announce', maxTasksPerChild: 2 });
      const out = await pool.map('double', Array.from({ length: 10 }, (_, i) => i));
      await pool.close();
      await pool.join();
      lab.result('output', out);
      lab.result('workers', pool.processes.map((p) => p.pid));
    },
    /** The child waits in a long get(); the test kills it with SIGKILL from outside. */
    'victim': async (lab) => {
      const q = lab.queue({ name: 'q' });
      const v = await lab.spawn('blockedGetter', [q], { name: 'victim' });
      lab.result('victimPid', v.pid);
      await v.join();
      lab.result('victimExitcode', v.exitcode);
    },
    /** Nobody will ever set the event: the run must end "hung", naming the waiter. */
    'missing-wakeup': async (lab) => {
      const e = lab.event({ name: 'never' });
      const w = await lab.spawn('eventWaiterForever', [e], { name: 'waiter' });
      await w.join();
    },
    /**
     * Sends garbage on the raw channel, then shows the kernel still answers. Refusals of
     * messages that carried no call id come back as notices: the next operations raise them.
     */
    'bad-messages': async (lab) => {
      const send = (m: unknown) => sendRawText(JSON.stringify(m));
      send('not an object');
      sendRawText('{"t":"calls", oops');
      send({ t: 'shout' });
      send({ t: 'calls', ack: 1, c: 'nope' });
      send({ t: 'calls', ack: 1, c: [[7, 'x']] });
      send({ t: 'calls', ack: 1, c: [[8, 'no-such-object', 'get', []]] });
      send({ t: 'calls', ack: 1, c: [[9, '$k', 'format_disk', []]] });
      send({ t: 'calls', ack: 1, c: [[10, '$k', 'constructor', []]] });
      const raised = new Set<string>();
      for (let i = 0; i < 4; i++) raised.add(await errorCode(lab.sleep(0.5)));
      lab.result('raised', [...raised].sort());
      const q = lab.queue({ name: 'q' });
      await q.put('still works');
      lab.result('after', await q.get());
    },
    /** Many processes in a row, to check that every pid is gone afterwards. */
    'many': async (lab) => {
      const kids = [];
      for (let i = 0; i < 12; i++) kids.push(await lab.spawn('briefly', [0]));
      for (const k of kids) await k.join();
      lab.result('pids', kids.map((k) => k.pid));
    },
  },
  helpers: {
    forever: async (lab) => { for (;;) await lab.sleep(1); },
    briefly: async (lab, units: number) => { await lab.sleep(units); },
    exitWith: async (lab, code: number) => { await lab.exit(code); },
    throws: async () => { throw new Error('deliberate failure'); },
    blockedGetter: async (lab, q: Queue) => { await q.get({ timeout: 500 }); },
    eventWaiterForever: async (lab, e: Event) => { await e.wait(); },
  },
  functions: {
    double: (x: number) => x * 2,
    announce: (lab: Lab) => { lab.print(`Starting ${lab.name}`); },
  },
} satisfies ProbeSet;
