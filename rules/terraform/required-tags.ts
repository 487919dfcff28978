import { defineRule } from '../../server/src/engine/rule';
import { attribute, nestedBlocks, type Block, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, TerraformModule } from '../../server/src/kinds/terraform/module';

/** Commonly used AWS resources that accept `tags`; others are left alone rather than guessed. */
const TAGGABLE = new Set([
  'aws_instance', 'aws_launch_template', 'aws_ebs_volume', 'aws_eip', 'aws_vpc', 'aws_subnet', 'aws_security_group',
  'aws_internet_gateway', 'aws_nat_gateway', 'aws_route_table', 'aws_lb', 'aws_alb', 'aws_lb_target_group',
  'aws_alb_target_group', 'aws_db_instance', 'aws_rds_cluster', 'aws_db_subnet_group', 'aws_elasticache_replication_group',
  'aws_dynamodb_table', 'aws_s3_bucket', 'aws_efs_file_system', 'aws_kms_key', 'aws_cloudwatch_log_group',
  'aws_lambda_function', 'aws_ecs_cluster', 'aws_ecs_service', 'aws_ecs_task_definition', 'aws_ecr_repository',
  'aws_eks_cluster', 'aws_eks_node_group', 'aws_sqs_queue', 'aws_sns_topic', 'aws_iam_role', 'aws_secretsmanager_secret',
  'aws_cloudfront_distribution', 'aws_api_gateway_rest_api', 'aws_apigatewayv2_api', 'aws_opensearch_domain',
  'aws_elasticsearch_domain', 'aws_msk_cluster',
]);

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/required-tags',
    kind: 'terraform',
    title: 'Tag AWS resources',
    description:
      'Taggable AWS resources should carry the tags in option `tags` (by default Environment and Project), directly or through the provider\'s default_tags, so cost, ownership and environment can be told apart. Tags built by merge() or locals are not judged.',
    checklistItem: 'deployment/environment-provisioned',
    severity: 'information',
    fixable: false,
    crossFile: true,
    options: {
      tags: { type: 'string[]', default: ['Environment', 'Project'], description: 'Tag keys every taggable AWS resource must have.' },
    },
    messages: {
      missing: '{{resource}} has no tags and the provider adds none of {{keys}}; add tags (or provider default_tags) with {{keys}}.',
      missingKeys: 'These tags lack {{keys}}; add them here or in the provider default_tags.',
    },
    examples: {
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n}',
      good: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n  tags = {\n    Environment = "production"\n    Project     = "app"\n  }\n}',
    },
    ptBR: {
      title: 'Aplicar tags aos recursos AWS',
      description:
        'Recursos AWS que aceitam tags devem levar as tags da opção `tags` (por padrão Environment e Project), diretamente ou pelas default_tags do provider, para que custo, responsável e ambiente possam ser distinguidos. Tags montadas com merge() ou locals não são avaliadas.',
      messages: {
        missing: '{{resource}} não tem tags e o provider não adiciona nenhuma de {{keys}}; adicione tags (ou default_tags no provider) com {{keys}}.',
        missingKeys: 'Estas tags não têm {{keys}}; adicione-as aqui ou nas default_tags do provider.',
      },
    },
  },
  check(model, context) {
    const required = (context.options.tags as string[] | undefined) ?? [];
    if (required.length === 0) return;
    const module = new TerraformModule(model, context);
    for (const resource of model.blocks) {
      if (resource.type !== 'resource' || !TAGGABLE.has(resource.labels[0]?.value ?? '')) continue;
      const inherited = defaultTagKeys(module, resource);
      if (inherited === undefined) continue;
      const tags = module.value(resource, 'tags');
      if (tags.state === 'unknown') continue;
      const own = tags.state === 'known' && tags.value !== null && typeof tags.value === 'object' && !Array.isArray(tags.value) ? Object.keys(tags.value) : [];
      const lacking = required.filter((key) => !own.includes(key) && !inherited.includes(key));
      if (lacking.length === 0) continue;
      const keys = lacking.join(', ');
      if (tags.attribute && tags.state === 'known') {
        context.report({ span: tags.attribute.value.span, messageId: 'missingKeys', data: { keys } });
      } else if (!tags.attribute) {
        context.report({ span: resource.headerSpan, messageId: 'missing', data: { resource: address(resource), keys } });
      }
    }
  },
});

/** Keys the resource's aws provider adds through default_tags; undefined when they cannot be known. */
function defaultTagKeys(module: TerraformModule, resource: Block): string[] | undefined {
  const ref = attribute(resource, 'provider')?.value.reference;
  const alias = ref && ref[0] === 'aws' ? ref[1] : undefined;
  const provider = module.blocksOfType('provider').find((block) => {
    if (block.labels[0]?.value !== 'aws') return false;
    const own = module.value(block, 'alias');
    return alias === undefined ? own.state === 'missing' : own.state === 'known' && own.value === alias;
  });
  if (!provider) return [];
  const keys: string[] = [];
  for (const defaults of nestedBlocks(provider, 'default_tags')) {
    if (defaults.type === 'content') return undefined;
    const tags = module.value(defaults, 'tags');
    if (tags.state === 'unknown') return undefined;
    if (tags.state === 'known' && tags.value !== null && typeof tags.value === 'object') keys.push(...Object.keys(tags.value));
  }
  return keys;
}
