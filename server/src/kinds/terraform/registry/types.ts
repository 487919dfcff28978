/**
 * A registry module the rules understand: the resources it creates, written as a small Terraform
 * module over the same input names and defaults, so a call to it is followed like a call to a
 * local module. Attributes a mapping leaves out are unknown (never "missing").
 */
export interface RegistryModule {
  /** `terraform-aws-modules/rds/aws`; a submodule adds `//modules/<name>`. */
  source: string;
  /**
   * The module versions whose inputs and defaults the mapping was read from. A call pinned outside
   * the range keeps only the arguments it passes: defaults are unknown there.
   */
  versions: { from: string; below?: string };
  /** What the mapping was checked against (repository files and commit). */
  checkedAgainst: string;
  /** Inputs the rules would use but that could not be verified, left out on purpose. */
  notMapped?: string;
  /**
   * Inputs whose default holds in every version, so a call outside `versions` keeps it: a default
   * no other is possible for (a replica source), or an input added with the default that keeps the
   * behaviour of the versions before it. With the reason.
   */
  stableDefaults?: { inputs: string[]; why: string };
  hcl: string;
}
