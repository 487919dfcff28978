import { defineRule } from '../../server/src/engine/rule';
import { canInsertAt, runCommands, type DockerfileModel, type InstructionNode, type RunCommand, type RunNode } from '../../server/src/kinds/dockerfile/model';
import { isIndexUpdate, usesIndex } from '../../server/src/kinds/dockerfile/packages';

/** A command that runs a script the file does not show (`./install.sh`, `bash setup.sh`): it may install. */
function runsUnknownScript(command: RunCommand): boolean {
  const first = command.words[0]?.text ?? '';
  if (first.startsWith('./') || /\.(?:sh|bash)$/.test(first)) return true;
  return (command.program === 'sh' || command.program === 'bash') && command.words.length > 1 && !command.words[1].text.startsWith('-');
}

/** The RUN right after `run` in the stage, if the next instruction is one. */
function nextInstruction(instructions: readonly InstructionNode[], run: RunNode): RunNode | undefined {
  for (let i = instructions.length - 1; i > 0; i--) {
    if (instructions[i - 1] === run) return instructions[i].keyword === 'RUN' ? (instructions[i] as RunNode) : undefined;
  }
  return undefined;
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/update-alone',
    kind: 'dockerfile',
    title: 'Update the package index in the RUN that installs',
    description:
      'A RUN that only refreshes the package index (`apt-get update`, `apk update`) is cached as its own layer: the next time the install list changes, the install runs against the stale cached index, fetches outdated packages or fails with 404s from the mirror. Update and install in the same RUN (checkov CKV_DOCKER_5). A RUN that also runs a script the file does not show is looked at but not judged, since the script may install. Only apt and apk are read (KICS also reads zypper, yum, dnf and pacman). The quick fix merges the update into the next RUN when that RUN installs. A warning: the build breaks or goes stale at a later, unrelated change.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      alone: '{{command}} runs in a RUN that installs nothing, so its cached layer goes stale and later installs use an old index; update in the same RUN that installs.',
    },
    fixTitles: {
      merge: 'Move {{command}} into the next RUN',
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
      good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    },
    ptBR: {
      title: 'Atualizar o índice de pacotes no RUN que instala',
      description:
        'Um RUN que só atualiza o índice de pacotes (`apt-get update`, `apk update`) fica em cache como uma camada própria: na próxima vez que a lista de instalação mudar, a instalação roda com o índice velho do cache, baixa pacotes desatualizados ou falha com 404 do espelho. Atualize e instale no mesmo RUN (CKV_DOCKER_5 do checkov). Um RUN que também roda um script que o arquivo não mostra é examinado mas não julgado, pois o script pode instalar. Só apt e apk são lidos (o KICS lê também zypper, yum, dnf e pacman). A correção rápida junta a atualização ao RUN seguinte quando ele instala. Um aviso: o build quebra ou fica desatualizado numa mudança futura, sem relação.',
      messages: {
        alone: '{{command}} roda num RUN que não instala nada, então sua camada em cache fica velha e instalações futuras usam um índice antigo; atualize no mesmo RUN que instala.',
      },
      fixTitles: {
        merge: 'Levar {{command}} para o próximo RUN',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const byRun = new Map<RunNode, RunCommand[]>();
      for (const command of runCommands(stage)) {
        const list = byRun.get(command.run);
        if (list) list.push(command);
        else byRun.set(command.run, [command]);
      }
      for (const [run, commands] of byRun) {
        const update = commands.find(isIndexUpdate);
        if (!update) continue;
        if (commands.some(usesIndex)) {
          context.inspect({ subject: 'instruction', span: run.span });
          continue;
        }
        // A script the file does not show may install what the update is for.
        if (commands.some(runsUnknownScript)) {
          context.inspect({ subject: 'instruction', span: run.span, unknown: true });
          continue;
        }
        context.inspect({ subject: 'instruction', span: run.span });
        const nextRun = nextInstruction(stage.instructions, run);
        // Merging is obvious when the update is the whole RUN, the next instruction is a plain
        // shell-form RUN that installs, and nothing (a comment) sits between them.
        const mergeable =
          nextRun !== undefined &&
          run.form === 'shell' &&
          !run.isHeredoc &&
          run.flags.length === 0 &&
          commands.length === 1 &&
          nextRun.form === 'shell' &&
          !nextRun.isHeredoc &&
          nextRun.flags.length === 0 &&
          (byRun.get(nextRun) ?? []).some(usesIndex) &&
          model.text.slice(run.span.end, nextRun.span.start).trim() === '' &&
          // An open quote in the update would take the merged install in.
          canInsertAt(model, run.span.end);
        const text = model.text.slice(update.command.span.start, update.command.span.end);
        const command = `${update.program} update`;
        context.report({
          span: update.command.span,
          messageId: 'alone',
          data: { command },
          fixTitleId: 'merge',
          fix: mergeable
            ? (fixer) => {
                const keyword = model.text.slice(nextRun.keywordSpan.start, nextRun.keywordSpan.end);
                return fixer.replace({ start: run.span.start, end: nextRun.argumentsSpan.start }, `${keyword} ${text} && `);
              }
            : undefined,
        });
      }
    }
  },
});
