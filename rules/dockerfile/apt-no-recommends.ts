import { defineRule } from '../../server/src/engine/rule';
import { aptInstallIndex, hasOption, runCommands, shippedStages, stageLineage, type DockerfileModel, type RunCommand } from '../../server/src/kinds/dockerfile/model';

/** `-o APT::Install-Recommends=false` or an apt.conf.d snippet written earlier settles the question. */
const configuresRecommends = (command: RunCommand) => command.words.some((word) => word.text.includes('Install-Recommends'));

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/apt-no-recommends',
    kind: 'dockerfile',
    title: 'Install apt packages without recommendations',
    description:
      '`apt-get install` in a stage that ends up in the image should pass `--no-install-recommends`; otherwise apt pulls in every recommended package, which bloats the image, slows pulls and widens the attack surface.',
    checklistItem: 'deployment/docker-images',
    severity: 'warning',
    fixable: true,
    messages: {
      recommends: '{{command}} also installs every recommended package, bloating the image; add --no-install-recommends.',
    },
    fixTitles: {
      addNoRecommends: 'Add --no-install-recommends',
    },
    examples: {
      bad: 'RUN apt-get update && apt-get install -y curl',
      good: 'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
    },
    ptBR: {
      title: 'Instalar pacotes apt sem recomendações',
      description:
        '`apt-get install` em um estágio que vai para a imagem deve usar `--no-install-recommends`; sem isso o apt traz todos os pacotes recomendados, o que incha a imagem, deixa o pull mais lento e amplia a superfície de ataque.',
      messages: {
        recommends: '{{command}} também instala todos os pacotes recomendados, inchando a imagem; adicione --no-install-recommends.',
      },
      fixTitles: {
        addNoRecommends: 'Adicionar --no-install-recommends',
      },
    },
  },
  check(model, context) {
    // Recommended packages in a discarded build stage only slow the build; the image never sees them.
    for (const stage of shippedStages(model)) {
      const lineage = stageLineage(stage);
      const commands = lineage.reverse().flatMap(runCommands);
      const ownRuns = new Set(stage.runs);
      let configured = false;
      for (const command of commands) {
        if (configuresRecommends(command)) configured = true;
        if (configured || !ownRuns.has(command.run)) continue;
        const install = aptInstallIndex(command);
        if (install < 0 || hasOption(command.words, '--no-install-recommends')) continue;
        const installWord = command.words[install];
        context.report({
          span: command.command.span,
          messageId: 'recommends',
          data: { command: `${command.program} install` },
          fixTitleId: 'addNoRecommends',
          fix: (fixer) => fixer.insertAt(installWord.span.end, ' --no-install-recommends'),
        });
      }
    }
  },
});
