import { performance } from 'node:perf_hooks';

/**
 * Cuts long work (indexing, re-analysing a workspace for the checklist) into slices of a few
 * milliseconds and yields to the event loop between them, so a keystroke's diagnostics wait at most
 * one slice. With an infinite budget (the CLI) it never yields.
 */
export class TimeSlicer {
  private sliceStart = performance.now();

  constructor(private readonly budgetMs: number) {}

  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
