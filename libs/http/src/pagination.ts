import { z } from 'zod';

/** The query parameters every list endpoint accepts. */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  page_size: z.coerce.number().int().min(1).max(1000).default(20),
  search: z.string().max(256).optional(),
  ordering: z.string().max(128).optional(),
});

export type ListQuery = z.output<typeof listQuerySchema>;

/** Pagination block of the reference API's list responses. */
export interface Pagination {
  next: number;
  previous: number;
  count: number;
  current: number;
  total_pages: number;
  start_index: number;
  end_index: number;
}

export interface Paginated<T> {
  pagination: Pagination;
  results: T[];
}

/** Builds a list response; `next`/`previous` are page numbers, 0 when there is none. */
export function paginate<T>(results: T[], count: number, query: Pick<ListQuery, 'page' | 'page_size'>): Paginated<T> {
  const totalPages = Math.max(1, Math.ceil(count / query.page_size));
  const start = count === 0 ? 0 : (query.page - 1) * query.page_size + 1;
  return {
    pagination: {
      next: query.page < totalPages ? query.page + 1 : 0,
      previous: query.page > 1 ? query.page - 1 : 0,
      count,
      current: query.page,
      total_pages: totalPages,
      start_index: Math.min(start, count),
      end_index: count === 0 ? 0 : Math.min(start + results.length - 1, count),
    },
    results,
  };
}

/** JSON schema for a paginated response of `item`, for the OpenAPI document. */
export function paginatedSchema(item: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    required: ['pagination', 'results'],
    properties: {
      pagination: {
        type: 'object',
        properties: Object.fromEntries(
          ['next', 'previous', 'count', 'current', 'total_pages', 'start_index', 'end_index'].map((k) => [k, { type: 'integer' }]),
        ),
      },
      results: { type: 'array', items: item },
    },
  };
}
