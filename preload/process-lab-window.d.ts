// What the preload gives the renderer: `window.processLab`, present in the Electron window
// only (the browser shell has none). The renderer's transport module picks it when present.
import type { LabClient } from '../shared/contract';

declare global {
  interface Window {
    processLab?: LabClient;
  }
}

export {};
