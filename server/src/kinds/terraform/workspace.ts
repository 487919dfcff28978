/**
 * The Terraform side of one workspace state: module directories and who calls them, built once
 * per WorkspaceView (a view is one object per state, so it is the cache key) from the per-file
 * facts. Rules look modules and callers up here instead of scanning every file for every file.
 */
import type { WorkspaceView } from '../../engine/rule';
import { calleeDirectory, factsOf, localSource } from './facts';
import type { TerraformModel } from './model';

export type ModuleRole = 'root' | 'reusable';

export class TerraformWorkspace {
  private readonly directories = new Map<string, TerraformModel[]>();
  private readonly calledDirectories = new Set<string>();

  private constructor(view: WorkspaceView) {
    for (const file of view.files('terraform')) {
      const model = file.model as TerraformModel;
      if (!Array.isArray(model.blocks)) continue;
      this.add(model);
    }
  }

  private add(model: TerraformModel): void {
    const facts = factsOf(model);
    const list = this.directories.get(facts.dir);
    if (list) list.push(model);
    else this.directories.set(facts.dir, [model]);
    for (const call of facts.moduleCalls) {
      const source = localSource(call);
      if (source !== undefined) this.calledDirectories.add(calleeDirectory(facts.dir, source));
    }
  }

  static of(view: WorkspaceView): TerraformWorkspace {
    let found = workspaces.get(view);
    if (!found) {
      found = new TerraformWorkspace(view);
      workspaces.set(view, found);
    }
    return found;
  }

  /** The .tf files of a directory; `current` (the analyzed model) replaces any stale copy of itself. */
  filesOf(dir: string, current?: TerraformModel): TerraformModel[] {
    const files = this.directories.get(dir) ?? [];
    if (!current || factsOf(current).dir !== dir) return files;
    return [current, ...files.filter((file) => file.path !== current.path)];
  }

  hasDirectory(dir: string): boolean {
    return this.directories.has(dir);
  }

  /**
   * A module another module of the workspace calls, or one that looks published (variables.tf or
   * outputs.tf, no backend, no provider configuration), is reusable: its variables are decided by
   * callers. Anything else is a root module, applied with its variables' defaults unless told otherwise.
   */
  roleOf(dir: string, files: readonly TerraformModel[]): ModuleRole {
    if (this.calledDirectories.has(dir)) return 'reusable';
    const facts = files.map(factsOf);
    const looksPublished = facts.some((file) => file.isInterfaceFile) && !facts.some((file) => file.hasBackend || file.hasProviderConfiguration);
    return looksPublished ? 'reusable' : 'root';
  }
}

const workspaces = new WeakMap<WorkspaceView, TerraformWorkspace>();
