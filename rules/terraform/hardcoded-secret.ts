import { defineRule } from '../../server/src/engine/rule';
import { distinct } from '../../server/src/kinds/terraform/checks';
import { appendBlock } from '../../server/src/kinds/terraform/edits';
import { literalString, type Attribute, type Block, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { TerraformFile } from '../../server/src/kinds/terraform/resources';

const SECRET_NAME = /^(?:\w+_)?(?:password|passwd|secret|secret_key|secret_access_key|access_key|token|api_key|client_secret|private_key)$/;
const SCANNED = ['resource', 'data', 'provider', 'module'];

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/hardcoded-secret',
    kind: 'terraform',
    title: 'Do not hard-code secrets in Terraform',
    description:
      'Passwords, keys and tokens written as literal strings end up in version control, in plans and in CI logs; pass them in through a sensitive variable fed from a secret manager.',
    checklistItem: 'deployment/secrets',
    severity: 'error',
    fixable: true,
    crossFile: true,
    messages: {
      literal: '{{attribute}} is a literal secret that ends up in version control and plans; pass it through a sensitive variable (var.{{variable}}) fed from a secret manager.',
    },
    fixTitles: {
      useVariable: 'Move the secret to variable "{{variable}}"',
    },
    examples: {
      bad: 'resource "aws_db_instance" "main" {\n  password = "hunter2"\n}',
      good: 'resource "aws_db_instance" "main" {\n  password = var.main_password\n}\n\nvariable "main_password" {\n  type      = string\n  sensitive = true\n}',
    },
    ptBR: {
      title: 'Não escrever segredos no Terraform',
      description:
        'Senhas, chaves e tokens escritos como strings literais vão parar no controle de versão, nos plans e nos logs de CI; passe-os por uma variável sensível alimentada por um gerenciador de segredos.',
      messages: {
        literal: '{{attribute}} é um segredo literal que vai parar no controle de versão e nos plans; passe-o por uma variável sensível (var.{{variable}}) alimentada por um gerenciador de segredos.',
      },
      fixTitles: {
        useVariable: 'Mover o segredo para a variável "{{variable}}"',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    const scope = TerraformFile.of(context).home.scope;
    const used = new Set<string>();
    for (const block of model.blocks) {
      if (!SCANNED.includes(block.type)) continue;
      const named = secretAttributes(block);
      if (named.length === 0) continue;
      context.inspect({ subject: 'resource', span: block.headerSpan, name: block.labels.map((label) => label.value).join('.') });
      for (const attr of named) {
        if ((literalString(attr.value) ?? '') === '') continue;
        const variable = variableName(block, attr, used);
        context.report({
          span: attr.value.span,
          messageId: 'literal',
          data: { attribute: attr.name, variable },
          fixTitleId: 'useVariable',
          fix: (fixer) => [
            fixer.replace(attr.value.span, `var.${variable}`),
            ...(scope.hasVariable(variable)
              ? []
              : [appendBlock(model, context.lines, [`variable "${variable}" {`, '\ttype      = string', '\tsensitive = true', '}'])]),
          ],
        });
      }
    }
  },
});

/** Attributes named like secrets in the block and its nested blocks (nesting is capped by the parser). */
function secretAttributes(block: Block): Attribute[] {
  const found: Attribute[] = [];
  const stack = [block];
  while (stack.length) {
    const next = stack.pop()!;
    found.push(...next.attributes.filter((attr) => SECRET_NAME.test(attr.name)));
    stack.push(...next.blocks);
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** `<resource name>_<attribute>`, made unique within the file's findings. */
function variableName(block: Block, attr: Attribute, used: Set<string>): string {
  const owner = block.type === 'resource' || block.type === 'data' ? block.labels[1]?.value : block.labels[0]?.value;
  const clean = (text: string) => text.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  let name = clean(`${owner ?? block.type}_${attr.name}`);
  if (used.has(name)) name = clean(`${block.labels[0]?.value ?? block.type}_${name}`);
  for (let suffix = 2; used.has(name); suffix++) name = clean(`${owner}_${attr.name}_${suffix}`);
  used.add(name);
  return /^[a-z_]/.test(name) ? name : `secret_${name}`;
}
