import type { Connection } from 'vscode-languageserver/node';
import { renderReport } from '../../checklist/report';
import { compactChecklist } from '../../checklist/wire';
import type { ReadinessService } from '../../service';
import { AttestRequest, ChecklistCompactRequest, ChecklistRequest, ReportRequest, SignOffRequest } from '../protocol';

/** The checklist view's requests: the report, its export, attestations and sign-offs. */
export function registerChecklistHandlers(connection: Connection, service: ReadinessService): void {
  connection.onRequest(ChecklistRequest, () => service.checklist());
  connection.onRequest(ChecklistCompactRequest, async () => compactChecklist(await service.checklist()));
  connection.onRequest(ReportRequest, async (params) => renderReport(await service.checklist(), params.format));
  connection.onRequest(AttestRequest, (params) => service.attest(params.itemId, params.status, { by: params.by, note: params.note }));
  connection.onRequest(SignOffRequest, (params) => service.signOff(params.role, params.name, params.date));
}
