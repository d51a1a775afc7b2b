import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export type Direction = 'ASC' | 'DESC';

/** What a list endpoint asks for: a page and an optional `?ordering=` value. */
export interface PageRequest {
  page: number;
  page_size: number;
  ordering?: string;
}

/** Escapes LIKE/ILIKE wildcards in user input (use with `ESCAPE '\'`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Parses `ordering` (`name`, `-name`, `a,-b`) against the fields a list allows. Unknown
 * fields are ignored, as in the reference API; with none left, `fallback` applies.
 */
export function parseOrdering(
  ordering: string | undefined,
  allowed: readonly string[],
  fallback: Record<string, Direction>,
): Record<string, Direction> {
  const result: Record<string, Direction> = {};
  for (const part of (ordering ?? '').split(',')) {
    const field = part.trim().replace(/^-/, '');
    if (allowed.includes(field)) result[field] = part.trim().startsWith('-') ? 'DESC' : 'ASC';
  }
  return Object.keys(result).length > 0 ? result : fallback;
}

/**
 * Orders a list query by the requested fields (`columns` maps API field names to SQL
 * expressions; `tiebreaker` keeps pages stable), applies the page and runs it.
 */
export function fetchPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  request: PageRequest,
  columns: Record<string, string>,
  fallback: Record<string, Direction>,
  tiebreaker?: string,
): Promise<[T[], number]> {
  for (const [field, direction] of Object.entries(parseOrdering(request.ordering, Object.keys(columns), fallback))) {
    qb.addOrderBy(columns[field], direction);
  }
  if (tiebreaker) qb.addOrderBy(tiebreaker, 'ASC');
  return qb
    .skip((request.page - 1) * request.page_size)
    .take(request.page_size)
    .getManyAndCount();
}
