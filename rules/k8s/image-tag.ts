import { defineRule } from '../../server/src/engine/rule';
import type { KubernetesModel } from '../../server/src/kinds/kubernetes/model';
import { subSpan } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<KubernetesModel>({
  meta: {
    id: 'k8s/image-tag',
    kind: 'kubernetes',
    title: 'Pin container images to a version',
    description:
      'An image without a tag, or tagged latest, changes under the same manifest: rollouts are not reproducible and a rollback may pull the broken image again.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: false,
    messages: {
      latest: 'Image "{{image}}" uses the latest tag, which changes under the same manifest; pin a version or a digest.',
      untagged: 'Image "{{image}}" has no tag, so it pulls latest; pin a version or a digest.',
    },
    examples: { bad: 'image: nginx:latest\n', good: 'image: nginx:1.27.0\n' },
    ptBR: {
      title: 'Fixar as imagens dos containers em uma versão',
      description:
        'Uma imagem sem tag, ou com a tag latest, muda sob o mesmo manifesto: os rollouts não são reproduzíveis e um rollback pode baixar de novo a imagem com defeito.',
      messages: {
        latest: 'A imagem "{{image}}" usa a tag latest, que muda sob o mesmo manifesto; fixe uma versão ou um digest.',
        untagged: 'A imagem "{{image}}" não tem tag, então baixa latest; fixe uma versão ou um digest.',
      },
    },
  },
  check(model, context) {
    for (const container of model.containers) {
      const image = container.image;
      if (!image || image.value.includes('@') || image.value.includes('$')) continue;
      const value = image.value;
      const colon = value.lastIndexOf(':');
      if (colon > value.lastIndexOf('/')) {
        const tag = value.slice(colon + 1);
        if (tag !== 'latest') continue;
        context.report({ span: subSpan(model.text, image.node, colon + 1, tag.length), messageId: 'latest', data: { image: value } });
      } else if (value.trim() !== '') {
        context.report({ span: image.span, messageId: 'untagged', data: { image: value } });
      }
    }
  },
});
