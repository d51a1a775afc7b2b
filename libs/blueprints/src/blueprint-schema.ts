import type { BlueprintModelRegistry } from './blueprint-models.js';
import { ENTRY_STATES } from './blueprint-parser.js';

/**
 * A JSON schema of the blueprint format for the models in `registry`, so editors can
 * check files as they are written. Tag values (`!KeyOf` and friends) are written as
 * scalars or sequences, which the per-model schemas cannot know; fields therefore accept
 * any value where a tag may stand.
 */
export function blueprintJsonSchema(registry: BlueprintModelRegistry<unknown>): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const entries: unknown[] = [];
  for (const model of registry.models()) {
    const ref = `model_${model.name}`;
    defs[ref] = relax(model.schema ?? { type: 'object' });
    for (const name of [model.name, ...model.aliases]) {
      entries.push({
        type: 'object',
        required: ['model', 'identifiers'],
        properties: {
          model: { const: name },
          id: { type: 'string' },
          state: { type: 'string', enum: [...ENTRY_STATES], default: 'present' },
          conditions: { type: 'array' },
          identifiers: { $ref: `#/$defs/${ref}` },
          attrs: { $ref: `#/$defs/${ref}` },
        },
      });
    }
  }
  entries.push({
    type: 'object',
    required: ['model', 'attrs'],
    properties: {
      model: { enum: ['authentik_blueprints.metaapplyblueprint', 'authmesh_blueprints.metaapplyblueprint'] },
      attrs: {
        type: 'object',
        properties: {
          identifiers: { type: 'object', properties: { path: { type: 'string' }, name: { type: 'string' } } },
          required: { type: 'boolean' },
        },
      },
    },
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema',
    $id: 'https://authmesh.dev/blueprints/schema.json',
    title: 'authmesh blueprint',
    type: 'object',
    required: ['version', 'entries'],
    properties: {
      version: { type: 'integer', const: 1 },
      metadata: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, labels: { type: 'object', additionalProperties: { type: 'string' } } },
      },
      context: { type: 'object', additionalProperties: true },
      entries: { type: 'array', items: { oneOf: entries } },
    },
    $defs: defs,
  };
}

/** Drops `required` (identifiers and attrs each give only part of an object). */
function relax(schema: Record<string, unknown>): Record<string, unknown> {
  const { required: _required, $schema: _schema, ...rest } = schema;
  return rest;
}
