import { Controller, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../../http/principal';
import { ZodBody } from '../../http/zod-validation';
import {
  defaultConsentSource,
  patientExample,
  PatientFields,
  patientFieldsSchema,
  patientViewExample,
} from '../directory/directory.dto';
import { PatientIntakeService } from './patient-intake.service';

/**
 * Creating patients (`/api/patients`), by staff or by a PMS's key with the `directory` scope: here rather
 * than in the directory, because a new patient starts the flows on "patient created" (the directory, below
 * the runs, cannot hand it to the engine). Reading and changing patients is the directory's.
 */
@ApiTags('directory')
@ApiBearerAuth()
@ApiSecurity('api-key')
@AllowApiKey('directory')
@Controller('patients')
export class PatientIntakeController {
  constructor(private readonly patients: PatientIntakeService) {}

  @Post()
  @ApiOperation({
    summary:
      'Create a patient; the mobile is normalised to E.164 with the clinic country; consent is recorded with its evidence (source `pms` for an API key, `staff` for a user, when not given). Starts the flows on "patient created".',
  })
  @ApiCreatedResponse({ schema: { example: patientViewExample } })
  create(
    @CurrentPrincipal() caller: Principal,
    @ZodBody(patientFieldsSchema, patientExample) body: PatientFields,
  ) {
    return this.patients.create(caller.clinicId, body, defaultConsentSource(caller));
  }

  @Put('by-external-id/:externalId')
  @ApiOperation({
    summary:
      'Create or update the patient the PMS calls externalId (`created` says which); a new one starts the flows on "patient created". Consent is recorded as for POST; a decision made before the one in force stays in the history only.',
  })
  @ApiOkResponse({ schema: { example: { ...patientViewExample, created: true } } })
  upsert(
    @CurrentPrincipal() caller: Principal,
    @Param('externalId') externalId: string,
    @ZodBody(patientFieldsSchema.omit({ externalId: true }), patientExample) body: PatientFields,
  ) {
    return this.patients.upsert(caller.clinicId, externalId, body, defaultConsentSource(caller));
  }
}
