/**
 * NATS subject rules, shared by both bus implementations so the in-process bus accepts and
 * routes exactly what NATS would. A subject is dot-separated tokens; in a pattern the token
 * `*` matches one token and `>` (last token only) matches one or more remaining tokens.
 */

/** Whether `subject` (no wildcards) matches `pattern` (may contain `*` and a final `>`). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return i === p.length - 1 && s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

/** Whether every subject `pattern` can match is also matched by `scope` (a consumer filter inside a stream). */
export function subjectIsWithin(pattern: string, scope: string): boolean {
  const p = pattern.split('.');
  const s = scope.split('.');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '>') return i === s.length - 1 && p.length > i;
    if (i >= p.length) return false;
    // A `*` in the scope covers one token of any kind except `>`, which may stand for several.
    if (s[i] === '*' ? p[i] === '>' : p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

/**
 * Throws unless `subject` is well formed: non-empty tokens without whitespace, and wildcards
 * only where `wildcards` allows them (`>` only as the last token).
 */
export function assertValidSubject(subject: string, options: { wildcards: boolean }): void {
  const tokens = subject.split('.');
  const bad = (why: string): never => {
    throw new Error(`invalid subject "${subject}": ${why}`);
  };
  tokens.forEach((token, i) => {
    if (token === '') bad('empty token');
    if (/\s/.test(token)) bad('whitespace');
    if (token === '*' || token === '>') {
      if (!options.wildcards) bad('wildcards are only allowed when subscribing');
      if (token === '>' && i !== tokens.length - 1) bad('">" must be the last token');
    }
  });
}
