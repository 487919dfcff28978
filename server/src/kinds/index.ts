import type { BaseModel, FileKind } from '../engine/types';
import type { KindSupport } from './types';
import { composeSupport } from './compose';
import { dockerfileSupport } from './dockerfile';
import { kubernetesSupport } from './kubernetes';
import { nginxSupport } from './nginx';
import { terraformSupport } from './terraform';

export type { KindSupport } from './types';

/**
 * Order matters: the first kind that claims a path by name wins over content sniffing, and sniffers
 * run in this order (a Compose file is recognised before Kubernetes looks at YAML).
 */
export const KINDS: readonly KindSupport<any>[] = [dockerfileSupport, terraformSupport, nginxSupport, composeSupport, kubernetesSupport];

export function kindSupport(kind: FileKind): KindSupport<BaseModel> {
  const support = KINDS.find((candidate) => candidate.kind === kind);
  if (!support) throw new Error(`No support for file kind "${kind}".`);
  return support;
}

const starts = new Map<FileKind, Promise<Error | undefined>>();

/** Runs one kind's one-time set-up once; resolves to why it could not start, if it could not. */
export function initKind(kind: FileKind): Promise<Error | undefined> {
  let start = starts.get(kind);
  if (!start) {
    const init = kindSupport(kind).init;
    start = init ? init().then(() => undefined, (error: unknown) => (error instanceof Error ? error : new Error(String(error)))) : Promise.resolve(undefined);
    starts.set(kind, start);
  }
  return start;
}

/** Runs every kind's one-time set-up once; resolves to the kinds that could not start, with why. */
export async function initEachKind(): Promise<Map<FileKind, Error>> {
  const failures = await Promise.all(KINDS.map(async ({ kind }) => [kind, await initKind(kind)] as const));
  return new Map(failures.filter((failure): failure is readonly [FileKind, Error] => failure[1] !== undefined));
}

/** Every kind's one-time set-up; call once before parsing (CLI start, tests). Rejects if any kind cannot start. */
export async function initKinds(): Promise<void> {
  const failures = await initEachKind();
  const [first] = failures.values();
  if (first) throw first;
}

export type Detection = { kind: FileKind; skip?: string } | undefined;

/**
 * The kind of a file, from its path and (only when the path is not conclusive) its content.
 * `text` may be omitted for a path-only answer; sniffing kinds then answer undefined.
 */
export function detectKind(path: string, text?: string): Detection {
  const sniffers: KindSupport<any>[] = [];
  for (const support of KINDS) {
    const claim = support.claim(path);
    if (claim === 'yes') return withSkip(support, path, text);
    if (claim === 'sniff') sniffers.push(support);
  }
  if (text === undefined) return undefined;
  for (const support of sniffers) {
    if (support.sniff?.(text, path)) return withSkip(support, path, text);
  }
  return undefined;
}

/** True when a file with this path could be of a supported kind (possibly after sniffing). */
export function mayBeSupported(path: string): boolean {
  return KINDS.some((support) => support.claim(path) !== 'no');
}

function withSkip(support: KindSupport<any>, path: string, text: string | undefined): Detection {
  const skip = text === undefined ? undefined : support.skipReason?.(text, path);
  return skip ? { kind: support.kind, skip } : { kind: support.kind };
}

export { baseName, folderNames } from './paths';
