// Keeps a few idle worker processes started and ready, so that a spawn does not pay Node's
// ~100 ms start-up. Each worker runs exactly one program and then exits (one pid, one
// process, as in the seeds); taking one starts a replacement in the background.
import { isReady } from '../../protocol/wire';
import type { ProcessPort, WorkerHandle } from './process-port';

interface Ready { worker: WorkerHandle; }

export class WarmPool {
  private readonly idle: Ready[] = [];
  private starting = 0;
  private closed = false;
  private readonly all = new Set<WorkerHandle>();

  constructor(private readonly port: ProcessPort, private readonly size = 4) {}

  /** Starts the idle workers now instead of at the first spawn. */
  warm(): void { this.refill(); }

  /** A ready worker: an idle one at once, or a fresh one when none is idle. */
  async take(): Promise<WorkerHandle> {
    if (this.closed) throw new Error('the process pool is closed');
    let ready = this.idle.shift();
    while (ready && ready.worker.exited) ready = this.idle.shift();
    this.refill();
    if (ready) return ready.worker;
    return this.startOne();
  }

  /** Kills every worker this pool ever started that is still alive (idle or not). */
  close(): void {
    this.closed = true;
    for (const w of this.all) w.kill('SIGKILL');
    this.idle.length = 0;
  }

  /** Live workers started by this pool: idle ones and those running programs. */
  get liveCount(): number { return [...this.all].filter((w) => !w.exited).length; }
  get idleCount(): number { return this.idle.length; }
  get idlePids(): number[] { return this.idle.map((r) => r.worker.pid); }

  private refill(): void {
    while (!this.closed && this.idle.length + this.starting < this.size) {
      this.starting++;
      this.startOne().then(
        (w) => { this.starting--; if (this.closed) w.kill('SIGKILL'); else this.idle.push({ worker: w }); },
        () => { this.starting--; },
      );
    }
  }

  /** Starts a worker and waits for its "ready" message. */
  private async startOne(): Promise<WorkerHandle> {
    const w = await this.port.start();
    this.all.add(w);
    w.onExit(() => {
      this.all.delete(w);
      const i = this.idle.findIndex((r) => r.worker === w);
      if (i >= 0) this.idle.splice(i, 1);
    });
    await new Promise<void>((resolve, reject) => {
      const onMsg = (m: unknown) => { if (isReady(m)) resolve(); };
      w.onMessage(onMsg);
      w.onExit((code) => reject(new Error(`worker exited before it was ready (code ${code})`)));
    });
    return w;
  }
}
