import { z } from 'zod';

/** Schemes that run code or embed content in the browser; never a redirect target. */
const REFUSED_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:', 'filesystem:']);

const MAX_URIS = 100;
const MAX_LENGTH = 2048;

/**
 * Why a strict redirect URI cannot be registered, or null when it can: it must parse as an
 * absolute URL without a fragment, and its scheme must be http(s) or a native-app scheme.
 */
export function strictUriProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL.`;
  }
  if (REFUSED_SCHEMES.has(parsed.protocol)) return `The scheme "${parsed.protocol}" is not allowed for redirect URIs.`;
  if (parsed.hash !== '' || url.includes('#')) return 'Redirect URIs may not contain a fragment.';
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname === '') return `"${url}" has no host.`;
  return null;
}

/** Why a regex redirect URI cannot be registered, or null: it must compile as a JavaScript regular expression. */
export function regexUriProblem(pattern: string): string | null {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return null;
  } catch (error) {
    return `"${pattern}" is not a valid regular expression: ${(error as Error).message}`;
  }
}

const entrySchema = z.object({
  matching_mode: z.enum(['strict', 'regex'], 'Not a valid choice.').default('strict'),
  url: z.string().trim().min(1, 'This field may not be blank.').max(MAX_LENGTH),
});

/**
 * Redirect URIs as a list of `{matching_mode, url}`, or as the reference product's older
 * newline-separated string, whose lines become strict entries (never regex: an entry is a
 * regex only when the admin says so).
 */
export const redirectUrisSchema = z
  .union([
    z.array(entrySchema).max(MAX_URIS),
    z
      .string()
      .max(MAX_URIS * MAX_LENGTH)
      .transform((text) =>
        text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
          .map((url) => ({ matching_mode: 'strict' as const, url })),
      ),
  ])
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      if (entry.url.length > MAX_LENGTH) ctx.addIssue({ code: 'custom', message: 'Ensure each URI has no more than 2048 characters.' });
      const problem = entry.matching_mode === 'regex' ? regexUriProblem(entry.url) : strictUriProblem(entry.url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  });

/**
 * A back-channel logout URI: empty (none), or an absolute http(s) URL without a fragment,
 * checked like a strict redirect URI but with no native-app schemes (the provider posts to it).
 */
export const backchannelLogoutUriSchema = z
  .string()
  .trim()
  .max(MAX_LENGTH, 'Ensure this field has no more than 2048 characters.')
  .superRefine((url, ctx) => {
    if (url === '') return;
    const problem = strictUriProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.replace('redirect URIs', 'logout URIs') });
    else if (!/^https?:$/.test(new URL(url).protocol)) ctx.addIssue({ code: 'custom', message: 'Only http and https URLs are allowed.' });
  });
