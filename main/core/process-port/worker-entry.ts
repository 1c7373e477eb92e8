// Where the compiled worker entry lives. Workers run plain Node (or Electron's utility
// process), so they always load the compiled JavaScript in dist/, never TypeScript.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function workerEntryPath(): string {
  // From dist/main/core/process-port/ or from main/core/process-port/ (tests run the sources).
  const here = __dirname;
  const distRoot = here.includes(`${path.sep}dist${path.sep}`)
    ? here.slice(0, here.lastIndexOf(`${path.sep}dist${path.sep}`) + 5)
    : path.resolve(here, '../../../dist');
  const entry = path.join(distRoot, 'main', 'worker', 'worker-main.js');
  if (!existsSync(entry)) throw new Error(`worker entry not found at ${entry}: run "npm run build" first`);
  return entry;
}
