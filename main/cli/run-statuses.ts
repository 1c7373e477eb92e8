// Every status a kept run can have, for checking `history --status`. The object form makes
// the compiler refuse a list that misses or invents one.
import type { RunStatus } from '../../shared/run-report';

const ALL = { running: 0, completed: 0, failed: 0, stopped: 0, hung: 0, timeout: 0, interrupted: 0 } satisfies Record<RunStatus, 0>;
export const RUN_STATUSES = Object.keys(ALL) as RunStatus[];
