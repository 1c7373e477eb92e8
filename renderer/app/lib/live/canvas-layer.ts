// One canvas of a chart, sized in CSS pixels and drawn in them at the screen's pixel ratio.
// A chart stacks several (background drawn incrementally, arrows, a cheap overlay redrawn
// each frame), so redrawing one never costs the others.

export class CanvasLayer {
  readonly ctx: CanvasRenderingContext2D;
  widthPx = 0;
  heightPx = 0;
  dpr = 1;

  constructor(readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d', { alpha: true });
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    this.ctx = ctx;
  }

  /**
   * Makes the canvas at least `heightPx` tall (its container shows what is used); answers
   * whether it was reallocated (which clears it). Heights grow in steps, so a run that adds a
   * lane at a time does not reallocate its canvases for each one.
   */
  resize(widthPx: number, heightPx: number, dpr: number): boolean {
    const w = Math.max(1, Math.floor(widthPx));
    const want = Math.max(1, Math.ceil(heightPx));
    if (w === this.widthPx && dpr === this.dpr && want <= this.heightPx && want * 2 > this.heightPx) return false;
    const h = want <= 64 ? want : Math.ceil((want * 1.25) / 32) * 32;
    this.widthPx = w; this.heightPx = h; this.dpr = dpr;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return true;
  }

  clear(x = 0, width = this.widthPx): void {
    this.ctx.clearRect(x, 0, width, this.heightPx);
  }

  /** Moves what is drawn `dx` CSS pixels to the left (the newest part is then drawn at the right). */
  shiftLeft(dx: number): void {
    const d = Math.round(dx * this.dpr);
    const { canvas, ctx } = this;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(canvas, d, 0, canvas.width - d, canvas.height, 0, 0, canvas.width - d, canvas.height);
    ctx.restore();
    this.ctx.clearRect(this.widthPx - dx, 0, dx, this.heightPx);
  }
}
