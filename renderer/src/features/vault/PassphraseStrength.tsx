import { useEffect, useState } from 'react';
import { assessPassphrase, type PassphraseStrength as Strength } from '../../../../shared/vault/passphrase';

/** Live feedback on a new passphrase, from the same rule the main process enforces. */
export function usePassphraseStrength(passphrase: string): Strength | undefined {
  const [strength, setStrength] = useState<Strength>();
  useEffect(() => {
    if (!passphrase) {
      setStrength(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void assessPassphrase(passphrase).then((result) => current && setStrength(result));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase]);
  return strength;
}

export function PassphraseStrengthMeter({ strength, id }: { strength: Strength | undefined; id: string }) {
  return (
    <div id={id} className="strength" aria-live="polite">
      {strength ? (
        <>
          <div className="strength-bar" aria-hidden="true">
            {[0, 1, 2, 3].map((i) => (
              <span key={i} className={i < Math.max(1, strength.score) ? `strength-segment filled score-${strength.score}` : 'strength-segment'} />
            ))}
          </div>
          <p className="strength-label">
            Strength: <strong>{strength.label}</strong>
            {strength.acceptable ? ' — good enough to protect the vault.' : ''}
          </p>
          {[...strength.problems, ...(strength.acceptable ? [] : strength.suggestions)].length > 0 ? (
            <ul className="strength-hints">
              {[...strength.problems, ...(strength.acceptable ? [] : strength.suggestions)].map((hint) => (
                <li key={hint}>{hint}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p className="strength-label">At least 12 characters. Several unrelated words are easy to remember and hard to guess.</p>
      )}
    </div>
  );
}
