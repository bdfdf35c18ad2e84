import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { newId } from '../../common/ids';
import { SettingsRepository } from '../settings/settings.repository';
import { defaultSettings } from '../settings/settings.service';
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
    private readonly settings: SettingsRepository,
    private readonly users: UserService,
    private readonly clock: ClockRepository,
  ) {}

  async create(clinic: NewClinic) {
    const clinicId = newId();
    const now = this.clock.now();
    await this.settings.insert(clinicId, {
      _id: clinicId,
      ...defaultSettings(clinic),
      createdAt: now,
      updatedAt: now,
      updatedBy: 'system',
    });
    const manager = await this.users.create(clinicId, { ...clinic.manager, role: 'manager' });
    return { clinicId, manager };
  }
}
