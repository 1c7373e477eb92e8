// Entry point of every worker process. It says "ready", waits for one program, runs it,
// then does what Python does at interpreter exit (terminate daemon children, wait for
// the others) and exits. One process, one program, one pid.
import { connectToHost } from './host-channel';
import { KernelClient } from './kernel-client';
import { encodeValue, registerClasses, reviveValue, setHashSeed } from './codec';
import { Lab } from './lab';
import { poolWorker } from './pool-worker';
import { findPrograms } from '../scenarios/programs/registry';
import { POOL_WORKER_PROGRAM, type StartInfo } from '../protocol/worker-protocol';

// Ctrl-C in a terminal reaches the whole process group; the host decides what stops.
process.on('SIGINT', () => {});

const channel = connectToHost();
const client = new KernelClient(channel);
client.encode = encodeValue;
client.revive = (v) => reviveValue(client, v);
let started = false;

channel.onMessage((msg) => {
  client.receive(msg);
  if (msg.t === 'start' && !started) {
    started = true;
    void run(msg.info);
  }
});
channel.send({ t: 'ready' });

async function run(info: StartInfo): Promise<void> {
  client.markStarted();
  const lab = new Lab(client, info);
  let code = 0;
  try {
    const scenario = findPrograms(info.scenario);
    if (!scenario) throw new Error(`unknown scenario ${info.scenario}`);
    registerClasses(scenario.classes);
    // A forked child keeps its parent's hash salt; a spawned one starts a fresh interpreter.
    setHashSeed(info.startMethod === 'spawn' ? info.seed ^ Math.imul(info.pid, 0x9e3779b1) : info.seed);
    const args = reviveValue(client, info.args) as unknown[];
    if (info.program === POOL_WORKER_PROGRAM) {
      const [tasks, out, init, max] = args as Parameters<typeof poolWorker> extends [unknown, unknown, ...infer R] ? R : never;
      await poolWorker(scenario, lab, tasks, out, init, max);
    } else {
      const program = scenario.programs[info.program];
      if (!program) throw new Error(`scenario ${info.scenario} has no program ${info.program}`);
      await program(lab, ...args);
    }
  } catch (e) {
    code = 1;
    const err = e as Error;
    const text = `Traceback (in ${info.name}, pid ${info.pid}): ${err.name}: ${err.message}`;
    client.cast('$k', 'print', [text.length > 4000 ? `${text.slice(0, 4000)}...` : text, 'stderr'], { final: true });
  }
  await client.kernel('atexit', [code], { final: true });
  process.exit(code);
}
