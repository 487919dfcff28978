/**
 * Language servers as an editor sees them, ours beside yaml-language-server and
 * dockerfile-language-server-nodejs in the same run: keystroke-to-diagnostics on the same files,
 * first diagnostics of an opened file, and (ours only) the checklist after a keystroke on large
 * workspaces, with the diagnostics latency while that checklist is being recomputed.
 * Used by scripts/bench.ts; prints nothing itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { cacheFileName } from '../server/src/boot';
import { ChecklistReplica } from '../server/src/checklist/wire';
import { LspTestClient } from '../test/helpers/lsp-client';

const root = join(__dirname, '..');

export interface ServerSpec {
  name: string;
  command: string[];
  settings: Record<string, unknown>;
}

/**
 * The server's code cache folder, as the extension gives one (its global storage): the first start
 * writes it once its first checklist is scored, every later start compiles from it.
 */
export const CODE_CACHE = join(tmpdir(), 'readiness-bench', 'code-cache');

/** Our server started as the extension starts it, with `codeCache` as its code cache folder. */
export const oursWith = (codeCache: string): ServerSpec => ({ ...OURS, command: [process.execPath, join(root, 'dist', 'server.js'), '--stdio', `--code-cache=${codeCache}`] });

export const OURS: ServerSpec = {
  name: 'readiness',
  command: [process.execPath, join(root, 'dist', 'server.js'), '--stdio', `--code-cache=${CODE_CACHE}`],
  // No debounce: the figure is the work, not the wait. The 2 MB bundle needs the size limit raised.
  settings: { readiness: { debounceMs: 0, maxFileSizeKb: 4096 } },
};

export const YAML_LS: ServerSpec = {
  name: 'yaml-language-server',
  command: [process.execPath, join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
  // Validation on, nothing fetched from the network (no schema store).
  settings: { yaml: { validate: true, schemaStore: { enable: false }, schemas: {}, format: { enable: false }, hover: false, completion: false }, http: {}, '[yaml]': {}, editor: {} },
};

export const DOCKER_LS: ServerSpec = {
  name: 'docker-langserver',
  command: [process.execPath, join(root, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
  settings: { docker: { languageserver: { diagnostics: {} } } },
};

/**
 * The argo-cd bundles open with a generator's banner ("This is an auto-generated file. DO NOT
 * EDIT"), for which our server skips the file as generated. The bench replaces that line with a
 * plain comment (same lines, same offsets after it) so that ours analyses them as a hand-written
 * manifest; the peers get the same text.
 */
export function analyzable(text: string): string {
  return text.replace(/^# This is an auto-generated file\. DO NOT EDIT$/m, (banner) => '# install manifest'.padEnd(banner.length));
}

/** Nearest rank: the smallest value with at least p% of the values at or below it (p95 of 20 is the 19th, not the largest). */
export const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } },
  window: { workDoneProgress: true },
};

export class Session {
  /** The checklist as the panel holds it (client/src/checklistStore.ts): fetched whole once, then what changed. */
  readonly panel: ChecklistReplica;

  private constructor(
    readonly spec: ServerSpec,
    readonly client: LspTestClient,
    readonly startedAt: number,
  ) {
    this.panel = new ChecklistReplica((method, params) => (params === undefined ? client.connection.sendRequest(method) : client.connection.sendRequest(method, params)));
  }

  static async start(spec: ServerSpec, folders: string[]): Promise<Session> {
    const startedAt = performance.now();
    const client = LspTestClient.spawn(spec.command[0], spec.command.slice(1), { settings: spec.settings });
    await client.start(folders, CAPABILITIES);
    return new Session(spec, client, startedAt);
  }

  /** Opens a document; resolves with the milliseconds from the server's spawn to its first diagnostics. */
  async open(path: string, languageId: string, text: string): Promise<number> {
    const uri = URI.file(path).toString();
    const before = this.client.publications.get(uri) ?? 0;
    await this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await this.client.diagnostics(uri, () => (this.client.publications.get(uri) ?? 0) > before, 600_000);
    return performance.now() - this.startedAt;
  }

  /** Sends the whole text as version `version`; resolves with the milliseconds to the next publication for it. */
  async change(path: string, version: number, text: string): Promise<number> {
    const uri = URI.file(path).toString();
    const before = this.client.publications.get(uri) ?? 0;
    const started = performance.now();
    await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    // Peers publish without a version; ours publishes each version it analyzed.
    await this.client.diagnostics(uri, (p) => (this.client.publications.get(uri) ?? 0) > before && (p.version === undefined || p.version === version), 600_000);
    return performance.now() - started;
  }

  memory(): string {
    const pid = this.client.process?.pid;
    if (!pid) return '';
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(/\d+/.exec(status.split('\n').find((line) => line.startsWith(name)) ?? '0')![0]) / 1024;
    return `rss ${field('VmRSS:').toFixed(0)} MB, peak ${field('VmHWM:').toFixed(0)} MB`;
  }

  /**
   * CPU time the server process has used so far (user + system, from /proc; NaN elsewhere). On a
   * shared machine a keystroke's wall time depends on the other jobs; its CPU time much less.
   */
  cpuMs(): number {
    const pid = this.client.process?.pid;
    if (!pid) return Number.NaN;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 1/100 s.
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN;
    }
  }

  /** Resolves once the server has used no CPU for 200 ms (background work after an open or an edit is done), or after 60 s. */
  async idle(): Promise<void> {
    const deadline = performance.now() + 60_000;
    let last = this.cpuMs();
    let quietSince = performance.now();
    while (performance.now() < deadline && performance.now() - quietSince < 200) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = this.cpuMs();
      if (now !== last) quietSince = performance.now();
      last = now;
    }
  }

  async stop(): Promise<void> {
    await this.client.stop();
  }
}

/** The code cache file our server writes for this build, run by this node. */
export const codeCacheFile = (dir: string) => join(dir, cacheFileName(readFileSync(join(root, 'dist', 'server-core.js')), process.versions.v8, process.arch));

/**
 * Leaves the code cache of this build in `CODE_CACHE`, as the first start after installing does in
 * the editor: open a file, wait for the first checklist, then for the cache file.
 */
export async function prepareCodeCache(workspace: string, path: string, languageId: string, text: string): Promise<void> {
  if (existsSync(codeCacheFile(CODE_CACHE))) return;
  const session = await Session.start(OURS, [workspace]);
  const checklist = session.client.checklistChanged(600_000);
  await session.open(path, languageId, text);
  await checklist;
  const deadline = performance.now() + 60_000;
  while (!existsSync(codeCacheFile(CODE_CACHE))) {
    if (performance.now() > deadline) throw new Error(`the server wrote no code cache in ${CODE_CACHE}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await session.stop();
}

/**
 * Keystroke-to-diagnostics: whole-text changes alternating between two texts that differ by a
 * comment line; with the server's CPU time per keystroke (all its work: diagnostics, and for ours
 * the checklist refresh each keystroke starts), counted from when the server went idle after the open.
 */
export async function keystrokes(session: Session, path: string, languageId: string, text: string, runs: number): Promise<{ times: number[]; cpuMs: number }> {
  await session.open(path, languageId, text);
  await session.idle();
  const cpuBefore = session.cpuMs();
  const times: number[] = [];
  for (let version = 2; version < runs + 2; version++) {
    times.push(await session.change(path, version, version % 2 === 0 ? `${text}\n# edit\n` : text));
  }
  await session.idle();
  return { times, cpuMs: (session.cpuMs() - cpuBefore) / runs };
}

/**
 * Edits for the checklist benchmark, alternating with the original text: a comment line (the
 * findings stay, so the service keeps the checklist it has); an image tag set to `latest` (a
 * finding appears: the checklist is scored again); a pasted Pod without a namespace (it also
 * changes what the file tells the kustomizations, which are checked again); a pasted Service (it
 * changes the facts every manifest reads, so every manifest's cross-file rules run again).
 */
export const CHECKLIST_EDITS = {
  comment: (text: string) => `${text}\n# edit\n`,
  finding: (text: string) => text.replace(/image: ([^\s:]+):(?!latest\b)[\w.-]+/, 'image: $1:latest'),
  'cross-file': (text: string) => `${text}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bench-edit\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n`,
  service: (text: string) => `${text}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: bench-edit\n  namespace: team-4\nspec:\n  selector:\n    app: app-4\n  ports:\n    - port: 80\n`,
};

/** The checklist as the panel fetches it (client/src/checklistStore.ts): the whole report the first time, then what changed since the one it holds. */
export function fetchChecklist(session: Session) {
  return session.panel.fetch();
}

/**
 * Ours only: after a keystroke in `path`, the time to an updated checklist
 * (readiness/checklistChanged, then unless the server kept its report what changed since the
 * panel's copy, applied to it, as the panel does); then the latency of `other`'s diagnostics for
 * keystrokes made while that checklist is being recomputed.
 */
export async function checklistAfterKeystroke(session: Session, path: string, other: string, runs: number, edit: (text: string) => string = CHECKLIST_EDITS.comment): Promise<{ checklist: number[]; duringRefresh: number[] }> {
  const client = session.client;
  const text = analyzable(readFileSync(path, 'utf8'));
  const otherText = analyzable(readFileSync(other, 'utf8'));
  await session.open(path, 'yaml', text);
  await session.open(other, 'yaml', otherText);
  await fetchChecklist(session);
  const result = { checklist: [] as number[], duringRefresh: [] as number[] };
  let version = 2;
  for (let run = 0; run < runs; run++, version++) {
    const changed = client.checklistChanged(600_000);
    const started = performance.now();
    await session.change(path, version, version % 2 === 0 ? edit(text) : text);
    // As the panel does: a report the server kept (`unchanged`) is not fetched again.
    if (!(await changed).unchanged) await fetchChecklist(session);
    result.checklist.push(performance.now() - started);
  }
  // Keystrokes in `other`, one after another's diagnostics, for as long as the checklist that a
  // keystroke in `path` started is being recomputed: every main-thread block shows up as a latency.
  let otherVersion = version;
  for (let run = 0; run < Math.min(runs, 3); run++, version++) {
    const changed = client.checklistChanged(600_000);
    let refreshed = false;
    void changed.then(() => (refreshed = true));
    await session.change(path, version, version % 2 === 0 ? edit(text) : text);
    while (!refreshed) {
      otherVersion++;
      result.duringRefresh.push(await session.change(other, otherVersion, otherVersion % 2 === 0 ? `${otherText}\n# edit\n` : otherText));
    }
  }
  await fetchChecklist(session);
  return result;
}
