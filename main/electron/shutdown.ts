// Quitting stops every run and every worker first, however the app is asked to quit: the
// menu or Cmd+Q (before-quit, will-quit), the last window closed, SIGINT / SIGTERM to the
// main process. Only then does app.exit() end the process, which emits no quit events again.
import { app } from 'electron';

export interface Stoppable {
  /** Stops every run, ends every worker, closes the history. */
  close(): Promise<void>;
  /** Worker processes still alive. */
  readonly liveWorkers: number;
}

export interface ShutdownOptions {
  signals: NodeJS.EventEmitter;
  log: (line: string) => void;
  /** Past this, the app exits anyway (and says so). */
  deadlineMs?: number;
}

export function installShutdown(service: Stoppable, options: ShutdownOptions): (code?: number) => Promise<void> {
  let closing: Promise<void> | null = null;
  const shutdown = (code = 0): Promise<void> => {
    closing ??= (async () => {
      const deadlineMs = options.deadlineMs ?? 10_000;
      const done = await withDeadline(stopEverything(service), deadlineMs).catch((e: Error) => {
        options.log(`stopping the runs failed: ${e.message}`);
        return true;
      });
      if (!done) options.log(`the runs did not stop within ${deadlineMs / 1000} s; quitting anyway`);
      app.exit(code);
    })();
    return closing;
  };
  app.on('before-quit', (event) => { event.preventDefault(); void shutdown(0); });
  app.on('will-quit', (event) => { event.preventDefault(); void shutdown(0); });
  app.on('window-all-closed', () => { void shutdown(0); });
  options.signals.on('SIGINT', () => { void shutdown(130); });
  options.signals.on('SIGTERM', () => { void shutdown(143); });
  return shutdown;
}

/** Closes the service, then waits for the killed workers to be reported gone. */
async function stopEverything(service: Stoppable): Promise<void> {
  await service.close();
  while (service.liveWorkers > 0) await new Promise((r) => setTimeout(r, 20));
}

/** True when `work` finished within `ms`. */
function withDeadline(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}
