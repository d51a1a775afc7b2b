import { z } from 'zod';

/** A URL-safe identifier, as the reference API's slug fields accept. */
export const slugSchema = z
  .string()
  .min(1, 'This field may not be blank.')
  .max(50, 'Ensure this field has no more than 50 characters.')
  .regex(/^[-a-zA-Z0-9_]+$/, 'Enter a valid "slug" consisting of letters, numbers, underscores or hyphens.');

/** The reference product's duration format, e.g. `days=365` or `hours=1;minutes=30`. */
export const durationSchema = z
  .string()
  .regex(
    /^(?:(?:weeks|days|hours|minutes|seconds|microseconds|milliseconds)=\d+(?:\.\d+)?;?)+$/,
    'Use the format "days=1;hours=2" (weeks, days, hours, minutes, seconds).',
  );

/** A reference to another object by its UUID, or null for none. */
export const optionalUuidSchema = z.uuid('Must be a valid UUID.').nullable().default(null);

/** A list of references to other objects by UUID. */
export const uuidListSchema = z.array(z.uuid('Must be a valid UUID.')).max(200).default([]);
