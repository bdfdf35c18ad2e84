import { useCallback } from 'react';
import { useClinicClock } from '../clock/useClinicClock';
import { reasonWords, type ReasonLike } from './reasonWords';
import { useLanguage, useMessages } from './useMessages';

/**
 * Words a reason in the user's language at display time: the code with its parameters when this editor knows
 * it, else the engine's own sentence (data stored before reasons had codes, or a code newer than this editor).
 */
export function useReasonWords(): (
  why: ReasonLike | null | undefined,
  sentence?: string | null,
) => string | null {
  const t = useMessages();
  const language = useLanguage();
  const clock = useClinicClock();
  return useCallback(
    (why, sentence) => reasonWords(t, why, clock, language) ?? sentence ?? null,
    [t, clock, language],
  );
}
