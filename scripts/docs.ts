/**
 * Generates docs/rules/<kind>/<id>.md and the README's rule table from rule metadata.
 * `--check` writes nothing and fails when a generated file is stale (CI runs it via npm test).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALL_RULES } from '../rules';
import { SEED_ITEMS } from '../server/src/checklist/seed-items';
import { APPLICATION_FIELDS, APPROVAL_KEYS, APPROVAL_STATUSES, ATTESTATION_STATUSES, GATE_KEYS, SEVERITY_SETTINGS, SIGNOFF_ROLES, TARGET_SCHEMA } from '../server/src/engine/config';
import type { RuleMeta } from '../server/src/engine/rule';
import { categoryOfItem } from '../server/src/engine/types';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
const KIND_LABEL: Record<string, string> = { dockerfile: 'Dockerfile', kubernetes: 'Kubernetes', nginx: 'nginx', terraform: 'Terraform', compose: 'Docker Compose' };
const FENCE: Record<string, string> = { dockerfile: 'dockerfile', kubernetes: 'yaml', nginx: 'nginx', terraform: 'hcl', compose: 'yaml' };

function rulePage(meta: RuleMeta): string {
  const item = SEED_ITEMS.find((candidate) => candidate.id === meta.checklistItem);
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    meta.description,
    '',
    '| | |',
    '|---|---|',
    `| File kind | ${KIND_LABEL[meta.kind]} |`,
    `| Category | ${categoryOfItem(meta.checklistItem)} |`,
    `| Checklist item | \`${meta.checklistItem}\`${item ? ` (${item.title}: ${item.seedText})` : ''} |`,
    `| Default severity | ${meta.severity} |`,
    `| Quick fix | ${meta.fixable ? 'yes' : 'no'} |`,
    `| Looks at other files | ${meta.crossFile ? 'yes' : 'no'} |`,
    ...(meta.fixReveals?.length ? [`| The fix can bring up | ${meta.fixReveals.map((id) => `\`${id}\``).join(', ')} (the next step it makes necessary) |`] : []),
    '',
    '## Messages',
    '',
    ...Object.entries(meta.messages).map(([id, text]) => `- \`${id}\`: ${text}`),
    '',
  ];
  if (meta.options && Object.keys(meta.options).length) {
    lines.push('## Options', '', '| Option | Type | Default | Description |', '|---|---|---|---|');
    for (const [name, spec] of Object.entries(meta.options)) lines.push(`| \`${name}\` | ${spec.type} | \`${JSON.stringify(spec.default)}\` | ${spec.description} |`);
    lines.push('');
  }
  if (meta.examples) {
    lines.push('## Examples', '', 'Not ready:', '', '```' + FENCE[meta.kind], meta.examples.bad.trimEnd(), '```', '', 'Ready:', '', '```' + FENCE[meta.kind], meta.examples.good.trimEnd(), '```', '');
  }
  const optionExample = meta.options && Object.keys(meta.options).length
    ? ['  ' + meta.id + ':', '    severity: ' + meta.severity, '    options:', ...Object.entries(meta.options).map(([name, spec]) => `      ${name}: ${JSON.stringify(spec.default)}`)]
    : ['  ' + meta.id + ': ' + (meta.severity === 'error' ? 'warning' : 'error')];
  lines.push(
    '## Configuration',
    '',
    'Change the severity (`off`, `hint`, `information`, `warning`, `error`) in `.readiness.yml`, or in the `readiness.rules` setting:',
    '',
    '```yaml',
    'rules:',
    ...optionExample,
    '```',
    '',
    'Suppress one finding with a comment on the line before it (a reason is required):',
    '',
    '```',
    `# readiness-ignore ${meta.id} -- <reason>`,
    '```',
    '',
    '## Português (pt-BR)',
    '',
    `**${meta.ptBR.title}**`,
    '',
    meta.ptBR.description,
    '',
    ...Object.entries(meta.ptBR.messages).map(([id, text]) => `- \`${id}\`: ${text}`),
    '',
  );
  return lines.join('\n');
}

function ruleTable(): string {
  const rows = ['| Rule | Category | Checklist item | Severity | Fix |', '|---|---|---|---|---|'];
  for (const { meta } of ALL_RULES) {
    rows.push(`| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${categoryOfItem(meta.checklistItem)} | \`${meta.checklistItem}\` | ${meta.severity} | ${meta.fixable ? 'yes' : ''} |`);
  }
  return rows.join('\n');
}

/** A JSON schema for `.readiness.yml`, so YAML editors complete rule ids, options and checklist ids. */
function configSchema(): string {
  const severity = { enum: [...SEVERITY_SETTINGS] };
  const rules: Record<string, unknown> = {};
  for (const { meta } of ALL_RULES) {
    const options: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(meta.options ?? {})) {
      const type = spec.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type: spec.type };
      options[name] = { ...type, description: spec.description, default: spec.default, ...(spec.type === 'number' && spec.minimum !== undefined ? { minimum: spec.minimum } : {}) };
    }
    rules[meta.id] = {
      description: `${meta.title} (default: ${meta.severity}).`,
      oneOf: [
        severity,
        {
          type: 'object',
          additionalProperties: false,
          properties: { severity, ...(Object.keys(options).length ? { options: { type: 'object', additionalProperties: false, properties: options } } : {}) },
        },
      ],
    };
  }
  const status = { enum: [...ATTESTATION_STATUSES] };
  const checklist: Record<string, unknown> = {};
  for (const item of SEED_ITEMS.filter((entry) => !entry.id.startsWith('signoff/'))) {
    checklist[item.id] = {
      description: `${item.title}: ${item.seedText}`,
      oneOf: [
        { enum: ATTESTATION_STATUSES.filter((value) => value !== 'na'), description: 'na needs a reason: { status: na, note: ... }.' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['status'],
          properties: { status, by: { type: 'string' }, date: { type: 'string' }, note: { type: 'string' } },
          if: { properties: { status: { const: 'na' } } },
          then: { required: ['note'], properties: { note: { type: 'string', minLength: 1, pattern: '\\S' } } },
        },
      ],
    };
  }
  const date = { type: 'string', pattern: '^(?:\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4})$' };
  const signoff = { type: 'object', additionalProperties: false, required: ['name', 'date'], properties: { name: { type: 'string', minLength: 1 }, date } };
  const targets: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(TARGET_SCHEMA)) {
    const number = { type: 'number', ...(spec.exclusiveMinimum ? { exclusiveMinimum: spec.minimum } : { minimum: spec.minimum }), maximum: spec.maximum };
    targets[key] =
      spec.type === 'enum'
        ? { description: spec.description, enum: [...spec.values!] }
        : spec.type === 'number'
          ? { description: spec.description, ...number }
          : { description: spec.description, type: 'object', additionalProperties: false, properties: { min: number, max: number } };
  }
  const approval = {
    type: 'object',
    additionalProperties: false,
    properties: { status: { enum: [...APPROVAL_STATUSES] }, name: { type: 'string' }, date, notes: { type: 'string' } },
    if: { required: ['status'], properties: { status: { enum: ['approved', 'rejected'] } } },
    then: { required: ['name', 'date'] },
  };
  const itemIds = SEED_ITEMS.filter((entry) => !entry.id.startsWith('signoff/')).map((entry) => entry.id);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Production Readiness configuration (.readiness.yml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: { description: 'Severity and options per rule id.', type: 'object', additionalProperties: false, properties: rules },
      exclude: { description: 'Globs, relative to the workspace, never analyzed.', type: 'array', items: { type: 'string' } },
      locale: { description: 'Language of rule messages and reports.', enum: ['en', 'pt-BR'] },
      application: {
        description: "The seed's application information.",
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, { type: 'string' }])),
      },
      checklist: { description: 'Manual attestations by checklist item id.', type: 'object', additionalProperties: false, properties: checklist },
      signoff: { description: 'The four sign-offs, each with a name and a date.', type: 'object', additionalProperties: false, properties: Object.fromEntries(SIGNOFF_ROLES.map((role) => [role, signoff])) },
      targets: { description: "The seed's targets; values the files declare outside them fail their items.", type: 'object', additionalProperties: false, properties: targets },
      approval: { description: "The seed's Final Approval table, by category.", type: 'object', additionalProperties: false, properties: Object.fromEntries(APPROVAL_KEYS.map((key) => [key, approval])) },
      gates: {
        description: 'Share of applicable items (0 to 100) the Tests OK and Documentation OK gates need done; 100 by default.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(GATE_KEYS.map((key) => [key, { type: 'number', minimum: 0, maximum: 100 }])),
      },
      critical: {
        description: "Changes to the product's critical set (the seed marks no item critical).",
        type: 'object',
        additionalProperties: false,
        properties: { add: { type: 'array', items: { enum: itemIds } }, remove: { type: 'array', items: { enum: itemIds } } },
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const expected = new Map<string, string>();
expected.set(join(root, 'schemas', 'readiness.schema.json'), configSchema());
for (const { meta } of ALL_RULES) expected.set(join(root, 'docs/rules', `${meta.id}.md`), rulePage(meta));
const readmePath = join(root, 'README.md');
const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
const START = '<!-- rules:start (generated by npm run docs) -->';
const END = '<!-- rules:end -->';
if (readme.includes(START) && readme.includes(END)) {
  const before = readme.slice(0, readme.indexOf(START) + START.length);
  const after = readme.slice(readme.indexOf(END));
  expected.set(readmePath, `${before}\n${ruleTable()}\n${after}`);
}

const existingPages = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? existingPages(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [])) : [];
const stale = existingPages(join(root, 'docs/rules')).filter((path) => !expected.has(path));

const outdated = [...expected].filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text).map(([path]) => path);
if (check) {
  const problems = [...outdated.map((path) => `outdated: ${path.slice(root.length + 1)}`), ...stale.map((path) => `no such rule: ${path.slice(root.length + 1)}`)];
  if (problems.length) {
    console.error(`Generated docs are stale; run "npm run docs" and commit:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`docs: ${expected.size} generated files are up to date.`);
} else {
  for (const path of outdated) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, expected.get(path)!);
  }
  for (const path of stale) rmSync(path);
  console.log(`docs: wrote ${outdated.length} files, removed ${stale.length}.`);
}
