import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, isKnown, reportValue, requireTrue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { textValue, truthyValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/kms-rotation',
    kind: 'terraform',
    title: 'Rotate KMS keys',
    description:
      'Symmetric customer-managed KMS keys should set enable_key_rotation = true, so key material is rotated every year without re-encrypting data. Asymmetric and HMAC keys cannot rotate: asking them to is reported, since AWS rejects it; disabled keys (is_enabled = false) are not judged.',
    checklistItem: 'security/key-management',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'KMS key {{resource}} never rotates its key material; set {{setting}} = true.',
      disabled: 'KMS key {{resource}} turns key rotation off; set {{setting}} = true.',
      unsupported: 'KMS key {{resource}} is a {{spec}} key, which AWS cannot rotate, so enable_key_rotation = true fails at apply; remove {{setting}}.',
      callerDefault: 'KMS key {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) never rotates it; default it to true so that callers who omit it are safe.',
    },
    examples: {
      bad: 'resource "aws_kms_key" "data" {\n  description = "data"\n}',
      good: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n}',
    },
    ptBR: {
      title: 'Rotacionar chaves KMS',
      description:
        'Chaves KMS simétricas gerenciadas pelo cliente devem definir enable_key_rotation = true, para que o material da chave seja rotacionado todo ano sem recriptografar dados. Chaves assimétricas e HMAC não rotacionam: pedir a rotação é reportado, pois a AWS a rejeita; chaves desativadas (is_enabled = false) não são avaliadas.',
      messages: {
        missing: 'A chave KMS {{resource}} nunca rotaciona o material da chave; defina {{setting}} = true.',
        disabled: 'A chave KMS {{resource}} desliga a rotação da chave; defina {{setting}} = true.',
        unsupported: 'A chave KMS {{resource}} é do tipo {{spec}}, que a AWS não rotaciona, então enable_key_rotation = true falha no apply; remova {{setting}}.',
        callerDefault: 'A chave KMS {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) nunca a rotaciona; use true como padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const key of resourcesOf(context, 'aws_kms_key')) inspect(context, key, 'key', rotation(context, key));
  },
});

function rotation(context: TerraformContext, key: ResourceView): Verdict {
  // A disabled key encrypts nothing until it is enabled again.
  const enabled = valueOf(key, 'is_enabled');
  if (isKnown(enabled) && truthyValue(enabled) === false) return 'pass';
  const spec = hasValue(key, 'customer_master_key_spec', 'SYMMETRIC_DEFAULT');
  const usage = hasValue(key, 'key_usage', 'ENCRYPT_DECRYPT');
  if (spec === false || usage === false) return rotationUnsupported(context, key);
  if (spec === undefined || usage === undefined) return 'unknown';
  return requireTrue(context, key, 'enable_key_rotation', { missing: 'missing', disabled: 'disabled', callerDefault: 'callerDefault' }, {}, defaultsOf(context, key));
}

/** An asymmetric or HMAC key asked to rotate: AWS refuses (UnsupportedOperationException). */
function rotationUnsupported(context: TerraformContext, key: ResourceView): Verdict {
  const rotate = valueOf(key, 'enable_key_rotation');
  if (!isKnown(rotate) || truthyValue(rotate) !== true) return 'pass';
  const spec = valueOf(key, 'customer_master_key_spec');
  const usage = valueOf(key, 'key_usage');
  const kind = (isKnown(spec) && textValue(spec)) || (isKnown(usage) && textValue(usage)) || 'non-rotating';
  reportValue(context, rotate, { missing: 'unsupported', value: 'unsupported' }, { resource: key.address, spec: kind, attribute: 'enable_key_rotation' });
  return 'fail';
}

/** Whether the attribute is `expected` or unset (AWS then uses `expected`); undefined when it is not known. */
function hasValue(key: ResourceView, name: string, expected: string): boolean | undefined {
  const value = valueOf(key, name);
  if (!isKnown(value)) return undefined;
  return value.value === null || value.value === expected;
}
