/** Which unique constraint a write broke, as PostgreSQL reports it. */
export interface UniqueViolation {
  constraint: string;
  detail: string;
}

interface PostgresErrorFields {
  code?: unknown;
  constraint?: unknown;
  detail?: unknown;
}

/**
 * The constraint and detail of a PostgreSQL unique violation (SQLSTATE 23505), from a
 * pg error or a TypeORM QueryFailedError wrapping one; null for any other error.
 */
export function uniqueViolation(error: unknown): UniqueViolation | null {
  if (typeof error !== 'object' || error === null) return null;
  const wrapped = (error as { driverError?: unknown }).driverError;
  const fields = (typeof wrapped === 'object' && wrapped !== null ? wrapped : error) as PostgresErrorFields;
  if (fields.code !== '23505') return null;
  return {
    constraint: typeof fields.constraint === 'string' ? fields.constraint : '',
    detail: typeof fields.detail === 'string' ? fields.detail : '',
  };
}
