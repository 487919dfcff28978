import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/kms-rotation',
    kind: 'terraform',
    title: 'Rotate KMS keys',
    description:
      'Symmetric customer-managed KMS keys should set enable_key_rotation = true, so key material is rotated every year without re-encrypting data; asymmetric and HMAC keys, which cannot rotate, are not reported.',
    checklistItem: 'security/key-management',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'KMS key {{resource}} never rotates its key material; set {{setting}} = true.',
      disabled: 'KMS key {{resource}} turns key rotation off; set {{setting}} = true.',
    },
    examples: {
      bad: 'resource "aws_kms_key" "data" {\n  description = "data"\n}',
      good: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n}',
    },
    ptBR: {
      title: 'Rotacionar chaves KMS',
      description:
        'Chaves KMS simétricas gerenciadas pelo cliente devem definir enable_key_rotation = true, para que o material da chave seja rotacionado todo ano sem recriptografar dados; chaves assimétricas e HMAC, que não rotacionam, não são reportadas.',
      messages: {
        missing: 'A chave KMS {{resource}} nunca rotaciona o material da chave; defina {{setting}} = true.',
        disabled: 'A chave KMS {{resource}} desliga a rotação da chave; defina {{setting}} = true.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const key of resourcesOf(context, 'aws_kms_key')) {
      inspect(context, key, 'key');
      if (!hasValue(key, 'customer_master_key_spec', 'SYMMETRIC_DEFAULT') || !hasValue(key, 'key_usage', 'ENCRYPT_DECRYPT')) continue;
      requireTrue(context, key, 'enable_key_rotation', { missing: 'missing', disabled: 'disabled' });
    }
  },
});

/** The attribute is known to be `expected` or unset (AWS then uses `expected`). */
function hasValue(key: ResourceView, name: string, expected: string): boolean {
  const value = valueOf(key, name);
  return isKnown(value) && (value.value === null || value.value === expected);
}
