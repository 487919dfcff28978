import { defineRule } from '../../server/src/engine/rule';
import { runCommands, type DockerfileModel, type Word } from '../../server/src/kinds/dockerfile/model';
import { packageInstall, RunVerdicts, type PackageManager } from '../../server/src/kinds/dockerfile/packages';

/** `==`, `>=`, `~=`, `!=`, `<` ...; a lone `=` too: pip rejects `name=1.0` and the build fails on it, it never installs an unpinned package. */
const PIP_VERSION = /[=<>]/;
const LOCAL_ARCHIVE = /\.(?:deb|apk|whl|tar\.gz|tgz|zip)$/i;
const VCS = /^(?:git|hg|svn|bzr)\+/i;

/**
 * True when a package word fixes what gets installed, or names something other than a registry
 * package: a version (`curl=8.5.0-2`, `git~2.45`, `flask==3.0`), a release (`curl/bookworm`), a
 * file or path (`./pkg.deb`, `.`), a URL, or a VCS reference with a tag or commit.
 */
function isPinnedOrNotAPackage(manager: PackageManager, word: Word): boolean {
  const text = word.text;
  // `git+https://host/repo.git@v1.2#egg=x` is pinned by its ref; without one it follows a branch.
  if (manager === 'pip' && VCS.test(text)) return /@[^/]+$/.test(text.split('#')[0]);
  if (text.includes('/') || text === '.' || LOCAL_ARCHIVE.test(text)) return true;
  if (manager === 'pip') return PIP_VERSION.test(text) || text.includes('@');
  if (manager === 'apk') return /[=~<>]/.test(text);
  return text.includes('=');
}

const EXAMPLE: Record<PackageManager, string> = { apt: 'name=version', apk: 'name=version', pip: 'name==version' };

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/pin-packages',
    kind: 'dockerfile',
    title: 'Pin package versions',
    description:
      'Packages installed without a version (`apt-get install curl`, `apk add curl`, `pip install flask`) resolve to whatever the index holds at build time, so two builds of the same commit can ship different software (hadolint DL3008, DL3018, DL3013). pip installs from a requirements or constraints file, local files and URLs are not judged, and packages named by a variable are unknown. A pip `name=version` is not reported either: pip rejects it, so the build fails rather than installs an unpinned package. Information by default: distributions drop old package versions, so pinning OS packages trades surprise upgrades for failed builds and missed security fixes; a team that rebuilds from a pinned base image digest often prefers unpinned OS packages. Raise it for pip or for images that must rebuild bit for bit.',
    checklistItem: 'deployment/docker-images',
    severity: 'information',
    fixable: false,
    messages: {
      one: '{{command}} installs {{packages}} without a version, so a rebuild may ship a different one; pin it ({{example}}) if builds must be reproducible.',
      many: '{{command}} installs {{count}} packages without a version ({{packages}}), so a rebuild may ship different ones; pin them ({{example}}) if builds must be reproducible.',
    },
    examples: {
      bad: 'RUN apk add --no-cache curl\nRUN pip install --no-cache-dir flask',
      good: 'RUN apk add --no-cache curl=8.9.1-r2\nRUN pip install --no-cache-dir flask==3.0.3',
    },
    ptBR: {
      title: 'Fixar versões de pacotes',
      description:
        'Pacotes instalados sem versão (`apt-get install curl`, `apk add curl`, `pip install flask`) resolvem para o que o índice tiver na hora do build, então dois builds do mesmo commit podem entregar software diferente (DL3008, DL3018, DL3013 do hadolint). Instalações pip a partir de um arquivo de requirements ou constraints, arquivos locais e URLs não são julgados, e pacotes nomeados por variável são desconhecidos. Um `nome=versão` do pip também não é apontado: o pip o rejeita, então o build falha em vez de instalar um pacote sem versão. Informação por padrão: as distribuições removem versões antigas, então fixar pacotes do sistema troca atualizações-surpresa por builds quebrados e correções de segurança perdidas; um time que reconstrói a partir de um digest fixo da imagem base muitas vezes prefere pacotes do sistema sem versão. Aumente a severidade para pip ou para imagens que precisam ser reproduzidas bit a bit.',
      messages: {
        one: '{{command}} instala {{packages}} sem versão, então um novo build pode entregar outra; fixe-a ({{example}}) se os builds precisam ser reprodutíveis.',
        many: '{{command}} instala {{count}} pacotes sem versão ({{packages}}), então um novo build pode entregar outras; fixe-as ({{example}}) se os builds precisam ser reprodutíveis.',
      },
    },
  },
  check(model, context) {
    for (const stage of model.stages) {
      const verdicts = new RunVerdicts();
      for (const command of runCommands(stage)) {
        const install = packageInstall(command);
        if (!install) continue;
        verdicts.seen(command.run);
        if (install.fromFile) {
          verdicts.judged(command.run);
          continue;
        }
        // `apt-get install $PACKAGES`: which packages, pinned or not, is up to the caller.
        const variables = install.packages.filter((word) => word.text.includes('$'));
        if (variables.length > 0) verdicts.unknown(command.run);
        if (install.packages.length > variables.length) verdicts.judged(command.run);
        const unpinned = install.packages.filter((word) => !word.text.includes('$') && !isPinnedOrNotAPackage(install.manager, word));
        if (unpinned.length === 0) continue;
        const names = unpinned.map((word) => word.text);
        const subcommand = install.manager === 'apk' ? 'add' : 'install';
        context.report({
          span: { start: unpinned[0].span.start, end: unpinned[unpinned.length - 1].span.end },
          messageId: unpinned.length === 1 ? 'one' : 'many',
          data: {
            command: `${command.program} ${subcommand}`,
            packages: names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', '),
            count: unpinned.length,
            example: EXAMPLE[install.manager],
          },
        });
      }
      verdicts.inspect(context);
    }
  },
});
