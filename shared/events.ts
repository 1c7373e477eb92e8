// The event vocabulary shared by the kernel, the store, the reports and the renderer. The
// schemas (and what every field means) are in contract/events.ts; this module names them
// for the code that only needs the types.
export type {
  ExitHow, LabEvent, LifecycleStep, ObjectInfo, ObjectKind, ObjectState, OpError, Phase, ProcessInfo,
} from './contract/events';

/** The version of the event format the kernel records today (stored with every block). */
export const EVENT_FORMAT_VERSION = 2;

export type ProcessStateName = 'starting' | 'running' | 'blocked' | 'sleeping' | 'exited';
