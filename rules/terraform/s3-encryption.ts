import { defineRule } from '../../server/src/engine/rule';
import { nestedBlocks, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, TerraformModule } from '../../server/src/kinds/terraform/module';

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
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    const configurations = module.resources('aws_s3_bucket_server_side_encryption_configuration');
    for (const bucket of module.ownResources('aws_s3_bucket')) {
      if (nestedBlocks(bucket, 'server_side_encryption_configuration').length > 0) continue;
      const companions = module.companionsOf(bucket, configurations);
      if (!companions || companions.length > 0) continue;
      context.report({ span: bucket.headerSpan, messageId: 'missing', data: { resource: address(bucket) } });
    }
  },
});
