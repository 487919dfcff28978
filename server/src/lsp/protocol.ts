/** The custom requests and notifications between the client and the server, typed (yaml-language-server's requestTypes.ts is the model). */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver/node';
import {
  ATTEST_REQUEST,
  CHECKLIST_COMPACT_REQUEST,
  CHECKLIST_CHANGED_NOTIFICATION,
  CHECKLIST_DELTA_REQUEST,
  CHECKLIST_REQUEST,
  REPORT_REQUEST,
  SIGNOFF_REQUEST,
  type AttestParams,
  type ChecklistChangedParams,
  type ChecklistDeltaParams,
  type ChecklistReport,
  type EditResult,
  type ReportParams,
  type SignOffParams,
} from '../checklist/types';
import type { ChecklistDelta, CompactChecklist } from '../checklist/wire';

export const ChecklistRequest = new RequestType0<ChecklistReport, void>(CHECKLIST_REQUEST);
export const ChecklistCompactRequest = new RequestType0<CompactChecklist, void>(CHECKLIST_COMPACT_REQUEST);
export const ChecklistDeltaRequest = new RequestType<ChecklistDeltaParams, ChecklistDelta | CompactChecklist, void>(CHECKLIST_DELTA_REQUEST);
export const ReportRequest = new RequestType<ReportParams, string, void>(REPORT_REQUEST);
export const AttestRequest = new RequestType<AttestParams, EditResult, void>(ATTEST_REQUEST);
export const SignOffRequest = new RequestType<SignOffParams, EditResult, void>(SIGNOFF_REQUEST);
export const ChecklistChangedNotification = new NotificationType<ChecklistChangedParams>(CHECKLIST_CHANGED_NOTIFICATION);
