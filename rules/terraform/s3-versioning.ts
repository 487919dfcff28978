import { defineRule } from '../../server/src/engine/rule';
import { insertAttribute } from '../../server/src/kinds/terraform/edits';
import { nestedBlocks, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, isTrue, TerraformModule } from '../../server/src/kinds/terraform/module';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/s3-versioning',
    kind: 'terraform',
    title: 'Version S3 buckets',
    description:
      'S3 buckets should have versioning enabled, inline (provider v3) or with an aws_s3_bucket_versioning in the same module (v4+): it is what lets an overwritten or deleted object be recovered.',
    checklistItem: 'backup/automated-backups',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Bucket {{resource}} has no versioning in this module, so overwritten or deleted objects are lost; add an aws_s3_bucket_versioning with status = "Enabled".',
      disabled: 'Versioning of {{resource}} is not enabled, so overwritten or deleted objects are lost; enable it.',
    },
    examples: {
      bad: 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}',
      good: 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
    },
    ptBR: {
      title: 'Versionar buckets S3',
      description:
        'Buckets S3 devem ter versionamento ativo, inline (provider v3) ou com um aws_s3_bucket_versioning no mesmo módulo (v4+): é o que permite recuperar um objeto sobrescrito ou apagado.',
      messages: {
        missing: 'O bucket {{resource}} não tem versionamento neste módulo, então objetos sobrescritos ou apagados se perdem; adicione um aws_s3_bucket_versioning com status = "Enabled".',
        disabled: 'O versionamento de {{resource}} não está ativo, então objetos sobrescritos ou apagados se perdem; ative-o.',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    const versionings = module.resources('aws_s3_bucket_versioning');
    for (const bucket of module.ownResources('aws_s3_bucket')) {
      const data = { resource: address(bucket) };
      const inline = nestedBlocks(bucket, 'versioning')[0];
      if (inline) {
        if (inline.type === 'content') continue;
        const enabled = module.value(inline, 'enabled');
        if (enabled.state === 'missing' && !enabled.attribute) {
          context.report({ span: inline.headerSpan, messageId: 'disabled', data, fix: () => insertAttribute(inline, context.lines, 'enabled', 'true') });
        } else if (enabled.state !== 'unknown' && !(enabled.state === 'known' && isTrue(enabled.value))) {
          const value = enabled.attribute!.value;
          context.report({ span: value.span, messageId: 'disabled', data, fix: value.literal ? (fixer) => fixer.replace(value.span, 'true') : undefined });
        }
        continue;
      }
      const companions = module.companionsOf(bucket, versionings);
      if (!companions || companions.length > 0) continue;
      context.report({ span: bucket.headerSpan, messageId: 'missing', data });
    }
    // A separate versioning resource reports its own status, in its own file.
    for (const versioning of module.ownResources('aws_s3_bucket_versioning')) {
      for (const configuration of nestedBlocks(versioning, 'versioning_configuration')) {
        const status = module.value(configuration, 'status');
        if (status.state !== 'known' || status.value === 'Enabled') continue;
        const value = status.attribute!.value;
        context.report({
          span: value.span,
          messageId: 'disabled',
          data: { resource: address(versioning) },
          fix: value.literal ? (fixer) => fixer.replace(value.span, '"Enabled"') : undefined,
        });
      }
    }
  },
});
