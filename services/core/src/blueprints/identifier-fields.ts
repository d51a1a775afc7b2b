import { IsNull } from 'typeorm';
import { BlueprintError } from '@authmesh/blueprints';

/**
 * Translates blueprint identifiers (API field names) into entity properties. A field the
 * model does not know is an error, not silently ignored: it would match every object.
 */
export function toWhere(model: string, identifiers: Record<string, unknown>, fields: Record<string, string>): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(identifiers)) {
    const property = fields[field];
    if (!property) {
      throw new BlueprintError(`${model} cannot be identified by "${field}" (use ${Object.keys(fields).join(', ')})`, {
        field: `identifiers.${field}`,
      });
    }
    if (value !== null && typeof value === 'object') {
      throw new BlueprintError('identifiers must be plain values', { field: `identifiers.${field}` });
    }
    // null must match NULL; an undefined condition would match every row.
    where[property] = value === null ? IsNull() : value;
  }
  return where;
}

/** Removes the listed keys from a record, returning both parts. */
export function take(data: Record<string, unknown>, keys: string[]): [Record<string, unknown>, Record<string, unknown>] {
  const taken: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) (keys.includes(key) ? taken : rest)[key] = value;
  return [taken, rest];
}
