// The program sources the app shows beside a scenario: its program file as the workers run it
// and our Python program that does the same. The build copies them into
// dist/scenario-sources.json (build/scenario-sources.mjs), which a packaged app carries; the
// source tree is never read at run time.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ok, sourceSchema, type ScenarioSource } from '../../../shared/contract';
import { SCENARIO_CATALOGUE } from '../../../shared/scenarios';
import { compiledPath } from '../compiled-path';
import { fail, type ServiceResult } from './service-error';

const SOURCES_FILE = 'scenario-sources.json';
const fileSchema = z.object({ format: z.literal(1), scenarios: z.record(z.string(), sourceSchema) });

/** Read once: the file changes only with a new build. */
let cached: ServiceResult<Record<string, ScenarioSource>> | undefined;

function readSources(): ServiceResult<Record<string, ScenarioSource>> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(compiledPath(SOURCES_FILE), 'utf8'));
  } catch (e) {
    return fail('unavailable', `the program sources cannot be read: ${(e as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return fail('internal', `${SOURCES_FILE} is not as the build writes it: ${parsed.error.message}`);
  return ok(parsed.data.scenarios);
}

/** A catalogue scenario's sources (internal scenarios, the tests' and the benchmark's, have none). */
export function scenarioSource(id: string): ServiceResult<ScenarioSource> {
  const ids = SCENARIO_CATALOGUE.map((s) => s.id);
  if (!ids.includes(id)) {
    return fail('not-found', `no program source for ${JSON.stringify(id)}; the catalogue's scenarios are: ${ids.join(', ')}`);
  }
  // A failed read is not kept: a build made meanwhile is found on the next request.
  const sources = cached ?? readSources();
  if (!sources.ok) return sources;
  cached = sources;
  const source = sources.value[id];
  return source ? ok(source) : fail('unavailable', `${SOURCES_FILE} holds no sources for ${id}: rebuild the app (npm run build)`);
}
