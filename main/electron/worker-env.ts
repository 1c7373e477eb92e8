// The environment a utility-process worker gets: the same as a forked one (the core's
// NodeForkPort), only what a Node process needs to run, never the app's own.
import { workerEnvironment } from '../core/process-port/node-fork-port';

export function workerEnv(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return workerEnvironment(from);
}
