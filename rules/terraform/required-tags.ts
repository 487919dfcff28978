import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, siteIn, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { mapEntries } from '../../server/src/kinds/terraform/evaluate';
import { factsOf } from '../../server/src/kinds/terraform/facts';
import { attribute, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { TerraformFile, valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

/** Commonly used AWS resources that accept `tags`; others are left alone rather than guessed. */
const TAGGABLE = [
  'aws_instance', 'aws_launch_template', 'aws_ebs_volume', 'aws_eip', 'aws_vpc', 'aws_subnet', 'aws_security_group',
  'aws_internet_gateway', 'aws_nat_gateway', 'aws_route_table', 'aws_lb', 'aws_alb', 'aws_lb_target_group',
  'aws_alb_target_group', 'aws_db_instance', 'aws_rds_cluster', 'aws_db_subnet_group', 'aws_elasticache_replication_group',
  'aws_dynamodb_table', 'aws_s3_bucket', 'aws_efs_file_system', 'aws_kms_key', 'aws_cloudwatch_log_group',
  'aws_lambda_function', 'aws_ecs_cluster', 'aws_ecs_service', 'aws_ecs_task_definition', 'aws_ecr_repository',
  'aws_eks_cluster', 'aws_eks_node_group', 'aws_sqs_queue', 'aws_sns_topic', 'aws_iam_role', 'aws_secretsmanager_secret',
  'aws_cloudfront_distribution', 'aws_api_gateway_rest_api', 'aws_apigatewayv2_api', 'aws_opensearch_domain',
  'aws_elasticsearch_domain', 'aws_msk_cluster',
];

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/required-tags',
    kind: 'terraform',
    title: 'Tag AWS resources',
    description:
      'Taggable AWS resources should carry the tags in option `tags` (by default Environment and Project), directly or through the provider\'s default_tags, so cost, ownership and environment can be told apart. Resources created by the modules a file calls are checked too; tags the files cannot show (a caller\'s variables, a computed map) are not judged, nor are resources of a reusable module, whose provider comes from its caller.',
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
        'Recursos AWS que aceitam tags devem levar as tags da opção `tags` (por padrão Environment e Project), diretamente ou pelas default_tags do provider, para que custo, responsável e ambiente possam ser distinguidos. Os recursos criados pelos módulos que um arquivo chama também são verificados; tags que os arquivos não mostram (variáveis de quem chama, um mapa calculado) não são avaliadas, nem os recursos de um módulo reutilizável, cujo provider vem de quem o chama.',
      messages: {
        missing: '{{resource}} não tem tags e o provider não adiciona nenhuma de {{keys}}; adicione tags (ou default_tags no provider) com {{keys}}.',
        missingKeys: 'Estas tags não têm {{keys}}; adicione-as aqui ou nas default_tags do provider.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    const required = (context.options.tags as string[] | undefined) ?? [];
    if (required.length === 0) return;
    const file = TerraformFile.of(context);
    for (const resource of file.resources(...TAGGABLE)) inspect(context, resource, 'resource', tagging(context, file, resource, required));
  },
});

function tagging(context: TerraformContext, file: TerraformFile, resource: ResourceView, required: string[]): Verdict {
  const inherited = defaultTagKeys(file, resource);
  if (inherited === undefined) return 'unknown';
  const tags = valueOf(resource, 'tags');
  if (!isKnown(tags)) return 'unknown';
  const entries = tags.value === null ? new Map() : mapEntries(tags);
  if (!entries) return 'unknown';
  const lacking = required.filter((key) => !entries.has(key) && !inherited.includes(key));
  if (lacking.length === 0) return 'pass';
  const keys = lacking.join(', ');
  const path = context.model.path;
  const site = tags.sites.find((candidate) => candidate.path === path && candidate.kind === 'value') ?? siteIn(tags, path);
  if (site?.kind === 'value') context.report({ span: site.span, messageId: 'missingKeys', data: { keys } });
  else if (site) context.report({ span: site.span, messageId: 'missing', data: { resource: resource.address, keys } });
  return 'fail';
}

/**
 * Keys the resource's aws provider adds through default_tags; undefined when they cannot be known
 * (a reusable module gets its providers from callers).
 */
function defaultTagKeys(file: TerraformFile, resource: ResourceView): string[] | undefined {
  if (file.role === 'reusable') return undefined;
  const ref = resource.own ? attribute(resource.block, 'provider')?.value.reference : undefined;
  const alias = ref && ref[0] === 'aws' ? ref[1] : undefined;
  const home = file.home.scope;
  const providers = home.files.flatMap((model) => factsOf(model).blocksByType.get('provider') ?? []);
  const provider = providers.find((block) => {
    if (block.labels[0]?.value !== 'aws') return false;
    const own = attribute(block, 'alias')?.value;
    return alias === undefined ? own === undefined : own?.literal === true && own.value === alias;
  });
  if (!provider) return [];
  const keys: string[] = [];
  for (const defaults of provider.blocks) {
    if (defaults.type === 'dynamic' && defaults.labels[0]?.value === 'default_tags') return undefined;
    if (defaults.type !== 'default_tags') continue;
    const tagsAttr = attribute(defaults, 'tags');
    if (!tagsAttr) continue;
    const path = home.files.find((model) => model.blocks.includes(provider))?.path ?? '';
    const tags = home.context.evaluate(tagsAttr.value, path, 'tags');
    if (!isKnown(tags)) return undefined;
    const entries = tags.value === null ? new Map() : mapEntries(tags);
    if (!entries) return undefined;
    keys.push(...entries.keys());
  }
  return keys;
}
