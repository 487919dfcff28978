import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { initKinds, detectKind } from '../../server/src/kinds';
import { terraformSupport } from '../../server/src/kinds/terraform';
import { attribute, nestedBlocks, type TerraformModel } from '../../server/src/kinds/terraform/model';

const parse = (text: string, path = '/work/main.tf') => terraformSupport.parse(text, path) as TerraformModel;
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('terraform model', () => {
  before(() => initKinds());

  it('claims .tf files only', () => {
    assert.deepEqual(detectKind('/x/main.tf'), { kind: 'terraform' });
    assert.equal(detectKind('/x/main.tf.json'), undefined);
  });

  it('keeps exact ranges of blocks, labels, attributes and values (UTF-16 offsets)', () => {
    const text = '# café ☕\nresource "aws_db_instance" "main" {\n  engine = "postgres" # note\n  tags = { Name = "db" }\n}\n';
    const [block] = parse(text).blocks;
    assert.equal(block.type, 'resource');
    assert.deepEqual(block.labels.map((label) => label.value), ['aws_db_instance', 'main']);
    assert.equal(slice(text, block.headerSpan), 'resource "aws_db_instance" "main"');
    assert.equal(slice(text, block.span), text.slice(text.indexOf('resource'), text.lastIndexOf('}') + 1));
    const engine = attribute(block, 'engine')!;
    assert.equal(slice(text, engine.nameSpan), 'engine');
    assert.equal(slice(text, engine.value.span), '"postgres"');
    assert.equal(engine.value.value, 'postgres');
    assert.equal(slice(text, block.closeSpan), '}');
    assert.deepEqual(attribute(block, 'tags')!.value.value, { Name: 'db' });
  });

  it('reads literals and leaves everything else unknown', () => {
    const text = [
      'locals {',
      '  s = "a\\"b\\n$${x}"',
      '  n = -1.5',
      '  b = true',
      '  z = null',
      '  l = [1, "two", { k = false }]',
      '  h = <<-EOT',
      '    line one',
      '      line two',
      '  EOT',
      '  t = "x${var.y}"',
      '  r = aws_s3_bucket.data[0].id',
      '  c = merge(var.a, {})',
      '  p = provider::aws::arn_parse("arn:aws:iam::444455556666:role/example")',
      '}',
    ].join('\n');
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    const [locals] = model.blocks;
    const value = (name: string) => attribute(locals, name)!.value;
    assert.equal(value('s').value, 'a"b\n${x}');
    assert.equal(value('n').value, -1.5);
    assert.equal(value('b').value, true);
    assert.equal(value('z').literal, true);
    assert.equal(value('z').value, null);
    assert.deepEqual(value('l').value, [1, 'two', { k: false }]);
    assert.equal(value('h').value, 'line one\n  line two\n');
    assert.equal(value('t').literal, false);
    assert.deepEqual(value('r').reference, ['aws_s3_bucket', 'data']);
    assert.equal(value('c').functionName, 'merge');
    assert.equal(value('p').functionName, 'provider::aws::arn_parse');
  });

  it('keeps nested and dynamic blocks', () => {
    const text = 'resource "aws_security_group" "sg" {\n  ingress {\n    from_port = 22\n  }\n  dynamic "ingress" {\n    for_each = var.rules\n    content {\n      from_port = ingress.value\n    }\n  }\n}\n';
    const [sg] = parse(text).blocks;
    const ingress = nestedBlocks(sg, 'ingress');
    assert.deepEqual(ingress.map((block) => block.type), ['ingress', 'content']);
    assert.equal(slice(text, ingress[0].headerSpan), 'ingress');
  });

  it('reports one syntax error per broken block and still reads the other blocks', () => {
    const text = 'resource "aws_s3_bucket" "a" {\n  bucket = \n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "y"\n}\n\nresource "aws_lb" "c" {\n  name = "c"\n';
    const model = parse(text);
    assert.deepEqual(model.blocks.map((block) => block.labels[1]?.value), ['a', 'b', 'c']);
    assert.equal(model.errors.length, 2);
    assert.ok(model.errors[0].span.end <= text.indexOf('resource "aws_s3_bucket" "b"'));
    assert.ok(model.errors[1].span.start >= text.indexOf('resource "aws_lb"'));
    for (const error of model.errors) assert.match(error.message, /^Syntax error: .*\.$/);
    assert.equal(attribute(model.blocks[1], 'bucket')!.value.value, 'y');
    assert.equal(attribute(model.blocks[2], 'name')!.value.value, 'c');
  });

  it('parses a file with no blocks and an empty file', () => {
    assert.deepEqual(parse('').blocks, []);
    assert.deepEqual(parse('# only a comment\n').errors, []);
  });

  it('reads conditionals, operations, traversals, calls and for expressions', () => {
    const text = [
      'locals {',
      '  a = var.create ? 1 : 0',
      '  b = !var.x && var.y == "s"',
      '  c = var.m[count.index].k',
      '  d = lookup(var.m, "k", null)',
      '  e = [for k, v in var.m : v if k != ""]',
      '  f = { for k, v in var.m : k => v... }',
      '  g = "a-${var.b}"',
      '  h = merge(var.a, {})["k"]',
      '  i = var.l[*].id',
      '}',
    ].join('\n');
    const model = parse(text);
    assert.deepEqual(model.errors, []);
    const value = (name: string) => attribute(model.blocks[0], name)!.value;
    assert.equal(value('a').type, 'conditional');
    assert.deepEqual(value('a').operands!.map((operand) => slice(text, operand.span)), ['var.create', '1', '0']);
    assert.equal(value('b').operator, '&&');
    assert.equal(value('b').operands![0].operator, '!');
    assert.equal(value('b').operands![1].operator, '==');
    assert.deepEqual(value('c').reference, ['var', 'm']);
    assert.deepEqual(value('c').steps!.map((step) => step.kind), ['attr', 'index', 'attr']);
    assert.deepEqual(value('d').args!.map((arg) => slice(text, arg.span)), ['var.m', '"k"', 'null']);
    assert.equal(value('e').forExpr!.keyName, 'k');
    assert.equal(slice(text, value('e').forExpr!.condition!.span), 'k != ""');
    assert.equal(value('f').forExpr!.grouping, true);
    assert.deepEqual(value('g').parts!.map((part) => (typeof part === 'string' ? part : slice(text, part.span))), ['a-', 'var.b']);
    assert.equal(value('h').type, 'traversal');
    assert.equal(value('h').base!.functionName, 'merge');
    assert.deepEqual(value('i').steps!.map((step) => step.kind), ['attr', 'splat']);
  });

  it('caps nesting: a file nested thousands of levels deep parses into a bounded model and one limit finding', () => {
    const depth = 5000;
    const cases = [
      'resource "aws_s3_bucket" "b" {\n' + 'a {\n'.repeat(depth) + '}\n'.repeat(depth) + '}\n',
      'locals {\n  x = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n}\n',
      'locals {\n  x = ' + '{ a = '.repeat(depth) + '1' + ' }'.repeat(depth) + '\n}\n',
      'locals {\n  x = ' + '('.repeat(depth) + '1' + ')'.repeat(depth) + '\n}\n',
      'locals {\n  x = ' + 'true ? '.repeat(depth) + '1' + ' : 2'.repeat(depth) + '\n}\n',
      'locals {\n  x = 1' + ' + 1'.repeat(depth) + '\n}\n',
    ];
    for (const text of cases) {
      const model = parse(text);
      assert.equal(model.errors.length, 1, text.slice(0, 40));
      assert.match(model.errors[0].message, /^Nesting deeper than 100 levels is not analyzed; .*\.$/);
      assert.ok(model.errors[0].span.end <= text.length);
      // Every later walk is recursive: a model deeper than the cap would overflow them.
      const deepest = (value: unknown, level = 0): number =>
        value !== null && typeof value === 'object' ? Math.max(level, ...Object.values(value).map((inner) => deepest(inner, level + 1))) : level;
      assert.ok(deepest(model.blocks) < 1000);
    }
    const shallow = parse('locals {\n  x = ' + '['.repeat(50) + ']'.repeat(50) + '\n}\n');
    assert.deepEqual(shallow.errors, []);
  });

  it('throws a clear error when used before init', async () => {
    const script = "require('./server/src/kinds/terraform').terraformSupport.parse('x = 1', 'a.tf')";
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /Terraform parser is not initialised/);
  });
});
