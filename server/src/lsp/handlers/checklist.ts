import type { Connection } from 'vscode-languageserver/node';
import { renderReport } from '../../checklist/report';
import { ChecklistRevisions } from '../../checklist/revisions';
import type { ReadinessService } from '../../service';
import { AttestRequest, ChecklistCompactRequest, ChecklistDeltaRequest, ChecklistRequest, ReportRequest, SignOffRequest } from '../protocol';

/** The checklist view's requests: the report (whole, compact, or what changed since a revision), its export, attestations and sign-offs. */
export function registerChecklistHandlers(connection: Connection, service: ReadinessService): void {
  connection.onRequest(ChecklistRequest, () => service.checklist());
  const revisions = new ChecklistRevisions();
  connection.onRequest(ChecklistCompactRequest, async () => revisions.compact(await service.checklist()));
  connection.onRequest(ChecklistDeltaRequest, async (params) => revisions.since(await service.checklist(), params.since));
  connection.onRequest(ReportRequest, async (params) => renderReport(await service.checklist(), params.format));
  connection.onRequest(AttestRequest, (params) => service.attest(params.itemId, params.status, { by: params.by, note: params.note }));
  connection.onRequest(SignOffRequest, (params) => service.signOff(params.role, params.name, params.date));
}
