import { defineRule } from '../../server/src/engine/rule';
import { requireTrue } from '../../server/src/kinds/terraform/checks';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { address, TerraformModule } from '../../server/src/kinds/terraform/module';

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
      flagMissing: 'Public access block {{resource}} does not set {{attribute}}, which defaults to false; set {{attribute}} = true.',
      flagOff: 'Public access block {{resource}} turns {{attribute}} off; set {{attribute}} = true.',
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
        flagMissing: 'O bloqueio de acesso público {{resource}} não define {{attribute}}, que por padrão é false; defina {{attribute}} = true.',
        flagOff: 'O bloqueio de acesso público {{resource}} desliga {{attribute}}; defina {{attribute}} = true.',
        publicAcl: 'A ACL pronta {{acl}} torna o bucket legível fora da conta; use "private" e conceda acesso por políticas.',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    const accountLevel = module.resources('aws_s3_account_public_access_block').length > 0;
    const blocks = module.resources('aws_s3_bucket_public_access_block');
    for (const bucket of module.ownResources('aws_s3_bucket')) {
      if (accountLevel) continue;
      const companions = module.companionsOf(bucket, blocks);
      if (!companions || companions.length > 0) continue;
      context.report({ span: bucket.headerSpan, messageId: 'missing', data: { resource: address(bucket) } });
    }
    for (const block of module.ownResources('aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block')) {
      for (const flag of FLAGS) requireTrue(context, module, block, flag, { missing: 'flagMissing', disabled: 'flagOff' });
    }
    for (const owner of module.ownResources('aws_s3_bucket', 'aws_s3_bucket_acl')) {
      const acl = module.value(owner, 'acl');
      if (acl.state !== 'known' || !PUBLIC_ACLS.includes(String(acl.value))) continue;
      const value = acl.attribute!.value;
      context.report({
        span: value.span,
        messageId: 'publicAcl',
        data: { acl: String(acl.value) },
        fix: value.literal ? (fixer) => fixer.replace(value.span, '"private"') : undefined,
      });
    }
  },
});
