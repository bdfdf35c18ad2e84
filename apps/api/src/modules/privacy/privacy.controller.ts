import { Controller, Delete, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodQuery } from '../../http/zod-validation';
import { CurrentPrincipal, ManagersOnly, type Principal } from '../../http/principal';
import { PatientErasureService } from './patient-erasure.service';
import { PatientExportService } from './patient-export.service';
import {
  erasureReportExample,
  patientExportExample,
  patientExportQuerySchema,
  type PatientExportQuery,
} from './privacy.dto';

/** A patient's rights (docs/privacy.md): erasure and the subject access export, for managers only. */
@ApiTags('privacy')
@ApiBearerAuth()
@ManagersOnly()
@Controller('patients')
export class PrivacyController {
  constructor(
    private readonly erasure: PatientErasureService,
    private readonly exports: PatientExportService,
  ) {}

  @Delete(':id')
  @ApiOperation({
    summary:
      "Erase a patient (GDPR art. 17): their waiting messages are cancelled, then the patient, their appointments, events, runs, replies and inbox entries are removed and their messages' texts and addresses emptied (counts, statuses and dates stay for the report). A later PMS event for the same external id creates a new patient. Recorded as `patient.erased` with counts only.",
  })
  @ApiOkResponse({ schema: { example: erasureReportExample } })
  erase(@CurrentPrincipal() caller: Principal, @Param('id') id: string) {
    return this.erasure.erase(caller, id);
  }

  @Get(':id/export')
  @ApiOperation({
    summary:
      'Everything held about a patient (GDPR art. 15): the patient with consent history, appointments, messages with their texts, replies, audit entries about them; `format=html` answers a readable page. Recorded as `patient.exported`.',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { type: 'object', example: patientExportExample } },
      'text/html': { schema: { type: 'string', example: '<!doctype html><html>…</html>' } },
    },
  })
  async export(
    @CurrentPrincipal() caller: Principal,
    @Param('id') id: string,
    @ZodQuery(patientExportQuerySchema) query: PatientExportQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.exports.export(caller, id, query.format);
    if (typeof answer === 'string') res.type('html');
    return answer;
  }
}
