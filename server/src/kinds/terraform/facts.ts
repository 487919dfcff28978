/**
 * What one Terraform file declares, indexed once per (immutable) model: every rule, every module
 * view and the workspace index read these instead of walking the blocks again.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Attribute, Block, TerraformModel } from './model';
import { attribute, literalString } from './model';

export interface FileFacts {
  /** The module directory, normalised, so module sources resolve to the same key. */
  dir: string;
  blocksByType: Map<string, Block[]>;
  resourcesByType: Map<string, Block[]>;
  variables: Map<string, Block>;
  locals: Map<string, Attribute>;
  moduleCalls: Block[];
  /** `terraform { backend ... }` or `terraform { cloud ... }`: this directory is applied on its own. */
  hasBackend: boolean;
  /** A `provider` block: provider configuration belongs to the root module that is applied. */
  hasProviderConfiguration: boolean;
  /** `variables.tf` / `outputs.tf`: the file names of a module written to be called. */
  isInterfaceFile: boolean;
}

const cache = new WeakMap<TerraformModel, FileFacts>();

export function moduleDirectory(path: string): string {
  return resolve(dirname(path));
}

export function factsOf(model: TerraformModel): FileFacts {
  let facts = cache.get(model);
  if (facts) return facts;
  facts = {
    dir: moduleDirectory(model.path),
    blocksByType: new Map(),
    resourcesByType: new Map(),
    variables: new Map(),
    locals: new Map(),
    moduleCalls: [],
    hasBackend: false,
    hasProviderConfiguration: false,
    isInterfaceFile: /^(?:variables|outputs)\.tf$/i.test(basename(model.path)),
  };
  for (const block of Array.isArray(model.blocks) ? model.blocks : []) {
    push(facts.blocksByType, block.type, block);
    const label = block.labels[0]?.value;
    switch (block.type) {
      case 'resource':
        if (label !== undefined) push(facts.resourcesByType, label, block);
        break;
      case 'variable':
        if (label !== undefined && !facts.variables.has(label)) facts.variables.set(label, block);
        break;
      case 'locals':
        for (const attr of block.attributes) if (!facts.locals.has(attr.name)) facts.locals.set(attr.name, attr);
        break;
      case 'module':
        facts.moduleCalls.push(block);
        break;
      case 'provider':
        facts.hasProviderConfiguration = true;
        break;
      case 'terraform':
        if (block.blocks.some((child) => child.type === 'backend' || child.type === 'cloud')) facts.hasBackend = true;
        break;
    }
  }
  cache.set(model, facts);
  return facts;
}

function push<K>(map: Map<K, Block[]>, key: K, block: Block): void {
  const list = map.get(key);
  if (list) list.push(block);
  else map.set(key, [block]);
}

/** `./x` and `../x` sources are directories of the workspace; anything else is fetched by `terraform init`. */
export function localSource(call: Block): string | undefined {
  const source = literalString(attribute(call, 'source')?.value);
  return source !== undefined && /^\.\.?(?:[/\\]|$)/.test(source) ? source : undefined;
}

/** The directory a local module call points at. */
export function calleeDirectory(callerDir: string, source: string): string {
  return resolve(callerDir, source);
}
