// One argument shape per operation: the kernel records every call's arguments in this order,
// with the defaults filled in, whichever way the program called it (a put is always
// [item, block, timeout]). The app names the arguments from here when it shows a call.

export interface OpParam { name: string; default?: unknown }

const p = (name: string, dflt?: unknown): OpParam => (dflt === undefined ? { name } : { name, default: dflt });
const blockTimeout = [p('block', true), p('timeout', null)];

/** kind → op → its parameters. Kernel operations are under "kernel". */
export const OP_ARGS: Record<string, Record<string, OpParam[]>> = {
  Queue: {
    put: [p('item'), ...blockTimeout], get: blockTimeout, qsize: [], empty: [], full: [], close: [], join_thread: [],
  },
  JoinableQueue: {
    put: [p('item'), ...blockTimeout], get: blockTimeout, qsize: [], empty: [], full: [], close: [], join_thread: [],
    task_done: [], join: [],
  },
  Lock: { acquire: blockTimeout, release: [], locked: [] },
  Semaphore: { acquire: blockTimeout, release: [], get_value: [] },
  Event: { set: [], clear: [], is_set: [], wait: [p('timeout', null)] },
  Condition: { acquire: blockTimeout, release: [], wait: [p('timeout', null)], notify: [p('n', 1)], notify_all: [] },
  ManagerList: { append: [p('x')], remove: [p('x')], get: [p('index')], set: [p('index'), p('x')], len: [], copy: [] },
  ManagerDict: { set: [p('key'), p('value')], get: [p('key'), p('default')], delete: [p('key')], has: [p('key')], len: [], entries: [] },
  Namespace: { get: [p('name')], set: [p('name'), p('value')], delete: [p('name')], has: [p('name')] },
  Value: { get: [], set: [p('value')] },
  Array: { get: [p('index')], set: [p('index'), p('value')], len: [], copy: [], fill: [p('value')] },
  Pipe: { send: [p('end'), p('obj')], recv: [p('end')], poll: [p('end'), p('timeout', 0)], close: [p('end')] },
  kernel: {
    spawn: [p('program'), p('args', []), p('options', {})], join: [p('pid'), p('timeout', null)], is_alive: [p('pid')],
    terminate: [p('pid')], sleep: [p('units')], exit: [p('code', 0)], atexit: [p('code', 0)],
  },
};

/**
 * The call's arguments in the operation's shape: missing trailing ones get their defaults.
 * A parameter without a default that was not given stays absent (dict.get(key) raises
 * KeyError where dict.get(key, None) does not).
 */
export function normalizeArgs(kind: string, op: string, args: readonly unknown[]): unknown[] {
  const params = OP_ARGS[kind]?.[op];
  if (!params || args.length >= params.length) return args as unknown[];
  const out = args.slice();
  for (let i = args.length; i < params.length && params[i].default !== undefined; i++) out.push(params[i].default);
  return out;
}
