// The IPC channels between the preload and the main process: one per contract request
// ("lab:<name>"), and one for pushes. Imports nothing: the sandboxed preload bundles it.
export const REQUEST_CHANNEL_PREFIX = 'lab:';
export const PUSH_CHANNEL = 'lab:push';

export function requestChannel(name: string): string {
  return REQUEST_CHANNEL_PREFIX + name;
}
