/**
 * A ReadinessService over a temporary folder that records the files it analyzes, for tests of what
 * an edit re-analyzes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { analyzeFile } from '../../server/src/engine/analyze';
import { ReadinessService } from '../../server/src/service';

export class RecordingWorkspace {
  readonly root: string;
  readonly service: ReadinessService;
  private readonly analyzed: string[] = [];

  constructor(prefix: string) {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    this.service = new ReadinessService({
      roots: [this.root],
      analyze: (input) => {
        this.analyzed.push(input.model.path);
        return analyzeFile(input);
      },
    });
  }

  write(path: string, text: string): void {
    mkdirSync(join(this.root, path, '..'), { recursive: true });
    writeFileSync(join(this.root, path), text);
  }

  /** Starts the service and scores the checklist once, so that later analyses are an edit's. */
  async start(): Promise<void> {
    await this.service.start();
    await this.service.checklist();
  }

  /** The files (workspace-relative, sorted, once per analysis) analyzed from `edit` to the next checklist. */
  async analyzedAfter(edit: () => unknown): Promise<string[]> {
    this.analyzed.length = 0;
    await edit();
    await this.service.checklist();
    return this.analyzed.map((path) => relative(this.root, path)).sort();
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
