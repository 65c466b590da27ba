// The one error design-sync throws for input it cannot read at all (a registry document of the wrong shape or
// over the limits); the API turns it into a 400 naming `path`. Per-entry oddities are warnings, never this.

/** Bad registry input; `path` is the JSON path of the offending place ("index.entries", "docgen[3]"). */
export class RegistryInputError extends Error {
  readonly code = 'DESIGN_SYNC_INVALID_REGISTRY';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'RegistryInputError';
  }
}
