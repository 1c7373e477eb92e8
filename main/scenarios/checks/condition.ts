// condition's checks (programs: main/scenarios/programs/condition.ts): every stage-2 "running"
// follows the notify_all, and every stage-2 process was waiting at it and woke.
import { conditionMeta } from '../../../shared/scenarios/condition';
import { completion, endingOf, safety } from './judging';
import type { Checks } from './scenario';

export const condition: Checks<typeof conditionMeta> = {
  meta: conditionMeta,
  check(run, params) {
    const end = endingOf(run);
    const notify = run.ops('cond', 'notify_all')[0];
    const stage2 = run.byProgram('stage2');
    const involved = [...stage2, ...run.byProgram('stage1')];
    const facts = stage2.map((p) => ({
      p,
      name: p.name,
      waitSeq: run.ops('cond', 'wait').find((e) => e.pid === p.pid && e.ph === 'B')?.seq,
      running: run.prints(p.pid).find((e) => e.text?.endsWith(' running')),
    }));
    const ran = facts.filter((f) => f.running);
    const early = ran.filter((f) => !notify || f.running!.seq < notify.seq);
    const late = facts.filter((f) => !notify || f.waitSeq === undefined || f.waitSeq > notify.seq);
    const notWoken = facts.filter((f) => !f.running);
    // Once the (only) notify_all has happened, a stage-2 process not waiting by then can never be
    // woken: broken for good, unless that process died on its own first.
    const died = (f: (typeof facts)[number]) => f.p.how === 'crashed' || f.p.how === 'raised' || f.p.how === 'cap';
    const missed = notify ? late.filter((f) => !died(f) && !f.running) : [];
    const notifyTxt = notify ? `notify_all at ${notify.t} µs` : 'stage 1 never called notify_all';
    const order = run.prints().map((e) => e.text ?? '');
    const notes = late.filter((f) => notify && !f.running).map((f) => `${f.name} ${f.waitSeq === undefined ? 'never reached wait()' : 'began waiting only after s1\'s notify_all'}, `
      + 'so no notification was left for it: a notify wakes only the processes already waiting.');
    const runningDesc = 'every stage-2 "running" comes after stage 1\'s notify_all';
    const runningDetail = early.length ? `before the notify: ${early.map((f) => f.name).join(', ')}` : notify ? `${notifyTxt}; ${ran.length} "running" lines, all after it` : `no notify_all yet; ${ran.length} "running" lines`;
    return {
      invariants: [
        notify || !end.complete || early.length
          ? safety(end, 'running-after-notify', runningDesc, early.length === 0, runningDetail)
          : completion(end, 'running-after-notify', runningDesc, false, notifyTxt, { involved }),
        completion(end, 'all-stage2-woke', `all ${params.stage2Workers} stage-2 processes were waiting at the notify and woke`,
          stage2.length === params.stage2Workers && late.length === 0 && notWoken.length === 0,
          notWoken.length || late.length ? `not woken: ${[...new Set([...notWoken, ...late].map((f) => f.name))].join(', ')}` : `woke: ${ran.map((f) => f.name).join(', ')}`,
          { brokenSoFar: missed.length > 0, point: 'before every stage-2 process woke', involved }),
      ],
      result: {
        order,
        notifiedAtUs: notify?.t ?? null,
        woke: [...ran].sort((a, b) => a.running!.seq - b.running!.seq).map((f) => f.name),
        // Known for good once the notify happened (or the run got to its end without one).
        runningBeforeNotify: notify || end.complete ? early.length : null,
      },
      notes,
    };
  },
};
