import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { requireCompanion } from '../../server/src/kinds/terraform/pairing';
import { nestedViews } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/s3-encryption',
    kind: 'terraform',
    title: 'Configure S3 bucket encryption explicitly',
    description:
      'Every S3 bucket should declare its server-side encryption, inline (provider v3) or with an aws_s3_bucket_server_side_encryption_configuration in the same module (v4+), so the key choice (SSE-KMS, bucket keys) is reviewed and enforced rather than left to account defaults.',
    checklistItem: 'security/encryption-at-rest',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      missing: 'Bucket {{resource}} declares no server-side encryption in this module; add an aws_s3_bucket_server_side_encryption_configuration for it.',
      moduleMissing: 'Bucket {{resource}} is created without a server-side encryption configuration, leaving the key choice to account defaults; set {{setting}}.',
      callerDefault: 'Bucket {{resource}} gets {{companion}} only when its caller asks ({{condition}}), and by default it does not; make the encryption configuration unconditional or on by default.',
    },
    examples: {
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}',
      good: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}',
    },
    ptBR: {
      title: 'Configurar explicitamente a criptografia do bucket S3',
      description:
        'Todo bucket S3 deve declarar sua criptografia do lado do servidor, inline (provider v3) ou com um aws_s3_bucket_server_side_encryption_configuration no mesmo módulo (v4+), para que a escolha da chave (SSE-KMS, bucket keys) seja revisada e garantida em vez de ficar a cargo dos padrões da conta.',
      messages: {
        missing: 'O bucket {{resource}} não declara criptografia do lado do servidor neste módulo; adicione um aws_s3_bucket_server_side_encryption_configuration para ele.',
        moduleMissing: 'O bucket {{resource}} é criado sem configuração de criptografia do lado do servidor, deixando a escolha da chave aos padrões da conta; defina {{setting}}.',
        callerDefault: 'O bucket {{resource}} recebe {{companion}} só quando quem chama o módulo pede ({{condition}}), e por padrão não pede; torne a configuração de criptografia incondicional ou ligada por padrão.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const bucket of resourcesOf(context, 'aws_s3_bucket')) {
      const inline = nestedViews(bucket, 'server_side_encryption_configuration').length > 0;
      const messages = { missing: 'missing', moduleMissing: 'moduleMissing', callerDefault: 'callerDefault' };
      inspect(context, bucket, 'bucket', inline ? 'pass' : requireCompanion(context, bucket, 'aws_s3_bucket_server_side_encryption_configuration', messages, 'server_side_encryption_configuration'));
    }
  },
});
