// The states a lane can be in, interned: a span stores a small number, not an object.
export type LanePhase = 'running' | 'blocked' | 'sleeping' | 'exited';

export interface LaneState {
  readonly phase: LanePhase;
  /** While blocked or sleeping: on what ("q1", "proc:12", "clock") and doing what. */
  readonly obj?: string;
  readonly op?: string;
  /** "running", "sleeping", "exited", or "get on q1". */
  readonly label: string;
}

export class LaneStates {
  private readonly list: LaneState[] = [];
  /** phase → obj → op → id (no key string built per lookup: this runs for every blocked call). */
  private readonly ids = new Map<LanePhase, Map<string, Map<string, number>>>();
  readonly running = this.intern('running');
  readonly exited = this.intern('exited');

  intern(phase: LanePhase, obj = '', op = ''): number {
    let byObj = this.ids.get(phase);
    if (!byObj) this.ids.set(phase, (byObj = new Map()));
    let byOp = byObj.get(obj);
    if (!byOp) byObj.set(obj, (byOp = new Map()));
    let id = byOp.get(op);
    if (id === undefined) {
      id = this.list.length;
      const label = phase === 'blocked' ? `${op} on ${obj}` : phase;
      this.list.push(phase === 'blocked' || phase === 'sleeping' ? { phase, obj, op, label } : { phase, label });
      byOp.set(op, id);
    }
    return id;
  }

  get(id: number): LaneState { return this.list[id]; }
}
