import { Injectable } from '@nestjs/common';
import { newId } from '../../common/ids';
import { SettingsService } from '../settings/settings.service';
import { UserService } from '../users/user.service';

export interface NewClinic {
  name: string;
  timeZone: string;
  country: string;
  defaultLanguage: string;
  manager: { email: string; name: string; password: string };
}

/** Creates tenants: the clinic's settings document and its first manager. */
@Injectable()
export class ClinicService {
  constructor(
    private readonly settings: SettingsService,
    private readonly users: UserService,
  ) {}

  async create(clinic: NewClinic) {
    const clinicId = newId();
    const { manager: _manager, ...base } = clinic;
    await this.settings.create(clinicId, base);
    const manager = await this.users.create(clinicId, { ...clinic.manager, role: 'manager' });
    return { clinicId, manager };
  }
}
