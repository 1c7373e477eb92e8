// A child process as its parent sees it: pid, name, join(), isAlive(), exitcode.
import { constants } from 'node:os';
import type { ExitStatus } from '../protocol/worker-protocol';
import type { KernelClient } from './kernel-client';
import { KERNEL_ID } from '../protocol/worker-protocol';

export class ProcessHandle {
  private status: ExitStatus | null = null;
  private readonly exitWatchers: (() => void)[] = [];

  constructor(private readonly k: KernelClient, readonly pid: number, readonly name: string, readonly daemon: boolean) {}

  /** Like Python: null while running, the exit code, or minus the signal number. */
  get exitcode(): number | null {
    if (!this.status) return null;
    if (this.status.signal) return -((constants.signals as Record<string, number>)[this.status.signal] ?? 1);
    return this.status.exitCode;
  }

  /**
   * Waits for the child to exit, or for `timeout` time units. A child already known to have
   * exited is joined at once, as Python's is (waitpid answers without waiting): the kernel is
   * told, to record it, but not waited for.
   */
  async join(timeout: number | null = null): Promise<void> {
    if (this.status) { this.k.cast(KERNEL_ID, 'join', [this.pid, timeout]); return; }
    const st = (await this.k.kernel('join', [this.pid, timeout])) as ExitStatus | null;
    if (st) this.exited(st);
  }

  isAlive(): Promise<boolean> { return this.k.kernel('is_alive', [this.pid]) as Promise<boolean>; }

  async terminate(): Promise<void> { await this.k.kernel('terminate', [this.pid]); }

  /** Runs `f` once the kernel reports this child's exit (used by Pool to replace workers). */
  onExit(f: () => void): void { if (this.status) f(); else this.exitWatchers.push(f); }

  exited(st: ExitStatus): void {
    if (this.status) return;
    this.status = st;
    for (const f of this.exitWatchers.splice(0)) f();
  }
}
