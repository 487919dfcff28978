export { ReadinessService, changedRegion, type FileReport, type ProgressSink, type ServiceHost, type ServiceOptions } from './service';
export { scanProject, type ProjectScan, type ScanOptions } from './scan';
export { ConfigReadError } from './config-file';
