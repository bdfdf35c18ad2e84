import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditActorKind, AuditDetailValue, AuditQuery } from '@clinicflow/contract';
import { ClockRepository } from '../../common/clock.repository';
import { CSV_BOM, csvLine, neutraliseFormula } from '../../common/csv';
import { newId } from '../../common/ids';
import type { Principal, RequestOrigin } from '../../http/principal';
import { AuditEntryDocument, AuditEntryRepository, AuditFilter } from './audit-entry.repository';

/** What happened: the act, what it was done to, and its details (ids, counts, names of filters; no patient data). */
export interface AuditFact {
  action: AuditAction;
  target?: { type: string; id: string; label?: string | null };
  details?: Record<string, AuditDetailValue>;
}

/** Who did it, when no principal is at hand (a login, the operator's command, a reset link). */
export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  label: string | null;
}

/** The most rows one CSV export of the trail carries. */
export const AUDIT_EXPORT_LIMIT = 50_000;

const NO_ORIGIN: RequestOrigin = { address: null, userAgent: null };

/** The actor a principal is in the trail: a user by id and e-mail, a key by id and label, the operator. */
export function actorOf(principal: Principal): AuditActor {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', id: principal.userId ?? null, label: principal.email ?? null };
    case 'api-key':
      return { kind: 'api-key', id: principal.apiKeyId ?? null, label: principal.apiKeyName ?? null };
    case 'operator':
      return { kind: 'operator', id: null, label: 'platform operator' };
  }
}

/**
 * The audit trail (docs/accounts.md): every security- or privacy-relevant act of a clinic, appended once with
 * who, when, from where and what. Callers give ids, counts and the names of filters, never a patient's name,
 * number or a message's text. Entries are only ever added: nothing updates or deletes them.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly entries: AuditEntryRepository,
    private readonly clock: ClockRepository,
  ) {}

  /** Records an act of the caller, in the caller's clinic. */
  record(principal: Principal, fact: AuditFact): Promise<void> {
    return this.recordAs(principal.clinicId, actorOf(principal), principal.origin ?? NO_ORIGIN, fact);
  }

  /** Records an act of someone without a principal (a login, a reset link, the operator's command). */
  async recordAs(clinicId: string, actor: AuditActor, origin: RequestOrigin, fact: AuditFact): Promise<void> {
    await this.entries.append(clinicId, {
      _id: newId(),
      at: this.clock.now(),
      action: fact.action,
      actor,
      target: fact.target ? { label: null, ...fact.target } : null,
      details: fact.details ?? {},
      address: origin.address,
      userAgent: origin.userAgent,
    });
  }

  /** The entries about one target, oldest first, as listed (a patient's subject access export). */
  async about(clinicId: string, target: { type: string; id: string }) {
    return (await this.entries.aboutTarget(clinicId, target.type, target.id)).map(toAuditView);
  }

  async list(clinicId: string, query: AuditQuery) {
    const page = await this.entries.page(clinicId, filterOf(query), query.page, query.pageSize);
    return { ...page, items: page.items.map(toAuditView) };
  }

  /** The trail as CSV (newest first); the export itself is recorded, with its row count and filters. */
  async exportCsv(principal: Principal, query: AuditQuery): Promise<{ fileName: string; content: string }> {
    const entries = await this.entries.all(principal.clinicId, filterOf(query), AUDIT_EXPORT_LIMIT);
    const header = [
      'at',
      'action',
      'actor',
      'actor id',
      'target',
      'target id',
      'details',
      'address',
      'user agent',
    ];
    const lines = entries.map((e) =>
      csvLine(
        [
          e.at.toISOString(),
          e.action,
          e.actor.label ?? e.actor.kind,
          e.actor.id ?? '',
          e.target ? `${e.target.type}${e.target.label ? ` ${e.target.label}` : ''}` : '',
          e.target?.id ?? '',
          detailsText(e.details),
          e.address ?? '',
          e.userAgent ?? '',
        ].map(neutraliseFormula),
      ),
    );
    await this.record(principal, {
      action: 'export.audit',
      details: { rows: entries.length, filters: filterNames(query) },
    });
    const day = this.clock.now().toISOString().slice(0, 10);
    return { fileName: `activity-${day}.csv`, content: CSV_BOM + csvLine(header) + lines.join('') };
  }
}

/**
 * The filters of an export as the trail records them: `name=value`, except those whose value may be a patient's
 * details (a search text), recorded by name only.
 */
export function describeFilters(
  query: Record<string, unknown>,
  byNameOnly: readonly string[] = ['q'],
): string[] {
  return Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => {
      if (byNameOnly.includes(key)) return key;
      const text = Array.isArray(value)
        ? value.join('|')
        : value instanceof Date
          ? value.toISOString()
          : String(value);
      return `${key}=${text}`;
    });
}

function filterOf(query: AuditQuery): AuditFilter {
  return {
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    action: query.action,
    actorId: query.actorId,
  };
}

/** The filters an export used, as `name=value` (the trail's own filters hold no patient data). */
function filterNames(query: AuditQuery): string[] {
  return (['from', 'to', 'action', 'actorId'] as const)
    .filter((key) => query[key] !== undefined)
    .map((key) => `${key}=${query[key]}`);
}

function detailsText(details: Record<string, AuditDetailValue>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : String(value)}`)
    .join('; ');
}

export function toAuditView(entry: AuditEntryDocument) {
  return {
    id: entry._id,
    at: entry.at,
    action: entry.action,
    actor: entry.actor,
    target: entry.target,
    details: entry.details,
    address: entry.address,
    userAgent: entry.userAgent,
  };
}
