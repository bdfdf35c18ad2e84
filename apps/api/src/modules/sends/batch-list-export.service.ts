import { Injectable, Logger } from '@nestjs/common';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, AppErrorCode } from '../../common/app-error';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AuditService, describeFilters } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { BatchRecipientsService } from './batch-recipients.service';
import { batchListCsv } from './batch-list-file';
import type { BatchListExport } from './send.dto';
import { errorSummary } from '../../common/logged-error';

export const NO_RECIPIENT_TO_EXPORT = 'No recipient matches this query: there is nothing to export.';

/** The file of a batch's list, ready to be written. */
export interface BatchListFile {
  filename: string;
  contentType: string;
  writeTo(out: Writable): Promise<void>;
}

/**
 * F11: the list of a batch before it is sent, as a CSV file (the preview's rows, why a row cannot be sent,
 * which were taken out by hand), streamed as the report's export is. The file holds personal data: the request
 * must say `confirm: personal-data` (400 naming `body.confirm` otherwise).
 */
@Injectable()
export class BatchListExportService {
  private readonly logger = new Logger(BatchListExportService.name);

  constructor(
    private readonly recipients: BatchRecipientsService,
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
    private readonly audit: AuditService,
  ) {}

  /** Reads the rows first, so that zero rows answer 422 rather than an empty file. */
  async open(principal: Principal, request: BatchListExport): Promise<BatchListFile> {
    const clinicId = principal.clinicId;
    const settings = await this.settings.get(clinicId);
    const rows = await this.recipients.rows(clinicId, request.query);
    if (rows.length === 0) throw new AppError(AppErrorCode.Unprocessable, NO_RECIPIENT_TO_EXPORT);
    const context = { zone: settings.timeZone, language: request.lang, removed: new Set(request.removed) };
    // recorded before any row leaves: the count, what was taken out by hand, the query's filters
    await this.audit.record(principal, {
      action: 'export.batch-list',
      details: {
        rows: rows.length,
        removed: request.removed.length,
        filters: describeFilters(request.query as Record<string, unknown>),
      },
    });
    return {
      filename: `batch-list-${clinicDay(this.clock.now(), settings.timeZone)}.csv`,
      contentType: 'text/csv; charset=utf-8',
      writeTo: async (out) => {
        try {
          await pipeline(Readable.from(batchListCsv(rows, context)), out);
        } catch (error) {
          // The headers are gone: breaking the connection is the only way left to say the file is incomplete.
          this.logger.warn(`batch list export stopped: ${errorSummary(error)}`);
          out.destroy();
        }
      },
    };
  }
}
