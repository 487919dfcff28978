// Measures the two candidate Terraform parsers on this machine, so the choice in
// docs/design/terraform-parser.md rests on numbers rather than on their READMEs.
// Usage: node scripts/measure-hcl-parsers.mjs [corpus dir]   (default ../shared/corpus/real/terraform)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const corpusDir = resolve(process.argv[2] ?? '../shared/corpus/real/terraform');

const SAMPLE = `variable "retention" {
  default = 7
}

resource "aws_db_instance" "main" {
  engine                  = "postgres"
  backup_retention_period = var.retention
}
`;
// Provider-defined functions arrived in Terraform 1.8; valid modern code that any parser must accept.
const PROVIDER_FUNCTION = `locals {
  arn = provider::aws::arn_parse("arn:aws:iam::444455556666:role/example")
}
`;
const BROKEN = `resource "aws_s3_bucket" "a" {
  bucket = "x"
  acl = 
}

resource "aws_s3_bucket" "b" {
  bucket = "y"
}
`;

function corpusFiles() {
  if (!existsSync(corpusDir)) return [];
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.tf') ? [path] : [];
    });
  return walk(corpusDir).map((path) => readFileSync(path, 'utf8'));
}

function throughput(files, parseOne) {
  let bytes = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  for (const text of files) {
    bytes += Buffer.byteLength(text);
    if (!parseOne(text)) failures++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { files: files.length, megabytes: +(bytes / 1e6).toFixed(2), seconds: +seconds.toFixed(2), mbPerSecond: +(bytes / 1e6 / seconds).toFixed(2), failures };
}

function hasPositionKeys(value, depth = 0) {
  if (value === null || typeof value !== 'object' || depth > 12) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (/^(range|pos|position|line|column|start|end|offset)$/i.test(key)) return true;
    if (hasPositionKeys(inner, depth + 1)) return true;
  }
  return false;
}

async function measureHcl2Parser(files) {
  const before = Error.stackTraceLimit;
  const hcl = require('hcl2-parser');
  const after = Error.stackTraceLimit;
  const sample = hcl.parseToObject(SAMPLE);
  const broken = hcl.parseToObject(BROKEN);
  const modern = hcl.parseToObject(PROVIDER_FUNCTION);
  return {
    parser: 'hcl2-parser 1.0.3 (GopherJS build of hcl2json)',
    stackTraceLimitBeforeRequire: String(before),
    stackTraceLimitAfterRequire: String(after),
    sourcePositions: hasPositionKeys(sample[0]),
    sampleOutput: JSON.stringify(sample[0]),
    syntaxError: { value: broken[0], error: JSON.stringify(broken[1]), errorKeys: Object.keys(broken[1] ?? {}) },
    providerFunction: { parsed: modern[0] !== null && !modern[1]?.message, error: JSON.stringify(modern[1]) },
    corpus: throughput(files, (text) => {
      const [value] = hcl.parseToObject(text);
      return value !== null;
    }),
  };
}

async function measureTreeSitter(files) {
  const { Parser, Language } = require('web-tree-sitter');
  const wasmDir = require.resolve('web-tree-sitter/web-tree-sitter.wasm').replace(/web-tree-sitter\.wasm$/, '');
  const loadStarted = process.hrtime.bigint();
  await Parser.init({ locateFile: (name) => join(wasmDir, name) });
  const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
  const loadMs = Number(process.hrtime.bigint() - loadStarted) / 1e6;
  const parser = new Parser();
  parser.setLanguage(language);

  const sample = parser.parse(SAMPLE);
  const firstBlock = sample.rootNode.descendantsOfType('block')[1];
  const broken = parser.parse(BROKEN);
  const errors = [];
  const visit = (node) => {
    if (node.isError || node.isMissing) errors.push({ type: node.type, missing: node.isMissing, start: node.startPosition, end: node.endPosition });
    else if (node.hasError) for (const child of node.children) visit(child);
  };
  visit(broken.rootNode);
  const recoveredBlocks = broken.rootNode.descendantsOfType('block').map((block) => block.text.split('\n')[0]);
  const modern = parser.parse(PROVIDER_FUNCTION);

  const edited = SAMPLE.replace('postgres', 'mysql');
  const incrementalStarted = process.hrtime.bigint();
  const start = SAMPLE.indexOf('postgres');
  const startPosition = sample.rootNode.descendantForIndex(start).startPosition;
  sample.edit({
    startIndex: start,
    oldEndIndex: start + 'postgres'.length,
    newEndIndex: start + 'mysql'.length,
    startPosition,
    oldEndPosition: { row: startPosition.row, column: startPosition.column + 8 },
    newEndPosition: { row: startPosition.row, column: startPosition.column + 5 },
  });
  const reparsed = parser.parse(edited, sample);
  const incrementalMs = Number(process.hrtime.bigint() - incrementalStarted) / 1e6;

  const result = {
    parser: 'web-tree-sitter 0.27.1 + tree-sitter-terraform.wasm (@tree-sitter-grammars/tree-sitter-hcl 1.2.0)',
    stackTraceLimitAfterRequire: String(Error.stackTraceLimit),
    loadMs: +loadMs.toFixed(1),
    sourcePositions: firstBlock ? { text: firstBlock.text.split('\n')[0], startIndex: firstBlock.startIndex, startPosition: firstBlock.startPosition, endPosition: firstBlock.endPosition } : false,
    syntaxError: { errors, recoveredBlocks },
    providerFunction: { parsed: !modern.rootNode.hasError },
    incrementalReparse: { ok: !reparsed.rootNode.hasError, ms: +incrementalMs.toFixed(2) },
    corpus: throughput(files, (text) => {
      const tree = parser.parse(text);
      const ok = !tree.rootNode.hasError;
      tree.delete();
      return ok;
    }),
  };
  for (const tree of [sample, broken, modern, reparsed]) tree.delete();
  parser.delete();
  return result;
}

const files = corpusFiles();
console.log(`corpus: ${corpusDir} (${files.length} .tf files)`);
// tree-sitter first: hcl2-parser changes process-wide state on require, which must not skew the other figures.
console.log(JSON.stringify(await measureTreeSitter(files), null, 2));
console.log(JSON.stringify(await measureHcl2Parser(files), null, 2));
