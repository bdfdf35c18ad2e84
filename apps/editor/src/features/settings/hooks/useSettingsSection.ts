import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, type ApiFieldError } from '../../../api/apiClient';
import {
  settingsApi,
  type ClinicSettings,
  type SettingsSections,
  type SettingsUpdate,
} from '../api/settingsApi';

const pick = <K extends keyof SettingsSections>(settings: ClinicSettings, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, settings[key]])) as unknown as Pick<SettingsSections, K>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The API refused the save because someone saved the section meanwhile. */
const savedElsewhere = (error: unknown) => error instanceof ApiError && error.status === 409;

/**
 * One section of the settings screen: a draft of some top-level settings, saved alone with one PUT (the API
 * replaces only the sections a PUT names). Field errors of a 400 are read by their path without `body.`.
 */
export function useSettingsSection<K extends keyof SettingsSections>(
  settings: ClinicSettings,
  keys: readonly K[],
  onDirtyChange: (dirty: boolean) => void,
  options: {
    /** Extra parts of the PUT (the providers), given by the section when it saves. */
    extra?: () => Omit<SettingsUpdate, K>;
    onSaved?: (answer: ClinicSettings) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(() => pick(settings, keys));
  const [draft, setDraft] = useState(base);
  const [extraDirty, setExtraDirty] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  /** The saved settings as they are now, read again (the screen shows them too). */
  const readSaved = () =>
    queryClient.fetchQuery({ queryKey: ['settings'], queryFn: settingsApi.get, staleTime: 0 });
  const save = useMutation({
    // `previous` lets the API refuse (409) a save over a section another manager changed since it was opened.
    mutationFn: (previous: Pick<SettingsSections, K> | void) =>
      settingsApi.update({ ...(options.extra?.() ?? {}), ...draft, previous: previous ?? base }),
    // Someone saved meanwhile: read what they saved, so the section can say who and when.
    onError: (error) => {
      if (savedElsewhere(error)) void readSaved();
    },
    onSuccess: (answer) => {
      const saved = pick(answer, keys);
      setBase(saved);
      setDraft(saved);
      setExtraDirty(false);
      setSavedAt(Date.now());
      queryClient.setQueryData(['settings'], answer);
      void queryClient.invalidateQueries({ queryKey: ['service-status'] });
      options.onSaved?.(answer);
    },
  });
  const dirty = extraDirty || !same(base, draft);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // While nothing is edited here, the section follows saves made elsewhere (a refetch on focus brings them).
  const current = pick(settings, keys);
  if (!dirty && !save.isPending && !same(current, base)) {
    setBase(current);
    setDraft(current);
  }

  /** This section's part of the saved settings, read again. */
  const fetchSaved = async () => pick(await readSaved(), keys);
  const conflict = savedElsewhere(save.error)
    ? {
        /** Who saved the settings last, and when (as the settings read after the refusal say). */
        by: settings.updatedBy,
        at: settings.updatedAt,
        timeZone: settings.timeZone,
        /** Drops this section's edits and shows what the other manager saved. */
        reload: async () => {
          const saved = await fetchSaved();
          setBase(saved);
          setDraft(saved);
          setExtraDirty(false);
          save.reset();
        },
        /** Saves this section's edits over what the other manager saved, knowingly. */
        overwrite: async () => {
          const saved = await fetchSaved();
          setBase(saved);
          save.mutate(saved);
        },
      }
    : null;

  const update = (patch: Partial<Pick<SettingsSections, K>>) => {
    setSavedAt(null);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const errors: ApiFieldError[] = save.error instanceof ApiError ? save.error.errors : [];
  /** The API's message for a field (`senders.smsSenderName`), or for anything under it. */
  const errorAt = (path: string) =>
    errors.find((e) => e.path === `body.${path}` || e.path?.startsWith(`body.${path}.`))?.message;
  return {
    draft,
    update,
    /** The section has a change that is not in the draft settings (the providers' form). */
    markDirty: () => {
      setSavedAt(null);
      setExtraDirty(true);
    },
    dirty,
    saved: savedAt !== null && !dirty,
    save,
    conflict,
    errors,
    errorAt,
  };
}

export type SettingsSection<K extends keyof SettingsSections> = ReturnType<typeof useSettingsSection<K>>;
