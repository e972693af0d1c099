import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSPHRASE_LENGTH = 12;
/** zxcvbn score (0–4) a passphrase must reach: 3 = "safely unguessable" for offline attacks on a slow hash. */
export const MIN_PASSPHRASE_SCORE = 3;

export interface PassphraseStrength {
  acceptable: boolean;
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Very weak' | 'Weak' | 'Fair' | 'Strong' | 'Very strong';
  /** What is wrong, in a sentence; empty when acceptable. */
  problems: string[];
  /** How to make it better. */
  suggestions: string[];
}

const labels = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

let estimator: Promise<ZxcvbnFactory> | undefined;
/** The dictionaries are megabytes: load them on first use, not at app start. */
function getEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([{ ZxcvbnFactory }, common, english]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      }),
  );
  return estimator;
}

/** The one rule for passphrases, used by the create form (live feedback) and enforced again in the core. */
export async function assessPassphrase(passphrase: string, userInputs: string[] = ['reciprocal', 'mentoring', 'vault']): Promise<PassphraseStrength> {
  const problems: string[] = [];
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    problems.push(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (this has ${length}).`);
  }
  // zxcvbn is quadratic in length; beyond 100 characters the estimate no longer changes anything.
  const result = (await getEstimator()).check(passphrase.slice(0, 100), userInputs);
  const score = result.score as PassphraseStrength['score'];
  if (score < MIN_PASSPHRASE_SCORE) {
    problems.push(result.feedback.warning ? `${result.feedback.warning}.`.replace(/\.\.$/, '.') : 'This passphrase is too easy to guess.');
  }
  const suggestions = [...result.feedback.suggestions];
  if (problems.length > 0 && suggestions.length === 0) {
    suggestions.push('Try four or five unrelated words, e.g. "lantern orbit pebble wisdom".');
  }
  return { acceptable: problems.length === 0, score, label: labels[score], problems, suggestions };
}
