// A stand-in for Electron's Linux distribution, for packaging offline with electron-builder's
// `electronDist` (a folder, used as "a custom unpacked Electron distribution"). What
// electron-builder needs of it for the Linux `dir` target (app-builder-lib's
// ElectronFramework and LinuxPackager): the executable `electron`, which it renames to the
// app's executableName; a resources/ folder, where it writes app.asar; LICENSE, which it keeps
// as LICENSE.electron.txt. Nothing runs it.
//
// The executable carries a fuse wire as Electron's binary does, so that electron-builder's
// `electronFuses` step (@electron/fuses's flipFuses) finds it and writes it, and the test reads
// it back with @electron/fuses's read API: the sentinel, the wire's version (1) and length, then
// one byte per fuse ('0' off, '1' on). The wire is Electron 45's: its nine fuses, each at
// Electron's default (electron/electron, build/fuses/fuses.json5).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** run_as_node, cookie_encryption, node_options, node_cli_inspect, embedded_asar_integrity_validation, only_load_app_from_asar, load_browser_process_specific_v8_snapshot, grant_file_protocol_extra_privileges, wasm_trap_handlers */
export const ELECTRON_45_DEFAULT_WIRE = '101100011';

export function standInElectronDist(dir: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, ELECTRON_45_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_45_DEFAULT_WIRE, 'latin1')]);
  const script = Buffer.from('#!/bin/sh\necho "a stand-in for Electron, for packaging tests: it cannot run the app" >&2\nexit 1\n# fuse wire: ');
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]), { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for Electron\'s LICENSE.\n');
  return dir;
}
