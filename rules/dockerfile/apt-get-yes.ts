import { defineRule } from '../../server/src/engine/rule';
import { commandWords, optionAfterWord, programName, runCommands, type DockerfileModel, type RunCommand } from '../../server/src/kinds/dockerfile/model';
import { aptConfigCopiedFrom, aptInstallIndex, RunVerdicts } from '../../server/src/kinds/dockerfile/packages';

/** `APT::Get::Assume-Yes "true"` in an -o option or an apt.conf snippet written earlier. */
const ASSUME_YES_ON = /Assume-Yes\W*(?:true|1|yes|on)\b/i;

/**
 * `-y`, `--yes`, `--assume-yes`, `--force-yes`, a short-option cluster with `y` (`-qy`), or quiet
 * level 2 (`-qq`, `-q -q`, `--quiet --quiet`, `-q=2`), which apt documents as implying `-y`.
 */
function answersYes(command: RunCommand): boolean {
  let quiet = 0;
  for (const { text } of command.words) {
    if (/^--(?:yes|assume-yes|force-yes)(?:=(?:true|1|yes))?$/.test(text)) return true;
    if (text === '-q=2' || text === '--quiet=2' || ASSUME_YES_ON.test(text)) return true;
    if (/^-[a-zA-Z]+$/.test(text)) {
      if (text.includes('y')) return true;
      quiet += text.match(/q/g)?.length ?? 0;
    } else if (text === '--quiet') quiet++;
  }
  return quiet >= 2;
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/apt-get-yes',
    kind: 'dockerfile',
    title: 'Answer yes to apt-get install',
    description:
      '`apt-get install` (also `apt`, `aptitude`) asks for confirmation whenever it would install more than the packages named, and a build has nobody to answer: it aborts. Pass `-y` (or `--yes`, `-qq`, `-o APT::Get::Assume-Yes=true`) so the build does not fail the day a dependency is added (hadolint DL3014). After a COPY of apt configuration into /etc/apt, which may set Assume-Yes, an install is looked at but not judged. A warning: the build fails loudly rather than shipping something wrong, but it fails at a time nobody chose.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      noYes: '{{command}} install without -y aborts at its confirmation prompt as soon as it needs an extra package, failing the build; add -y.',
    },
    fixTitles: {
      addYes: 'Add -y',
    },
    examples: {
      bad: 'RUN apt-get update && apt-get install --no-install-recommends curl',
      good: 'RUN apt-get update && apt-get install -y --no-install-recommends curl',
    },
    ptBR: {
      title: 'Responder sim ao apt-get install',
      description:
        '`apt-get install` (também `apt`, `aptitude`) pede confirmação sempre que instalaria mais do que os pacotes indicados, e um build não tem ninguém para responder: ele aborta. Passe `-y` (ou `--yes`, `-qq`, `-o APT::Get::Assume-Yes=true`) para que o build não falhe no dia em que uma dependência for adicionada (DL3014 do hadolint). Depois de um COPY de configuração do apt para /etc/apt, que pode definir Assume-Yes, uma instalação é examinada mas não julgada. Um aviso: o build falha de forma visível em vez de entregar algo errado, mas falha numa hora que ninguém escolheu.',
      messages: {
        noYes: '{{command}} install sem -y aborta no pedido de confirmação assim que precisa de um pacote extra, quebrando o build; adicione -y.',
      },
      fixTitles: {
        addYes: 'Adicionar -y',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const configFrom = aptConfigCopiedFrom(stage);
      let configured = false;
      const commands = runCommands(stage);
      const verdicts = new RunVerdicts();
      for (const command of commands) {
        if (command.words.some((word) => ASSUME_YES_ON.test(word.text)) && aptInstallIndex(command) < 0) configured = true;
        const install = aptInstallIndex(command);
        if (install < 0) continue;
        verdicts.seen(command.run);
        if (configured || answersYes(command)) {
          verdicts.judged(command.run);
          continue;
        }
        // `yes | apt-get install x` answers the prompt through the pipe.
        const previous = command.run.commands[command.index - 1];
        if (command.command.after === '|' && previous && programName(commandWords(previous)) === 'yes') {
          verdicts.judged(command.run);
          continue;
        }
        // An apt.conf.d file copied in may set APT::Get::Assume-Yes; the Dockerfile cannot show it.
        if (configFrom < command.run.span.start) {
          verdicts.unknown(command.run);
          continue;
        }
        verdicts.judged(command.run);
        const installWord = command.words[install];
        context.report({
          span: command.command.span,
          messageId: 'noYes',
          data: { command: command.program! },
          fixTitleId: 'addYes',
          fix: (fixer) => fixer.insertAt(installWord.span.end, optionAfterWord(command.run, '-y')),
        });
      }
      verdicts.inspect(context);
    }
  },
});
