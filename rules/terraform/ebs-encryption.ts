import { defineRule } from '../../server/src/engine/rule';
import { defaultsOf, distinct, inspect, isKnown, reportValue, requireTrue, resourcesOf, type TerraformContext, type Verdict } from '../../server/src/kinds/terraform/checks';
import { insertIntoBlock } from '../../server/src/kinds/terraform/edits';
import { truthyValue, type Known } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { hasAttribute, nestedViews, valueOf, type BlockView, type ResourceView, type ScopeInstance } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/ebs-encryption',
    kind: 'terraform',
    title: 'Encrypt EBS volumes',
    description:
      'EBS volumes (aws_ebs_volume, and the block devices of aws_instance, aws_launch_configuration and aws_launch_template) must set encrypted = true unless the module turns on aws_ebs_encryption_by_default, which must not be turned off; unencrypted volumes and their snapshots expose the data to anyone who can copy them. An instance without root_block_device gets its root volume from the AMI, unencrypted for most AMIs. Volumes restored from a snapshot keep its encryption.',
    checklistItem: 'security/encryption-at-rest',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Volume {{volume}} is not encrypted, and neither are its snapshots; set {{setting}} = true.',
      disabled: 'Volume {{volume}} turns encryption off, exposing its data and snapshots; set {{setting}} = true.',
      defaultOff: 'Default EBS encryption {{resource}} is turned off, so every new volume that does not ask for encryption is stored in clear; set {{setting}} = true.',
      rootMissing: 'The root volume of {{resource}} is encrypted only if its AMI is, and most are not; add a root_block_device with encrypted = true.',
      callerDefault: 'Volume {{volume}} leaves {{attribute}} to its callers, and the default of {{variable}} ({{default}}) stores it unencrypted; default it to true so that callers who omit it are safe.',
    },
    fixTitles: {
      addRoot: 'Add an encrypted root_block_device',
    },
    examples: {
      bad: 'resource "aws_ebs_volume" "data" {\n  size = 100\n}',
      good: 'resource "aws_ebs_volume" "data" {\n  size      = 100\n  encrypted = true\n}',
    },
    ptBR: {
      title: 'Criptografar volumes EBS',
      description:
        'Volumes EBS (aws_ebs_volume e os block devices de aws_instance, aws_launch_configuration e aws_launch_template) devem definir encrypted = true, a menos que o módulo ative aws_ebs_encryption_by_default, que não deve ser desligado; volumes sem criptografia e seus snapshots expõem os dados a quem puder copiá-los. Uma instância sem root_block_device recebe o volume raiz da AMI, sem criptografia na maioria das AMIs. Volumes restaurados de um snapshot mantêm a criptografia dele.',
      messages: {
        missing: 'O volume {{volume}} não é criptografado, nem seus snapshots; defina {{setting}} = true.',
        disabled: 'O volume {{volume}} desliga a criptografia, expondo dados e snapshots; defina {{setting}} = true.',
        defaultOff: 'A criptografia padrão de EBS {{resource}} está desligada, então todo volume novo que não pede criptografia fica em claro; defina {{setting}} = true.',
        rootMissing: 'O volume raiz de {{resource}} só é criptografado se a AMI for, e a maioria não é; adicione um root_block_device com encrypted = true.',
        callerDefault: 'O volume {{volume}} deixa {{attribute}} para quem chama o módulo, e o padrão de {{variable}} ({{default}}) o guarda sem criptografia; use true como padrão para que quem o omitir fique seguro.',
      },
      fixTitles: {
        addRoot: 'Adicionar um root_block_device criptografado',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const setting of resourcesOf(context, 'aws_ebs_encryption_by_default')) {
      const enabled = valueOf(setting, 'enabled');
      // The provider's default for `enabled` is true.
      const verdict: Verdict = !isKnown(enabled) ? 'unknown' : enabled.value === null || truthyValue(enabled) !== false ? 'pass' : 'fail';
      if (verdict === 'fail') reportValue(context, enabled as Known, { missing: 'defaultOff', value: 'defaultOff' }, { resource: setting.address, attribute: 'enabled' }, 'true');
      inspect(context, setting, 'resource', verdict);
    }
    const covered = new Map<ScopeInstance, Verdict>();
    const byDefault = (view: ResourceView): Verdict => {
      let verdict = covered.get(view.scope);
      if (verdict === undefined) {
        const settings = view.scope.resources('aws_ebs_encryption_by_default').map((setting) => valueOf(setting, 'enabled'));
        if (settings.some((enabled) => isKnown(enabled) && (enabled.value === null || truthyValue(enabled) !== false))) verdict = 'pass';
        else verdict = settings.some((enabled) => !isKnown(enabled)) ? 'unknown' : 'fail';
        covered.set(view.scope, verdict);
      }
      return verdict;
    };
    for (const owner of resourcesOf(context, 'aws_ebs_volume', 'aws_instance', 'aws_launch_configuration', 'aws_launch_template')) {
      const encryptedByDefault = byDefault(owner);
      inspect(context, owner, 'volume', ...(encryptedByDefault === 'pass' ? ['pass' as const] : volumeVerdicts(context, owner, encryptedByDefault)));
    }
  },
});

function volumeVerdicts(context: TerraformContext, owner: ResourceView, encryptedByDefault: Verdict): Verdict[] {
  const verdicts: Verdict[] = [];
  const messages = { missing: 'missing', disabled: 'disabled', callerDefault: 'callerDefault' };
  for (const { view, name } of volumesOf(owner)) {
    // Volumes restored from a snapshot carry its encryption.
    if (hasAttribute(view, 'snapshot_id')) continue;
    const encrypted = valueOf(view, 'encrypted');
    // Unencrypted only if default encryption is off too: when that is unknown, so is the volume.
    if (encryptedByDefault === 'unknown' && !(isKnown(encrypted) && truthyValue(encrypted) === true)) {
      verdicts.push('unknown');
      continue;
    }
    const defaults = view === owner ? defaultsOf(context, owner) : defaultsOf(context, owner, view);
    verdicts.push(requireTrue(context, view, 'encrypted', messages, { volume: name }, defaults));
  }
  if (hasImplicitRoot(owner)) verdicts.push(encryptedByDefault === 'unknown' ? 'unknown' : reportRoot(context, owner));
  return verdicts;
}

/** An instance or launch configuration without root_block_device: its root volume is the AMI's. */
function hasImplicitRoot(owner: ResourceView): boolean {
  return (owner.type === 'aws_instance' || owner.type === 'aws_launch_configuration') && nestedViews(owner, 'root_block_device').length === 0;
}

function reportRoot(context: TerraformContext, owner: ResourceView): Verdict {
  // Only where this file declares the instance: a module's instance is the module's to fix.
  if (!owner.own) return 'unknown';
  context.report({
    span: owner.block.headerSpan,
    messageId: 'rootMissing',
    data: { resource: owner.address },
    fixTitleId: 'addRoot',
    fix: () => insertIntoBlock(owner.block, context.lines, ['', 'root_block_device {', '\tencrypted = true', '}']),
  });
  return 'fail';
}

function volumesOf(owner: ResourceView): { view: BlockView; name: string }[] {
  if (owner.type === 'aws_ebs_volume') return [{ view: owner, name: owner.address }];
  if (owner.type === 'aws_instance' || owner.type === 'aws_launch_configuration') {
    return ['root_block_device', 'ebs_block_device'].flatMap((type) => nestedViews(owner, type).map((view) => ({ view, name: `${owner.address} ${type}` })));
  }
  return nestedViews(owner, 'block_device_mappings').flatMap((mapping) => nestedViews(mapping, 'ebs').map((view) => ({ view, name: `${owner.address} ebs` })));
}
