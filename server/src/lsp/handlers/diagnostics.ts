import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReadinessService } from '../../service';
import { analysisFailedDiagnostic, skippedDiagnostic, toDiagnostic, unavailableDiagnostic } from '../convert';
import { pathOf } from '../paths';

/**
 * Publishes each open document's diagnostics, debounced per document. A publication is always for
 * the document's current version: work for an older one is dropped, and when the analysis fails
 * the new version gets an error diagnostic instead of keeping the old version's findings.
 */
export class DiagnosticsPublisher {
  /** The publication due for each document: a timer, or for no delay an immediate (node makes a 0 ms timer wait 1 ms). */
  private readonly pending = new Map<string, { cancel(): void }>();
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: ReadinessService,
  ) {}

  schedule(uri: string, delayMs: number): void {
    if (this.disposed) return;
    this.pending.get(uri)?.cancel();
    const due = () => {
      this.pending.delete(uri);
      void this.service.started.then(() => this.publish(uri));
    };
    if (delayMs > 0) {
      const timer = setTimeout(due, delayMs);
      this.pending.set(uri, { cancel: () => clearTimeout(timer) });
    } else {
      const immediate = setImmediate(due);
      this.pending.set(uri, { cancel: () => clearImmediate(immediate) });
    }
  }

  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** Drops every pending publication (the server is shutting down). */
  dispose(): void {
    for (const publication of this.pending.values()) publication.cancel();
    this.pending.clear();
    this.disposed = true;
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
  }

  private publish(uri: string): void {
    const document = this.documents.get(uri);
    const path = pathOf(uri);
    if (!document || !path || this.pending.has(uri)) return;
    const version = document.version;
    const diagnostics = this.diagnosticsOf(path, version);
    // A kind still starting: the service reports the file again when it has started.
    if (diagnostics) void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private diagnosticsOf(path: string, version: number): Diagnostic[] | undefined {
    const report = this.service.fileReport(path);
    switch (report.state) {
      case 'findings':
        return report.findings.map((finding) => toDiagnostic(finding, report.lines, version, this.service.locale));
      case 'skipped':
        return [skippedDiagnostic(report.reason)];
      case 'unavailable':
        return [unavailableDiagnostic(report.reason)];
      case 'failed':
        return [analysisFailedDiagnostic(report.reason)];
      case 'starting':
        return undefined;
      case 'none':
        return [];
    }
  }
}
