import { Injectable, Logger } from '@nestjs/common';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FindCursor } from 'mongodb';
import { AppError, AppErrorCode } from '../../common/app-error';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AuditService, describeFilters } from '../audit/audit.service';
import { DeliveryReportRepository } from '../deliveries/delivery-report.repository';
import { FlowService } from '../flows/flow.service';
import { SettingsService } from '../settings/settings.service';
import { UserService } from '../users/user.service';
import { EXPORT_PROJECTION, type ExportContext, type ExportedDelivery } from './delivery-export.columns';
import { csvChunks, writeXlsx } from './delivery-export.files';
import type { DeliveryExportQuery } from './delivery-report.dto';
import { DeliveryReportService } from './delivery-report.service';
import { errorSummary } from '../../common/logged-error';

export const NOTHING_TO_EXPORT = 'No deliveries match these filters: there is nothing to export.';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A file ready to be written: its name and type are known once its first row has been read. */
export interface DeliveryExportFile {
  filename: string;
  contentType: string;
  writeTo(out: Writable): Promise<void>;
}

/** The report's filtered rows as a CSV or XLSX file, streamed from a database cursor (issue 8, Orthos). */
@Injectable()
export class DeliveryExportService {
  private readonly logger = new Logger(DeliveryExportService.name);

  constructor(
    private readonly report: DeliveryReportService,
    private readonly deliveries: DeliveryReportRepository,
    private readonly flows: FlowService,
    private readonly settings: SettingsService,
    private readonly users: UserService,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Opens the export: reads the first row before anything is sent, so that zero rows answer 422 instead of
   * an empty file (and a database error a plain 500); then records it in the audit trail with its row count.
   */
  async open(principal: Principal, query: DeliveryExportQuery): Promise<DeliveryExportFile> {
    const clinicId = principal.clinicId;
    const { format, lang, sort, confirm: _confirm, ...filters } = query;
    const criteria = await this.report.criteriaOf(clinicId, filters);
    const [settings, flowNames, users, stepNames] = await Promise.all([
      this.settings.find(clinicId),
      this.flows.names(clinicId),
      this.users.list(clinicId),
      this.flows.stepNames(clinicId),
    ]);
    const zone = settings?.timeZone ?? 'UTC';
    const cursor = this.deliveries.exportCursor(clinicId, criteria, sort, EXPORT_PROJECTION);
    if (!(await cursor.hasNext())) {
      await cursor.close();
      throw new AppError(AppErrorCode.Unprocessable, NOTHING_TO_EXPORT);
    }
    // recorded before any row leaves, with the row count and the filters (a search by name only)
    try {
      const counts = await this.deliveries.countByStatusAndChannel(clinicId, criteria);
      await this.audit.record(principal, {
        action: 'export.deliveries',
        details: {
          rows: counts.reduce((sum, c) => sum + c.count, 0),
          format,
          filters: describeFilters(filters),
        },
      });
    } catch (error) {
      await cursor.close();
      throw error;
    }
    const userNames = new Map(users.map((user) => [user.email, user.name]));
    const context: ExportContext = { zone, language: lang, flowNames, userNames, stepNames };
    return {
      filename: `deliveries-${clinicDay(this.clock.now(), zone)}.${format}`,
      contentType: CONTENT_TYPES[format],
      writeTo: (out) => this.write(cursor, context, format, out),
    };
  }

  private async write(
    cursor: FindCursor<ExportedDelivery>,
    context: ExportContext,
    format: 'csv' | 'xlsx',
    out: Writable,
  ): Promise<void> {
    try {
      if (format === 'csv') await pipeline(Readable.from(csvChunks(cursor, context)), out);
      else await writeXlsx(cursor, context, out);
    } catch (error) {
      // The headers are gone: breaking the connection is the only way left to say the file is incomplete.
      // Only the error's kind is logged: its message may quote the filter (a patient's name).
      this.logger.warn(`delivery export stopped: ${errorSummary(error)}`);
      out.destroy();
    } finally {
      await cursor.close();
    }
  }
}
