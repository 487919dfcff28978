import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ATTEST_REQUEST,
  CHECKLIST_CHANGED_NOTIFICATION,
  REPORT_REQUEST,
  SIGNOFF_REQUEST,
  type AttestParams,
  type ChecklistChangedParams,
  type ChecklistReport,
  type EditResult,
  type ReportParams,
  type SignOffParams,
} from '../../server/src/checklist/types';
import { ChecklistReplica } from '../../server/src/checklist/wire';

export type ChecklistState =
  | { kind: 'loading' }
  | { kind: 'ready'; report: ChecklistReport }
  | { kind: 'error'; message: string };

/**
 * The client's copy of the server's checklist. The server owns the data: this only re-requests it
 * when told it changed, and forwards edits.
 */
export class ChecklistStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChecklistState>();
  readonly onDidChange = this.changed.event;
  private current: ChecklistState = { kind: 'loading' };
  private inFlight: Promise<void> | undefined;
  /** A change arrived while a request was running: its answer may already be stale. */
  private stale = false;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The report as the server last sent it, whole or as what changed since (a large workspace's report is megabytes; an edit changes kilobytes of it). */
  private readonly replica: ChecklistReplica;

  constructor(private readonly client: LanguageClient) {
    this.replica = new ChecklistReplica((method, params) => (params === undefined ? client.sendRequest(method) : client.sendRequest(method, params)));
    this.disposables.push(
      client.onNotification(CHECKLIST_CHANGED_NOTIFICATION, (params?: ChecklistChangedParams) => {
        // The server kept the report it sent last: nothing to fetch, unless the panel has none yet.
        if (params?.unchanged && this.current.kind === 'ready' && !this.inFlight) return;
        void this.refresh();
      }),
    );
  }

  get state(): ChecklistState {
    return this.current;
  }

  get report(): ChecklistReport | undefined {
    return this.current.kind === 'ready' ? this.current.report : undefined;
  }

  refresh(): Promise<void> {
    if (this.inFlight) {
      this.stale = true;
      return this.inFlight;
    }
    this.inFlight = this.fetchUntilFresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  fail(message: string): void {
    this.set({ kind: 'error', message });
  }

  attest(params: AttestParams): Promise<EditResult> {
    return this.edit(ATTEST_REQUEST, params);
  }

  signOff(params: SignOffParams): Promise<EditResult> {
    return this.edit(SIGNOFF_REQUEST, params);
  }

  exportReport(params: ReportParams): Promise<string> {
    return this.client.sendRequest<string>(REPORT_REQUEST, params);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async edit(method: string, params: AttestParams | SignOffParams): Promise<EditResult> {
    const result = await this.client.sendRequest<EditResult>(method, params);
    if (result.ok) await this.refresh();
    return result;
  }

  private async fetchUntilFresh(): Promise<void> {
    do {
      this.stale = false;
      try {
        this.set({ kind: 'ready', report: await this.replica.fetch() });
      } catch (error) {
        this.set({ kind: 'error', message: errorMessage(error) });
      }
    } while (this.stale);
  }

  private set(state: ChecklistState): void {
    this.current = state;
    this.changed.fire(state);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
