// The files a compiled entry loads at run time: every `require("...")` it makes, followed
// through our own files (relative requires) and recorded, not followed, for packages.
// Used to list what must be unpacked from the asar archive beside the worker entry and the
// writer thread (a process or thread started on a file outside the archive requires from
// there), and by the packaging test to check a packaged app against it.
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const BUILTIN = new Set(builtinModules);

/** { files: absolute paths of our files, packages: bare package names required }. */
export function requireClosure(entry) {
  const files = new Set();
  const packages = new Set();
  const queue = [path.resolve(entry)];
  while (queue.length) {
    const file = queue.pop();
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)) {
      const id = m[2];
      if (id.startsWith('node:') || BUILTIN.has(id) || id === 'electron') continue;
      if (id.startsWith('.')) {
        queue.push(require.resolve(path.resolve(path.dirname(file), id)));
      } else {
        packages.add(id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]);
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}
