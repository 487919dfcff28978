import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, defaultValue, distinct, inspect, isKnown, reportDefault, reportValue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { truthyValue, type Known } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { requireCompanion } from '../../server/src/kinds/terraform/pairing';
import { nestedViews, valueOf, type BlockView, type ResourceView } from '../../server/src/kinds/terraform/resources';

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
      callerDefault: 'Bucket {{resource}} gets {{companion}} only when its caller asks ({{condition}}), and by default it does not; make versioning unconditional or on by default.',
      callerDefaultValue: 'Versioning of {{resource}} is left to its callers, and the default of {{variable}} ({{default}}) does not enable it; default it to enabled so that callers who omit it are safe.',
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
        callerDefault: 'O bucket {{resource}} recebe {{companion}} só quando quem chama o módulo pede ({{condition}}), e por padrão não pede; torne o versionamento incondicional ou ligado por padrão.',
        callerDefaultValue: 'O versionamento de {{resource}} fica a cargo de quem chama o módulo, e o padrão de {{variable}} ({{default}}) não o ativa; ative-o por padrão para que quem o omitir fique seguro.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const bucket of resourcesOf(context, 'aws_s3_bucket')) inspect(context, bucket, 'bucket', bucketVersioning(context, bucket));
    // A separate versioning resource reports its own status.
    for (const versioning of resourcesOf(context, 'aws_s3_bucket_versioning')) {
      const verdicts = nestedViews(versioning, 'versioning_configuration').map((configuration) =>
        checkStatus(context, versioning, configuration, defaultsOf(context, versioning, configuration)),
      );
      inspect(context, versioning, 'bucket', ...verdicts);
    }
  },
});

function bucketVersioning(context: TerraformContext, bucket: ResourceView): Verdict {
  const inline = nestedViews(bucket, 'versioning')[0];
  if (!inline) {
    const messages = { missing: 'missing', moduleMissing: 'moduleMissing', callerDefault: 'callerDefault' };
    return requireCompanion(context, bucket, 'aws_s3_bucket_versioning', messages, 'versioning');
  }
  const enabled = valueOf(inline, 'enabled');
  const data = { resource: bucket.address, attribute: 'enabled' };
  if (!isKnown(enabled)) {
    const fallback = defaultValue(enabled, defaultsOf(context, bucket, inline), 'enabled');
    if (fallback && truthyValue(fallback) !== true) reportDefault(context, fallback, 'callerDefaultValue', data, 'true');
    return 'unknown';
  }
  if (truthyValue(enabled) === true) return 'pass';
  reportValue(context, enabled, { missing: 'disabled', value: 'disabled' }, data, 'true');
  return 'fail';
}

function checkStatus(context: TerraformContext, versioning: ResourceView, configuration: BlockView, defaults: BlockView | undefined): Verdict {
  const status = valueOf(configuration, 'status');
  const data = { resource: versioning.address, attribute: 'status' };
  if (!isKnown(status)) {
    const fallback = defaultValue(status, defaults, 'status');
    if (fallback && !enabledStatus(fallback)) reportDefault(context, fallback, 'callerDefaultValue', data, '"Enabled"');
    return 'unknown';
  }
  if (enabledStatus(status)) return 'pass';
  reportValue(context, status, { missing: 'disabled', value: 'disabled' }, data, '"Enabled"');
  return 'fail';
}

/** status is required; "Enabled" is the only value that versions objects ("Suspended", "Disabled" do not). */
function enabledStatus(status: Known): boolean {
  return status.value === null || status.value === 'Enabled';
}
