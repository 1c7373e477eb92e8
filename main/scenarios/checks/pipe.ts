// pipe's checks (programs: main/scenarios/programs/pipe.ts): the parent receives what the
// children sent, the talker gets the reply, and recv() raises EOFError once the sender's end is
// closed everywhere.
import { isDeepStrictEqual } from 'node:util';
import { pipeMeta } from '../../../shared/scenarios/pipe';
import type { LabEvent } from '../../../shared/events';
import type { RunRecord } from '../../core/runs/run-record';
import { completion, endingOf } from './judging';
import type { Checks } from './scenario';
import { argOf, errorOf, valueOf } from '../../../shared/event-values';
import { pyRepr } from '../../../shared/py-format';

/** What one process sent and received on one pipe, from the kernel's events. */
function traffic(run: RunRecord, pipe: string, program: string): { pid: number; sent: unknown[]; got: LabEvent[]; gotAt: LabEvent[] } {
  const pid = run.processes.find((p) => p.program === program)?.pid ?? -1;
  const mine = run.ops(pipe).filter((e) => e.pid === pid);
  const sent = mine.filter((e) => e.op === 'send' && e.ph !== 'B' && !errorOf(e)).map((e) => argOf(e, 1, 'Pipe')).filter((a) => a.ok).map((a) => (a as { value: unknown }).value);
  const gotAt = mine.filter((e) => e.op === 'recv' && (e.ph === 'X' || e.ph === 'E'));
  return { pid, sent, got: gotAt, gotAt };
}
/** What a recv returned, or the error it raised ('EOFError'). */
const parse = (e: LabEvent): unknown => { const err = errorOf(e); if (err) return err.code; const v = valueOf(e); return v.ok ? v.value : null; };
/** A value as Python shows it; a set that travelled ({$py: 'set'}) as a set, in the order it was sent. */
const py = (v: unknown): string => pyRepr(v, { other: (x) => (isSet(x) ? `{${x.items.map((i) => py(i)).join(', ')}}` : undefined) });
const isSet = (x: object): x is { $py: 'set'; items: unknown[] } => (x as { $py?: unknown }).$py === 'set' && Array.isArray((x as { items?: unknown }).items);
const shown = (e: LabEvent): string => { const err = errorOf(e); return err ? `${err.code}: ${err.message}` : py(parse(e)); };

export const pipe: Checks<typeof pipeMeta> = {
  meta: pipeMeta,
  check(run) {
    const end = endingOf(run);
    const parent1 = traffic(run, 'pipe1', 'main');
    const sender = traffic(run, 'pipe1', 'sender');
    const parent2 = traffic(run, 'pipe2', 'main');
    const talker = traffic(run, 'pipe2', 'talker');
    const parentGot = [...parent1.got.slice(0, 1), ...parent2.got.slice(0, 1)].map(parse);
    const sent = [...sender.sent, ...talker.sent];
    const talkerGot = talker.got.length ? parse(talker.got[0]) : null;
    const eof = parent1.gotAt[1];
    const close = run.ops('pipe1', 'close').find((e) => e.pid === sender.pid);
    const recvAfterClose = eof ? parse(eof) : null;
    const everyone = run.processes;
    return {
      invariants: [
        completion(end, 'parent-gets-what-was-sent', 'the parent receives exactly what the children sent', sent.length === 2 && isDeepStrictEqual(parentGot, sent),
          `sent ${py(sent)}; the parent received ${py(parentGot)}`,
          { reached: parentGot.length === 2, point: 'before the parent received both messages', involved: everyone }),
        completion(end, 'talker-gets-reply', 'the talker receives the parent\'s reply', parent2.sent.length === 1 && isDeepStrictEqual(talkerGot, parent2.sent[0]),
          `the parent replied ${py(parent2.sent[0] ?? null)}; the talker received ${py(talkerGot)}`,
          { reached: talker.got.length > 0, point: 'before the talker received the reply', involved: everyone }),
        completion(end, 'eof-after-close', 'once the sender closed its end and its message was read, recv() raises EOFError',
          recvAfterClose === 'EOFError' && !!close && eof.seq > close.seq,
          eof ? `the second recv() ended with ${shown(eof)}${close ? `, after the sender's close` : ', but the sender never closed'}` : 'no second recv()',
          { reached: !!eof, point: 'before the parent\'s second recv() returned', involved: everyone }),
      ],
      result: { parentGot, talkerGot, recvAfterClose },
    };
  },
};
