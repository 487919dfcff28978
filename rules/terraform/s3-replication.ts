import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { truthyValue } from '../../server/src/kinds/terraform/evaluate';
import { factsOf } from '../../server/src/kinds/terraform/facts';
import { attribute, referencesIn, type Block, type Expr, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { requireCompanion } from '../../server/src/kinds/terraform/pairing';
import { nestedViews, TerraformFile, valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/s3-replication',
    kind: 'terraform',
    title: 'Replicate S3 buckets to another region',
    description:
      'Buckets that hold data worth keeping should replicate to another region, inline (provider v3) or with an aws_s3_bucket_replication_configuration in the same module (v4+), so a regional outage or a deleted bucket is not the end of the data. Buckets whose contents are declared disposable (force_destroy = true) and buckets that receive logs (the target of access logging, load balancer access logs, VPC flow logs or CloudTrail) are not what cross-region backups are about, and are not judged; neither are replication destinations.',
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
        'Buckets com dados que valem ser guardados devem replicar para outra região, inline (provider v3) ou com um aws_s3_bucket_replication_configuration no mesmo módulo (v4+), para que uma queda regional ou um bucket apagado não seja o fim dos dados. Buckets cujo conteúdo é declarado descartável (force_destroy = true) e buckets que recebem logs (destino de access logging, dos access logs de load balancers, de VPC flow logs ou do CloudTrail) não são o assunto dos backups entre regiões e não são avaliados; nem os destinos de replicação.',
      messages: {
        missing: 'O bucket {{resource}} não é replicado para outra região; adicione um aws_s3_bucket_replication_configuration se os dados precisam sobreviver a uma queda regional.',
        moduleMissing: 'O bucket {{resource}} é criado sem replicação para outra região; defina {{setting}} se os dados precisam sobreviver a uma queda regional.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const bucket of resourcesOf(context, 'aws_s3_bucket')) {
      const worth = worthReplicating(context, bucket);
      // A bucket this rule is not about is not inspected: it proves nothing about cross-region backups.
      if (worth !== false) inspect(context, bucket, 'bucket', replication(context, bucket, worth === true));
    }
  },
});

function replication(context: TerraformContext, bucket: ResourceView, judged: boolean): Verdict {
  if (nestedViews(bucket, 'replication_configuration').length > 0 || isDestination(bucket)) return 'pass';
  const messages = { missing: 'missing', moduleMissing: 'moduleMissing' };
  if (judged) return requireCompanion(context, bucket, 'aws_s3_bucket_replication_configuration', messages, 'replication_configuration');
  // Whether the bucket must replicate is not known: no finding, and no proof either.
  const verdict = requireCompanion({ ...context, report: () => undefined }, bucket, 'aws_s3_bucket_replication_configuration', messages, 'replication_configuration');
  return verdict === 'fail' ? 'unknown' : verdict;
}

/**
 * Whether the bucket holds data worth a second region: not when its contents are declared
 * disposable (force_destroy) or it receives logs; undefined when force_destroy is not known.
 */
function worthReplicating(context: TerraformContext, bucket: ResourceView): boolean | undefined {
  if (receivesLogs(context, bucket)) return false;
  const disposable = valueOf(bucket, 'force_destroy');
  return isKnown(disposable) ? truthyValue(disposable) !== true : undefined;
}

/** Attributes that name where logs are delivered, anywhere in a resource. */
const LOG_TARGETS = ['target_bucket', 'log_destination', 's3_bucket_name'];
/** Nested blocks whose `bucket` receives logs (load balancer access logs, CloudFront logging). */
const LOG_BLOCKS = ['access_logs', 'logging_config', 'logging'];

/**
 * A bucket named as the destination of logs by the module that declares it, or, for a bucket a
 * module call creates, by the analyzed directory through that call's outputs.
 */
function receivesLogs(context: TerraformContext, bucket: ResourceView): boolean {
  const name = bucket.block.labels[1]?.value ?? '';
  const own = bucket.scope.home;
  const call = own ? undefined : /^module\.([^.[]+)/.exec(bucket.address)?.[1];
  const files = own ? bucket.scope.scope.files : call ? TerraformFile.of(context).home.scope.files : [];
  const names = (ref: string[]) => (own ? ref[0] === 'aws_s3_bucket' && ref[1] === name : ref[0] === 'module' && ref[1] === call);
  return files.some((file) => factsOf(file).blocksByType.get('resource')?.some((block) => logTargetsOf(block).some((expr) => referencesIn(expr).some(names))));
}

function logTargetsOf(block: Block): Expr[] {
  const found: Expr[] = [];
  const stack: { block: Block; inLogBlock: boolean }[] = [{ block, inLogBlock: false }];
  while (stack.length) {
    const next = stack.pop()!;
    for (const attr of next.block.attributes) {
      if (LOG_TARGETS.includes(attr.name) || (next.inLogBlock && attr.name === 'bucket')) found.push(attr.value);
    }
    for (const child of next.block.blocks) stack.push({ block: child, inLogBlock: LOG_BLOCKS.includes(child.type) });
  }
  return found;
}

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
