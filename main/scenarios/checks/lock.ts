// lock's checks (programs: main/scenarios/programs/lock.ts): every piece written, the console
// shown as the kernel received it, and with the lock, every piece written under it and no
// line interleaved.
import { lockMeta } from '../../../shared/scenarios/lock';
import type { Chunk } from '../../../shared/scenarios/data/lock';
import { completion, endingOf, safety } from './judging';
import type { Checks } from './scenario';
import { argOf } from '../../../shared/event-values';
import { pyRepr } from '../../../shared/py-format';

const show = (lines: { text: string }[]) => lines.map((l) => pyRepr(l.text)).join(', ');

export const lock: Checks<typeof lockMeta> = {
  meta: lockMeta,
  check(run, params) {
    const end = endingOf(run);
    const n = params.charsPerLine;
    // Worker i (in creation order: the parent starts them in turn) writes letter i: A, B, ...
    const workers = run.byProgram('worker').sort((a, b) => (run.life(a.pid, 'created')?.seq ?? 0) - (run.life(b.pid, 'created')?.seq ?? 0));
    const root = run.root();
    const letterOf = new Map(workers.map((p, i) => [p.pid, String.fromCharCode(65 + i)]));
    const appends = run.ops('console', 'append');
    // The console as written: split into lines at each newline piece.
    const lines: { text: string; pids: Set<number> }[] = [];
    let cur = { text: '', pids: new Set<number>() };
    for (const e of appends) {
      const x = argOf(e, 0, 'ManagerList');
      if (!x.ok) continue;
      const [pid, piece] = x.value as Chunk;
      if (piece === '\n') { lines.push(cur); cur = { text: '', pids: new Set() }; continue; }
      cur.text += piece;
      cur.pids.add(pid);
    }
    // A last line without its newline is still being written (or its writer was cut short).
    const open = cur.text ? cur : undefined;
    if (open) lines.push(open);
    const whole = (l: (typeof lines)[number]) => l.pids.size === 1 && l.text === letterOf.get([...l.pids][0])?.repeat(n);
    const mixed = lines.filter((l) => !whole(l) && !(l === open && l.pids.size === 1));
    const interleaved = lines.filter((l) => l.pids.size > 1);
    const short = workers.filter((p) => appends.filter((e) => e.pid === p.pid).length !== n + 1);
    const allWritten = workers.length === params.workers && short.length === 0;
    const invariants = [
      completion(end, 'every-piece-written', `every worker wrote its ${n} characters and a newline to the console`, allWritten,
        short.length ? `incomplete: ${short.map((p) => p.name).join(', ')}` : `${workers.length} workers, ${appends.length} pieces in ${lines.length} lines`,
        { reached: allWritten, point: 'before every worker had written its line', involved: workers }),
    ];
    // What the parent printed from its final copy of the console must match the kernel's record.
    const shown = root ? run.prints(root.pid).filter((e) => e.text?.startsWith('console | ')).map((e) => e.text!.slice(10)) : [];
    const texts = lines.map((l) => l.text);
    const shownOk = JSON.stringify(shown) === JSON.stringify(texts);
    invariants.push(completion(end, 'console-shown', params.useLock ? 'the console shown is exactly what the kernel received, in order'
      : 'without the lock, the report shows the interleaving that happened (the console as the kernel received it)', shownOk,
    `${lines.length} lines, ${interleaved.length} interleaved, ${lines.length - mixed.length} whole${mixed.length ? `: ${show(lines)}` : ''}`
      + (shownOk ? '' : `; the parent read ${pyRepr(shown)}`),
    { reached: shown.length > 0 || root?.how === 'returned', point: 'before the parent showed the console', involved: root ? [root, ...workers] : workers }));
    if (params.useLock) {
      const unlocked = run.notUnderLock('console-lock', appends);
      invariants.push(
        safety(end, 'writes-under-lock', 'every piece is written while its worker holds the console lock', unlocked.length === 0,
          unlocked.length ? `${unlocked.length} pieces written without holding the lock` : `all ${appends.length} pieces written under the lock`),
        safety(end, 'no-line-interleaved', 'with the lock, no line is interleaved', mixed.length === 0,
          mixed.length ? `mixed lines: ${show(mixed)}` : `${lines.length} whole lines${open ? ' (the last one still being written)' : ''}`),
      );
    }
    const notes = params.useLock ? [] : mixed.length
      ? [end.complete ? `Without the lock the workers' pieces interleaved: ${params.workers} whole lines were written, the console shows ${show(lines)}; `
        + `${interleaved.length} line(s) mix pieces of different workers.`
        : `Without the lock the workers' pieces interleaved before ${end.why}: the console so far shows ${show(lines)}; ${interleaved.length} line(s) mix pieces of different workers.`]
      : end.complete ? ['Without the lock the lines still came out whole this time: the workers happened not to overlap. Run it again.'] : [];
    return {
      invariants,
      result: {
        useLock: params.useLock,
        console: texts,
        interleavedLines: interleaved.length,
        // Whole so far is no answer yet; a mixed line is one for good.
        allLinesWhole: mixed.length ? false : end.complete ? true : null,
        styles: Object.fromEntries(workers.map((p) => [p.name, !params.useLock ? 'no lock' : (letterOf.get(p.pid)!.charCodeAt(0) - 65) % 2 === 0 ? 'with' : 'acquire/finally'])),
      },
      notes,
    };
  },
};
