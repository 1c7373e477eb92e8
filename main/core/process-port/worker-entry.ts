// Where the compiled worker entry lives (workers never run TypeScript).
import { compiledPath } from '../compiled-path';

export function workerEntryPath(): string {
  return compiledPath('main/worker/worker-main.js');
}
