import { Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pageQuerySchema, ZodBody, ZodQuery } from '../../http/zod-validation';
import { ClinicId } from '../../http/principal';
import type { ListQuery } from './directory-entries';
import {
  ConsentChange,
  consentChangeSchema,
  patientExample,
  PatientFields,
  patientFieldsSchema,
} from './directory.dto';
import { PatientService } from './patient.service';

const patientView = {
  id: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b',
  ...patientExample,
  mobile: '+33612345678',
  mobileProblem: null,
  placeholder: false,
  consent: {
    sms: { granted: true, purposes: ['reminders', 'recall'], source: 'pms', at: '2026-03-20T10:00:00.000Z' },
  },
  attendance: { attended: 5, noShows: 3, lastVisitAt: '2026-02-11T09:00:00.000Z' },
};

@ApiTags('directory')
@ApiBearerAuth()
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientService) {}

  @Get()
  @ApiOperation({
    summary: 'List patients, with search (q: name, e-mail, mobile, external id) and pagination.',
  })
  @ApiOkResponse({ schema: { example: { items: [patientView], total: 1, page: 1, pageSize: 20 } } })
  list(@ClinicId() clinicId: string, @ZodQuery(pageQuerySchema) query: ListQuery) {
    return this.patients.list(clinicId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One patient, with consent evidence and attendance.' })
  @ApiOkResponse({ schema: { example: patientView } })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.patients.get(clinicId, id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a patient; the mobile is normalised to E.164 with the clinic country.' })
  @ApiCreatedResponse({ schema: { example: patientView } })
  create(@ClinicId() clinicId: string, @ZodBody(patientFieldsSchema, patientExample) body: PatientFields) {
    return this.patients.create(clinicId, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change fields of a patient; consent given per channel replaces that channel.' })
  @ApiOkResponse({ schema: { example: patientView } })
  update(
    @ClinicId() clinicId: string,
    @Param('id') id: string,
    @ZodBody(patientFieldsSchema.partial(), { email: 'lea.m@example.org' }) body: Partial<PatientFields>,
  ) {
    return this.patients.update(clinicId, id, body);
  }

  @Put('by-external-id/:externalId')
  @ApiOperation({ summary: 'Create or update the patient the PMS calls externalId.' })
  @ApiOkResponse({ schema: { example: { ...patientView, created: true } } })
  upsert(
    @ClinicId() clinicId: string,
    @Param('externalId') externalId: string,
    @ZodBody(patientFieldsSchema.omit({ externalId: true }), patientExample) body: PatientFields,
  ) {
    return this.patients.upsert(clinicId, externalId, body);
  }

  @Post(':id/consent')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record a patient's consent (or its withdrawal) on one channel, with its evidence.",
  })
  @ApiOkResponse({ schema: { example: patientView } })
  changeConsent(
    @ClinicId() clinicId: string,
    @Param('id') id: string,
    @ZodBody(consentChangeSchema, { channel: 'sms', granted: false, source: 'patient' }) body: ConsentChange,
  ) {
    return this.patients.changeConsent(clinicId, id, body);
  }
}
