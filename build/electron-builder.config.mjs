// electron-builder's configuration (npm run dist: build/dist.mjs passes this file, after it has
// put better-sqlite3's Electron build in place). Everything is in build/packaging/config.mjs,
// which the packaging test uses too.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { makeConfig, nativeFolder } from './packaging/config.mjs';

const native = path.join(nativeFolder(), 'better_sqlite3.node');
if (!existsSync(native)) {
  throw new Error(`${native} is missing: an app packaged without it keeps no history. Run "node build/electron-sqlite.mjs" (npm run dist does) first.`);
}

export default makeConfig();
