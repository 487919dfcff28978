import { defineRule } from '../../server/src/engine/rule';
import { requireTrue } from '../../server/src/kinds/terraform/checks';
import { attribute, nestedBlocks, type Block, type TerraformModel } from '../../server/src/kinds/terraform/model';
import { isTrue, TerraformModule } from '../../server/src/kinds/terraform/module';

export default defineRule<TerraformModel>({
  meta: {
    id: 'terraform/ebs-encryption',
    kind: 'terraform',
    title: 'Encrypt EBS volumes',
    description:
      'EBS volumes (aws_ebs_volume, and the block devices of aws_instance and aws_launch_template) must set encrypted = true unless the module turns on aws_ebs_encryption_by_default; unencrypted volumes and their snapshots expose the data to anyone who can copy them.',
    checklistItem: 'security/encryption-at-rest',
    severity: 'warning',
    fixable: true,
    crossFile: true,
    messages: {
      missing: 'Volume {{volume}} is not encrypted, and neither are its snapshots; set encrypted = true.',
      disabled: 'Volume {{volume}} turns encryption off, exposing its data and snapshots; set encrypted = true.',
    },
    examples: {
      bad: 'resource "aws_ebs_volume" "data" {\n  size = 100\n}',
      good: 'resource "aws_ebs_volume" "data" {\n  size      = 100\n  encrypted = true\n}',
    },
    ptBR: {
      title: 'Criptografar volumes EBS',
      description:
        'Volumes EBS (aws_ebs_volume e os block devices de aws_instance e aws_launch_template) devem definir encrypted = true, a menos que o módulo ative aws_ebs_encryption_by_default; volumes sem criptografia e seus snapshots expõem os dados a quem puder copiá-los.',
      messages: {
        missing: 'O volume {{volume}} não é criptografado, nem seus snapshots; defina encrypted = true.',
        disabled: 'O volume {{volume}} desliga a criptografia, expondo dados e snapshots; defina encrypted = true.',
      },
    },
  },
  check(model, context) {
    const module = new TerraformModule(model, context);
    const byDefault = module.resources('aws_ebs_encryption_by_default').some((block) => {
      const enabled = module.value(block, 'enabled');
      return enabled.state !== 'known' || isTrue(enabled.value);
    });
    if (byDefault) return;
    const messages = { missing: 'missing', disabled: 'disabled' };
    const volumes: { block: Block; name: string }[] = [];
    for (const volume of module.ownResources('aws_ebs_volume')) volumes.push({ block: volume, name: `aws_ebs_volume.${volume.labels[1]?.value}` });
    for (const instance of module.ownResources('aws_instance')) {
      const base = `aws_instance.${instance.labels[1]?.value}`;
      for (const type of ['root_block_device', 'ebs_block_device']) {
        for (const device of nestedBlocks(instance, type)) volumes.push({ block: device, name: `${base} ${type}` });
      }
    }
    for (const template of module.ownResources('aws_launch_template')) {
      for (const mapping of nestedBlocks(template, 'block_device_mappings')) {
        for (const ebs of nestedBlocks(mapping, 'ebs')) volumes.push({ block: ebs, name: `aws_launch_template.${template.labels[1]?.value} ebs` });
      }
    }
    for (const { block, name } of volumes) {
      // Generated blocks and volumes restored from a snapshot (which carry its encryption) are not judged.
      if (block.type === 'content' || attribute(block, 'snapshot_id')) continue;
      requireTrue(context, module, block, 'encrypted', messages, { volume: name });
    }
  },
});
