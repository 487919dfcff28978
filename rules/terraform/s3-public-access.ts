import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, reportValue, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { companionsOf } from '../../server/src/kinds/terraform/pairing';
import { valueOf } from '../../server/src/kinds/terraform/resources';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PUBLIC_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/s3-public-access',
    kind: 'terraform',
    title: 'Block public access to S3 buckets',
    description:
      'Every S3 bucket needs an aws_s3_bucket_public_access_block (or an account-level one) in the same module with all four flags true, and no public canned ACL; one wrong policy or ACL otherwise publishes its objects.',
    checklistItem: 'security/pii-protection',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Bucket {{resource}} has no public access block in this module, so one wrong policy or ACL publishes it; add an aws_s3_bucket_public_access_block with all four flags true.',
      flagMissing: 'Public access block {{resource}} does not set {{attribute}}, which defaults to false; set {{setting}} = true.',
      flagOff: 'Public access block {{resource}} turns {{attribute}} off; set {{setting}} = true.',
      moduleMissing: 'Bucket {{resource}} is created without a public access block, so one wrong policy or ACL publishes it; set {{setting}} = true.',
      publicAcl: 'The canned ACL {{acl}} makes the bucket readable outside the account; use "private" and grant access through policies.',
    },
    examples: {
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n  acl    = "public-read"\n}',
      good: 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
    },
    ptBR: {
      title: 'Bloquear o acesso público aos buckets S3',
      description:
        'Todo bucket S3 precisa de um aws_s3_bucket_public_access_block (ou um da conta) no mesmo módulo com as quatro flags true, e nenhuma ACL pública; senão uma política ou ACL errada publica seus objetos.',
      messages: {
        missing: 'O bucket {{resource}} não tem bloqueio de acesso público neste módulo, então uma política ou ACL errada o publica; adicione um aws_s3_bucket_public_access_block com as quatro flags true.',
        flagMissing: 'O bloqueio de acesso público {{resource}} não define {{attribute}}, que por padrão é false; defina {{setting}} = true.',
        flagOff: 'O bloqueio de acesso público {{resource}} desliga {{attribute}}; defina {{setting}} = true.',
        moduleMissing: 'O bucket {{resource}} é criado sem bloqueio de acesso público, então uma política ou ACL errada o publica; defina {{setting}} = true.',
        publicAcl: 'A ACL pronta {{acl}} torna o bucket legível fora da conta; use "private" e conceda acesso por políticas.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const bucket of resourcesOf(context, 'aws_s3_bucket')) {
      inspect(context, bucket, 'bucket');
      if (bucket.scope.resources('aws_s3_account_public_access_block').length > 0) continue;
      const companions = companionsOf(bucket, 'aws_s3_bucket_public_access_block', model.path);
      if (companions.unknown || companions.present.length > 0) continue;
      const data = { resource: bucket.address };
      if (bucket.own) context.report({ span: bucket.block.headerSpan, messageId: 'missing', data });
      else if (companions.switchedOffAt) {
        const site = companions.switchedOffAt;
        context.report({ span: site.span, messageId: 'moduleMissing', data: { ...data, setting: site.setting ?? 'attach_public_policy' } });
      }
    }
    for (const block of resourcesOf(context, 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block')) {
      inspect(context, block, block.type === 'aws_s3_account_public_access_block' ? 'resource' : 'bucket');
      for (const flag of FLAGS) requireTrue(context, block, flag, { missing: 'flagMissing', disabled: 'flagOff' });
    }
    for (const owner of resourcesOf(context, 'aws_s3_bucket', 'aws_s3_bucket_acl')) {
      if (owner.type === 'aws_s3_bucket_acl') inspect(context, owner, 'bucket');
      const acl = valueOf(owner, 'acl');
      if (!isKnown(acl) || !PUBLIC_ACLS.includes(String(acl.value))) continue;
      reportValue(context, acl, { missing: 'publicAcl', value: 'publicAcl' }, { acl: String(acl.value), attribute: 'acl' }, '"private"');
    }
  },
});
