// A growable column of numbers in fixed-size Float64Array chunks: 8 bytes a number, no
// copying as it grows (a plain array doubles and copies, which a long run pays in garbage),
// and dropping its front frees whole chunks.
const CHUNK = 4096;

export class Column {
  private chunks: Float64Array[] = [];
  /** Index of the first kept number inside chunks[0]. */
  private head = 0;
  private end = 0; // numbers in the last chunk
  private count = 0;

  get length(): number { return this.count; }

  get(i: number): number {
    const j = this.head + i;
    return this.chunks[(j / CHUNK) | 0][j % CHUNK];
  }

  set(i: number, v: number): void {
    const j = this.head + i;
    this.chunks[(j / CHUNK) | 0][j % CHUNK] = v;
  }

  get last(): number { return this.chunks[this.chunks.length - 1][this.end - 1]; }
  set last(v: number) { this.chunks[this.chunks.length - 1][this.end - 1] = v; }

  push(v: number): void {
    if (this.chunks.length === 0 || this.end === CHUNK) { this.chunks.push(new Float64Array(CHUNK)); this.end = 0; }
    this.chunks[this.chunks.length - 1][this.end++] = v;
    this.count++;
  }

  pop(): void {
    if (this.count === 0) return;
    this.count--;
    if (--this.end === 0 && this.chunks.length > 1) { this.chunks.pop(); this.end = CHUNK; }
    else if (this.count === 0) { this.chunks = []; this.head = 0; this.end = 0; }
  }

  /** Drops the first `n` numbers. */
  dropFront(n: number): void {
    if (n <= 0) return;
    if (n >= this.count) { this.chunks = []; this.head = 0; this.end = 0; this.count = 0; return; }
    this.count -= n;
    this.head += n;
    const whole = (this.head / CHUNK) | 0;
    if (whole > 0) { this.chunks.splice(0, whole); this.head -= whole * CHUNK; }
  }

  /** The first index in [0, length) whose value is > `v` when `strict`, else >= `v` (values ascending). */
  search(v: number, strict: boolean): number {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const x = this.get(mid);
      if (strict ? x <= v : x < v) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}
