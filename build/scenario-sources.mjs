// Copies what the app shows beside each catalogue scenario into dist/scenario-sources.json:
// its program file as the workers run it (main/scenarios/programs/<id>.ts) and our Python
// program that does the same (main/scenarios/python/<id>.py, null where there is none). A
// packaged app has no source tree, so the service reads them from there (LabService.source).
// Runs after tsc (npm run build:core): the catalogue's ids come from the compiled catalogue.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCES_FILE = 'dist/scenario-sources.json';
export const programFile = (id) => `main/scenarios/programs/${id}.ts`;
export const pythonFile = (id) => `main/scenarios/python/${id}.py`;

/** { format, scenarios: { id: { program: { file, text }, python: { file, text } | null } } } */
export function collectSources(root = ROOT) {
  const catalogue = path.join(root, 'dist/shared/scenarios/index.js');
  if (!existsSync(catalogue)) throw new Error(`${catalogue} not found: compile first (tsc -p tsconfig.build.json)`);
  const { SCENARIO_CATALOGUE } = createRequire(import.meta.url)(catalogue);
  const scenarios = {};
  for (const { id } of SCENARIO_CATALOGUE) {
    const read = (file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') });
    if (!existsSync(path.join(root, programFile(id)))) throw new Error(`scenario ${id} has no program file ${programFile(id)}`);
    scenarios[id] = { program: read(programFile(id)), python: existsSync(path.join(root, pythonFile(id))) ? read(pythonFile(id)) : null };
  }
  return { format: 1, scenarios };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(path.join(ROOT, SOURCES_FILE), `${JSON.stringify(collectSources())}\n`);
}
