/**
 * Core types of the analysis engine. Everything here is editor-agnostic: the LSP server and the
 * CLI both translate these into their own shapes at the edge.
 */

export type FileKind = 'dockerfile' | 'kubernetes' | 'nginx' | 'terraform' | 'compose';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const CATEGORIES = [
  'Deployment',
  'Security',
  'Monitoring',
  'Performance',
  'Backup',
  'Tests',
  'Documentation',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The category of a checklist item, from its id (`security/https-only` -> Security). A rule's
 * category is always its checklist item's category: one meaning of the word everywhere.
 */
export function categoryOfItem(itemId: string): Category {
  const prefix = itemId.slice(0, itemId.indexOf('/'));
  const category = CATEGORIES.find((candidate) => candidate.toLowerCase() === prefix);
  if (!category) throw new Error(`Checklist item "${itemId}" has no category prefix.`);
  return category;
}

/** A half-open range of UTF-16 offsets into a file's text (the unit LSP and JS strings share). */
export interface Span {
  start: number;
  end: number;
}

/** A text replacement in the file that owns the finding, by offsets into its current text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Position {
  /** 0-based, like LSP. */
  line: number;
  /** 0-based UTF-16 code unit, like LSP. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A parse problem found while building a model; it becomes one `readiness/syntax` finding. */
export interface ParseError {
  span: Span;
  message: string;
}

/** Every file model keeps its source so offsets can be turned into positions when reporting. */
export interface BaseModel {
  kind: FileKind;
  /** Path of the file, as given by the caller (absolute in the server and CLI). */
  path: string;
  text: string;
  errors: ParseError[];
}

/**
 * The kinds of things rules inspect, singular. The checklist counts and names them ("6 containers
 * in 3 files checked"), so each needs `subject.<name>.one` / `.other` strings in the i18n bundles.
 * Add a kind here (never rename one) when a rule looks at something new.
 */
export const SUBJECTS = [
  // Dockerfile
  'image', // the final stage of a Dockerfile: what is deployed
  'stage', // any build stage
  'instruction', // a RUN/ADD/ENV ... line the rule checks
  // Kubernetes
  'container',
  'workload', // a pod-bearing object (Deployment, StatefulSet, Job ...)
  'object', // any other Kubernetes object (Ingress, Role, Service ...)
  // nginx
  'http', // an http block
  'server',
  'location',
  // Terraform (a resource or a module call that creates one)
  'database',
  'bucket',
  'security-group',
  'load-balancer',
  'listener',
  'target-group',
  'cache',
  'key',
  'log-group',
  'volume',
  'resource', // any other resource the rule checks
  // Compose
  'service',
] as const;
export type Subject = (typeof SUBJECTS)[number];

/**
 * Something a rule looked at (a container, a build stage, an nginx server, a database, a bucket, a
 * security group ...). A clean run proves a checklist item only when its rules inspected at least
 * one subject the item is about: "the rules ran and found nothing" on a file without such a
 * subject proves nothing.
 */
export interface Inspection {
  ruleId: string;
  subject: Subject;
  /** Its name when it has one (the container's name, the resource address). */
  name?: string;
  /** File the subject is in. */
  path: string;
  span: Span;
  range: Range;
  /** Looked at but not judged: a value it depends on is unknown. Proves nothing. */
  unknown?: true;
}

export interface Finding {
  ruleId: string;
  /** The rule's message id (absent for engine findings), for tests and translations. */
  messageId?: string;
  severity: Severity;
  message: string;
  /** File the finding belongs to; usually the analyzed file, another one for nginx includes. */
  path: string;
  span: Span;
  range: Range;
  category?: Category;
  checklistItem?: string;
  fix?: Fix;
  /**
   * Set when the rule capped the finding (`atMost`): it records a deliberate decision in the files,
   * not a defect, so the checklist lists it and does not count it against the item.
   */
  atMost?: 'information' | 'hint';
  /** Set on hint-level findings that should be rendered faded (an unused suppression). */
  unnecessary?: boolean;
}
