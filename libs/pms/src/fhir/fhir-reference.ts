import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { fhirWarning } from './fhir-outcome';
import { at, isObject, item, readList, readObject, readText, type Issues } from './fhir-values';

/** A resource where it was found: the resource, its FHIRPath, and the Bundle entry's `fullUrl` and request URL. */
export interface LocatedResource {
  resource: Record<string, unknown> & { resourceType: string };
  path: string;
  fullUrl?: string;
  requestUrl?: string;
}

/** The resources of a Bundle by `fullUrl` and by `Type/id`, for the references between its entries. */
export interface FhirResourceIndex {
  byFullUrl: Map<string, LocatedResource>;
  byTypeAndId: Map<string, LocatedResource>;
}

/** An index of these resources (a Bundle's entries); an empty one for a resource posted alone. */
export function indexResources(located: readonly LocatedResource[] = []): FhirResourceIndex {
  const index: FhirResourceIndex = { byFullUrl: new Map(), byTypeAndId: new Map() };
  for (const entry of located) {
    if (entry.fullUrl) index.byFullUrl.set(entry.fullUrl, entry);
    const id = typeof entry.resource.id === 'string' ? entry.resource.id : restfulId(entry.fullUrl);
    if (id) index.byTypeAndId.set(`${entry.resource.resourceType}/${id}`, entry);
  }
  return index;
}

const RESTFUL = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** `Appointment/123`, `https://fhir.example/Patient/123/_history/2` read as a type and an id. */
export function parseRestfulUrl(url: string | undefined): { type: string; id: string } | undefined {
  const match = url ? RESTFUL.exec(url) : null;
  return match ? { type: match[1], id: match[2] } : undefined;
}

function restfulId(url: string | undefined) {
  return parseRestfulUrl(url)?.id;
}

/** What a reference names: a type and the PMS's id, and the resource when the Bundle or the resource holds it. */
export interface ReferenceTarget {
  type: string;
  id?: string;
  found?: LocatedResource;
}

/**
 * Resolves a reference as FHIR does: `#id` to a contained resource, a Bundle entry's `fullUrl` (`urn:uuid:…`)
 * to that entry, `Type/id` (relative or absolute) to the entry holding that resource if any. A logical
 * reference (`type` + `identifier`) names the PMS's id directly. Undefined when it names nothing usable.
 */
export function resolveReference(
  reference: Record<string, unknown>,
  path: string,
  index: FhirResourceIndex,
  contained: readonly LocatedResource[],
  issues: Issues,
): ReferenceTarget | undefined {
  const literal = readText(reference.reference, at(path, 'reference'), issues);
  if (literal?.startsWith('#')) {
    const found = contained.find((c) => c.resource.id === literal.slice(1));
    return found ? { type: found.resource.resourceType, found } : undefined;
  }
  if (literal) {
    const found = index.byFullUrl.get(literal);
    if (found) return { type: found.resource.resourceType, found };
    const named = parseRestfulUrl(literal);
    if (!named) return undefined;
    return { ...named, found: index.byTypeAndId.get(`${named.type}/${named.id}`) };
  }
  const type = readText(reference.type, at(path, 'type'), issues);
  const identifier = readObject(reference.identifier, at(path, 'identifier'), issues);
  const id = identifier && readText(identifier.value, at(path, 'identifier.value'), issues);
  // `type` may be a canonical URL (`http://hl7.org/fhir/StructureDefinition/Patient`): its last segment names it.
  const typeName = type?.split('/').pop();
  return typeName && /^[A-Z][A-Za-z]+$/.test(typeName) && id ? { type: typeName, id } : undefined;
}

/** The resources a resource contains, with their paths. */
export function containedResources(
  resource: Record<string, unknown>,
  path: string,
  issues: Issues,
): LocatedResource[] {
  return readList(resource.contained, at(path, 'contained'), issues).flatMap((contained, i) =>
    isObject(contained) && typeof contained.resourceType === 'string'
      ? [{ resource: contained as LocatedResource['resource'], path: item(at(path, 'contained'), i) }]
      : [],
  );
}

/**
 * The PMS's id of a resource: its `id`, else the id in its entry's RESTful `fullUrl` or `request.url`, else
 * its first identifier. A `urn:uuid:` fullUrl comes last, with a warning: FHIR makes it up for one Bundle, so
 * the next update of the same appointment would not find it.
 */
export function externalIdOf(
  located: LocatedResource,
  issues: OperationOutcomeIssue[],
  contained = false,
): string | undefined {
  const { resource, path, fullUrl, requestUrl } = located;
  const type = resource.resourceType;
  const id = readText(resource.id, at(path, 'id'), issues);
  if (id && !contained) return id;
  const fromUrl = [fullUrl, requestUrl]
    .map((url) => parseRestfulUrl(url))
    .find((named) => named?.type === type)?.id;
  if (fromUrl) return fromUrl;
  const [first] = readList(resource.identifier, at(path, 'identifier'), issues);
  const identifier = isObject(first)
    ? readText(first.value, at(path, 'identifier[0].value'), issues)
    : undefined;
  if (identifier) return identifier;
  if (fullUrl) {
    issues.push(
      fhirWarning(
        at(path, 'id'),
        `is missing: the entry's fullUrl is used as the ${type}'s id; give it an id or an identifier so that its updates find it`,
      ),
    );
    return fullUrl;
  }
  return undefined;
}
