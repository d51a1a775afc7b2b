import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export interface PasswordStrength {
  /** zxcvbn's score: 0 (guessed in moments) to 4 (very hard to guess). */
  score: number;
  warning: string | undefined;
  suggestions: string[];
}

/*
 * zxcvbn runs on the event loop, and its cost grows with length and with look-alike characters
 * (measured: several seconds for one crafted 256-character password with the library defaults).
 * These bounds keep one estimate to a fraction of a second: only the first ANALYSED_LENGTH
 * characters are scored, which at worst makes a long password look weaker than it is; and
 * the whole-password Levenshtein search, about a second per estimate, stays off.
 */
const ANALYSED_LENGTH = 72;
const L33T_MAX_SUBSTITUTIONS = 10;

let estimator: Promise<ZxcvbnFactory> | undefined;

// The dictionaries are several megabytes, so they load on the first estimate, not at start-up.
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      useLevenshteinDistance: false,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
      maxLength: ANALYSED_LENGTH,
    });
  })().catch((error: unknown) => {
    estimator = undefined;
    throw error;
  });
  return estimator;
}

/**
 * Estimates how hard `password` is to guess with zxcvbn. `userInputs` (username, e-mail, name)
 * count as dictionary words, and so do their parts, so `alice.smith@…` weakens `Smith1984!`.
 */
export async function estimatePasswordStrength(password: string, userInputs: readonly string[] = []): Promise<PasswordStrength> {
  const zxcvbn = await loadEstimator();
  const result = zxcvbn.check(password, personalWords(userInputs));
  return {
    score: result.score,
    warning: result.feedback.warning ?? undefined,
    suggestions: result.feedback.suggestions,
  };
}

function personalWords(userInputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    if (typeof input !== 'string' || input.trim() === '') continue;
    words.add(input.trim());
    for (const part of input.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}
