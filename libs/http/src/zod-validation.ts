import { Body, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ValidationFailedError } from '@authmesh/runtime';

/** Converts zod issues into the reference API's `{"field": ["message"]}` shape. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) (fields[[...issue.path, key].join('.')] ??= []).push('Unknown field.');
      continue;
    }
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : 'non_field_errors';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Parses `input` with `schema` or throws ValidationFailedError with field errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (input === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) {
    if (!(schema instanceof z.ZodObject)) {
      const result = schema.safeParse(input);
      if (result.success) return result.data;
      throw new ValidationFailedError(fieldErrors(result.error));
    }
    throw ValidationFailedError.field('non_field_errors', 'Expected a JSON object.');
  }
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailedError(fieldErrors(result.error));
  return result.data;
}

class ZodPipe<S extends z.ZodType> implements PipeTransform {
  constructor(private readonly schema: S) {}
  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value);
  }
}

/** JSON schema of a zod schema, for the OpenAPI document. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** A request body validated by `schema` and documented in the OpenAPI document. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    if (key !== undefined) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiBody({ schema: openApiSchema(schema) })(target, key, descriptor);
    }
  };
}

/** Query parameters validated by `schema` (an object of optional fields) and documented. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodPipe(schema))(target, key, index);
    if (key === undefined) return;
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return;
    for (const [name, field] of Object.entries(schema.shape)) {
      ApiQuery({ name, required: false, schema: openApiSchema(field as z.ZodType) })(target, key, descriptor);
    }
  };
}

/**
 * The PATCH form of a write schema: every field optional and without its default, so a
 * partial update changes only the fields it names. (zod's own `.partial()` keeps defaults,
 * which would silently reset every field the request left out.)
 */
export function patchSchemaOf<S extends z.ZodObject>(schema: S): z.ZodType<Partial<z.output<S>>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const type = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, type.optional()];
    }),
  );
  return z.object(shape) as unknown as z.ZodType<Partial<z.output<S>>>;
}
