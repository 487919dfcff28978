import { defineRule } from '../../server/src/engine/rule';
import {
  canInsertAt,
  cacheMountTargets,
  firstOperandIndex,
  hasOption,
  optionAfterWord,
  runCommands,
  shippedStages,
  sourceMatches,
  type DockerfileModel,
  type RunCommand,
  type Stage,
} from '../../server/src/kinds/dockerfile/model';
import { apkAddIndex, aptInstallIndex, aptSubcommand, pipInstallIndex, removesPath } from '../../server/src/kinds/dockerfile/packages';

const NPM_VALUE_OPTIONS = new Set(['--prefix', '--omit', '--include', '--only', '--registry', '--cache', '--loglevel', '-w', '--workspace']);
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

const under = (target: string, directory: string) => target === directory || target.startsWith(directory + '/');

/** A cache or tmpfs mount on the apk cache keeps the index out of the layer; one elsewhere does not. */
const apkCacheMounted = (command: RunCommand) => cacheMountTargets(command.run).some((target) => under(target, '/var/cache/apk') || under(target, '/etc/apk/cache'));

/**
 * apt's lists stay out of the layer under a mount on /var/lib/apt/lists itself, or under mounts on
 * both /var/lib/apt and /var/cache/apt (hadolint DL3009); a mount on only one of them, or on another
 * directory, does not count.
 */
function aptCacheMounted(command: RunCommand): boolean {
  const targets = cacheMountTargets(command.run);
  if (targets.some((target) => under(target, '/var/lib/apt/lists'))) return true;
  return targets.includes('/var/lib/apt') && targets.includes('/var/cache/apt');
}

/** pip's cache lives in ~/.cache/pip: a mount there or on ~/.cache keeps it out. */
const pipCacheMounted = (command: RunCommand) => cacheMountTargets(command.run).some((target) => target.includes('pip') || /\/\.cache$/.test(target));

/**
 * `PIP_NO_CACHE_DIR` set for the command: in front of it (`PIP_NO_CACHE_DIR=1 pip install`) or
 * exported earlier in the RUN. pip turns its cache off for any valid value, `0` and `false`
 * included (pip/_internal/cli/cmdoptions.py, _handle_no_cache_dir), so only an empty one does not count.
 */
const NO_CACHE_ASSIGNMENT = /^PIP_NO_CACHE_DIR=./;
const pipNoCacheInRun = (command: RunCommand, sameRun: readonly RunCommand[]) =>
  command.command.words.slice(0, command.command.words.indexOf(command.words[0])).some((word) => NO_CACHE_ASSIGNMENT.test(word.text)) ||
  sameRun.some((other) => other.index < command.index && other.program === 'export' && other.words.some((word) => NO_CACHE_ASSIGNMENT.test(word.text)));

const setsPipNoCache = (env: { key: string; value?: string }) => env.key === 'PIP_NO_CACHE_DIR' && (env.value ?? '') !== '';

/** `rm -rf /var/lib/apt/lists/*`, or `apt-get dist-clean` (apt 2.9+, used by Debian trixie images). */
const cleansAptLists = (command: RunCommand) => removesPath(command, '/var/lib/apt/lists') || aptSubcommand(command) === 'dist-clean';

const copiesALockfile = (stage: Stage, before: number) =>
  stage.copies.some((copy) => copy.span.start < before && copy.sources.some((source) => LOCKFILES.some((lockfile) => sourceMatches(source.text, lockfile))));

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/package-cache',
    kind: 'dockerfile',
    title: 'Do not ship package manager caches',
    description:
      'Package managers leave indexes and download caches behind (`apk add`, `apt-get`/`apt`/`aptitude install`, `pip install`), and `npm install` ignores the lockfile; in the stages that end up in the image, clean up in the same RUN or use `--no-cache` and `--no-cache-dir` (or `PIP_NO_CACHE_DIR`, which pip honours with any value, `false` included), or a BuildKit cache mount on the cache\'s own directory (for apt: /var/lib/apt/lists, or both /var/lib/apt and /var/cache/apt), and install from the lockfile with `npm ci`, so images stay small and builds reproducible. A warning: the image works, but every pull and node pays for the cache.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      apk: 'apk add keeps its package index in the layer; add --no-cache.',
      apt: '{{command}} install leaves the apt package lists in the layer; remove /var/lib/apt/lists/* at the end of the same RUN.',
      pip: 'pip install keeps its download cache in the layer; add --no-cache-dir.',
      npm: 'npm install may rewrite the copied lockfile and install other versions than it pins; use npm ci.',
    },
    fixTitles: {
      apkNoCache: 'Add --no-cache',
      aptLists: 'Remove the apt lists at the end of the RUN',
      pipNoCache: 'Add --no-cache-dir',
      npmCi: 'Use npm ci',
    },
    examples: {
      bad: 'RUN apk add curl\nRUN apt-get update && apt-get install -y curl\nRUN pip install -r requirements.txt\nCOPY package*.json ./\nRUN npm install',
      good:
        'RUN apk add --no-cache curl\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY package*.json ./\nRUN npm ci',
    },
    ptBR: {
      title: 'Não levar caches de gerenciadores de pacotes na imagem',
      description:
        'Gerenciadores de pacotes deixam índices e caches de download para trás (`apk add`, `apt-get`/`apt`/`aptitude install`, `pip install`), e `npm install` ignora o lockfile; nos estágios que vão para a imagem, limpe no mesmo RUN ou use `--no-cache` e `--no-cache-dir` (ou `PIP_NO_CACHE_DIR`, que o pip respeita com qualquer valor, até `false`), ou um cache mount do BuildKit no próprio diretório do cache (no apt: /var/lib/apt/lists, ou /var/lib/apt e /var/cache/apt juntos), e instale a partir do lockfile com `npm ci`, para manter imagens pequenas e builds reprodutíveis. Um aviso: a imagem funciona, mas cada pull e cada nó pagam pelo cache.',
      messages: {
        apk: 'apk add mantém o índice de pacotes na camada; adicione --no-cache.',
        apt: '{{command}} install deixa as listas de pacotes do apt na camada; remova /var/lib/apt/lists/* no fim do mesmo RUN.',
        pip: 'pip install mantém o cache de downloads na camada; adicione --no-cache-dir.',
        npm: 'npm install pode reescrever o lockfile copiado e instalar versões diferentes das fixadas nele; use npm ci.',
      },
      fixTitles: {
        apkNoCache: 'Adicionar --no-cache',
        aptLists: 'Remover as listas do apt no fim do RUN',
        pipNoCache: 'Adicionar --no-cache-dir',
        npmCi: 'Usar npm ci',
      },
    },
  },
  check(model, context) {
    // Caches left in a build stage are thrown away with it; only shipped layers cost pull time and disk.
    const shipped = new Set(shippedStages(model));
    // What a stage inherits from the stages it builds on, computed once in file order (parents come first).
    const lockfileBefore = new Map<Stage, boolean>();
    const pipNoCache = new Map<Stage, boolean>();
    for (const stage of model.stages) {
      const parent = stage.from.parentStage;
      lockfileBefore.set(stage, parent ? lockfileBefore.get(parent)! || copiesALockfile(parent, Infinity) : false);
      pipNoCache.set(stage, (parent ? pipNoCache.get(parent)! : false) || stage.envs.some(setsPipNoCache));
    }
    for (const stage of model.stages) {
      const commands = runCommands(stage);
      const byRun = new Map<object, RunCommand[]>();
      for (const command of commands) {
        const list = byRun.get(command.run);
        if (list) list.push(command);
        else byRun.set(command.run, [command]);
      }
      const ships = shipped.has(stage);
      const aptFixed = new Set<object>();
      const inspected = new Set<object>();
      const inspect = (command: RunCommand) => {
        if (!inspected.has(command.run)) context.inspect({ subject: 'instruction', span: command.run.span });
        inspected.add(command.run);
      };
      for (const command of commands) {
        const { words, program, run } = command;
        if (!ships && program !== 'npm') continue;
        const sameRun = byRun.get(run)!;

        const add = apkAddIndex(command);
        if (add >= 0) {
          inspect(command);
          if (hasOption(words, '--no-cache') || apkCacheMounted(command)) continue;
          if (sameRun.some((other) => removesPath(other, '/var/cache/apk'))) continue;
          const addWord = words[add];
          context.report({ span: command.command.span, messageId: 'apk', fixTitleId: 'apkNoCache', fix: (fixer) => fixer.insertAt(addWord.span.end, optionAfterWord(run, '--no-cache')) });
          continue;
        }

        if (aptInstallIndex(command) >= 0) {
          inspect(command);
          if (aptCacheMounted(command) || sameRun.some(cleansAptLists)) continue;
          // Several installs in one RUN share one clean-up at its end; offering it once keeps the fixes from stacking.
          const offerFix = !aptFixed.has(run);
          aptFixed.add(run);
          const last = run.commands[run.commands.length - 1];
          context.report({
            span: command.command.span,
            messageId: 'apt',
            data: { command: program! },
            fixTitleId: 'aptLists',
            fix: offerFix && run.form === 'shell' && canInsertAt(model, last.span.end) ? (fixer) => fixer.insertAt(last.span.end, ' && rm -rf /var/lib/apt/lists/*') : undefined,
          });
          continue;
        }

        const pipInstall = pipInstallIndex(command);
        if (pipInstall >= 0) {
          inspect(command);
          const parent = stage.from.parentStage;
          const envNoCache = (parent !== undefined && pipNoCache.get(parent)) || stage.envs.some((env) => env.keySpan.start < run.span.start && setsPipNoCache(env));
          if (hasOption(words, '--no-cache-dir') || envNoCache || pipNoCacheInRun(command, sameRun) || pipCacheMounted(command)) continue;
          const installWord = words[pipInstall];
          context.report({ span: command.command.span, messageId: 'pip', fixTitleId: 'pipNoCache', fix: (fixer) => fixer.insertAt(installWord.span.end, optionAfterWord(run, '--no-cache-dir')) });
          continue;
        }

        if (program === 'npm') {
          const install = firstOperandIndex(words, 1, NPM_VALUE_OPTIONS);
          if (install < 0 || (words[install].text !== 'install' && words[install].text !== 'i')) continue;
          // `npm install express` or `npm install -g` asks for something npm ci cannot do.
          if (firstOperandIndex(words, install + 1, NPM_VALUE_OPTIONS) >= 0 || hasOption(words, '-g', '--global')) continue;
          if (!lockfileBefore.get(stage) && !copiesALockfile(stage, run.span.start)) continue;
          inspect(command);
          const installWord = words[install];
          context.report({ span: command.command.span, messageId: 'npm', fixTitleId: 'npmCi', fix: (fixer) => fixer.replace(installWord.span, run.form === 'shell' ? 'ci' : '"ci"') });
        }
      }
    }
  },
});
