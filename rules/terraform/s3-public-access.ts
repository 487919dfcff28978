import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, defaultValue, distinct, inspect, isKnown, reportDefault, reportValue, requireTrue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { truthyValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { companionsOf, requireCompanion } from '../../server/src/kinds/terraform/pairing';
import { hasAttribute, valueOf, type ResourceView } from '../../server/src/kinds/terraform/resources';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PUBLIC_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/s3-public-access',
    kind: 'terraform',
    title: 'Block public access to S3 buckets',
    description:
      'Every S3 bucket needs an aws_s3_bucket_public_access_block (or an account-level one) in the same module with all four flags true, and no public canned ACL; one wrong policy or ACL otherwise publishes its objects. A flag the account-level block turns on in the same module is on for every bucket, whatever the bucket-level block says.',
    checklistItem: 'security/pii-protection',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Bucket {{resource}} has no public access block in this module, so one wrong policy or ACL publishes it; add an aws_s3_bucket_public_access_block with all four flags true.',
      flagMissing: 'Public access block {{resource}} does not set {{attribute}}, which defaults to false; set {{setting}} = true.',
      flagOff: 'Public access block {{resource}} turns {{attribute}} off; set {{setting}} = true.',
      moduleMissing: 'Bucket {{resource}} is created without a public access block, so one wrong policy or ACL publishes it; set {{setting}} = true.',
      callerDefault: 'Bucket {{resource}} gets {{companion}} only when its caller asks ({{condition}}), and by default it does not; make the public access block unconditional or on by default.',
      callerDefaultFlag: 'Public access block {{resource}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) turns it off; default it to true so that callers who omit it are safe.',
      callerDefaultAcl: 'Bucket ACL {{resource}} is left to its callers, and the default of {{variable}} ({{default}}) publishes the bucket; default it to "private".',
      publicAcl: 'The canned ACL {{acl}} makes the bucket readable outside the account; use "private" and grant access through policies.',
    },
    examples: {
      bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "app-data"\n  acl    = "public-read"\n}',
      good: 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
    },
    ptBR: {
      title: 'Bloquear o acesso público aos buckets S3',
      description:
        'Todo bucket S3 precisa de um aws_s3_bucket_public_access_block (ou um da conta) no mesmo módulo com as quatro flags true, e nenhuma ACL pública; senão uma política ou ACL errada publica seus objetos. Uma flag que o bloqueio da conta liga no mesmo módulo vale para todos os buckets, diga o que disser o bloqueio do bucket.',
      messages: {
        missing: 'O bucket {{resource}} não tem bloqueio de acesso público neste módulo, então uma política ou ACL errada o publica; adicione um aws_s3_bucket_public_access_block com as quatro flags true.',
        flagMissing: 'O bloqueio de acesso público {{resource}} não define {{attribute}}, que por padrão é false; defina {{setting}} = true.',
        flagOff: 'O bloqueio de acesso público {{resource}} desliga {{attribute}}; defina {{setting}} = true.',
        moduleMissing: 'O bucket {{resource}} é criado sem bloqueio de acesso público, então uma política ou ACL errada o publica; defina {{setting}} = true.',
        callerDefault: 'O bucket {{resource}} recebe {{companion}} só quando quem chama o módulo pede ({{condition}}), e por padrão não pede; torne o bloqueio de acesso público incondicional ou ligado por padrão.',
        callerDefaultFlag: 'O bloqueio de acesso público {{resource}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o desliga; use true como padrão para que quem o omitir fique seguro.',
        callerDefaultAcl: 'A ACL do bucket {{resource}} fica a cargo de quem chama o módulo, e o padrão de {{variable}} ({{default}}) publica o bucket; use "private" como padrão.',
        publicAcl: 'A ACL pronta {{acl}} torna o bucket legível fora da conta; use "private" e conceda acesso por políticas.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const bucket of resourcesOf(context, 'aws_s3_bucket')) {
      const verdicts = [accountBlock(bucket) === 'on' ? 'pass' : publicAccessBlock(context, bucket), acl(context, bucket)];
      inspect(context, bucket, 'bucket', ...verdicts);
    }
    for (const block of resourcesOf(context, 'aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block')) {
      const account = block.type === 'aws_s3_account_public_access_block';
      const defaults = defaultsOf(context, block);
      // The effective setting is the stricter of the account's and the bucket's.
      const onForAccount = account ? new Set<string>() : accountFlags(block);
      const verdicts = FLAGS.filter((flag) => !onForAccount.has(flag)).map((flag) =>
        requireTrue(context, block, flag, { missing: 'flagMissing', disabled: 'flagOff', callerDefault: 'callerDefaultFlag' }, {}, defaults),
      );
      inspect(context, block, account ? 'resource' : 'bucket', ...verdicts);
    }
    for (const owner of resourcesOf(context, 'aws_s3_bucket_acl')) inspect(context, owner, 'bucket', acl(context, owner));
  },
});

function publicAccessBlock(context: TerraformContext, bucket: ResourceView): Verdict {
  const messages = { missing: 'missing', moduleMissing: 'moduleMissing', callerDefault: 'callerDefault' };
  const verdict = requireCompanion(context, bucket, 'aws_s3_bucket_public_access_block', messages, 'attach_public_policy');
  if (verdict === 'fail' && accountBlock(bucket) === 'unknown') return 'unknown';
  if (verdict !== 'pass') return verdict;
  // A block protects the bucket only as far as its flags do (they are reported on the block itself).
  const flags = companionsOf(bucket, 'aws_s3_bucket_public_access_block', context.model.path).present.flatMap((block) => {
    const onForAccount = accountFlags(block);
    return FLAGS.filter((flag) => !onForAccount.has(flag)).map((flag) => valueOf(block, flag));
  });
  if (flags.some((flag) => isKnown(flag) && truthyValue(flag) !== true)) return 'fail';
  return flags.every(isKnown) ? 'pass' : 'unknown';
}

/** Whether an account-level block in the bucket's module exists: `on`, `off` (none), or `unknown` (it may not be created). */
function accountBlock(bucket: ResourceView): 'on' | 'off' | 'unknown' {
  const blocks = bucket.scope.resources('aws_s3_account_public_access_block');
  if (blocks.some((block) => block.exists === 'yes')) return 'on';
  return blocks.some((block) => block.exists === 'unknown') ? 'unknown' : 'off';
}

/** Flags an account-level block of the same module turns on. */
function accountFlags(block: ResourceView): Set<string> {
  const on = new Set<string>();
  for (const account of block.scope.resources('aws_s3_account_public_access_block')) {
    if (account.exists !== 'yes') continue;
    for (const flag of FLAGS) {
      const value = valueOf(account, flag);
      if (isKnown(value) && truthyValue(value) === true) on.add(flag);
    }
  }
  return on;
}

function acl(context: TerraformContext, owner: ResourceView): Verdict {
  // A registry mapping sets ACLs through aws_s3_bucket_acl: a bucket it leaves without acl has none.
  if (owner.partial && !hasAttribute(owner, 'acl')) return 'pass';
  const value = valueOf(owner, 'acl');
  const data = { resource: owner.address, acl: '', attribute: 'acl' };
  if (!isKnown(value)) {
    const fallback = defaultValue(value, defaultsOf(context, owner), 'acl');
    if (fallback && PUBLIC_ACLS.includes(String(fallback.value))) reportDefault(context, fallback, 'callerDefaultAcl', data, '"private"');
    return 'unknown';
  }
  if (!PUBLIC_ACLS.includes(String(value.value))) return 'pass';
  reportValue(context, value, { missing: 'publicAcl', value: 'publicAcl' }, { ...data, acl: String(value.value) }, '"private"');
  return 'fail';
}
