import { defineRule } from '../../server/src/engine/rule';
import { firstOperandIndex, runCommands, type DockerfileModel, type RunCommand } from '../../server/src/kinds/dockerfile/model';
import { removesPackages, removesPath } from '../../server/src/kinds/dockerfile/packages';

const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'tsc', 'ninja']);
/** make targets that build nothing by themselves (`install` compiles only what a configure step set up). */
const NON_BUILD_TARGETS = new Set(['install', 'uninstall', 'clean', 'distclean', 'check', 'test', 'help']);
/** Steps that set up a compilation for a later `make install`. */
const CONFIGURES = /^(?:configure|autogen\.sh|cmake|phpize|meson)$/;
const MAVEN_GOALS = new Set(['package', 'install', 'verify']);
const GRADLE_TASKS = new Set(['build', 'assemble', 'bootjar', 'jar', 'shadowjar', 'installdist']);

/** The operands of a command (words that are not options), lower-cased. */
const operands = (command: RunCommand) => command.words.slice(1).filter((word) => !word.text.startsWith('-')).map((word) => word.text.toLowerCase());

function isBuild(command: RunCommand, sameRun: readonly RunCommand[]): boolean {
  const { program, words } = command;
  if (program === undefined) return false;
  if (COMPILERS.has(program)) return true;
  if (program === 'make' || program === 'gmake') {
    const targets = operands(command).filter((target) => !target.includes('='));
    if (targets.length === 0 || targets.some((target) => !NON_BUILD_TARGETS.has(target))) return true;
    return sameRun.some((other) => other.index < command.index && other.program !== undefined && CONFIGURES.test(other.program));
  }
  const first = firstOperandIndex(words, 1);
  const sub = first >= 0 ? words[first].text.toLowerCase() : '';
  const script = first >= 0 ? (words[firstOperandIndex(words, first + 1)]?.text ?? '') : '';
  switch (program) {
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun':
      if (sub === 'run' || sub === 'run-script') return /^build(?::|$)/.test(script);
      return program !== 'npm' && /^build(?::|$)/.test(sub);
    case 'npx':
      return sub === 'tsc';
    case 'go':
    case 'cargo':
      return sub === 'build';
    case 'mvn':
    case 'mvnw':
      return operands(command).some((goal) => MAVEN_GOALS.has(goal));
    case 'gradle':
    case 'gradlew':
      return operands(command).some((task) => GRADLE_TASKS.has(task));
    case 'dotnet':
      return sub === 'publish' || sub === 'build';
    case 'cmake':
      return words.some((word) => word.text === '--build');
    default:
      return false;
  }
}

/**
 * True when a command after the build in the same RUN removes what the build needed: the build
 * dependencies (`apk del .build-deps`, `apt-get purge`) or the sources (`rm -rf /usr/src/...`,
 * `docker-php-source delete`). The layer then holds only the result, as a build stage would.
 */
function cleansUp(build: RunCommand, sameRun: readonly RunCommand[]): boolean {
  return sameRun.some(
    (other) =>
      other.index > build.index &&
      (removesPackages(other) || removesPath(other, '/usr/src') || (other.program === 'docker-php-source' && other.words[1]?.text === 'delete')),
  );
}

export default defineRule<DockerfileModel>({
  meta: {
    id: 'dockerfile/multi-stage-build',
    kind: 'dockerfile',
    title: 'Build in a separate stage',
    description:
      'A Dockerfile that compiles or bundles its application should do so in a build stage and copy only the output into a slim runtime stage; a single stage ships compilers, sources and dev dependencies to production. A RUN that builds and, in the same layer, removes its build dependencies or sources (`apk del .build-deps`, `apt-get purge`, `rm -rf /usr/src/...`, `docker-php-source delete`, as the Docker Official Images do) already leaves only the result, and `make install` with no configure step compiles nothing. A warning: the image works, but is larger and carries tools an attacker can use.',
    checklistItem: 'deployment/docker-multi-stage-builds',
    severity: 'warning',
    fixable: false,
    messages: {
      singleStage: 'This single-stage Dockerfile builds the application here, so the toolchain and sources ship in the image; build in a separate stage and COPY --from it only the output.',
    },
    examples: {
      bad: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/main.js"]',
      good:
        'FROM node:20 AS build\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:20-slim\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/main.js"]',
    },
    ptBR: {
      title: 'Compilar em um estágio separado',
      description:
        'Um Dockerfile que compila ou empacota sua aplicação deve fazê-lo em um estágio de build e copiar só o resultado para um estágio de runtime enxuto; um estágio único leva compiladores, código-fonte e dependências de desenvolvimento para produção. Um RUN que compila e, na mesma camada, remove as dependências de build ou o código-fonte (`apk del .build-deps`, `apt-get purge`, `rm -rf /usr/src/...`, `docker-php-source delete`, como fazem as Docker Official Images) já deixa só o resultado, e `make install` sem etapa de configure não compila nada. Um aviso: a imagem funciona, mas fica maior e carrega ferramentas que um atacante pode usar.',
      messages: {
        singleStage:
          'Este Dockerfile de estágio único compila a aplicação aqui, então o toolchain e o código-fonte vão para a imagem; compile em um estágio separado e copie dele só o resultado com COPY --from.',
      },
    },
  },
  check(model, context) {
    const stage = model.finalStage;
    // A fragment without FROM may still grow a runtime stage.
    if (!stage || stage.implicit) return;
    if (model.stages.length > 1) {
      context.inspect({ subject: 'image', span: stage.from.span });
      return;
    }
    const commands = runCommands(stage);
    const byRun = new Map<object, RunCommand[]>();
    for (const command of commands) {
      const list = byRun.get(command.run);
      if (list) list.push(command);
      else byRun.set(command.run, [command]);
    }
    let built = false;
    for (const command of commands) {
      const sameRun = byRun.get(command.run)!;
      if (!isBuild(command, sameRun)) continue;
      if (!built) context.inspect({ subject: 'image', span: stage.from.span });
      built = true;
      if (cleansUp(command, sameRun)) continue;
      context.report({ span: command.command.span, messageId: 'singleStage' });
      return;
    }
  },
});
