/**
 * What an image is for, as far as its Dockerfile shows: a service that answers on a port, a base
 * image others build on, or a tool run once. The health-check and non-root rules ask these
 * questions; the answers are heuristics with documented signals, and "don't know" stays silent.
 */
import {
  commandWords,
  runCommands,
  shippedStages,
  stageLineage,
  type CommandForm,
  type CommandNode,
  type CopyNode,
  type DockerfileModel,
  type Stage,
  type Word,
} from './model';
import { baseImageName, isOperatingSystemImage, serverImage } from './images';
import { packageInstall } from './packages';

/** The CMD and ENTRYPOINT the container starts with: the nearest ones in the stage's lineage. */
export function effectiveCommand(stage: Stage): { entrypoint?: CommandNode; cmd?: CommandNode } {
  const lineage = stageLineage(stage);
  return { entrypoint: lineage.find((candidate) => candidate.entrypoint)?.entrypoint, cmd: lineage.find((candidate) => candidate.cmd)?.cmd };
}

/** The argument lists a CMD, ENTRYPOINT or probe runs: the exec array, or each shell command from its program on. */
export function commandArgs(form: CommandForm | undefined): string[][] {
  if (!form) return [];
  if (form.form === 'exec') {
    const args = [...(form.execArgs ?? [])];
    while (args.length && (args[0] === 'exec' || /^[A-Za-z_]\w*=/.test(args[0]))) args.shift();
    return args.length ? [args] : [];
  }
  return form.commands.map((command) => commandWords(command).map((word) => word.text)).filter((args) => args.length > 0);
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/** Programs that are network servers whatever their arguments. */
const SERVER_PROGRAMS = new Set([
  'nginx', 'nginx-debug', 'openresty', 'httpd', 'apache2', 'apachectl', 'apache2ctl', 'apache2-foreground', 'httpd-foreground', 'lighttpd',
  'caddy', 'traefik', 'haproxy', 'envoy', 'gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress-serve', 'uwsgi', 'granian', 'puma',
  'unicorn', 'thin', 'passenger', 'rackup', 'catalina.sh', 'redis-server', 'valkey-server', 'postgres', 'mysqld', 'mariadbd', 'mongod',
  'memcached', 'rabbitmq-server', 'sshd', 'http-server', 'grafana-server', 'node-red', 'nats-server', 'etcd', 'kong',
]);

/** `rails server`, `flask run`, `manage.py runserver`, `vault server`: servers chosen by a sub-command. */
const SERVER_SUBCOMMANDS: [program: RegExp, subcommand: RegExp][] = [
  [/^(?:rails|bin\/rails)$/, /^(?:s|server)$/],
  [/^flask$/, /^run$/],
  [/^(?:manage\.py|python\d*(?:\.\d+)?)$/, /^runserver$/],
  [/^(?:artisan|php)$/, /^serve$/],
  [/^(?:vault|minio)$/, /^server$/],
  [/^(?:consul|nomad)$/, /^agent$/],
  [/^(?:next|nuxt|remix-serve|astro)$/, /^start$/],
  [/^(?:hugo|jekyll|mkdocs)$/, /^(?:server|serve)$/],
  [/^streamlit$/, /^run$/],
];

/** Options that make almost any program listen: `--port 8080`, `--bind 0.0.0.0:80`, `php -S 0.0.0.0:8000`. */
const LISTEN_OPTION = /^(?:--(?:port|listen|bind|http-port|listen-address|web\.listen-address)(?:=|$)|-S$)/;

/** Init processes that start the real program: `tini -- app`, `dumb-init app`. */
const INIT_WRAPPERS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit']);
/** Tools that run the real program as another user: `gosu app server`, `su-exec app server`. */
const USER_WRAPPERS = new Set(['gosu', 'su-exec', 's6-setuidgid']);

/** The command line without the init process in front of it. */
function withoutInit(args: readonly string[]): readonly string[] {
  if (!INIT_WRAPPERS.has(baseName(args[0] ?? ''))) return args;
  let i = 1;
  while (i < args.length && args[i].startsWith('-') && args[i] !== '--') i++;
  return withoutInit(args.slice(args[i] === '--' ? i + 1 : i));
}

/** The command line without the init process or user switch in front of it. */
function unwrap(args: readonly string[]): readonly string[] {
  const rest = withoutInit(args);
  return USER_WRAPPERS.has(baseName(rest[0] ?? '')) ? unwrap(rest.slice(2)) : rest;
}

/** The server a command line starts (`nginx`, `gunicorn`, `rails server`), or undefined. */
export function serverProgram(command: readonly string[]): string | undefined {
  const args = unwrap(command);
  if (args.length === 0) return undefined;
  const program = baseName(args[0]);
  if (SERVER_PROGRAMS.has(program) || /^php-fpm[\d.]*$/.test(program)) return program;
  const operands = args.slice(1).filter((arg) => !arg.startsWith('-')).map(baseName);
  for (const [programPattern, subcommand] of SERVER_SUBCOMMANDS) {
    if (programPattern.test(program) && operands.some((operand) => subcommand.test(operand))) return `${program} ${operands.find((operand) => subcommand.test(operand))}`;
  }
  // `python -m http.server`, `python -m uvicorn app:app`, `node server.js --port 3000`.
  const module = args.indexOf('-m');
  if (module > 0 && args[module + 1] && (args[module + 1] === 'http.server' || SERVER_PROGRAMS.has(args[module + 1]))) return args[module + 1];
  if (args.slice(1).some((arg) => LISTEN_OPTION.test(arg))) return program;
  // A program or script named for what it is: `./server`, `node server.js`, `python api-server.py`.
  const named = [program, ...(INTERPRETERS.test(program) ? operands.slice(0, 1) : [])].find((name) => SERVER_NAME.test(name));
  return named;
}

const SERVER_NAME = /(?:^|[-_])server(?:[-_.]|$)/i;

/** The port a command line says it listens on: `--port 8000`, `--bind 0.0.0.0:8000`, `-b :8000`, `php -S 0.0.0.0:8000`. */
function listenPort(args: readonly string[]): number | undefined {
  for (let i = 1; i < args.length; i++) {
    const match = /^(?:--(?:port|bind|listen|http-port)|-[bpS])(?:=(.*))?$/.exec(args[i]);
    if (!match) continue;
    const value = match[1] ?? args[i + 1] ?? '';
    const port = /(?:^|:)(\d{2,5})$/.exec(value);
    if (port) return Number(port[1]);
  }
  return undefined;
}

/** Why the rules consider that the image serves something. */
export type ServiceSignal =
  | { kind: 'exposed'; port: string; portNumber?: number }
  | { kind: 'server'; program: string; portNumber?: number }
  | { kind: 'serverImage'; image: string };

/**
 * Whether the final stage serves something, as the file shows it, and the first reason found: an
 * EXPOSE in its lineage, a server command it starts, or a server image it builds on without a
 * command of its own. How the workspace runs the image (a Compose service that publishes ports)
 * is the other signal: `composeRuns` in ./services.
 */
export function serviceSignal(model: DockerfileModel): ServiceSignal | undefined {
  const stage = model.finalStage;
  if (!stage || stage.implicit) return undefined;
  const lineage = stageLineage(stage);
  const expose = lineage.flatMap((candidate) => candidate.exposes).find((node) => node.args.length > 0);
  if (expose) return { kind: 'exposed', port: expose.args[0].text, portNumber: expose.ports[0]?.port };
  const { entrypoint, cmd } = effectiveCommand(stage);
  for (const args of [...commandArgs(entrypoint), ...commandArgs(cmd)]) {
    const program = serverProgram(args);
    if (program) return { kind: 'server', program, portNumber: listenPort(unwrap(args)) };
  }
  if (!entrypoint && !cmd) {
    const image = serverImage(baseImageName(stage));
    if (image) return { kind: 'serverImage', image: image };
  }
  return undefined;
}

/** Shells and language runtimes: started without a script, they give an interactive prompt. */
const INTERPRETERS = /^(?:sh|bash|ash|dash|zsh|ksh|mksh|busybox|python\d*(?:\.\d+)?|pypy\d*|node|nodejs|ruby|irb|php|perl|jshell|ghci|iex|erl|r|julia|lua[\d.]*|pwsh|powershell(?:\.exe)?|cmd(?:\.exe)?|bun|deno)$/;

/** True for a command line that only starts an interpreter: `python3`, `php -a`, `bash -l`. */
function startsInterpreter(args: readonly string[]): boolean {
  return args.length > 0 && INTERPRETERS.test(baseName(args[0])) && args.slice(1).every((arg) => arg.startsWith('-'));
}

/** Program directories. */
const PROGRAM_DIRECTORY = /^\/(?:usr\/(?:local\/)?)?s?bin\/?$/;
/** The docker-entrypoint directories of the Docker Official Images, where scripts run at start-up. */
const ENTRYPOINT_DIRECTORY = /^\/docker-entrypoint[^/]*\/?$/;
const SCRIPT = /(?:\.(?:sh|envsh|bash)$|entrypoint)/i;
/** Wrapper scripts that set the container up and then run the real program. */
const WRAPPER = /(?:entrypoint|-foreground$)/i;

function parentDirectory(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const slash = trimmed.lastIndexOf('/');
  return slash <= 0 ? '/' : trimmed.slice(0, slash);
}

/**
 * True when a COPY/ADD puts in helpers rather than content of the image's own: scripts and
 * programs copied into a program or docker-entrypoint directory (`COPY docker-entrypoint.sh
 * /usr/local/bin/`), scripts at the root, or software fetched from a URL or another image.
 */
function copiesHelpers(copy: CopyNode, stageNames: ReadonlySet<string>): boolean {
  if (copy.fromStage !== undefined) return !stageNames.has(copy.fromStage.toLowerCase()) && !/^\d+$/.test(copy.fromStage);
  if (copy.sources.length === 0 || !copy.destination) return false;
  if (copy.keyword === 'ADD' && copy.sources.every((source) => /^https?:\/\//i.test(source.text))) return true;
  const destination = copy.destination.text;
  const intoDirectory = destination.endsWith('/') || copy.sources.length > 1;
  const directory = intoDirectory ? destination : parentDirectory(destination);
  if (PROGRAM_DIRECTORY.test(directory) || PROGRAM_DIRECTORY.test(destination)) return true;
  // Scripts at the root or in a docker-entrypoint directory; an `init.sql` there is content.
  const scriptsOnly = copy.sources.every((source) => SCRIPT.test(baseName(source.text)));
  return scriptsOnly && (directory === '/' || ENTRYPOINT_DIRECTORY.test(directory) || ENTRYPOINT_DIRECTORY.test(destination));
}

/** The file names a COPY/ADD puts in place, for matching against the program the container runs. */
function copiedNames(copy: CopyNode): string[] {
  const destination = copy.destination?.text ?? '';
  if (!destination.endsWith('/') && copy.sources.length === 1 && !PROGRAM_DIRECTORY.test(destination) && !ENTRYPOINT_DIRECTORY.test(destination)) return [baseName(destination)];
  return copy.sources.map((source: Word) => baseName(source.text));
}

/**
 * True when the shipped stages copy in content of the image's own: application files, build
 * output from another stage, configuration, or the very program the container runs.
 */
function deploysOwnContent(model: DockerfileModel, shipped: readonly Stage[], mainPrograms: readonly string[]): boolean {
  const stageNames = new Set(model.stages.flatMap((stage) => (stage.name ? [stage.name.toLowerCase()] : [])));
  const copies = shipped.flatMap((stage) => [...stage.copies, ...stage.adds]);
  if (copies.some((copy) => !copiesHelpers(copy, stageNames))) return true;
  const helpers = new Set(copies.flatMap(copiedNames));
  return mainPrograms.some((program) => helpers.has(program) && !WRAPPER.test(program));
}

/** Why the rules treat the image as a base image, made for others to build on and deploy. */
export type BaseImageReason = 'onbuild' | 'interpreter' | 'distribution' | 'extension';

/**
 * Whether the final stage is a base image rather than something deployed as it is:
 * - `onbuild`: it declares ONBUILD triggers for the images built on it;
 * - `interpreter`: built on an operating-system image, it copies in nothing of its own and its CMD
 *   starts a shell or a language runtime without a script (the `python` and `php` images);
 * - `distribution`: built on an operating-system image, it copies in nothing but helper scripts
 *   and starts through a docker-entrypoint wrapper (the `postgres`, `nginx`, `php-fpm` images:
 *   software packaged for others to configure);
 * - `extension`: it only adds packages to another image, with no content, command, port or user
 *   of its own, so it is whatever that image is, which the file cannot show.
 * Health checks and users are decided where such an image is deployed (the Docker Official
 * Images FAQ explains why they ship neither).
 */
export function baseImageReason(model: DockerfileModel): BaseImageReason | undefined {
  const stage = model.finalStage;
  if (!stage || stage.implicit) return undefined;
  const shipped = shippedStages(model);
  if (shipped.some((candidate) => candidate.onbuilds.length > 0)) return 'onbuild';
  const { entrypoint, cmd } = effectiveCommand(stage);
  const entrypointArgs = commandArgs(entrypoint);
  const cmdArgs = commandArgs(cmd);
  const mainPrograms = [...entrypointArgs, ...cmdArgs].map((args) => baseName(args[0]));
  if (deploysOwnContent(model, shipped, mainPrograms)) return undefined;
  const image = baseImageName(stage);
  if (isOperatingSystemImage(image)) {
    if (!entrypoint && cmdArgs.length > 0 && cmdArgs.every(startsInterpreter)) return 'interpreter';
    const wrapper = entrypointArgs[0]?.[0];
    const copied = new Set(shipped.flatMap((candidate) => [...candidate.copies, ...candidate.adds]).flatMap(copiedNames));
    if (wrapper !== undefined && /entrypoint/i.test(baseName(wrapper)) && copied.has(baseName(wrapper))) return 'distribution';
    return undefined;
  }
  const ownSettings = shipped.some(
    (candidate) => candidate.cmd || candidate.entrypoint || candidate.exposes.length || candidate.users.length || candidate.healthchecks.length,
  );
  return image && !ownSettings ? 'extension' : undefined;
}

/** Programs that start another program as an unprivileged user. */
const PRIVILEGE_DROPPERS = new Set(['gosu', 'su-exec', 'setpriv', 's6-setuidgid', 'runuser', 'chpst', 'setuidgid']);

/** How the container drops root: the program that does it and the instruction that starts it. */
export interface PrivilegeDrop {
  program: string;
  node: CommandNode;
}

/**
 * How the container starts as root only to drop privileges: its command runs gosu, su-exec,
 * setpriv ... with a user and a program to run (`gosu` alone only prints its usage), or the image
 * installs such a tool and starts through an ENTRYPOINT script, where the drop happens (the
 * `postgres` image).
 */
export function privilegeDrop(model: DockerfileModel): PrivilegeDrop | undefined {
  const stage = model.finalStage;
  if (!stage) return undefined;
  const { entrypoint, cmd } = effectiveCommand(stage);
  for (const node of [entrypoint, cmd]) {
    for (const args of commandArgs(node)) {
      const command = withoutInit(args);
      const program = baseName(command[0] ?? '');
      if (node && PRIVILEGE_DROPPERS.has(program) && command.length >= 3) return { program, node };
    }
  }
  if (!entrypoint) return undefined;
  for (const candidate of shippedStages(model)) {
    for (const command of runCommands(candidate)) {
      const installed = packageInstall(command)?.packages.map((word) => word.text.split(/[=~]/)[0].toLowerCase()) ?? [];
      const program = [command.program ?? '', ...installed].find((name) => PRIVILEGE_DROPPERS.has(name));
      if (program) return { program, node: entrypoint };
    }
    for (const copy of [...candidate.copies, ...candidate.adds]) {
      const program = copy.sources.map((source) => baseName(source.text)).find((name) => PRIVILEGE_DROPPERS.has(name));
      if (program) return { program, node: entrypoint };
    }
  }
  return undefined;
}
