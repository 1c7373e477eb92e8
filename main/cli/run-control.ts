// What lets a signal stop the run a command is watching: the command says which run is
// going on, and a stop request (Ctrl-C, SIGTERM, SIGHUP, stdout's reader gone) stops it
// through the service, which ends every process of it and keeps it as "stopped".
import type { LabService } from '../core/service/lab-service';

export interface RunControl {
  /** The run now going on; stopped at once when a stop was already asked for. */
  running(lab: LabService, runId: string): void;
  /** A stop was asked for: start no further run. */
  interrupted(): boolean;
}
