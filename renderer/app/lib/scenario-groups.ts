// The home screen's order: the flagship scenarios first (in the catalogue's order), then the
// rest grouped by topic in the catalogue's topic order.
import type { ScenarioInfo } from '../../../shared/contract';
import { TOPICS } from '../../../shared/scenario-meta';

export const FLAGSHIPS = ['fork-loop', 'semaphore-pool', 'manager-namespace'];

export interface ScenarioGroup { id: string; title: string; scenarios: ScenarioInfo[] }

export function groupScenarios(all: readonly ScenarioInfo[]): { flagship: ScenarioInfo[]; groups: ScenarioGroup[] } {
  const flagship = FLAGSHIPS.map((id) => all.find((s) => s.id === id)).filter((s): s is ScenarioInfo => !!s);
  const rest = all.filter((s) => !flagship.includes(s));
  const groups: ScenarioGroup[] = TOPICS.map((t) => ({ id: t.id, title: t.title, scenarios: rest.filter((s) => s.topic === t.id) }));
  const known = new Set<string>(TOPICS.map((t) => t.id));
  const other = rest.filter((s) => !known.has(s.topic));
  if (other.length) groups.push({ id: 'other', title: 'More', scenarios: other });
  return { flagship, groups: groups.filter((g) => g.scenarios.length > 0) };
}
