import { defineRule } from '../../server/src/engine/rule';
import { nestedBlocks, attribute, type Block, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, TerraformModule } from '../../server/src/kinds/terraform/module';

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
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    const configurations = module.resources('aws_s3_bucket_replication_configuration');
    const destinations = new Set<string>();
    for (const bucket of module.resources('aws_s3_bucket')) {
      for (const inline of nestedBlocks(bucket, 'replication_configuration')) collectDestinations(inline, destinations);
    }
    for (const configuration of configurations) collectDestinations(configuration, destinations);

    for (const bucket of module.ownResources('aws_s3_bucket')) {
      if (nestedBlocks(bucket, 'replication_configuration').length > 0) continue;
      if (destinations.has(address(bucket))) continue;
      const companions = module.companionsOf(bucket, configurations);
      if (!companions || companions.length > 0) continue;
      context.report({ span: bucket.headerSpan, messageId: 'missing', data: { resource: address(bucket) } });
    }
  },
});

/** Buckets named by `destination { bucket = aws_s3_bucket.X.arn }` in a replication configuration's rules. */
function collectDestinations(configuration: Block, into: Set<string>): void {
  for (const rule of nestedBlocks(configuration, 'rule').concat(nestedBlocks(configuration, 'rules'))) {
    for (const destination of nestedBlocks(rule, 'destination')) {
      const ref = attribute(destination, 'bucket')?.value.reference;
      if (ref && ref.length >= 2) into.add(`${ref[0]}.${ref[1]}`);
    }
  }
}
