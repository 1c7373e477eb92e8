// Which Node ABI (NODE_MODULE_VERSION) a native module was built for, read from the binary:
// a module registers itself under the exported symbol `node_register_module_v<ABI>`. The
// build scripts' twin of main/electron/native-module-abi.ts (they run before dist/ exists).
import { readFileSync } from 'node:fs';

/** The ABI the module declares; null when it declares none or more than one. */
export function nativeModuleAbi(file) {
  const text = readFileSync(file).toString('latin1');
  const found = new Set();
  for (const m of text.matchAll(/node_register_module_v(\d+)/g)) found.add(Number(m[1]));
  return found.size === 1 ? [...found][0] : null;
}
