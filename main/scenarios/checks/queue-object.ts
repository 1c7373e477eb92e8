// queue-object's checks (programs: main/scenarios/programs/queue-object.ts): the object the
// worker got is the one the parent put (its class by name, the same fields), its method ran in
// the worker and named it, and the queue was closed as Python's is.
import { isDeepStrictEqual } from 'node:util';
import { queueObjectMeta } from '../../../shared/scenarios/queue-object';
import { CLIENT, errandLine } from '../../../shared/scenarios/data/queue-object';
import { errorOf } from '../../../shared/event-values';
import { putsOn, takesFrom } from './queue-events';
import { completion, eachProcess, endingOf } from './judging';
import type { Checks } from './scenario';
import { pyRepr } from '../../../shared/py-format';

const QUEUE = 'queue';
const CLASS = 'Errand';
/** How an object of a travelling class crosses between processes: its class's name and its fields. */
interface Travelled { $py: 'object'; cls: string; fields: Record<string, unknown> }
const isObject = (v: unknown): v is Travelled => typeof v === 'object' && v !== null && (v as Travelled).$py === 'object';

export const queueObject: Checks<typeof queueObjectMeta> = {
  meta: queueObjectMeta,
  check(run) {
    const end = endingOf(run);
    const root = run.root();
    const worker = run.byProgram('worker')[0];
    const everyone = run.processes;
    const put = putsOn(run, QUEUE).find((p) => p.pid === root?.pid);
    const got = takesFrom(run, QUEUE).find((t) => t.pid === worker?.pid);
    const sent = put && isObject(put.value) ? put.value : null;
    const arrived = got && isObject(got.value) ? got.value : null;
    const same = !!sent && !!arrived && sent.cls === CLASS && arrived.cls === CLASS && isDeepStrictEqual(sent.fields, arrived.fields)
      && isDeepStrictEqual(arrived.fields, { client: CLIENT });
    const shown = (v: Travelled | null) => (v ? `${v.cls} ${pyRepr(v.fields)}` : 'nothing of a class');
    const lines = worker ? run.prints(worker.pid) : [];
    const line = lines[0]?.text;
    const wanted = worker ? errandLine(worker.name, CLIENT) : null;
    const byOthers = run.prints().filter((e) => e.pid !== worker?.pid && /^Doing something fancy/.test(e.text ?? ''));
    const ranIn = line ? /^Doing something fancy in (.+) for /.exec(line)?.[1] ?? null : null;

    const ops = (op: string) => run.ops(QUEUE, op).filter((e) => e.pid === root?.pid && e.ph !== 'B');
    const close = ops('close')[0];
    const joinThread = ops('join_thread').find((e) => !errorOf(e));
    const workerJoin = run.events.find((e) => e.kind === 'op' && e.op === 'join' && e.pid === root?.pid && e.ph !== 'B' && e.obj === `proc:${worker?.pid}`);
    const putAfterClose = run.results().putAfterClose;
    const refused = typeof putAfterClose === 'string' ? putAfterClose : null;

    const invariants = [
      completion(end, 'arrives-as-class', `the worker gets an ${CLASS} with the fields the parent put (class by name, fields by value)`, same,
        `put ${shown(sent)}; the worker got ${shown(arrived)}`,
        { reached: !!got, point: 'before the worker got the object', involved: everyone }),
      completion(end, 'method-runs-in-worker', 'the object\'s method runs in the worker and prints the worker\'s name', lines.length === 1 && line === wanted && byOthers.length === 0,
        line ? `${worker.name} (pid ${worker.pid}) printed "${line}"${lines.length > 1 ? ` and ${lines.length - 1} more line(s)` : ''}${byOthers.length ? `; ${byOthers.length} such line(s) by another process` : ''}`
          : 'the worker printed nothing',
        { reached: !!line, point: 'before the worker printed', involved: everyone }),
      completion(end, 'close-then-join-thread', 'the parent closes the queue, then join_thread(), then joins the worker',
        !!close && !!joinThread && !!workerJoin && close.seq < joinThread.seq && joinThread.seq < workerJoin.seq,
        `close ${close ? `at seq ${close.seq}` : 'never'}, join_thread ${joinThread ? `at seq ${joinThread.seq}` : 'never'}, join of the worker ${workerJoin ? `at seq ${workerJoin.seq}` : 'never'}`,
        { reached: !!workerJoin, point: 'before the parent joined the worker', involved: root ? [root] : [] }),
      completion(end, 'put-after-close-refused', 'a put after close() raises ValueError in the parent', !!refused && refused.startsWith('ValueError'),
        refused ? `the put raised ${refused}` : 'the put after close() was not refused',
        { reached: !!workerJoin, point: 'before the parent tried its put after close()', involved: root ? [root] : [] }),
      eachProcess(end, 'worker-exit-0', 'the worker exits with code 0', worker ? [worker] : [],
        (p) => (p.exitCode === 0 ? null : `exit ${p.signal ?? p.exitCode}`), 'exit code 0', { point: 'before the worker exited' }),
    ];
    return {
      invariants,
      result: { methodRanIn: ranIn, sent: sent ?? null, arrived: arrived ?? null, putAfterClose: refused },
    };
  },
};
