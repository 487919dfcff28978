import { defineRule } from '../../server/src/engine/rule';
import { distinct, inspect, isKnown, reportValue, requireTrue, resourcesOf } from '../../server/src/kinds/terraform/checks';
import { truthyValue } from '../../server/src/kinds/terraform/evaluate';
import type { TerraformModel } from '../../server/src/kinds/terraform/model';
import { hasAttribute, nestedViews, valueOf, type BlockView, type ResourceView, type ScopeInstance } from '../../server/src/kinds/terraform/resources';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/ebs-encryption',
    kind: 'terraform',
    title: 'Encrypt EBS volumes',
    description:
      'EBS volumes (aws_ebs_volume, and the block devices of aws_instance and aws_launch_template) must set encrypted = true unless the module turns on aws_ebs_encryption_by_default, which must not be turned off; unencrypted volumes and their snapshots expose the data to anyone who can copy them.',
    checklistItem: 'security/encryption-at-rest',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Volume {{volume}} is not encrypted, and neither are its snapshots; set {{setting}} = true.',
      disabled: 'Volume {{volume}} turns encryption off, exposing its data and snapshots; set {{setting}} = true.',
      defaultOff: 'Default EBS encryption {{resource}} is turned off, so every new volume that does not ask for encryption is stored in clear; set {{setting}} = true.',
    },
    examples: {
      bad: 'resource "aws_ebs_volume" "data" {\n  size = 100\n}',
      good: 'resource "aws_ebs_volume" "data" {\n  size      = 100\n  encrypted = true\n}',
    },
    ptBR: {
      title: 'Criptografar volumes EBS',
      description:
        'Volumes EBS (aws_ebs_volume e os block devices de aws_instance e aws_launch_template) devem definir encrypted = true, a menos que o módulo ative aws_ebs_encryption_by_default, que não deve ser desligado; volumes sem criptografia e seus snapshots expõem os dados a quem puder copiá-los.',
      messages: {
        missing: 'O volume {{volume}} não é criptografado, nem seus snapshots; defina {{setting}} = true.',
        disabled: 'O volume {{volume}} desliga a criptografia, expondo dados e snapshots; defina {{setting}} = true.',
        defaultOff: 'A criptografia padrão de EBS {{resource}} está desligada, então todo volume novo que não pede criptografia fica em claro; defina {{setting}} = true.',
      },
    },
  },
  check(model, ruleContext) {
    const context = distinct(ruleContext);
    for (const setting of resourcesOf(context, 'aws_ebs_encryption_by_default')) {
      inspect(context, setting, 'resource');
      const enabled = valueOf(setting, 'enabled');
      if (!isKnown(enabled) || enabled.value === null || truthyValue(enabled) !== false) continue;
      reportValue(context, enabled, { missing: 'defaultOff', value: 'defaultOff' }, { resource: setting.address, attribute: 'enabled' }, 'true');
    }
    const covered = new Map<ScopeInstance, boolean>();
    const byDefault = (view: ResourceView) => {
      let on = covered.get(view.scope);
      if (on === undefined) {
        on = view.scope.resources('aws_ebs_encryption_by_default').some((setting) => {
          const enabled = valueOf(setting, 'enabled');
          // The provider's default for `enabled` is true.
          return !isKnown(enabled) || enabled.value === null || truthyValue(enabled) !== false;
        });
        covered.set(view.scope, on);
      }
      return on;
    };
    const messages = { missing: 'missing', disabled: 'disabled' };
    for (const owner of resourcesOf(context, 'aws_ebs_volume', 'aws_instance', 'aws_launch_template')) {
      inspect(context, owner, 'volume');
      if (byDefault(owner)) continue;
      for (const { view, name } of volumesOf(owner)) {
        // Volumes restored from a snapshot carry its encryption.
        if (hasAttribute(view, 'snapshot_id')) continue;
        requireTrue(context, view, 'encrypted', messages, { volume: name });
      }
    }
  },
});

function volumesOf(owner: ResourceView): { view: BlockView; name: string }[] {
  if (owner.type === 'aws_ebs_volume') return [{ view: owner, name: owner.address }];
  if (owner.type === 'aws_instance') {
    return ['root_block_device', 'ebs_block_device'].flatMap((type) => nestedViews(owner, type).map((view) => ({ view, name: `${owner.address} ${type}` })));
  }
  return nestedViews(owner, 'block_device_mappings').flatMap((mapping) => nestedViews(mapping, 'ebs').map((view) => ({ view, name: `${owner.address} ebs` })));
}
