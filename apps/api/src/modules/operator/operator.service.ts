import { Injectable } from '@nestjs/common';
import type { RequestOrigin } from '../../http/principal';
import { ClinicService } from '../clinics/clinic.service';
import { managerName, type OperatorClinicInput } from './operator.dto';

/** The platform operator's acts on clinics (its HTTP routes and `npm run clinic`). */
@Injectable()
export class OperatorService {
  constructor(private readonly clinics: ClinicService) {}

  create(input: OperatorClinicInput, origin?: RequestOrigin) {
    return this.clinics.createForOperator(
      { ...input, manager: { email: input.manager.email, name: managerName(input) } },
      origin,
    );
  }

  list() {
    return this.clinics.list();
  }

  disable(clinicId: string, origin?: RequestOrigin) {
    return this.clinics.disable(clinicId, origin);
  }
}
