import { defineRule } from '../../server/src/engine/rule';
import { requireTrue } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { TerraformModule } from '../../server/src/kinds/terraform/module';

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
      missing: 'KMS key {{resource}} never rotates its key material; set enable_key_rotation = true.',
      disabled: 'KMS key {{resource}} turns key rotation off; set enable_key_rotation = true.',
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
        missing: 'A chave KMS {{resource}} nunca rotaciona o material da chave; defina enable_key_rotation = true.',
        disabled: 'A chave KMS {{resource}} desliga a rotação da chave; defina enable_key_rotation = true.',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    for (const key of module.ownResources('aws_kms_key')) {
      const spec = module.value(key, 'customer_master_key_spec');
      const usage = module.value(key, 'key_usage');
      if (spec.state === 'unknown' || (spec.state === 'known' && spec.value !== 'SYMMETRIC_DEFAULT')) continue;
      if (usage.state === 'unknown' || (usage.state === 'known' && usage.value !== 'ENCRYPT_DECRYPT')) continue;
      requireTrue(context, module, key, 'enable_key_rotation', { missing: 'missing', disabled: 'disabled' });
    }
  },
});
