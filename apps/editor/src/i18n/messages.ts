/** Every string of the interface, per language; components read them through useMessages(). */
export const messages = {
  en: {
    appName: 'clinicflow',
    navFlows: 'Flows',
    navReport: 'Report',
    navSettings: 'Settings',
    databaseUp: 'database: up',
    databaseDown: 'database: down',
    databaseChecking: 'database: checking…',
    apiUnreachable: 'database: unknown (API unreachable)',
    flowsTitle: 'Flows',
    flowsIntro: 'Reminder, confirmation, recall and alert flows of your clinic.',
    reportTitle: 'Message summary',
    reportIntro: 'What was sent, delivered, answered and failed, and why.',
    settingsTitle: 'Clinic settings',
    settingsIntro: 'Channels, consent, quiet hours, senders and providers.',
    comingNext: 'This screen arrives with the next release.',
  },
  fr: {
    appName: 'clinicflow',
    navFlows: 'Scénarios',
    navReport: 'Rapport',
    navSettings: 'Paramètres',
    databaseUp: 'base de données : ok',
    databaseDown: 'base de données : indisponible',
    databaseChecking: 'base de données : vérification…',
    apiUnreachable: 'base de données : inconnue (API injoignable)',
    flowsTitle: 'Scénarios',
    flowsIntro: 'Les scénarios de rappel, de confirmation, de relance et d’alerte de votre établissement.',
    reportTitle: 'Synthèse des messages',
    reportIntro: 'Ce qui a été envoyé, délivré, répondu ou a échoué, et pourquoi.',
    settingsTitle: 'Paramètres de l’établissement',
    settingsIntro: 'Canaux, consentement, heures de fermeture, expéditeurs et prestataires.',
    comingNext: 'Cet écran arrive avec la prochaine version.',
  },
} as const;

export type Language = keyof typeof messages;
export type Messages = Record<keyof (typeof messages)['en'], string>;
