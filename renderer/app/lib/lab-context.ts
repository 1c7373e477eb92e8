// The transport the app was started with, for any component that talks to the lab.
import type { Transport } from './transport';

let current: Transport | null = null;

export function setTransport(t: Transport): void { current = t; }

export function transport(): Transport {
  if (!current) throw new Error('no transport: the app was started without one');
  return current;
}
