import { defineRule } from '../../server/src/engine/rule';
import type { DockerfileModel } from '../../server/src/kinds/dockerfile/model';

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/pinned-base-image',
    kind: 'dockerfile',
    title: 'Pin base images to a version',
    description:
      'Every FROM must name an explicit tag (or digest) other than `latest`; a floating tag rebuilds the image on whatever was pushed last, so the same commit can ship a different runtime. A FROM whose image an ARG without a default chooses (`FROM ${BASE}`) is looked at, not judged. A warning, like hadolint\'s DL3006 and DL3007: today\'s build works, the next one may not.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: false,
    messages: {
      latest: 'The base image {{image}} uses the floating tag latest; pin a specific version tag or a digest.',
      untagged: 'The base image {{image}} has no tag, so it resolves to latest; pin a specific version tag or a digest.',
    },
    examples: {
      bad: 'FROM node:latest\nFROM python',
      good: 'FROM node:20.15-alpine\nFROM python:3.12-slim@sha256:...',
    },
    ptBR: {
      title: 'Fixar a versão das imagens base',
      description:
        'Todo FROM deve indicar uma tag explícita (ou digest) diferente de `latest`; uma tag flutuante reconstrói a imagem sobre o que foi publicado por último, e o mesmo commit pode entregar um runtime diferente. Um FROM cuja imagem é escolhida por um ARG sem valor padrão (`FROM ${BASE}`) é examinado, não julgado. Um aviso, como o DL3006 e o DL3007 do hadolint: o build de hoje funciona, o próximo talvez não.',
      messages: {
        latest: 'A imagem base {{image}} usa a tag flutuante latest; fixe uma tag de versão específica ou um digest.',
        untagged: 'A imagem base {{image}} não tem tag, então resolve para latest; fixe uma tag de versão específica ou um digest.',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const from = stage.from;
      if (stage.implicit || from.isScratch || from.parentStage || from.name === '') continue;
      // An ARG without a default (`FROM ${BASE}`) is chosen at build time: looked at, not judged.
      if (from.resolvedImage.includes('$')) {
        context.inspect({ subject: 'stage', span: from.span, name: stage.name, unknown: true });
        continue;
      }
      context.inspect({ subject: 'stage', span: from.span, name: stage.name });
      if (from.digest) continue;
      if (from.tag === undefined) {
        context.report({ span: from.imageSpan, messageId: 'untagged', data: { image: from.resolvedImage } });
      } else if (from.tag.toLowerCase() === 'latest') {
        context.report({ span: from.tagSpan ?? from.imageSpan, messageId: 'latest', data: { image: from.name } });
      }
    }
  },
});
