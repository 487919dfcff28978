import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/rule';
import { inspectService, servicesToCheck } from '../../server/src/kinds/compose/checks';
import { parseImageReference } from '../../server/src/kinds/compose/image';
import { interpolate } from '../../server/src/kinds/compose/interpolation';
import type { ComposeModel } from '../../server/src/kinds/compose/model';
import { scalarString, spanOf, subSpan } from '../../server/src/kinds/kubernetes/nodes';

export default defineRule<ComposeModel>({
  meta: {
    id: 'compose/image-tag',
    kind: 'compose',
    title: 'Pin service images to a version',
    description:
      'An image without a tag, tagged latest, or tagged with a name that moves (alpine, stable, lts) changes under the same file: deployments are not reproducible and a rollback may pull the broken image again.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: false,
    crossFile: true,
    messages: {
      untagged: 'Image "{{image}}" has no tag, so it pulls latest, which changes under the same file; pin a version or a digest.',
      latest: 'Image "{{image}}" uses the latest tag, which changes under the same file; pin a version or a digest.',
      floating: 'Image "{{image}}" uses the tag "{{tag}}", which moves to every new release; pin a version such as 1.27-{{tag}} or a digest.',
    },
    examples: { bad: 'services:\n  nginx:\n    image: nginx:alpine\n', good: 'services:\n  nginx:\n    image: nginx:1.27-alpine\n' },
    ptBR: {
      title: 'Fixar as imagens dos serviços em uma versão',
      description:
        'Uma imagem sem tag, com a tag latest ou com um nome que se move (alpine, stable, lts) muda sob o mesmo arquivo: os deploys não são reproduzíveis e um rollback pode baixar de novo a imagem com defeito.',
      messages: {
        untagged: 'A imagem "{{image}}" não tem tag, então baixa latest, que muda sob o mesmo arquivo; fixe uma versão ou um digest.',
        latest: 'A imagem "{{image}}" usa a tag latest, que muda sob o mesmo arquivo; fixe uma versão ou um digest.',
        floating: 'A imagem "{{image}}" usa a tag "{{tag}}", que se move a cada nova versão; fixe uma versão como 1.27-{{tag}} ou um digest.',
      },
    },
  },
  check(model, context) {
    for (const service of servicesToCheck(context)) {
      // With `build:`, `image:` names the image Compose builds, not one it pulls.
      if (service.has('build')) continue;
      const found = service.field('image');
      const node = found?.value;
      const raw = scalarString(node);
      if (!found || !isScalar(node) || raw === undefined) continue;
      const value = interpolate(raw).value;
      // A variable (`${IMAGE_TAG}`) names the tag: a build tool or the environment fills it in.
      if (value === undefined) inspectService(context, service, true);
      if (value === undefined || value.trim() === '') continue;
      inspectService(context, service);
      const reference = parseImageReference(value);
      if (reference.digest !== undefined) continue;
      const text = found.layer.model.text;
      const data = { image: value, tag: reference.tag ?? '' };
      if (reference.tag === undefined) context.report({ span: spanOf(node)!, messageId: 'untagged', data });
      else if (reference.tag === 'latest') context.report({ span: subSpan(text, node, reference.tagStart!, reference.tag.length), messageId: 'latest', data });
      // A tag without a digit names a moving release line (alpine, stable, lts, bookworm, mainline).
      else if (!/\d/.test(reference.tag)) context.report({ span: subSpan(text, node, reference.tagStart!, reference.tag.length), messageId: 'floating', data });
    }
  },
});
