import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { auditQuerySchema, type AuditQuery } from '@clinicflow/contract';
import type { Response } from 'express';
import { ZodQuery } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, ManagersOnly, type Principal } from '../../http/principal';
import { AuditService } from './audit.service';

const entryExample = {
  id: '6f1c2a9b-8d7e-4f50-9a11-2b3c4d5e6f70',
  at: '2026-03-20T10:00:00.000Z',
  action: 'export.deliveries',
  actor: { kind: 'user', id: '0b7c1e7e-4f0e-4b8e-9a55-1f0d8c2b3a41', label: 'manager@cabinet.fr' },
  target: null,
  details: { rows: 120, format: 'csv', filters: ['status=failed', 'q'] },
  address: '192.0.2.10',
  userAgent: 'Mozilla/5.0',
};

/**
 * The clinic's audit trail (managers only): read and exported, never changed. There is deliberately no route
 * that edits or deletes an entry.
 */
@ApiTags('audit')
@ApiBearerAuth()
@ManagersOnly()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary:
      'The audit trail, newest first: who did what, when and from where (ids and counts, never patient details). Filters: from, to, action, actorId.',
  })
  @ApiOkResponse({ schema: { example: { items: [entryExample], total: 1, page: 1, pageSize: 50 } } })
  list(@ClinicId() clinicId: string, @ZodQuery(auditQuerySchema) query: AuditQuery) {
    return this.audit.list(clinicId, query);
  }

  @Get('export')
  @ApiOperation({
    summary: 'The filtered audit trail as CSV (UTF-8 with BOM, RFC 4180); the export is recorded.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The file, as an attachment named activity-<day>.csv',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          example:
            '\uFEFF"at","action","actor","actor id","target","target id","details","address","user agent"\r\n' +
            '"2026-03-20T10:00:00.000Z","user.invited","manager@cabinet.fr","0b7c1e7e-…","user accueil@cabinet.fr","5d2e…","role=staff","192.0.2.10","Mozilla/5.0"\r\n',
        },
      },
    },
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(auditQuerySchema) query: AuditQuery,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.audit.exportCsv(principal, query);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.send(file.content);
  }
}
