import type { privacyMessages as english } from '../en/privacyMessages';

/** The strings of ../en/privacyMessages.ts in French (same keys). */
export const privacyMessages = {
  navPatients: 'Patients',
  settingsRetention: 'Conserver le texte des messages (mois)',
  settingsRetentionHint:
    'Chaque nuit, le texte et les adresses des messages et réponses plus anciens sont effacés ; leur nombre, leur statut et leurs dates restent dans le rapport. Au moins 1 mois.',
  settingsEmailOpenTracking: 'Enregistrer l’ouverture des e-mails',
  settingsEmailOpenTrackingHint:
    'Les e-mails portent une image minuscule ; quand la messagerie du patient la charge, le rapport montre le message comme ouvert. Certaines messageries chargent les images sans que le patient lise (signalé comme tel), d’autres jamais.',
  patientsTitle: 'Patients',
  patientsIntro:
    'Retrouvez un patient pour exporter tout ce que le cabinet détient sur lui (demande d’accès) ou pour l’effacer.',
  patientsFind: 'Patient',
  patientsExportJson: 'Tout exporter (JSON)',
  patientsExportHtml: 'Tout exporter (page lisible)',
  patientsExportFailed: 'L’export a échoué : {reason}',
  patientsErase: 'Effacer ce patient…',
  patientsEraseTitle: 'Effacer {name} ?',
  patientsEraseConsequences:
    'Les messages encore à envoyer à ce patient sont annulés. Le patient, ses rendez-vous, ses réponses et ses messages reçus sont supprimés, et le texte et les adresses des messages qui lui ont été envoyés sont effacés. Le rapport garde les nombres. C’est définitif. Si le logiciel du cabinet envoie de nouveau ce patient, il revient comme un nouveau patient.',
  patientsEraseConfirm: 'Effacer définitivement',
  patientsEraseCancel: 'Conserver',
  patientsErased:
    '{name} a été effacé : {appointments} rendez-vous, {deliveries} messages ({cancelled} annulés), {replies} réponses.',
  patientsEraseFailed: 'L’effacement a échoué : {reason}',
  auditPatientErased: 'Patient effacé',
  auditPatientExported: 'Données d’un patient exportées',
  auditRetentionApplied: 'Textes des anciens messages effacés',
} satisfies Record<keyof typeof english, string>;
