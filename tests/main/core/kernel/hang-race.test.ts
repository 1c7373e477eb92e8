// Issue 7, defect 1 (second cause): a parent's blocking get() and its children's exits
// handled in one turn scheduled the hang check before the flush that tells the parent its
// children exited; the check saw every batch acknowledged and ended the run "hung" while
// the parent was about to start replacements (a Pool with maxTasksPerChild).
import { describe, expect, it } from 'vitest';
import { fakeRun, turns } from './support/fake-worker';

describe('hang detection and notices in flight', () => {
  it('does not call a run hung while the kernel owes a blocked parent a child-exit notice', async () => {
    const { kernel, workers, ends } = fakeRun();
    await kernel.startRoot([]);
    const parent = workers[0];
    parent.emit({ t: 'calls', ack: 1, c: [[0, '$k', 'create', ['Queue', 'q', {}]], [1, '$k', 'spawn', ['child', [], {}]]] });
    await turns();
    const child = workers[1];
    expect(parent.replies().get(1)).toEqual([1, 1, { pid: child.pid, name: 'Process-1' }]);
    // One turn: the parent blocks in get() (all it was sent is acknowledged), and the child's
    // program ends (its exit is recorded once its last answer is sent).
    parent.emit({ t: 'calls', ack: parent.lastSeq, c: [[2, 'q', 'get', [true, null]]] });
    child.emit({ t: 'calls', ack: 1, c: [[1, '$k', 'atexit', [0]]] });
    await turns(5);
    expect(child.replies().get(1)).toEqual([1, 1, null]);
    expect(ends).toEqual([]);
    const notice = parent.batches().at(-1)!;
    expect(notice.n).toEqual([{ kind: 'child-exit', pid: child.pid, exitCode: 0, signal: null }]);
    // The child's process is gone; the parent read the notice and did nothing more: now nothing can wake it.
    child.exit(0);
    parent.emit({ t: 'idle', ack: notice.s });
    await turns(5);
    expect(ends.map((e) => e.kind)).toEqual(['hung']);
  });
});
