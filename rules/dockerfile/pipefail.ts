import { defineRule } from '../../server/src/engine/rule';
import {
  commandWords,
  programName,
  type DockerfileModel,
  type RunNode,
  type ShellCommand,
  type ShellNode,
  type Stage,
} from '../../server/src/kinds/dockerfile/model';
import { baseImageName, imageFamily } from '../../server/src/kinds/dockerfile/images';

/** Shells whose `-o pipefail` hadolint trusts; plain `sh` may be dash, which lacks it. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);
const NON_POSIX_SHELLS = /^(?:pwsh|powershell|cmd)(?:\.exe)?$/i;
/** Producers that cannot fail in a way the pipe would hide. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', 'yes']);

type ShellState = 'pipefail' | 'plain' | 'non-posix';

function shellState(node: ShellNode): ShellState {
  const args = node.execArgs ?? [];
  const program = (args[0] ?? '').slice((args[0] ?? '').lastIndexOf('/') + 1);
  if (NON_POSIX_SHELLS.test(program)) return 'non-posix';
  if (!PIPEFAIL_SHELLS.has(program)) return 'plain';
  // `-o pipefail`, `-eo pipefail`, `-euxo pipefail`: an option cluster ending in o, then the name.
  return args.some((arg, i) => /^-[a-z]*o$/.test(arg) && args[i + 1] === 'pipefail') ? 'pipefail' : 'plain';
}

/** `set -o pipefail`, `set -euxo pipefail`: the RUN switches pipefail on itself (or fails loudly where it cannot). */
function setsPipefail(command: ShellCommand): boolean {
  const words = commandWords(command).map((word) => word.text);
  return words[0] === 'set' && words.some((word, i) => /^-[a-z]*o$/.test(word) && words[i + 1] === 'pipefail');
}

/** The commands a pipe reads from: the command before it, or the whole `{ ...; }` / `( ... )` group it closes. */
function producers(commands: readonly ShellCommand[], last: number): ShellCommand[] {
  const closing = commands[last].words[commands[last].words.length - 1]?.text;
  if (closing !== '}' && !closing?.endsWith(')')) return [commands[last]];
  const opener = closing === '}' ? '{' : '(';
  for (let i = last; i >= 0; i--) {
    if (commands[i].words[0]?.text.startsWith(opener)) return commands.slice(i, last + 1);
  }
  return [commands[last]];
}

/** The program a producer runs, ignoring the brackets of a group (`{ echo a;` -> `echo`). */
function producerProgram(command: ShellCommand): string | undefined {
  const words = commandWords(command).filter((word) => word.text !== '}' && word.text !== ')');
  return words.length ? programName(words)?.replace(/[(){}]/g, '') : undefined;
}

/**
 * True when the last command of a pipeline fails on the empty input a failed producer leaves, so
 * the failure shows without pipefail: grep (exit 1 when nothing is selected), `sha256sum -c`,
 * `gpg --import`, `apt-key add`, `tar -x`, `patch`.
 */
function failsOnEmptyInput(command: ShellCommand): boolean {
  const words = commandWords(command).map((word) => word.text);
  const program = programName(commandWords(command));
  if (program === undefined) return false;
  if (/^[ef]?grep$/.test(program)) return !words.includes('-c') && !words.includes('--count');
  if (/^(?:sha\d*|md5|b2)sum$/.test(program)) return words.some((word) => word === '-c' || word === '--check');
  if (program === 'apt-key') return words.includes('add');
  if (program === 'gpg' || program === 'gpg2') return words.some((word) => word === '--import' || word === '--verify');
  if (program === 'tar') return /^-?[a-zA-Z]*x/.test(words[1] ?? '') || words.some((word) => word === '--extract' || /^-[a-zA-Z]*x[a-zA-Z]*$/.test(word));
  return program === 'patch';
}

/** The first pipe of the RUN whose failure pipefail would catch: its first producer and its last command. */
function riskyPipe(run: RunNode): { first: ShellCommand; last: ShellCommand } | undefined {
  const commands = run.commands;
  for (let i = 0; i < commands.length; i++) {
    if (setsPipefail(commands[i])) return undefined;
    if (commands[i + 1]?.after !== '|') continue;
    let end = i + 1;
    while (commands[end + 1]?.after === '|') end++;
    const feeding = [...producers(commands, i), ...commands.slice(i + 1, end)];
    const canFail = feeding.some((command) => {
      const program = producerProgram(command);
      return program !== undefined && !CANNOT_FAIL.has(program);
    });
    if (canFail && !failsOnEmptyInput(commands[end])) return { first: feeding[0], last: commands[end] };
    i = end;
  }
  return undefined;
}

/**
 * Producers whose non-zero exit always means the build should stop: a download, the read of a
 * file, a decompression, an echo. Others may fail by design and still feed the pipe what it needs:
 * python's image runs `... | xargs -r dpkg-query --search | ...`, which exits 1 for files no
 * package owns, so pipefail there breaks the build.
 */
const SAFE_PRODUCERS = new Set(['curl', 'wget', 'cat', 'echo', 'printf', 'gunzip', 'zcat', 'xzcat', 'bzcat', 'zstdcat', 'base64']);

/** A consumer that may stop reading before the end, so the producer dies of SIGPIPE: under pipefail the RUN fails. */
function stopsReadingEarly(command: ShellCommand): boolean {
  const words = commandWords(command).map((word) => word.text);
  const program = programName(commandWords(command));
  if (program === 'head') return true;
  if (program !== undefined && /^[ef]?grep$/.test(program)) return words.some((word) => /^-[a-zA-Z]*[qlm]/.test(word) || /^--(?:quiet|silent|max-count|files-with-matches)/.test(word));
  if (program === 'sed') return words.slice(1).some((word) => /(?:^|[\d/;])q\d*$/.test(word));
  if (program === 'awk' || program === 'gawk' || program === 'mawk') return words.slice(1).some((word) => /\bexit\b/.test(word));
  return false;
}

/**
 * True when pipefail cannot break this RUN where it builds today: every pipe is fed by a producer
 * whose failure must stop the build into a consumer that reads to the end, no pipe hides in a
 * command substitution, and, when bash replaces dash as /bin/sh, no echo relies on dash's
 * backslash escapes.
 */
function safeUnderPipefail(run: RunNode, changesShell: boolean): boolean {
  if (run.form === 'exec') return true;
  const commands = run.commands;
  return commands.every((command, i) => {
    if (command.words.some((word) => /\$\(|`/.test(word.text) && word.text.includes('|'))) return false;
    const program = producerProgram(command);
    if (changesShell && program === 'echo' && command.words.some((word) => word.text.includes('\\'))) return false;
    if (commands[i + 1]?.after === '|' && !producers(commands, i).every((producer) => SAFE_PRODUCERS.has(producerProgram(producer) ?? ''))) return false;
    return !(command.after === '|' && stopsReadingEarly(command));
  });
}

/**
 * Whether a SHELL line with pipefail, inserted before a RUN, cannot break the build: it governs the
 * rest of the stage up to the next SHELL and, when the stage does not change SHELL again, the
 * stages built on it up to theirs. Answered once per stage (stages come after the stages they
 * build on, so a walk backwards finds every child's answer first): linear in the file.
 */
function pipefailSafety(model: DockerfileModel): (stage: Stage, from: number) => boolean {
  const children = new Map<Stage, Stage[]>();
  for (const stage of model.stages) {
    const parent = stage.from.parentStage;
    if (parent) children.set(parent, [...(children.get(parent) ?? []), stage]);
  }
  const inheritorsSafe = new Map<Stage, boolean>();
  const safeFrom = (stage: Stage, from: number): boolean => {
    // bash replaces dash as /bin/sh on Debian-family images; on Alpine ash stays ash.
    const changesShell = imageFamily(stage) === 'debian';
    for (const node of stage.instructions) {
      if (node.span.start < from) continue;
      if (node.keyword === 'SHELL') return true;
      if (node.keyword === 'RUN' && !safeUnderPipefail(node as RunNode, changesShell)) return false;
    }
    return inheritorsSafe.get(stage) ?? true;
  };
  for (const stage of [...model.stages].reverse()) inheritorsSafe.set(stage, (children.get(stage) ?? []).every((child) => safeFrom(child, 0)));
  return safeFrom;
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/pipefail',
    kind: 'dockerfile',
    title: 'Set pipefail before RUN with a pipe',
    description:
      'A RUN runs under `/bin/sh -c`, where a pipeline fails only if its last command fails: `curl ... | tar x` or `wget -O- ... | wc -l` keeps building when the download fails. Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (`/bin/ash` on Alpine) before such a RUN, or `set -o pipefail` inside it (hadolint DL4006). Pipes fed only by `echo`/`printf`, and pipes into a command that fails on empty input anyway (grep, `sha256sum -c`, `gpg --import`, `apt-key add`, `tar -x`, `patch`), cannot hide a failure and are not reported; RUNs in exec form and under PowerShell or cmd are left alone. The quick fix (a SHELL line, which governs every later RUN of the stage and of the stages built on it) is offered only where pipefail cannot break the build: every pipe it governs is fed by a download, a file read or an echo into a command that reads to the end, and, where bash replaces dash, no echo relies on backslash escapes. Elsewhere a producer may fail by design (python\'s image pipes into `xargs -r dpkg-query --search`, which exits 1 for files no package owns) and the finding comes without a fix. A warning, like hadolint: a hidden failure ships a broken image, but most pipes fail loudly anyway.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      pipe: 'This RUN pipes {{program}} into another command without pipefail, so a failure of {{program}} goes unnoticed and the build carries on; set SHELL with -o pipefail before it.',
    },
    fixTitles: {
      setShell: 'Add SHELL ["{{shell}}", "-o", "pipefail", "-c"] to the stage',
    },
    examples: {
      bad: 'FROM debian:12-slim\nRUN wget -O - https://example.com/data | wc -l > /number',
      good: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com/data | wc -l > /number',
    },
    ptBR: {
      title: 'Definir pipefail antes de RUN com pipe',
      description:
        'Um RUN roda sob `/bin/sh -c`, onde um pipeline só falha se o último comando falhar: `curl ... | tar x` ou `wget -O- ... | wc -l` continua o build quando o download falha. Defina `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (`/bin/ash` no Alpine) antes desse RUN, ou `set -o pipefail` dentro dele (DL4006 do hadolint). Pipes alimentados só por `echo`/`printf`, e pipes para um comando que já falha com entrada vazia (grep, `sha256sum -c`, `gpg --import`, `apt-key add`, `tar -x`, `patch`), não escondem falhas e não são apontados; RUNs na forma exec e sob PowerShell ou cmd ficam de fora. A correção rápida (uma linha SHELL, que vale para todo RUN seguinte do estágio e dos estágios baseados nele) só é oferecida onde o pipefail não pode quebrar o build: todo pipe que ela afeta é alimentado por um download, uma leitura de arquivo ou um echo e vai para um comando que lê até o fim, e, onde o bash substitui o dash, nenhum echo depende de escapes com barra invertida. Nos demais casos um produtor pode falhar de propósito (a imagem do python envia para `xargs -r dpkg-query --search`, que sai com 1 para arquivos de nenhum pacote) e o achado vem sem correção. Um aviso, como no hadolint: uma falha escondida entrega uma imagem quebrada, mas a maioria dos pipes falha de forma visível.',
      messages: {
        pipe: 'Este RUN envia a saída de {{program}} para outro comando sem pipefail, então uma falha de {{program}} passa despercebida e o build continua; defina SHELL com -o pipefail antes dele.',
      },
      fixTitles: {
        setShell: 'Adicionar SHELL ["{{shell}}", "-o", "pipefail", "-c"] ao estágio',
      },
    },
  },
  check(model, context) {
    // Windows images run RUN under cmd or PowerShell, where pipes work differently.
    if (model.escapeCharacter === '`') return;
    const states = new Map<Stage, ShellState>();
    const safeFrom = pipefailSafety(model);
    for (const stage of model.stages) {
      if (baseImageName(stage)?.path.includes('/windows/')) continue;
      // A stage built on another stage inherits its SHELL; an image's own SHELL is unknown, so /bin/sh.
      let state: ShellState = (stage.from.parentStage && states.get(stage.from.parentStage)) || 'plain';
      const family = imageFamily(stage);
      const shell = family === 'alpine' ? '/bin/ash' : family === 'debian' ? '/bin/bash' : undefined;
      let fixOffered = false;
      for (const node of stage.instructions) {
        if (node.keyword === 'SHELL') state = shellState(node as ShellNode);
        if (node.keyword !== 'RUN' || state === 'non-posix') continue;
        const run = node as RunNode;
        if (run.form === 'exec' || !run.commands.some((command) => command.after === '|')) continue;
        context.inspect({ subject: 'instruction', span: run.span });
        if (state === 'pipefail') continue;
        const pipe = riskyPipe(run);
        if (!pipe) continue;
        // One SHELL line covers every later RUN of the stage: offer it once, before the first one,
        // and only where it cannot break the build (a fix that does must not be offered at all).
        const offerFix = shell !== undefined && !fixOffered && safeFrom(stage, run.span.start);
        fixOffered = true;
        const indent = context.lines.indentAt(run.span.start);
        context.report({
          span: { start: pipe.first.span.start, end: pipe.last.span.end },
          messageId: 'pipe',
          data: { program: producerProgram(pipe.first) ?? pipe.first.words[0].text, shell: shell ?? '' },
          fixTitleId: 'setShell',
          fix: offerFix ? (fixer) => fixer.insertAt(run.span.start, `SHELL ["${shell}", "-o", "pipefail", "-c"]${context.lines.eol}${indent}`) : undefined,
        });
      }
      states.set(stage, state);
    }
  },
});
