import { relative, sep } from 'node:path';
import { ALL_RULES } from '../../../rules';
import { ruleDocsUrl } from '../engine/docs';
import { REPOSITORY_URL } from '../package-info';
import { categoryOfItem, type Finding, type Severity } from '../engine/types';
import { catalogItem } from '../checklist/catalog';
import type { Locale } from '../i18n';
import { t } from '../i18n';
import type { ProjectScan } from '../service';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || path;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId),
  );
}

/** Hints (an unused suppression) are for editors; reports and exit codes count the rest. */
export function reportable(findings: Finding[]): Finding[] {
  return sortFindings(findings.filter((finding) => finding.severity !== 'hint'));
}

/** The JSON contract CI scripts read (version 1): extend, never rename. */
export function toJson(scan: ProjectScan) {
  return {
    version: 1,
    files: {
      scanned: scan.scanned.length,
      skipped: scan.skipped.map((skip) => ({ file: relativePath(scan.root, skip.path), reason: skip.reason })),
    },
    findings: reportable(scan.findings).map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: relativePath(scan.root, finding.path),
      range: finding.range,
      category: finding.category ?? null,
      checklistItem: finding.checklistItem ?? null,
      fixable: Boolean(finding.fix),
    })),
    errors: scan.errors,
  };
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };

type Counted = 'finding' | 'error' | 'warning' | 'information' | 'file';

function count(locale: Locale, noun: Counted, n: number): string {
  return t(locale, `cli.count.${noun}.${n === 1 ? 'one' : 'other'}`, { n });
}

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides, which a terminal would obey:
 * `\x1b]0;title\x07` retitles the window, `\x1b[2J` clears it, U+202E reverses what follows.
 */
const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LAYOUT = new Set(['\n', '\t']);

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from files (names, messages quoting their content, reasons) made safe for a terminal: every
 * control character is shown as an escape (`\x1b`), so the only escape sequences the terminal
 * sees are the colours this program writes. Line breaks are escaped too: one finding, one line.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, visible);
}

/** The same for a whole document (a Markdown report): its own line breaks and tabs stay. */
export function terminalSafeDocument(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (char) => (LAYOUT.has(char) ? char : visible(char)));
}

export function toText(scan: ProjectScan, colour: boolean): string {
  const locale = scan.settings.locale ?? 'en';
  const paint = (code: string, text: string) => (colour ? `${code}${text}\x1b[0m` : text);
  const findings = reportable(scan.findings);
  const out: string[] = [];
  let currentFile = '';
  for (const finding of findings) {
    const file = terminalSafe(relativePath(scan.root, finding.path));
    if (file !== currentFile) {
      if (currentFile) out.push('');
      out.push(paint('\x1b[1m', file));
      currentFile = file;
    }
    const where = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    out.push(`  ${where}  ${paint(COLOURS[finding.severity], finding.severity.padEnd(11))}  ${terminalSafe(finding.ruleId)}  ${terminalSafe(finding.message)}`);
  }
  for (const error of scan.errors) out.push(paint(COLOURS.error, terminalSafe(t(locale, 'cli.error', { file: error.file, message: error.message }))));
  for (const skip of scan.skipped) out.push(paint('\x1b[2m', terminalSafe(t(locale, 'cli.skipped', { file: relativePath(scan.root, skip.path), reason: skip.reason }))));
  if (out.length) out.push('');
  const bySeverity = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  out.push(
    t(locale, 'cli.summary', {
      findings: count(locale, 'finding', findings.length),
      errors: count(locale, 'error', bySeverity('error')),
      warnings: count(locale, 'warning', bySeverity('warning')),
      information: count(locale, 'information', bySeverity('information')),
      fixable: findings.filter((finding) => finding.fix).length,
      files: count(locale, 'file', scan.scanned.length),
      skipped: scan.skipped.length,
    }),
  );
  return out.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, the format GitHub code scanning reads. */
export function toSarif(scan: ProjectScan, version: string) {
  const findings = reportable(scan.findings);
  const usedIds = [...new Set(findings.map((finding) => finding.ruleId))];
  const rules = usedIds.map((id) => {
    const meta = ALL_RULES.find((rule) => rule.meta.id === id)?.meta;
    return meta
      ? {
          id,
          name: meta.title,
          shortDescription: { text: meta.title },
          fullDescription: { text: meta.description },
          helpUri: ruleDocsUrl(id),
          help: { text: meta.description },
          defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
          properties: { category: categoryOfItem(meta.checklistItem), checklistItem: meta.checklistItem, critical: catalogItem(meta.checklistItem)?.critical ?? false, tags: [categoryOfItem(meta.checklistItem).toLowerCase(), meta.kind] },
        }
      : { id, name: id, shortDescription: { text: id }, defaultConfiguration: { level: 'error' } };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'readiness', version, informationUri: REPOSITORY_URL, rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileUri(scan.root) + '/' } },
        results: findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: usedIds.indexOf(finding.ruleId),
          level: SARIF_LEVEL[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(relativePath(scan.root, finding.path)), uriBaseId: 'SRCROOT' },
                region: {
                  startLine: finding.range.start.line + 1,
                  startColumn: finding.range.start.character + 1,
                  endLine: finding.range.end.line + 1,
                  endColumn: finding.range.end.character + 1,
                },
              },
            },
          ],
          properties: { category: finding.category, checklistItem: finding.checklistItem },
        })),
        invocations: [
          {
            executionSuccessful: scan.errors.length === 0,
            toolExecutionNotifications: scan.errors.map((error) => ({ level: 'error', message: { text: `${error.file}: ${error.message}` } })),
          },
        ],
      },
    ],
  };
}

function pathToFileUri(path: string): string {
  return 'file://' + encodeURI(path.split(sep).join('/'));
}
