/** The readiness checklist: catalog, evidence, scoring, attestations and reports. */
export { checklistCatalog, catalogItem, SIGNOFF_ITEM_ROLES, type CatalogItem, type Localized } from './catalog';
export type { Locale } from '../i18n';
export { computeChecklist, type ChecklistInput } from './score';
export { isEvidenceCandidate, runDetectors, DETECTORS, EVIDENCE_SOURCES, type EvidenceInput } from './evidence/index';
export { setApproval, setAttestation, setSignoff, type AttestationExtra, type EditOutcome } from './attest';
export { renderReport, renderSummary, type ReportFormat } from './report';
export * from './types';
