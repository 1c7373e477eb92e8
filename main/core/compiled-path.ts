// Where a compiled module lives. Worker processes and threads run plain JavaScript, so they
// always load from dist/, also when the caller itself runs from the TypeScript sources (tests).
import { existsSync } from 'node:fs';
import path from 'node:path';

/** `relative` is a path under dist/, e.g. "main/worker/worker-main.js". */
export function compiledPath(relative: string): string {
  // This file is dist/main/core/compiled-path.js or main/core/compiled-path.ts.
  const marker = `${path.sep}dist${path.sep}`;
  const distRoot = __dirname.includes(marker)
    ? __dirname.slice(0, __dirname.lastIndexOf(marker) + marker.length - 1)
    : path.resolve(__dirname, '../../dist');
  const file = path.join(distRoot, relative);
  if (!existsSync(file)) throw new Error(`${file} not found: run "npm run build" first`);
  return file;
}
