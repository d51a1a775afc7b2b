/** Where in a blueprint a problem is: entry index, model and field, when known. */
export interface BlueprintErrorLocation {
  file?: string;
  entry?: number;
  model?: string;
  field?: string;
}

/** A blueprint that cannot be read or applied; the message names where and why. */
export class BlueprintError extends Error {
  constructor(
    readonly reason: string,
    readonly location: BlueprintErrorLocation = {},
  ) {
    super(describe(reason, location));
    this.name = 'BlueprintError';
  }

  /** The same error, located more precisely (outer layers add file, entry or model). */
  within(location: BlueprintErrorLocation): BlueprintError {
    return new BlueprintError(this.reason, { ...location, ...stripUndefined(this.location) });
  }
}

function stripUndefined(location: BlueprintErrorLocation): BlueprintErrorLocation {
  return Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined));
}

function describe(reason: string, { file, entry, model, field }: BlueprintErrorLocation): string {
  const where = [file, entry !== undefined ? `entries[${entry}]` : undefined, model ? `(${model})` : undefined].filter(Boolean).join(' ');
  const prefix = [where, field].filter(Boolean).join(': ');
  return prefix ? `${prefix}: ${reason}` : reason;
}
