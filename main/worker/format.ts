// How print() shows values: as Python's print() would (['spam', 42], {'k': 'v'}, True, None),
// so the lab's output reads like the Python text it is held against. A lab object shows its
// kind and id, where Python would show <multiprocessing.queues.Queue object at 0x…>.
import { pyPrint } from '../../shared/py-format';

function labObject(v: object): string | undefined {
  if (typeof (v as { toRef?: unknown }).toRef !== 'function') return undefined;
  const r = (v as { toRef(): { $lab: string; id: string } }).toRef();
  return `<${r.$lab} ${r.id}>`;
}

export function formatForPrint(parts: readonly unknown[]): string {
  return pyPrint(parts, { other: labObject });
}
