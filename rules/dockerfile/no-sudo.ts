import { defineRule } from '../../server/src/engine/rule';
import { rootStage, stageLineage, type DockerfileModel, type InstructionNode, type Stage, type UserNode, type Word } from '../../server/src/kinds/dockerfile/model';
import { runsAsNonRootByDefault } from '../../server/src/kinds/dockerfile/images';

/** Options of `sudo` that take a value in the next word. */
const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T']);
const LEADING = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '(', '{', 'time', 'exec', 'nohup']);

/** The `sudo` word a command starts with (after assignments and shell keywords), and the words up to its program. */
function sudoPrefix(words: readonly Word[]): { sudo: Word; end: number } | undefined {
  let i = 0;
  while (i < words.length && (LEADING.has(words[i].text) || /^[A-Za-z_]\w*=/.test(words[i].text))) i++;
  if (words[i]?.text !== 'sudo') return undefined;
  let end = i + 1;
  while (end < words.length && words[end].text.startsWith('-')) end += SUDO_VALUE_OPTIONS.has(words[end].text) ? 2 : 1;
  return end < words.length ? { sudo: words[i], end } : undefined;
}

/** True when the RUN runs as root: the last USER before it is root, or there is none and the base image is not known to set one. */
function runsAsRoot(stage: Stage, run: InstructionNode): boolean {
  for (const candidate of stageLineage(stage)) {
    const users = candidate.users.filter((user: UserNode) => candidate !== stage || user.span.start < run.span.start);
    if (users.length) return users[users.length - 1].isRoot;
  }
  return !runsAsNonRootByDefault(rootStage(stage).from);
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/no-sudo',
    kind: 'dockerfile',
    title: 'Do not use sudo in RUN',
    description:
      'A build runs RUN as the current USER: as root, sudo is a no-op that needs the sudo package in the image; as another user, it works only if the image grants passwordless sudo, which gives root back to anything running in the container. Switch with USER (or run the step before switching) instead (hadolint DL3004). The quick fix removes sudo where the RUN already runs as root. A warning rather than hadolint\'s error: the finding shows a risky pattern, not yet an exploitable image.',
    checklistItem: 'deployment/docker-security-context',
    severity: 'warning',
    fixable: true,
    messages: {
      sudo: 'This RUN uses sudo, which only works if the image grants it and lets the container regain root; run the step as root before switching USER, without sudo.',
    },
    fixTitles: {
      removeSudo: 'Remove sudo (the RUN already runs as root)',
    },
    examples: {
      bad: 'FROM debian:12-slim\nUSER app\nRUN sudo apt-get update',
      good: 'FROM debian:12-slim\nRUN apt-get update\nUSER app',
    },
    ptBR: {
      title: 'Não usar sudo em RUN',
      description:
        'O build executa RUN com o USER atual: como root, sudo não faz nada e exige o pacote sudo na imagem; com outro usuário, só funciona se a imagem conceder sudo sem senha, o que devolve o root a qualquer coisa rodando no container. Troque de usuário com USER (ou rode o passo antes de trocar) (DL3004 do hadolint). A correção rápida remove o sudo onde o RUN já roda como root. Um aviso, e não um erro como no hadolint: o achado mostra um padrão arriscado, ainda não uma imagem explorável.',
      messages: {
        sudo: 'Este RUN usa sudo, que só funciona se a imagem o conceder e permite ao container voltar a ser root; rode o passo como root antes de trocar de USER, sem sudo.',
      },
      fixTitles: {
        removeSudo: 'Remover o sudo (o RUN já roda como root)',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      for (const run of stage.runs) {
        if (run.commands.length === 0) continue;
        context.inspect({ subject: 'instruction', span: run.span });
        let asRoot: boolean | undefined;
        for (const command of run.commands) {
          const prefix = sudoPrefix(command.words);
          if (!prefix) continue;
          asRoot ??= runsAsRoot(stage, run);
          const program = command.words[prefix.end];
          context.report({
            span: prefix.sudo.span,
            messageId: 'sudo',
            fixTitleId: 'removeSudo',
            fix: asRoot ? (fixer) => fixer.remove({ start: prefix.sudo.span.start, end: program.span.start }) : undefined,
          });
        }
      }
    }
  },
});
