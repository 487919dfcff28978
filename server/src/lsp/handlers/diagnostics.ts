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
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: ReadinessService,
  ) {}

  schedule(uri: string, delayMs: number): void {
    if (this.disposed) return;
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        void this.service.started.then(() => this.publish(uri));
      }, delayMs),
    );
  }

  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** Drops every pending publication (the server is shutting down). */
  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.disposed = true;
  }

  cancel(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
  }

  private publish(uri: string): void {
    const document = this.documents.get(uri);
    const path = pathOf(uri);
    if (!document || !path || this.pending.has(uri)) return;
    const version = document.version;
    void this.connection.sendDiagnostics({ uri, version, diagnostics: this.diagnosticsOf(path, version) });
  }

  private diagnosticsOf(path: string, version: number): Diagnostic[] {
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
      case 'none':
        return [];
    }
  }
}
