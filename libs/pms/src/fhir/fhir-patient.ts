import type { PmsPatient } from '@clinicflow/contract';
import type { ContactPoint, HumanName, Patient, PatientCommunication } from '@medplum/fhirtypes';
import { fhirError, fhirWarning } from './fhir-outcome';
import { externalIdOf, type LocatedResource } from './fhir-reference';
import type { FieldSources } from './types';
import { at, isObject, item, readList, readText, type Issues } from './fhir-values';

/** The languages patients get messages in (libs/channels' list, which this pure library does not load). */
const LANGUAGES = ['fr', 'es', 'nb', 'it', 'de', 'en'];
/** Norwegian as a whole and Nynorsk are written to in Bokmål, as libs/channels reads them. */
const LANGUAGE_ALIASES: Record<string, string> = { no: 'nb', nn: 'nb' };

/** A patient read from a FHIR `Patient`, with where its fields came from; undefined fields were not said. */
export interface FhirPatientReading {
  patient: PmsPatient;
  sources: FieldSources;
}

/** The language of a BCP 47 code (`fr-FR`, `no`) when patients can get messages in it. */
export function ourLanguage(code: string | undefined): string | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  const language = base && (LANGUAGE_ALIASES[base] ?? base);
  return language && LANGUAGES.includes(language) ? language : undefined;
}

const NAME_USES: (HumanName['use'] | undefined)[] = ['official', 'usual', undefined, 'temp', 'nickname'];

/** The name to write to the patient: the official one first, never an old or maiden name. */
function chosenName(names: { name: HumanName; path: string }[]) {
  const rank = (use: HumanName['use']) => {
    const position = NAME_USES.indexOf(use);
    return position < 0 ? NAME_USES.length : position;
  };
  return names
    .filter(({ name }) => name.use !== 'old' && name.use !== 'maiden')
    .sort((a, b) => rank(a.name.use) - rank(b.name.use))[0];
}

/** The contact point of a system to message the patient at: by use (mobile first), then by rank. */
function chosenContact(contacts: { point: ContactPoint; path: string }[], systems: ContactPoint['system'][]) {
  const usable = contacts.filter(
    ({ point }) =>
      systems.includes(point.system) &&
      point.use !== 'old' &&
      typeof point.value === 'string' &&
      point.value.trim() !== '',
  );
  const score = ({ point }: { point: ContactPoint }) =>
    (point.use === 'mobile' || point.system === 'sms' ? 0 : point.use === 'work' ? 2000 : 1000) +
    (typeof point.rank === 'number' ? point.rank : 999);
  return usable.sort((a, b) => score(a) - score(b))[0];
}

/** The language the patient prefers, or the first one we can message in. */
function chosenLanguage(communications: { communication: PatientCommunication; path: string }[]) {
  const ordered = [...communications].sort(
    (a, b) => Number(b.communication.preferred === true) - Number(a.communication.preferred === true),
  );
  for (const { communication, path } of ordered) {
    const codings = Array.isArray(communication.language?.coding) ? communication.language.coding : [];
    const language = ourLanguage(typeof codings[0]?.code === 'string' ? codings[0].code : undefined);
    if (language) return { language, path: at(path, 'language.coding[0].code') };
  }
  return undefined;
}

/** The objects of a repeating element, with their paths (anything else in it is an error). */
function objects<T>(value: unknown, path: string, issues: Issues): { value: T; path: string }[] {
  return readList(value, path, issues).flatMap((element, i) => {
    if (isObject(element)) return [{ value: element as T, path: item(path, i) }];
    issues.push(fhirError(item(path, i), 'must be an object', 'structure'));
    return [];
  });
}

/**
 * Reads a FHIR `Patient` into the patient of a PMS event: the official name (given names → first name,
 * family → last name), a mobile (a `phone` of use `mobile` first, then any current phone), an e-mail, the
 * preferred language when patients can get messages in it, and the date of birth when it is a full date.
 * Issues go to `issues`; undefined when the patient has no id at all.
 */
export function readFhirPatient(
  located: LocatedResource,
  issues: Issues,
  { contained = false } = {},
): FhirPatientReading | undefined {
  const { path } = located;
  const resource = located.resource as unknown as Patient;
  const externalId = externalIdOf(located, issues, contained);
  if (!externalId) {
    issues.push(
      fhirError(at(path, 'id'), 'is required: the patient needs an id or an identifier', 'required'),
    );
    return undefined;
  }
  const patient: PmsPatient = { externalId };
  const sources: FieldSources = { externalId: at(path, contained ? 'identifier[0].value' : 'id') };

  const names = objects<HumanName>(resource.name, at(path, 'name'), issues);
  const name = chosenName(names.map(({ value, path }) => ({ name: value, path })));
  if (name) {
    const given = readList(name.name.given, at(name.path, 'given'), issues).filter(
      (part): part is string => typeof part === 'string' && part.trim() !== '',
    );
    if (given.length) {
      patient.firstName = given.join(' ');
      sources.firstName = at(name.path, 'given');
    }
    const family = readText(name.name.family, at(name.path, 'family'), issues);
    if (family) {
      patient.lastName = family;
      sources.lastName = at(name.path, 'family');
    }
  }

  const telecom = objects<ContactPoint>(resource.telecom, at(path, 'telecom'), issues).map(
    ({ value, path }) => ({ point: value, path }),
  );
  const phone = chosenContact(telecom, ['phone', 'sms']);
  if (phone) {
    patient.mobile = phone.point.value!.trim();
    sources.mobile = at(phone.path, 'value');
  }
  const email = chosenContact(telecom, ['email']);
  if (email) {
    patient.email = email.point.value!.trim();
    sources.email = at(email.path, 'value');
  }

  const communications = objects<PatientCommunication>(
    resource.communication,
    at(path, 'communication'),
    issues,
  ).map(({ value, path }) => ({ communication: value, path }));
  const language = chosenLanguage(communications);
  if (language) {
    patient.language = language.language;
    sources.language = language.path;
  }

  const birthDate = readText(resource.birthDate, at(path, 'birthDate'), issues);
  if (birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    patient.birthDate = birthDate;
    sources.birthDate = at(path, 'birthDate');
  } else if (birthDate) {
    // FHIR allows a year or a month alone; our patient-age conditions need the day, so it is left out.
    issues.push(fhirWarning(at(path, 'birthDate'), 'is not a full date (yyyy-MM-dd): not used'));
  }
  return { patient, sources };
}
