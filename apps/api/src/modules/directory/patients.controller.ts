import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { pageQuerySchema, ZodBody, ZodQuery } from '../../http/zod-validation';
import { AllowApiKey, ClinicId, CurrentPrincipal, type Principal } from '../../http/principal';
import type { ListQuery } from './directory-entries';
import {
  ConsentChange,
  consentChangeSchema,
  PatientFields,
  patientFieldsSchema,
  patientViewExample,
} from './directory.dto';
import { PatientService } from './patient.service';

/**
 * The clinic's patients: read, changed, and their consent recorded, by users and by a PMS's key with the
 * `directory` scope. Creating one (`POST /api/patients`, `PUT /api/patients/by-external-id/:externalId`) is
 * the intake's (`PatientIntakeController`): a new patient starts the flows on "patient created".
 */
@ApiTags('directory')
@ApiBearerAuth()
@ApiSecurity('api-key')
@AllowApiKey('directory')
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientService) {}

  @Get()
  @ApiOperation({
    summary: 'List patients, with search (q: name, e-mail, mobile, external id) and pagination.',
  })
  @ApiOkResponse({ schema: { example: { items: [patientViewExample], total: 1, page: 1, pageSize: 20 } } })
  list(@ClinicId() clinicId: string, @ZodQuery(pageQuerySchema) query: ListQuery) {
    return this.patients.list(clinicId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One patient, with consent evidence and attendance.' })
  @ApiOkResponse({ schema: { example: patientViewExample } })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.patients.get(clinicId, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change fields of a patient; consent given per channel is recorded with its evidence (source `pms` for an API key, `staff` for a user, when not given); a decision made before the one in force stays in the history only.',
  })
  @ApiOkResponse({ schema: { example: patientViewExample } })
  update(
    @CurrentPrincipal() caller: Principal,
    @Param('id') id: string,
    @ZodBody(patientFieldsSchema.partial(), { email: 'lea.m@example.org' }) body: Partial<PatientFields>,
  ) {
    return this.patients.updateBy(caller, id, body);
  }

  @Post(':id/consent')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Record a patient's consent (or its withdrawal) on one channel, with its evidence: purposes (empty: every purpose), source (`pms` for an API key, `staff` for a user, when not given) and time; a decision made before the one in force stays in the history only.",
  })
  @ApiOkResponse({ schema: { example: patientViewExample } })
  changeConsent(
    @CurrentPrincipal() caller: Principal,
    @Param('id') id: string,
    @ZodBody(consentChangeSchema, { channel: 'sms', granted: false, source: 'patient' }) body: ConsentChange,
  ) {
    return this.patients.changeConsentBy(caller, id, body);
  }
}
