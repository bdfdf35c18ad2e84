import { z } from 'zod';
import { instantSchema } from '../dates/dates';
import { languageSchema, timeZoneSchema } from '../locale/locale';

/** The roles of a clinic's users: managers run the clinic's set-up, staff the front desk. */
export const USER_ROLES = ['manager', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const userRoleSchema = z.enum(USER_ROLES);

/** A user's state: invited (no password yet), active, or disabled by a manager. */
export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** The shortest password the API accepts; the API also refuses the 10 000 most common ones. */
export const PASSWORD_MIN_LENGTH = 12;

/**
 * A new password: its length only, never a composition rule (NIST SP 800-63B); the API checks it against the
 * most common passwords too, and answers 400 naming the field.
 */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, 'at most 200 characters');

const emailSchema = z.email().max(200);

/** `POST /api/auth/login`: the clinic is needed only when the e-mail has an account in several clinics. */
export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
  clinicId: z.string().min(1).max(100).optional(),
});
export type Login = z.infer<typeof loginSchema>;

/** One clinic an e-mail has an account in, offered when the login must say which (409 naming body.clinicId). */
export const clinicChoiceSchema = z.object({ id: z.string(), name: z.string() });
export type ClinicChoice = z.infer<typeof clinicChoiceSchema>;

/** `POST /api/setup`: the first clinic of an empty installation and its first manager. */
export const setupSchema = z.object({
  clinic: z.object({
    name: z.string().trim().min(1).max(200),
    timeZone: timeZoneSchema,
    defaultLanguage: languageSchema,
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as FR'),
  }),
  manager: z.object({
    name: z.string().trim().min(1).max(200),
    email: emailSchema,
    password: newPasswordSchema,
  }),
});
export type Setup = z.infer<typeof setupSchema>;

/** `GET /api/setup`: whether this installation still waits for its first clinic. */
export const setupStateSchema = z.object({ needed: z.boolean() });
export type SetupState = z.infer<typeof setupStateSchema>;

/** `POST /api/users/invitations`: who to invite, by e-mail. */
export const invitationSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: userRoleSchema,
});
export type Invitation = z.infer<typeof invitationSchema>;

/** A link's token as the set-password page reads it from its address. */
const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a link of this application');

/** `POST /api/auth/links/check`: what a set-password link is for, before the user types a password. */
export const linkCheckSchema = z.object({ token: linkTokenSchema });
export type LinkCheck = z.infer<typeof linkCheckSchema>;

/** What a valid link is for. */
export const linkViewSchema = z.object({
  purpose: z.enum(['invitation', 'reset']),
  email: z.string(),
  name: z.string(),
  clinicName: z.string(),
  expiresAt: instantSchema,
});
export type LinkView = z.infer<typeof linkViewSchema>;

/** `POST /api/auth/set-password`: the link's token and the new password (once). */
export const setPasswordSchema = z.object({ token: linkTokenSchema, password: newPasswordSchema });
export type SetPassword = z.infer<typeof setPasswordSchema>;

/** `POST /api/auth/forgot-password`: always 202, whether the address has an account or not. */
export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPassword = z.infer<typeof forgotPasswordSchema>;

/** `POST /api/account/password`: the current password is required. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** A user as the team page lists it (never a password hash). */
export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  status: z.enum(USER_STATUSES),
  createdAt: instantSchema,
  lastLoginAt: instantSchema.nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

/**
 * What an invitation or a manager's reset answers: the user, and, only while the clinic is in test mode (its
 * e-mails go to the sandbox, nobody receives them), the link for the manager to hand over.
 */
export const accountLinkAnswerSchema = z.object({
  user: userViewSchema,
  testModeLink: z.string().nullable(),
});
export type AccountLinkAnswer = z.infer<typeof accountLinkAnswerSchema>;
