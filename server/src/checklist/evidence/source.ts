/**
 * One evidence file, parsed lazily and at most once, with the helpers detectors share: YAML
 * documents (errors tolerated), line numbers of offsets, environment variables, container images,
 * shell commands that really run, and Markdown sections.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../../engine/text';
import type { Span } from '../../engine/types';
import type { Localized } from '../catalog';
import type { TargetId } from '../types';

export interface EvidenceInput {
  /** Path relative to the workspace root, forward slashes. */
  path: string;
  text: string;
  /**
   * The root node of each YAML document, when the caller has parsed the file already (the
   * Kubernetes model's `documents[i].root`), so large manifests are not parsed twice.
   */
  yamlRoots?: readonly unknown[];
  /** Where each of those documents lies in the text (its `---` line to its end) and whether it parsed with errors, for reading them one by one (documents.ts). */
  yamlDocuments?: readonly { span: Span; hasErrors: boolean }[];
}

/**
 * What a detector found, before it is spread over the items it proves. Two kinds of `item` are
 * not checklist items: `fact:<name>` carries a fact for a cross-file join (see joins.ts), and
 * `declared:<target>` a value stated for a target that no item owns (the success metrics).
 */
export interface DetectorHit {
  item: string;
  what: Localized;
  /** 0-based line. */
  line?: number;
  /** A value the file states for a target; the checklist judges it against the target in force. */
  declares?: { target: TargetId; text: string; value: number; span: Span; source: string };
  /** For `fact:` items: the fact's fields. */
  fact?: Record<string, string | string[]>;
}

export const FACT_PREFIX = 'fact:';
export const DECLARED_PREFIX = 'declared:';

export interface Detector {
  id: string;
  /** What it looks for, e.g. "Prometheus scrape configuration". */
  title: string;
  /** What to add to the workspace to prove its items, for the "To verify" list. */
  hint?: Localized;
  /** What proves one of its items, where `hint` (written for them all) would send a team to the wrong file or setting. */
  hints?: Record<string, Localized>;
  /** What counts and what does not: the heuristic, documented for the catalog and the docs. */
  heuristic: string;
  /** Item id -> why a hit proves that item. */
  proves: Record<string, Localized>;
  appliesTo(file: SourceFile): boolean;
  /**
   * Text the file must contain for detect() to find anything; checked before any parsing, so the
   * large manifests of a workspace are parsed only when some detector may care. It never matches
   * across a `---` line, so a YAML stream matches it when one of its documents does.
   */
  textHint?: RegExp;
  /**
   * The detector reads each YAML document on its own: detect() looks only at `yamlNodes()` /
   * `yamlRoots()` and the lines of their nodes (never at `text`), one root after another, and its
   * textHint cannot match across a `---` line. A multi-document file's hits are then its
   * documents' hits in order (`all`), the first per item of them (`first`), or those of the first
   * document with any (`firstDocument`), so an edit reads only the documents it changed (documents.ts).
   */
  perDocument?: 'all' | 'first' | 'firstDocument';
  detect(file: SourceFile): DetectorHit[];
}

export const EXCLUDED_FOLDERS = new Set(['node_modules', 'vendor', '.git', '.terraform', 'dist', 'out', 'target', 'bower_components', '.venv', 'venv', '__pycache__']);

/**
 * Folders of data for a project's own tests (Go's testdata, fixtures, mocks, snapshots): a
 * cert-manager Certificate or an Argo Rollout there is input to a test, not how the project runs,
 * so it is no evidence (argo-cd keeps hundreds of such manifests under testdata/), and its findings
 * fail no checklist item (argo-cd's Lua health checks are tested on Deployments without probes).
 * Their names say what they hold. test/, tests/ and e2e/ are not among them: they often hold the
 * real manifests of a test cluster (microservices-demo's kustomize/tests, terraform-aws-eks's
 * tests/), which are deployed.
 */
export const TEST_DATA_FOLDERS = new Set([
  'testdata',
  'test-data',
  'test_data',
  'fixtures',
  'fixture',
  'test-fixtures',
  'test_fixtures',
  '__fixtures__',
  '__mocks__',
  '__snapshots__',
]);

/**
 * Folders of a project's tests. The manifests and configurations there set up a test (gixy's
 * tests/ hold an nginx.conf per case), so the subjects rules inspect in them prove no item; test
 * code there (a k6 script, an end-to-end suite) is still evidence that the tests exist.
 */
export const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'e2e', ...TEST_DATA_FOLDERS]);

/** Whether a path relative to the workspace root lies in one of these folders (lower-case names). */
export function inFolders(relativePath: string, folders: ReadonlySet<string>): boolean {
  return relativePath.replace(/\\/g, '/').toLowerCase().split('/').slice(0, -1).some((folder) => folders.has(folder));
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  /** Lower-cased base name. */
  readonly name: string;
  /** Lower-cased folder names, outermost first. */
  readonly folders: string[];
  private lineIndex?: LineIndex;
  private roots?: readonly unknown[];

  constructor(input: EvidenceInput) {
    this.roots = input.yamlRoots;
    this.path = input.path.replace(/\\/g, '/').replace(/^\.\//, '');
    this.text = input.text;
    const parts = this.path.toLowerCase().split('/');
    this.name = parts[parts.length - 1] ?? '';
    this.folders = parts.slice(0, -1);
  }

  get isYaml(): boolean {
    return /\.ya?ml$/.test(this.name);
  }

  get isMarkdown(): boolean {
    return /\.(md|markdown)$/.test(this.name);
  }

  get isTerraform(): boolean {
    return /\.tf$/.test(this.name);
  }

  /** Only CustomResourceDefinitions: schemas, which mention every field name and prove nothing. */
  get isCrdOnly(): boolean {
    if (!this.isYaml) return false;
    const kinds = [...this.text.matchAll(/^kind\s*:\s*['"]?(\w+)/gm)].map((match) => match[1]);
    return kinds.length > 0 && kinds.every((kind) => kind === 'CustomResourceDefinition');
  }

  lineOf(offset: number): number {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex.positionAt(offset).line;
  }

  /** The span of the first occurrence of `needle` on or after a 0-based line; undefined when absent. */
  find(needle: string, line = 0): Span | undefined {
    this.lineIndex ??= new LineIndex(this.text);
    const at = needle ? this.text.indexOf(needle, this.lineIndex.lineStart(line)) : -1;
    return at >= 0 ? { start: at, end: at + needle.length } : undefined;
  }

  /** Line of the first occurrence of `needle` at or after `from`, or of `from` when absent. */
  lineOfText(needle: string, from = 0): number {
    const at = needle ? this.text.indexOf(needle, from) : -1;
    return this.lineOf(at >= 0 ? at : from);
  }

  /** The root node of every YAML document of the file; empty for non-YAML or unparsable text. Never throws. */
  yamlNodes(): readonly unknown[] {
    if (this.roots) return this.roots;
    this.roots = [];
    if (!this.isYaml) return this.roots;
    try {
      // Detectors read what parsed; a document with errors keeps whatever nodes the parser recovered.
      const documents = parseAllDocuments(this.text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
      this.roots = Array.isArray(documents) ? documents.map((document) => document.contents) : [];
    } catch {
      this.roots = [];
    }
    return this.roots;
  }

  /** Top-level mappings of the YAML documents. */
  yamlRoots(): YAMLMap[] {
    return this.yamlNodes().filter((node): node is YAMLMap => isMap(node));
  }

  lineOfNode(node: unknown): number | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? this.lineOf(range[0]) : undefined;
  }
}

/** Collects hits keeping the first one per item: the earliest proof is the one a reader opens. */
export function firstHitPerItem(): { add(item: string, what: Localized, line?: number): void; hits: DetectorHit[] } {
  const hits: DetectorHit[] = [];
  const seen = new Set<string>();
  return {
    hits,
    add(item, what, line) {
      if (seen.has(item)) return;
      seen.add(item);
      hits.push({ item, what, line });
    },
  };
}

export function loc(en: string, pt: string): Localized {
  return { en, pt };
}

/** A command or value quoted in a hit, kept short enough for a table cell. */
export function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

// ---- YAML helpers -------------------------------------------------------------------------------

export function get(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const key of path) {
    if (!isMap(current)) return undefined;
    current = current.get(key, true);
  }
  return current;
}

export function str(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function getStr(node: unknown, ...path: string[]): string | undefined {
  return str(get(node, ...path));
}

export function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

export function pairs(node: unknown): Pair<unknown, unknown>[] {
  return isMap(node) ? (node.items as Pair<unknown, unknown>[]) : [];
}

/**
 * Every mapping in the tree, depth first, with a depth limit against pathological files. Collected
 * into an array: a recursive generator pays its depth on every mapping it yields, which made large
 * CRD schemas slow to walk.
 */
export function walkMaps(node: unknown): YAMLMap[] {
  const maps: YAMLMap[] = [];
  collectMaps(node, 0, maps);
  return maps;
}

function collectMaps(node: unknown, depth: number, maps: YAMLMap[]): void {
  if (depth > 40) return;
  if (isMap(node)) {
    maps.push(node);
    for (const pair of node.items) collectMaps(pair.value, depth + 1, maps);
  } else if (isSeq(node)) {
    for (const item of node.items) collectMaps(item, depth + 1, maps);
  }
}

export function kindOf(root: unknown): { apiVersion: string; kind: string; name: string } {
  return {
    apiVersion: getStr(root, 'apiVersion') ?? '',
    kind: getStr(root, 'kind') ?? '',
    name: getStr(root, 'metadata', 'name') ?? '',
  };
}

// ---- Environment variables and images ----------------------------------------------------------

export interface EnvVar {
  name: string;
  /** Literal value, '' when empty; undefined when set from elsewhere (valueFrom, ${VAR}). */
  value: string | undefined;
  line?: number;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Environment variables a YAML file sets: Kubernetes `env: [{name, value|valueFrom}]`, Compose
 * `environment:` as a map or a `KEY=value` list, and CI `env:`/`variables:` maps.
 */
export function envVars(file: SourceFile): EnvVar[] {
  const found: EnvVar[] = [];
  for (const root of file.yamlNodes()) {
    for (const map of walkMaps(root)) {
      for (const pair of map.items as Pair<unknown, unknown>[]) {
        const key = str(pair.key);
        if (key !== 'env' && key !== 'environment' && key !== 'variables') continue;
        const value = pair.value;
        if (isSeq(value)) {
          for (const entry of value.items) {
            if (isMap(entry)) {
              const name = getStr(entry, 'name');
              if (!name || !ENV_NAME.test(name)) continue;
              const literal = get(entry, 'value');
              found.push({ name, value: literal !== undefined ? interpolated(str(literal) ?? '') : get(entry, 'valueFrom') ? undefined : '', line: file.lineOfNode(entry) });
            } else {
              const text = str(entry);
              const match = text ? /^([A-Za-z_][A-Za-z0-9_.]*)=(.*)$/.exec(text) : null;
              if (match) found.push({ name: match[1], value: interpolated(match[2]), line: file.lineOfNode(entry) });
            }
          }
        } else if (isMap(value)) {
          for (const entry of value.items as Pair<unknown, unknown>[]) {
            const name = str(entry.key);
            if (!name || !ENV_NAME.test(name)) continue;
            const literal = str(entry.value);
            found.push({ name, value: literal === undefined ? (isScalar(entry.value) ? '' : undefined) : interpolated(literal), line: file.lineOfNode(entry.key) });
          }
        }
      }
    }
  }
  return found;
}

function interpolated(value: string): string | undefined {
  return /\$\{?[A-Za-z_]/.test(value) || /\{\{/.test(value) ? undefined : value.trim();
}

/** True when the variable is set to something (a literal that is not empty, or a reference). */
export function isSet(variable: EnvVar): boolean {
  return variable.value === undefined || variable.value !== '';
}

export interface ImageRef {
  /** Full reference as written. */
  reference: string;
  /** Last path segment of the repository, lower-cased, without tag or digest. */
  repository: string;
  /** Repository path without registry host, lower-cased (e.g. "grafana/promtail"). */
  path: string;
  line?: number;
}

/** Every `image:` scalar of a YAML file (Kubernetes containers, Compose services, Helm values). */
export function images(file: SourceFile): ImageRef[] {
  return file.yamlNodes().flatMap((root) => imagesIn(root, file));
}

/** Each file's images by root: three detectors read them, and a root is walked once. */
const imagesByRoot = new WeakMap<SourceFile, Map<unknown, ImageRef[]>>();

/** The `image:` scalars under one node (a document's root). */
export function imagesIn(root: unknown, file: SourceFile): ImageRef[] {
  let byRoot = imagesByRoot.get(file);
  if (!byRoot) imagesByRoot.set(file, (byRoot = new Map()));
  let found = byRoot.get(root);
  if (!found) byRoot.set(root, (found = walkImages(root, file)));
  return found;
}

function walkImages(root: unknown, file: SourceFile): ImageRef[] {
  const found: ImageRef[] = [];
  for (const map of walkMaps(root)) {
    const node = map.get('image', true);
    const reference = str(node);
    if (reference) found.push({ ...parseImage(reference), line: file.lineOfNode(node) });
    else if (isMap(node)) {
      // Helm values style: image: { repository: grafana/promtail, tag: 2.9.0 }
      const repository = getStr(node, 'repository');
      if (repository) found.push({ ...parseImage(repository), line: file.lineOfNode(node) });
    }
  }
  return found;
}

export function parseImage(reference: string): Omit<ImageRef, 'line'> {
  const withoutDigest = reference.split('@')[0];
  const parts = withoutDigest.toLowerCase().split('/');
  const last = parts[parts.length - 1].split(':')[0];
  const host = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]) ? 1 : 0;
  const path = [...parts.slice(host, -1), last].join('/');
  return { reference, repository: last, path };
}

// ---- Shell commands -----------------------------------------------------------------------------

export interface Command {
  /** One simple command, trimmed, env assignments and `sudo`/`exec` removed. */
  text: string;
  line?: number;
  /**
   * Its failure cannot fail the script: `cmd || true`, `cmd || echo failed`, or after `set +e`.
   * A test run this way proves nothing (`cmd || exit 1` still fails, so it is not masked).
   */
  masked?: boolean;
  /** Reads the output of the previous command (`gunzip -c dump | psql`). */
  piped?: boolean;
}

const NOT_RUN = /^(echo|printf|#|:|true|false|cat\s*<<|exit\b)/;
const STILL_FAILS = /^(?:exit\s+[1-9]\d*|false|return\s+[1-9]\d*|exit\s+\$\?)\b/;

/**
 * Splits a script into the simple commands that actually run: comments, `echo`/`printf` lines and
 * their arguments never count (a workflow that echoes "npm test" tests nothing).
 */
export function commands(script: string, file?: SourceFile, from = 0): Command[] {
  const result: Command[] = [];
  const physical = script.split(/\r?\n/);
  let errexitOff = false;
  for (let index = 0; index < physical.length; index++) {
    const first = physical[index];
    let logical = first;
    // A trailing backslash continues the command on the next line.
    while (/\\\s*$/.test(logical) && index + 1 < physical.length) logical = logical.replace(/\\\s*$/, ' ') + physical[++index];
    const line = file && first.trim() ? file.lineOfText(first.trim(), from) : undefined;
    const parts = splitSimpleCommands(logical);
    parts.forEach((part, position) => {
      if (/^set\s+(?:-\w*)?\+e\b|^set\s+\+o\s+errexit\b/.test(part.text)) errexitOff = true;
      else if (/^set\s+-\w*e\w*\b|^set\s+-o\s+errexit\b/.test(part.text)) errexitOff = false;
      let text = part.text.replace(/^(?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|\S*)\s+)+/, '');
      text = text.replace(/^(?:then|do|else)\s+/, '').replace(/^(?:sudo|exec|time|env)\s+/, '').trim();
      if (!text || NOT_RUN.test(text)) return;
      const next = parts[position + 1];
      const masked = errexitOff || (part.separator === '||' && next !== undefined && !STILL_FAILS.test(next.text));
      const piped = position > 0 && parts[position - 1].separator === '|';
      result.push({ text, line, ...(masked ? { masked } : {}), ...(piped ? { piped } : {}) });
    });
  }
  return result;
}

/** Splits one shell line on `&&`, `||`, `;` and `|` outside quotes, dropping a trailing comment; each part keeps the operator after it. */
function splitSimpleCommands(line: string): { text: string; separator: string }[] {
  const parts: { text: string; separator: string }[] = [];
  let current = '';
  let quote: string | undefined;
  const push = (separator: string) => {
    if (current.trim()) parts.push({ text: current.trim(), separator });
    current = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      break;
    } else if (c === ';' || c === '|' || (c === '&' && line[i + 1] === '&')) {
      const double = line[i + 1] === c;
      if (double) i++;
      push(double ? c + c : c);
    } else {
      current += c;
    }
  }
  push('');
  return parts;
}

// ---- Markdown -----------------------------------------------------------------------------------

export interface Section {
  heading: string;
  level: number;
  /** 0-based line of the heading (0 for the whole-file section). */
  line: number;
  body: string[];
}

/** Headings and their bodies (up to the next heading of the same or a higher level); code fences respected. */
export function markdownSections(file: SourceFile): Section[] {
  const lines = file.text.split(/\r?\n/);
  const headings: { heading: string; level: number; line: number }[] = [];
  let fence: string | undefined;
  lines.forEach((text, index) => {
    const fenceMatch = /^\s*(```|~~~)/.exec(text);
    if (fenceMatch) fence = fence === undefined ? fenceMatch[1] : fence === fenceMatch[1] ? undefined : fence;
    if (fence !== undefined) return;
    const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (match) headings.push({ heading: match[2], level: match[1].length, line: index });
  });
  return headings.map((heading, index) => {
    const next = headings.slice(index + 1).find((candidate) => candidate.level <= heading.level);
    return { ...heading, body: lines.slice(heading.line + 1, next ? next.line : lines.length) };
  });
}

const PLACEHOLDER_LINE =
  /\b(?:TODO|TBD|TBA|FIXME|XXX|WIP)\b|lorem ipsum|fill (?:in|this|me)\b|to be (?:written|defined|determined|completed|done|added)|coming soon|placeholder|under construction|a definir|a preencher|preencher depois|em breve|em constru[çc][ãa]o/i;
const LOREM_WORDS = /\b(?:lorem|ipsum|dolor|consectetur|adipiscing|eiusmod|tempor|incididunt|labore|dolore|aliqua|veniam|nostrud|exercitation|ullamco|laboris|aliquip|commodo|consequat|aute|irure|reprehenderit|voluptate|cillum|fugiat|pariatur|excepteur|occaecat|cupidatat|proident|culpa|officia|deserunt|mollit|laborum)\b/gi;

/** A line that stands in for content: TODO, TBD, "fill in later", lorem ipsum. */
export function isPlaceholderLine(line: string): boolean {
  return PLACEHOLDER_LINE.test(line) || (line.match(LOREM_WORDS)?.length ?? 0) >= 2;
}

/**
 * Lines of real content: not blank, not a heading, not a lone link or image, not a fence marker,
 * not an empty list item or table row, not a placeholder (TODO, TBD, lorem ipsum).
 */
export function contentLines(body: string[]): string[] {
  return body.filter((line) => {
    const text = line.trim();
    if (!text || /^#{1,6}\s/.test(text) || /^(```|~~~)/.test(text) || /^[-*_]{3,}$/.test(text)) return false;
    if (isPlaceholderLine(text)) return false;
    const withoutLinks = text.replace(/^[-*+]\s+(?:\[[ xX]\]\s*)?|^\d+[.)]\s+/, '').replace(/!?\[[^\]]*\]\([^)]*\)/g, '').replace(/<[^>]+>/g, '').trim();
    return withoutLinks.replace(/[|:\-\s.,;]/g, '').length >= 3;
  });
}
