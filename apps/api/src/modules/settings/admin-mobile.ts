import { normaliseMobileNumber } from '@clinicflow/channels';
import { AppError } from '../../common/app-error';
import type { SettingsUpdate } from './settings.dto';

/**
 * The sections of a PUT with the clinic admin's mobile in E.164 (T4), read with the clinic's country (the one
 * the same PUT sets, or the stored one); 400 naming `body.adminMobile`, with the reason, when it is not a mobile.
 */
export function withAdminMobile<T extends Pick<SettingsUpdate, 'adminMobile'>>(
  sections: T,
  country: string,
): T {
  if (!sections.adminMobile) return sections;
  const number = normaliseMobileNumber(sections.adminMobile, country);
  if (!number.valid) throw AppError.invalid([{ path: 'body.adminMobile', message: number.reason }]);
  return { ...sections, adminMobile: number.e164 };
}
