/**
 * What package managers do in RUN commands: which command installs, updates an index or removes
 * packages, and which words name the packages. Shared by the package rules and the image helpers.
 */
import type { RuleContext } from '../../engine/rule';
import { firstOperandIndex, runCommands, stageLineage, type DockerfileModel, type RunCommand, type RunNode, type Stage, type Word } from './model';

/** The apt front ends; they share the index in /var/lib/apt/lists and the `install` sub-command. */
const APT_PROGRAMS = new Set(['apt-get', 'apt', 'aptitude']);
/** apt options that take their value in the next word. */
const APT_VALUE_OPTIONS = new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']);
/** apk options that take their value in the next word. */
export const APK_VALUE_OPTIONS = new Set(['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '-t', '--virtual']);
/** pip install options that take their value in the next word (hadolint's list). */
const PIP_VALUE_OPTIONS = new Set([
  '--abi', '-b', '--build', '-e', '--editable', '--extra-index-url', '-f', '--find-links', '-i', '--index-url', '--implementation',
  '--no-binary', '--only-binary', '--platform', '--prefix', '--progress-bar', '--proxy', '--python-version', '--root', '--src',
  '-t', '--target', '--trusted-host', '--upgrade-strategy', '-r', '--requirement', '-c', '--constraint',
]);
const RPM_PROGRAMS = new Set(['yum', 'dnf', 'microdnf', 'zypper']);

export const isApt = (command: RunCommand) => command.program !== undefined && APT_PROGRAMS.has(command.program);

/** The index of the sub-command of a package manager (`add` in `apk --no-cache add x`), or -1. */
export function subcommandIndex(command: RunCommand, valueOptions?: ReadonlySet<string>): number {
  return firstOperandIndex(command.words, 1, valueOptions);
}

/** The sub-command of an apt front end (`install` in `apt-get -y install x`), lower-cased. */
export function aptSubcommand(command: RunCommand): string | undefined {
  if (!isApt(command)) return undefined;
  const index = firstOperandIndex(command.words, 1, APT_VALUE_OPTIONS);
  return index >= 0 ? command.words[index].text.toLowerCase() : undefined;
}

/** `-s`, `--simulate`, `--dry-run` ...: apt only prints what it would do. */
const SIMULATE = /^(?:-s|--simulate|--just-print|--dry-run|--recon|--no-act)$/;

/**
 * The index of `install` in `apt-get install ...`, `apt install ...` or `aptitude install ...`,
 * or -1 (also for a simulated install, which installs nothing).
 */
export function aptInstallIndex(command: RunCommand): number {
  if (!isApt(command) || command.words.some((word) => SIMULATE.test(word.text))) return -1;
  const index = firstOperandIndex(command.words, 1, APT_VALUE_OPTIONS);
  return index >= 0 && command.words[index].text === 'install' ? index : -1;
}

/** The index of `add` in `apk add ...`, or -1. */
export function apkAddIndex(command: RunCommand): number {
  if (command.program !== 'apk') return -1;
  const index = subcommandIndex(command, APK_VALUE_OPTIONS);
  return index >= 0 && command.words[index].text === 'add' ? index : -1;
}

/**
 * The index of `install` in `pip install`, `pip3.12 install` or `python3 -m pip install`, or -1.
 */
export function pipInstallIndex(command: RunCommand): number {
  const { words, program } = command;
  if (program === undefined) return -1;
  let next = -1;
  if (/^pip\d*(?:\.\d+)?$/.test(program)) next = firstOperandIndex(words, 1);
  else if (/^python\d*(?:\.\d+)?$/.test(program)) {
    const module = words.findIndex((word) => word.text === '-m');
    if (module > 0 && words[module + 1]?.text === 'pip') next = firstOperandIndex(words, module + 2);
  }
  return next >= 0 && words[next].text === 'install' ? next : -1;
}

/** True for `apt-get update`, `apt update`, `aptitude update` and `apk update`: a refresh of the package index. */
export function isIndexUpdate(command: RunCommand): boolean {
  if (command.program === 'apk') return command.words[subcommandIndex(command, APK_VALUE_OPTIONS)]?.text === 'update';
  return aptSubcommand(command) === 'update';
}

/** True for a command that installs or upgrades packages from the index (what an index update is for). */
export function usesIndex(command: RunCommand): boolean {
  const apt = aptSubcommand(command);
  if (apt !== undefined) return ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'safe-upgrade', 'reinstall'].includes(apt);
  if (command.program === 'apk') return ['add', 'upgrade', 'fix'].includes(command.words[subcommandIndex(command, APK_VALUE_OPTIONS)]?.text ?? '');
  // Helpers that install packages themselves: `mk-build-deps --install`, Debian's `docker-php-ext-install`.
  return command.program === 'mk-build-deps' || command.program === 'docker-php-ext-install';
}

/** True for a command that removes packages: `apk del`, `apt-get purge|remove|autoremove`, `yum|dnf remove`. */
export function removesPackages(command: RunCommand): boolean {
  const apt = aptSubcommand(command);
  if (apt !== undefined) return apt === 'purge' || apt === 'remove' || apt === 'autoremove';
  if (command.program === 'apk') return command.words[subcommandIndex(command, APK_VALUE_OPTIONS)]?.text === 'del';
  if (command.program !== undefined && RPM_PROGRAMS.has(command.program)) {
    return ['remove', 'erase', 'autoremove'].includes(command.words[subcommandIndex(command)]?.text ?? '');
  }
  return false;
}

/** True for the `rm` of a RUN that deletes something under the path prefix (`rm -rf /var/lib/apt/lists/*`). */
export function removesPath(command: RunCommand, prefix: string): boolean {
  return command.program === 'rm' && command.words.some((word) => word.text.startsWith(prefix));
}

/** The operands after `from` (package names, files), skipping options and the values of `valueOptions`. */
function operandsFrom(words: readonly Word[], from: number, valueOptions: ReadonlySet<string>): Word[] {
  const operands: Word[] = [];
  for (let i = from; i < words.length; i++) {
    const text = words[i].text;
    if (text.startsWith('-') && text !== '-') {
      if (valueOptions.has(text)) i++;
      continue;
    }
    operands.push(words[i]);
  }
  return operands;
}

export type PackageManager = 'apt' | 'apk' | 'pip';

/** An install command and the package words it names (`curl=8.5.0-2`, `flask==3.0`, `./pkg.deb`). */
export interface PackageInstall {
  manager: PackageManager;
  command: RunCommand;
  packages: Word[];
  /** pip installs from a requirements or constraints file: the pins live there. */
  fromFile: boolean;
}

/** The packages an apt, apk or pip install command names, or undefined for any other command. */
export function packageInstall(command: RunCommand): PackageInstall | undefined {
  const apt = aptInstallIndex(command);
  if (apt >= 0) return { manager: 'apt', command, packages: operandsFrom(command.words, apt + 1, APT_VALUE_OPTIONS), fromFile: false };
  const apk = apkAddIndex(command);
  if (apk >= 0) return { manager: 'apk', command, packages: operandsFrom(command.words, apk + 1, APK_VALUE_OPTIONS), fromFile: false };
  const pip = pipInstallIndex(command);
  if (pip >= 0) {
    const fromFile = command.words.some((word) => /^(?:-r|-c|--requirement|--constraint)(?:=|$)/.test(word.text) || /^-[rc]\S/.test(word.text));
    return { manager: 'pip', command, packages: operandsFrom(command.words, pip + 1, PIP_VALUE_OPTIONS), fromFile };
  }
  return undefined;
}

/**
 * True when the shipped stages install the tool with a system package manager (`apt-get install
 * curl`, `apk add wget`, `dnf install curl`) and the same RUN does not remove packages again.
 */
export function installsTool(stages: readonly Stage[], tool: string): boolean {
  return stages.some((stage) => {
    const commands = runCommands(stage);
    return commands.some((command) => {
      const names = installedNames(command);
      if (!names.includes(tool)) return false;
      return !commands.some((other) => other.run === command.run && other.index > command.index && removesPackages(other));
    });
  });
}

function installedNames(command: RunCommand): string[] {
  const install = packageInstall(command);
  if (install && install.manager !== 'pip') return install.packages.map((word) => word.text.split(/[=~<>]/)[0].toLowerCase());
  if (command.program !== undefined && RPM_PROGRAMS.has(command.program) && command.words[subcommandIndex(command)]?.text === 'install') {
    return operandsFrom(command.words, subcommandIndex(command) + 1, new Set()).map((word) => word.text.toLowerCase());
  }
  return [];
}

/**
 * Where apt configuration copied into the stage starts to apply (`COPY 90assume-yes
 * /etc/apt/apt.conf.d/`): what that file sets (Assume-Yes, Install-Recommends) is not in the
 * Dockerfile. -1 when a stage it builds on copies some, Infinity when none is copied.
 */
export function aptConfigCopiedFrom(stage: Stage): number {
  const copiesConfig = (candidate: Stage) =>
    [...candidate.copies, ...candidate.adds].filter((copy) => copy.destination !== undefined && /^\/etc\/apt(?:\/|$)/.test(copy.destination.text));
  if (stageLineage(stage).slice(1).some((parent) => copiesConfig(parent).length > 0)) return -1;
  return Math.min(Infinity, ...copiesConfig(stage).map((copy) => copy.span.start));
}

/**
 * What a package rule could say of each RUN with an install: judged when one of its installs was
 * judged, unknown when one depends on what the file cannot show (copied apt configuration, packages
 * named by a variable). Each RUN is inspected once, unknown only if that was said of it and nothing
 * was judged.
 */
export class RunVerdicts {
  private readonly runs = new Map<RunNode, { judged: boolean; unknown: boolean }>();

  /** A RUN with an install: inspected, as judged unless only `unknown` is said of it. */
  seen(run: RunNode): void {
    this.of(run);
  }

  judged(run: RunNode): void {
    this.of(run).judged = true;
  }

  unknown(run: RunNode): void {
    this.of(run).unknown = true;
  }

  inspect(context: RuleContext<DockerfileModel>): void {
    for (const [run, { judged, unknown }] of this.runs) context.inspect({ subject: 'instruction', span: run.span, ...(unknown && !judged ? { unknown } : {}) });
  }

  private of(run: RunNode): { judged: boolean; unknown: boolean } {
    let state = this.runs.get(run);
    if (!state) this.runs.set(run, (state = { judged: false, unknown: false }));
    return state;
  }
}
