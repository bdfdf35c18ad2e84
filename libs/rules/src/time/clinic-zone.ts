import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

const hourBucket = 3_600_000;
const bucket = 24 * hourBucket;
const maxCached = 200_000;

/**
 * An IANA zone whose UTC offsets are remembered per UTC day (luxon asks Intl for every offset, which was most of
 * the evaluator's time). A day is cached only when its offset is the same at both ends; a day with a change is
 * always asked exactly (no zone changes its offset twice within one day).
 */
export class ClinicZone extends Zone {
  private readonly iana: IANAZone;
  private readonly offsets = new Map<number, number>();
  private readonly hourOffsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.iana = IANAZone.create(name);
  }

  override get type(): string {
    return 'iana';
  }

  override get name(): string {
    return this.iana.name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return this.iana.isValid;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.iana.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.iana.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    const key = Math.floor(ts / bucket);
    const known = this.offsets.get(key);
    if (known !== undefined) return known;
    const first = this.iana.offset(key * bucket);
    if (first !== this.iana.offset(key * bucket + bucket - 1)) return this.changeDayOffset(ts);
    if (this.offsets.size >= maxCached) this.offsets.clear();
    this.offsets.set(key, first);
    return first;
  }

  /** On a day with a change, offsets are remembered per UTC hour the same way (an hour with the change is asked). */
  private changeDayOffset(ts: number): number {
    const key = Math.floor(ts / hourBucket);
    const known = this.hourOffsets.get(key);
    if (known !== undefined) return known;
    const first = this.iana.offset(key * hourBucket);
    if (first !== this.iana.offset(key * hourBucket + hourBucket - 1)) return this.iana.offset(ts);
    if (this.hourOffsets.size >= maxCached) this.hourOffsets.clear();
    this.hourOffsets.set(key, first);
    return first;
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

const zones = new Map<string, ClinicZone>();

/** The clinic's zone as a luxon Zone, one shared instance per name. */
export function clinicZone(name: string): ClinicZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new ClinicZone(name);
    zones.set(name, zone);
  }
  return zone;
}
