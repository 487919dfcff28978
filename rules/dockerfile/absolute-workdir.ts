import { posix } from 'node:path';
import { defineRule } from '../../server/src/engine/rule';
import { resolveVariables, variablesAt, type DockerfileModel, type Stage } from '../../server/src/kinds/dockerfile/model';

/** Absolute on Linux (`/app`) or Windows (`C:\app`, `C:/app`). */
const isAbsolute = (path: string) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/absolute-workdir',
    kind: 'dockerfile',
    title: 'Use an absolute WORKDIR',
    description:
      'A relative WORKDIR is resolved against the WORKDIR before it, often one the base image sets, so the application lands somewhere else when the base image changes; write the absolute path (hadolint DL3000). A path with a variable is judged by the value the file gives it (`ENV APP=/srv` then `WORKDIR $APP`); one the file gives no value (`WORKDIR $HOME/app`) is looked at, not judged. The quick fix resolves the path when the file shows the directory it is relative to. A warning rather than hadolint\'s error: the image works today, it is the next base image that moves it.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      relative: 'WORKDIR {{path}} is relative, so where it points depends on the WORKDIR before it, possibly the base image\'s; use an absolute path.',
    },
    fixTitles: {
      absolute: 'Use WORKDIR {{absolute}}',
    },
    examples: {
      bad: 'FROM node:20-alpine\nWORKDIR app',
      good: 'FROM node:20-alpine\nWORKDIR /app',
    },
    ptBR: {
      title: 'Usar um WORKDIR absoluto',
      description:
        'Um WORKDIR relativo é resolvido a partir do WORKDIR anterior, muitas vezes um definido pela imagem base, então a aplicação vai parar em outro lugar quando a imagem base muda; escreva o caminho absoluto (DL3000 do hadolint). Um caminho com variável é julgado pelo valor que o arquivo lhe dá (`ENV APP=/srv` e depois `WORKDIR $APP`); um sem valor no arquivo (`WORKDIR $HOME/app`) é examinado, não julgado. A correção rápida resolve o caminho quando o arquivo mostra o diretório de referência. Um aviso, e não um erro como no hadolint: a imagem funciona hoje, é a próxima imagem base que a desloca.',
      messages: {
        relative: 'WORKDIR {{path}} é relativo, então para onde aponta depende do WORKDIR anterior, possivelmente o da imagem base; use um caminho absoluto.',
      },
      fixTitles: {
        absolute: 'Usar WORKDIR {{absolute}}',
      },
    },
  },
  check(model, context) {
    // The working directory each stage ends in, when the file shows it, in file order (parents come
    // first): a relative WORKDIR resolves against it, and scratch starts at `/`.
    const finalWorkdir = new Map<Stage, string | undefined>();
    for (const stage of model.stages) {
      const parent = stage.from.parentStage;
      let current = parent ? finalWorkdir.get(parent) : stage.from.isScratch ? '/' : undefined;
      for (const workdir of stage.workdirs) {
        const path = workdir.path;
        if (!path || path.text === '') continue;
        // `WORKDIR $HOME/app`: what the variable holds decides, and a base image or the caller may set it.
        const resolved = path.text.includes('$') ? resolveVariables(path.text, variablesAt(stage, workdir.span.start)) : path.text;
        if (resolved === undefined) {
          context.inspect({ subject: 'instruction', span: workdir.span, unknown: true });
          current = undefined;
          continue;
        }
        context.inspect({ subject: 'instruction', span: workdir.span });
        if (isAbsolute(resolved)) {
          current = resolved.startsWith('/') ? posix.normalize(resolved) : undefined;
          continue;
        }
        const absolute = current !== undefined ? posix.resolve(current, resolved) : undefined;
        current = absolute;
        const quoted = /^["']/.test(model.text.slice(path.span.start, path.span.start + 1)) || /\s/.test(absolute ?? '');
        context.report({
          span: path.span,
          messageId: 'relative',
          data: { path: path.text, absolute: absolute ?? '' },
          fixTitleId: 'absolute',
          // A path written with a variable keeps it: replacing it with today's value would drop the variable.
          fix: absolute !== undefined && resolved === path.text ? (fixer) => fixer.replace(path.span, quoted ? JSON.stringify(absolute) : absolute) : undefined,
        });
      }
      finalWorkdir.set(stage, current);
    }
  },
});
