// A hung run's wait-for graph, laid out for drawing: who waits on what (a process → the object
// it is blocked on, or → the process it joins or waits for at exit), who holds it (object →
// the processes it waits for), locks held by processes that exited, and the cycle of a
// deadlock marked on its nodes and edges. Layers read left to right from the processes no one
// waits for; an edge that goes back (a cycle closing) bends below the nodes.
import type { HangReport, ProcessRecord } from '../../../../shared/contract';

export interface WfNode {
  id: string;
  kind: 'process' | 'object';
  title: string;
  detail: string;
  x: number; y: number; w: number; h: number;
  inCycle: boolean;
  blocked: boolean;
}

export interface WfEdge {
  from: string; to: string;
  label: string;
  inCycle: boolean;
  /** SVG path, and where its label goes. */
  d: string;
  labelX: number; labelY: number;
  anchor: 'start' | 'middle' | 'end';
  /** False for the 2nd, 3rd, … edge of a fan that says the same (its label is drawn once). */
  showLabel: boolean;
}

export interface WfLayout {
  nodes: WfNode[];
  edges: WfEdge[];
  width: number;
  height: number;
  /** The cycle in words (empty without one). */
  cycle: string;
  /** Blocked processes left out of a very large graph. */
  omitted: number;
}

export const NODE_W = 200, NODE_H = 48, GAP_X = 64, GAP_Y = 16, MARGIN = 12;
/** The most blocked processes drawn; the rest are counted. */
export const MAX_BLOCKED = 40;

const HOLD_WORDS: Record<string, string> = { Lock: 'held by', Condition: 'held by', Semaphore: 'slot held by' };

export function layoutWaitFor(hang: HangReport, processes: readonly ProcessRecord[]): WfLayout {
  const names = new Map(processes.map((p) => [p.pid, p]));
  const cycle = new Set(hang.cycle);
  const nodes = new Map<string, WfNode>();
  const edges: Omit<WfEdge, 'd' | 'labelX' | 'labelY' | 'anchor' | 'showLabel'>[] = [];
  const blocked = hang.blocked.slice(0, MAX_BLOCKED);

  const proc = (pid: number): string => {
    const id = `p:${pid}`;
    if (!nodes.has(id)) {
      const p = names.get(pid);
      const gone = p && p.endMs !== null;
      nodes.set(id, node(id, 'process', `${p?.name ?? 'process'} ${pid}`, gone ? 'has exited' : 'not blocked', cycle.has(pid), false));
    }
    return id;
  };
  const object = (label: string, kind: string): string => {
    const id = `o:${label}`;
    if (!nodes.has(id)) nodes.set(id, node(id, 'object', label, kind, false, false));
    return id;
  };

  for (const b of blocked) {
    const p = proc(b.pid);
    const pn = nodes.get(p)!;
    pn.blocked = true;
    pn.detail = b.op === 'atexit' ? 'finished, waits at exit' : `blocked: ${b.op} on ${b.obj}`;
    if (b.obj.startsWith('proc:')) {
      const targets = b.waitsFor.length ? b.waitsFor : [Number(b.obj.slice(5))].filter((x) => x !== b.pid);
      for (const pid of targets) edges.push({ from: p, to: proc(pid), label: b.op === 'atexit' ? 'waits at exit for' : b.op, inCycle: cycle.has(b.pid) && cycle.has(pid) });
      continue;
    }
    const o = object(b.obj, b.objKind);
    const closes = b.waitsFor.some((x) => cycle.has(x));
    edges.push({ from: p, to: o, label: b.op, inCycle: cycle.has(b.pid) && closes });
    for (const pid of b.waitsFor) {
      if (edges.some((e) => e.from === o && e.to === `p:${pid}`)) continue;
      edges.push({ from: o, to: proc(pid), label: HOLD_WORDS[b.objKind] ?? 'waits for', inCycle: cycle.has(b.pid) && cycle.has(pid) });
    }
    if (b.waitsFor.length === 0) nodes.get(o)!.detail = `${b.objKind} · nothing left can wake it`;
  }
  for (const l of hang.orphanedLocks) {
    const o = object(l.obj, 'Lock');
    const h = proc(l.ownerPid);
    nodes.get(h)!.detail = 'exited holding it';
    if (!edges.some((e) => e.from === o && e.to === h)) edges.push({ from: o, to: h, label: 'held by (exited)', inCycle: false });
  }
  for (const e of edges) if (e.inCycle) { nodes.get(e.from)!.inCycle = true; nodes.get(e.to)!.inCycle = true; }

  // Layers: breadth first from the nodes nothing points at (or from the cycle when all are in one).
  const order = [...nodes.keys()];
  const out = new Map<string, string[]>(order.map((id) => [id, []]));
  const indeg = new Map<string, number>(order.map((id) => [id, 0]));
  for (const e of edges) { out.get(e.from)!.push(e.to); indeg.set(e.to, indeg.get(e.to)! + 1); }
  const layer = new Map<string, number>();
  const visit = (roots: string[]) => {
    const queue = [...roots];
    for (const r of roots) layer.set(r, 0);
    while (queue.length) {
      const u = queue.shift()!;
      for (const v of out.get(u)!) if (!layer.has(v)) { layer.set(v, layer.get(u)! + 1); queue.push(v); }
    }
  };
  visit(order.filter((id) => indeg.get(id) === 0));
  for (const id of order) if (!layer.has(id)) visit([id]);

  const columns: string[][] = [];
  for (const id of order) (columns[layer.get(id)!] ??= []).push(id);
  let hasBack = false;
  columns.forEach((col, c) => col.forEach((id, r) => {
    const n = nodes.get(id)!;
    n.x = MARGIN + c * (NODE_W + GAP_X);
    n.y = MARGIN + r * (NODE_H + GAP_Y);
  }));
  // Many edges with one label from one node (or into one): the label is said once, at that node.
  const fanOut = new Map<string, number>(), fanIn = new Map<string, number>();
  for (const e of edges) {
    fanOut.set(`${e.from}|${e.label}`, (fanOut.get(`${e.from}|${e.label}`) ?? 0) + 1);
    fanIn.set(`${e.to}|${e.label}`, (fanIn.get(`${e.to}|${e.label}`) ?? 0) + 1);
  }
  const said = new Set<string>();
  const placed = edges.map((e) => {
    const a = nodes.get(e.from)!, b = nodes.get(e.to)!;
    const forward = layer.get(e.to)! > layer.get(e.from)!;
    if (forward) {
      const x1 = a.x + a.w, y1 = a.y + a.h / 2, x2 = b.x, y2 = b.y + b.h / 2, dx = (x2 - x1) / 2;
      const d = `M ${x1} ${y1} C ${x1 + dx} ${y1}, ${x2 - dx} ${y2}, ${x2} ${y2}`;
      const out = `${e.from}|${e.label}`, into = `${e.to}|${e.label}`;
      if (fanOut.get(out)! > 1) return { ...e, d, ...once(out, x1 + 4, y1 - 6, 'start') };
      if (fanIn.get(into)! > 1) return { ...e, d, ...once(into, x2 - 6, y2 - 8, 'end') };
      return { ...e, d, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2 - 4, anchor: 'middle' as const, showLabel: true };
    }
    hasBack = true;
    // Back (or across one layer): out of the bottom, round below, into the bottom.
    const x1 = a.x + a.w / 2, y1 = a.y + a.h, x2 = b.x + b.w / 2 + (x1 === b.x + b.w / 2 ? 12 : 0), y2 = b.y + b.h;
    const low = Math.max(y1, y2) + 44;
    return { ...e, d: `M ${x1} ${y1} C ${x1} ${low}, ${x2} ${low}, ${x2} ${y2}`, labelX: (x1 + x2) / 2, labelY: low - 8, anchor: 'middle' as const, showLabel: true };
  });
  function once(key: string, x: number, y: number, anchor: 'start' | 'end') {
    const first = !said.has(key);
    said.add(key);
    return { labelX: x, labelY: y, anchor, showLabel: first };
  }
  const all = [...nodes.values()];
  const width = Math.max(...all.map((n) => n.x + n.w), 0) + MARGIN;
  const height = Math.max(...all.map((n) => n.y + n.h), 0) + MARGIN + (hasBack ? 48 : 0);
  return { nodes: all, edges: placed, width, height, cycle: cycleWords(hang), omitted: hang.blocked.length - blocked.length };
}

function node(id: string, kind: WfNode['kind'], title: string, detail: string, inCycle: boolean, blocked: boolean): WfNode {
  return { id, kind, title, detail, x: 0, y: 0, w: NODE_W, h: NODE_H, inCycle, blocked };
}

/** "consumer-1 1234 waits in acquire on lock-a, held by consumer-2 1235, which waits …" */
function cycleWords(hang: HangReport): string {
  if (!hang.cycle.length) return '';
  const by = new Map(hang.blocked.map((b) => [b.pid, b]));
  const parts = hang.cycle.map((pid, i) => {
    const b = by.get(pid);
    const next = hang.cycle[(i + 1) % hang.cycle.length];
    const nb = by.get(next);
    return b ? `${b.name} ${pid} waits in ${b.op} on ${b.obj}, held by ${nb?.name ?? 'process'} ${next}` : `process ${pid}`;
  });
  return `${parts.join('; ')}: none of them can go on.`;
}
