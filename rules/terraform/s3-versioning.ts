import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, reportValue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import { truthyValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { companionsOf } from '../../server/src/kinds/terraform/pairing';
import { nestedViews, valueOf } from '../../server/src/kinds/terraform/resources';

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
      moduleMissing: 'Bucket {{resource}} is created without versioning, so overwritten or deleted objects are lost; set {{setting}} so that versioning is enabled.',
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
        moduleMissing: 'O bucket {{resource}} é criado sem versionamento, então objetos sobrescritos ou apagados se perdem; defina {{setting}} para ativar o versionamento.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const bucket of resourcesOf(context, 'aws_s3_bucket')) {
      inspect(context, bucket, 'bucket');
      const data = { resource: bucket.address };
      const inline = nestedViews(bucket, 'versioning')[0];
      if (inline) {
        const enabled = valueOf(inline, 'enabled');
        if (isKnown(enabled) && truthyValue(enabled) !== true) reportValue(context, enabled, { missing: 'disabled', value: 'disabled' }, { ...data, attribute: 'enabled' }, 'true');
        continue;
      }
      const companions = companionsOf(bucket, 'aws_s3_bucket_versioning', model.path);
      if (companions.unknown || companions.present.length > 0) continue;
      if (bucket.own) context.report({ span: bucket.block.headerSpan, messageId: 'missing', data });
      else if (companions.switchedOffAt) context.report({ span: companions.switchedOffAt.span, messageId: 'moduleMissing', data: { ...data, setting: companions.switchedOffAt.setting ?? 'versioning' } });
    }
    // A separate versioning resource reports its own status.
    for (const versioning of resourcesOf(context, 'aws_s3_bucket_versioning')) {
      inspect(context, versioning, 'bucket');
      for (const configuration of nestedViews(versioning, 'versioning_configuration')) {
        const status = valueOf(configuration, 'status');
        if (!isKnown(status) || status.value === null || status.value === 'Enabled') continue;
        reportValue(context, status, { missing: 'disabled', value: 'disabled' }, { resource: versioning.address, attribute: 'status' }, '"Enabled"');
      }
    }
  },
});
