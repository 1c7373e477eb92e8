// Which Node ABI (NODE_MODULE_VERSION) a native module was built for, read from the binary
// itself rather than from its file name or folder: a module registers itself under the
// exported symbol `node_register_module_v<ABI>` (ELF, Mach-O and PE alike). A build labelled
// "electron" but compiled against Node's headers says so here.
import { readFileSync } from 'node:fs';

const SYMBOL = /node_register_module_v(\d+)/g;

/** The ABI the module declares; null when it declares none or more than one. */
export function nativeModuleAbi(file: string): number | null {
  const text = readFileSync(file).toString('latin1');
  const found = new Set<number>();
  for (const m of text.matchAll(SYMBOL)) found.add(Number(m[1]));
  return found.size === 1 ? [...found][0] : null;
}
