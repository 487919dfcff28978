import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, resourcesOf } from '../../server/src/kinds/terraform/checks';
import { attribute, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { companionsOf } from '../../server/src/kinds/terraform/pairing';
import { nestedViews, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/s3-replication',
    kind: 'terraform',
    title: 'Replicate S3 buckets to another region',
    description:
      'Buckets that hold data worth keeping should replicate to another region, inline (provider v3) or with an aws_s3_bucket_replication_configuration in the same module (v4+), so a regional outage or a deleted bucket is not the end of the data. Replication destinations are not reported.',
    checklistItem: 'backup/cross-region-backups',
    severity: 'information',
    fixable: false,
    crossFile: true,
    messages: {
      missing: 'Bucket {{resource}} is not replicated to another region; add an aws_s3_bucket_replication_configuration if its data must survive a regional outage.',
      moduleMissing: 'Bucket {{resource}} is created without replication to another region; set {{setting}} if its data must survive a regional outage.',
    },
    examples: {
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}',
      good: 'resource "aws_s3_bucket_replication_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  role   = aws_iam_role.replication.arn\n  rule {\n    status = "Enabled"\n    destination {\n      bucket = aws_s3_bucket.replica.arn\n    }\n  }\n}',
    },
    ptBR: {
      title: 'Replicar buckets S3 para outra região',
      description:
        'Buckets com dados que valem ser guardados devem replicar para outra região, inline (provider v3) ou com um aws_s3_bucket_replication_configuration no mesmo módulo (v4+), para que uma queda regional ou um bucket apagado não seja o fim dos dados. Destinos de replicação não são reportados.',
      messages: {
        missing: 'O bucket {{resource}} não é replicado para outra região; adicione um aws_s3_bucket_replication_configuration se os dados precisam sobreviver a uma queda regional.',
        moduleMissing: 'O bucket {{resource}} é criado sem replicação para outra região; defina {{setting}} se os dados precisam sobreviver a uma queda regional.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const bucket of resourcesOf(context, 'aws_s3_bucket')) {
      inspect(context, bucket, 'bucket');
      if (nestedViews(bucket, 'replication_configuration').length > 0) continue;
      if (isDestination(bucket)) continue;
      const companions = companionsOf(bucket, 'aws_s3_bucket_replication_configuration', model.path);
      if (companions.unknown || companions.present.length > 0) continue;
      const data = { resource: bucket.address };
      if (bucket.own) context.report({ span: bucket.block.headerSpan, messageId: 'missing', data });
      else if (companions.switchedOffAt) {
        const site = companions.switchedOffAt;
        context.report({ span: site.span, messageId: 'moduleMissing', data: { ...data, setting: site.setting ?? 'replication_configuration' } });
      }
    }
  },
});

/** Replication destinations (`destination { bucket = aws_s3_bucket.X.arn }` in the same module) are not sources. */
function isDestination(bucket: ResourceView): boolean {
  const name = `${bucket.type}.${bucket.block.labels[1]?.value ?? ''}`;
  const configurations = [
    ...bucket.scope.resources('aws_s3_bucket').flatMap((other) => nestedViews(other, 'replication_configuration')),
    ...bucket.scope.resources('aws_s3_bucket_replication_configuration'),
  ];
  return configurations.some((configuration) =>
    [...nestedViews(configuration, 'rule'), ...nestedViews(configuration, 'rules')].some((rule) =>
      nestedViews(rule, 'destination').some((destination) => {
        const ref = attribute(destination.block, 'bucket')?.value.reference;
        return ref !== undefined && ref.length >= 2 && `${ref[0]}.${ref[1]}` === name;
      }),
    ),
  );
}
