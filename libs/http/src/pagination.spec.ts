import { z } from 'zod';
import { ValidationFailedError } from '@authmesh/runtime';
import { paginate } from './pagination.js';
import { fieldErrors, parseOrThrow } from './zod-validation.js';

describe('paginate', () => {
  it('describes the page in the reference shape', () => {
    expect(paginate(['a', 'b'], 5, { page: 2, page_size: 2 }).pagination).toEqual({
      next: 3,
      previous: 1,
      count: 5,
      current: 2,
      total_pages: 3,
      start_index: 3,
      end_index: 4,
    });
  });

  it('handles an empty list', () => {
    expect(paginate([], 0, { page: 1, page_size: 20 }).pagination).toMatchObject({
      next: 0,
      previous: 0,
      total_pages: 1,
      start_index: 0,
      end_index: 0,
    });
  });
});

describe('validation errors', () => {
  const schema = z.object({ name: z.string().max(3), nested: z.object({ n: z.number() }).optional() });

  it('maps issues to field paths', () => {
    const result = schema.safeParse({ name: 'toolong', nested: { n: 'x' } });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(['name', 'nested.n']);
  });

  it('refuses bodies that are not objects', () => {
    expect(() => parseOrThrow(schema, [1])).toThrow(ValidationFailedError);
    expect(() => parseOrThrow(schema, null)).toThrow(ValidationFailedError);
  });
});

describe('patchSchemaOf', () => {
  it('keeps fields a partial update leaves out absent instead of filling in defaults', async () => {
    const { patchSchemaOf } = await import('./zod-validation.js');
    const write = z.object({ name: z.string().default(''), active: z.boolean().default(true), tags: z.array(z.string()).default([]) });
    expect(patchSchemaOf(write).parse({ active: false })).toEqual({ active: false });
    expect(patchSchemaOf(write).safeParse({ active: 'no' }).success).toBe(false);
  });
});
