/**
 * The strings of the API keys' tab of the settings, in English (the French ones are in ../fr/apiKeyMessages.ts;
 * both have the same keys). Read them through useMessages().
 */
export const apiKeyMessages = {
  settingsTabApiKeys: 'Practice software',
  apiKeysIntro:
    'Your practice software connects to clinicflow with an API key. Give each key only what that software needs: a key is shown once, when it is created, and stops working as soon as it is revoked.',
  apiKeysName: 'Name',
  apiKeysNamePlaceholder: 'Practice software',
  apiKeysScopes: 'What the key may do',
  apiKeyScopeEvents: 'Send appointment events',
  apiKeyScopeEventsHint: 'Bookings, moves, cancellations, visits and delays, as they happen.',
  apiKeyScopeDirectory: 'Keep patients and the directory up to date',
  apiKeyScopeDirectoryHint:
    'Patients with their consent, birth date and referring doctor; services, practitioners and sites.',
  apiKeyScopeReports: 'Read the reports',
  apiKeyScopeReportsHint: 'Messages and what became of them, appointments and events. It changes nothing.',
  apiKeysNoScope: 'Choose at least one thing the key may do.',
  apiKeysCreate: 'Create the key',
  apiKeysCreated: 'Copy this key now and paste it into your practice software: it is shown only once.',
  apiKeysNone: 'No key yet.',
  apiKeysListCaption: 'The clinic’s keys',
  apiKeysPrefix: 'Key',
  apiKeysCreatedAt: 'Created',
  apiKeysRevoke: 'Revoke',
  apiKeysRevokeName: 'Revoke the key {name}',
  apiKeysRevoked: 'revoked',
};
