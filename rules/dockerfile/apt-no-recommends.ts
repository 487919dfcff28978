import { defineRule } from '../../server/src/engine/rule';
import { hasOption, optionAfterWord, runCommands, shippedStages, type DockerfileModel, type RunCommand } from '../../server/src/kinds/dockerfile/model';
import { aptConfigCopiedFrom, aptInstallIndex, RunVerdicts } from '../../server/src/kinds/dockerfile/packages';

/**
 * `-o APT::Install-Recommends=false`, or an apt.conf.d snippet written earlier
 * (`echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/...`), switches recommendations off.
 */
const RECOMMENDS_OFF = /Install-Recommends\W*(?:false|0|no|off)\b/i;
const configuresRecommends = (command: RunCommand) => command.words.some((word) => RECOMMENDS_OFF.test(word.text));

/** `--no-install-recommends` in apt's spellings, and aptitude's `-R` / `--without-recommends`. */
function skipsRecommends(command: RunCommand): boolean {
  if (hasOption(command.words, '--no-install-recommends')) return true;
  if (command.words.some((word) => /^--install-recommends=(?:false|0|no|off)$/i.test(word.text))) return true;
  return command.program === 'aptitude' && (hasOption(command.words, '--without-recommends') || command.words.some((word) => /^-[a-zA-Z]*R[a-zA-Z]*$/.test(word.text)));
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/apt-no-recommends',
    kind: 'dockerfile',
    title: 'Install apt packages without recommendations',
    description:
      '`apt-get install` (or `apt`, `aptitude`) in a stage that ends up in the image should pass `--no-install-recommends` (or `-o APT::Install-Recommends=false`); otherwise apt pulls in every recommended package, which bloats the image, slows pulls and widens the attack surface. After a COPY of apt configuration into /etc/apt, which may switch recommendations off, an install is looked at but not judged. A warning: the image works, but carries packages nobody asked for.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      recommends: '{{command}} also installs every recommended package, bloating the image; add {{option}}.',
    },
    fixTitles: {
      addNoRecommends: 'Add {{option}}',
    },
    examples: {
      bad: 'RUN apt-get update && apt-get install -y curl',
      good: 'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
    },
    ptBR: {
      title: 'Instalar pacotes apt sem recomendações',
      description:
        '`apt-get install` (ou `apt`, `aptitude`) em um estágio que vai para a imagem deve usar `--no-install-recommends` (ou `-o APT::Install-Recommends=false`); sem isso o apt traz todos os pacotes recomendados, o que incha a imagem, deixa o pull mais lento e amplia a superfície de ataque. Depois de um COPY de configuração do apt para /etc/apt, que pode desligar as recomendações, uma instalação é examinada mas não julgada. Um aviso: a imagem funciona, mas carrega pacotes que ninguém pediu.',
      messages: {
        recommends: '{{command}} também instala todos os pacotes recomendados, inchando a imagem; adicione {{option}}.',
      },
      fixTitles: {
        addNoRecommends: 'Adicionar {{option}}',
      },
    },
  },
  check(model, context) {
    // Recommended packages in a discarded build stage only slow the build; the image never sees them.
    // The shipped stages run root first, so a setting written in a parent stage applies to its children.
    let configured = false;
    const verdicts = new RunVerdicts();
    for (const stage of shippedStages(model).reverse()) {
      const configFrom = aptConfigCopiedFrom(stage);
      for (const command of runCommands(stage)) {
        if (configuresRecommends(command)) configured = true;
        const install = aptInstallIndex(command);
        if (install < 0) continue;
        verdicts.seen(command.run);
        if (configured || skipsRecommends(command)) {
          verdicts.judged(command.run);
          continue;
        }
        // An apt.conf.d file copied in may switch recommendations off; the Dockerfile cannot show it.
        if (configFrom < command.run.span.start) {
          verdicts.unknown(command.run);
          continue;
        }
        verdicts.judged(command.run);
        const installWord = command.words[install];
        const option = command.program === 'aptitude' ? '--without-recommends' : '--no-install-recommends';
        context.report({
          span: command.command.span,
          messageId: 'recommends',
          data: { command: `${command.program} install`, option },
          fixTitleId: 'addNoRecommends',
          fix: (fixer) => fixer.insertAt(installWord.span.end, optionAfterWord(command.run, option)),
        });
      }
    }
    verdicts.inspect(context);
  },
});
