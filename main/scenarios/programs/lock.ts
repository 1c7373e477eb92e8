// lock: workers write their lines to one shared console (a manager list of [pid, piece]
// chunks), one character at a time, with or without a Lock around each line.
import { lockMeta } from '../../../shared/scenarios/lock';
import type { Chunk } from '../../../shared/scenarios/data/lock';
import type { Lock, ManagerList } from '../../worker/handles';
import { definePrograms, type LabOf } from './program';

/** A short pause between two pieces, so the other workers get a turn. */
const PAUSE_UNITS = 0.05;
const letter = (i: number) => String.fromCharCode(65 + i);

async function writeLine(lab: LabOf<typeof lockMeta>, screen: ManagerList<Chunk>, ch: string): Promise<void> {
  for (let i = 0; i < lab.params.charsPerLine; i++) {
    await screen.append([lab.pid, ch]);
    await lab.sleep(PAUSE_UNITS);
  }
  await screen.append([lab.pid, '\n']);
}

export const lockPrograms = definePrograms(lockMeta, {
  main: async (lab) => {
    const consoleLock = lab.lock({ name: 'console-lock' });
    const screen = lab.manager().list<Chunk>([], { name: 'console' });
    const letters = Array.from({ length: lab.params.workers }, (_, i) => letter(i));
    await lab.runAll('worker', letters.map((ch, i) => [consoleLock, screen, ch, i % 2 === 0 ? 'with' : 'acquire']));
    const text = (await screen.copy()).map(([, piece]) => piece).join('');
    for (const line of text.split('\n').slice(0, -1)) lab.print(`console | ${line}`);
  },
  worker: async (lab, consoleLock: Lock, screen: ManagerList<Chunk>, ch: string, style: 'with' | 'acquire') => {
    if (!lab.params.useLock) {
      lab.print(`worker ${ch}: writing without the lock`);
      await writeLine(lab, screen, ch);
    } else if (style === 'with') {
      await consoleLock.with(async () => {
        lab.print(`worker ${ch}: lock acquired via with`);
        await writeLine(lab, screen, ch);
      });
    } else {
      await consoleLock.acquire();
      try {
        lab.print(`worker ${ch}: lock acquired directly`);
        await writeLine(lab, screen, ch);
      } finally {
        await consoleLock.release();
      }
    }
  },
});
