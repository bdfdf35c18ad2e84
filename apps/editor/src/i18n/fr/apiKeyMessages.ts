import type { apiKeyMessages as en } from '../en/apiKeyMessages';

/** Les textes de l’onglet des clés d’API des réglages, en français (mêmes clés que ../en/apiKeyMessages.ts). */
export const apiKeyMessages: Record<keyof typeof en, string> = {
  settingsTabApiKeys: 'Logiciel du cabinet',
  apiKeysIntro:
    'Votre logiciel de gestion du cabinet se connecte à clinicflow avec une clé d’API. Ne donnez à chaque clé que ce dont ce logiciel a besoin : une clé n’est montrée qu’une fois, à sa création, et cesse de fonctionner dès qu’elle est révoquée.',
  apiKeysName: 'Nom',
  apiKeysNamePlaceholder: 'Logiciel du cabinet',
  apiKeysScopes: 'Ce que la clé peut faire',
  apiKeyScopeEvents: 'Envoyer les événements des rendez-vous',
  apiKeyScopeEventsHint:
    'Prises de rendez-vous, déplacements, annulations, venues et retards, au fil de l’eau.',
  apiKeyScopeDirectory: 'Tenir à jour les patients et l’annuaire',
  apiKeyScopeDirectoryHint:
    'Les patients avec leur consentement, leur date de naissance et leur médecin adresseur ; les prestations, praticiens et lieux.',
  apiKeyScopeReports: 'Lire les rapports',
  apiKeyScopeReportsHint:
    'Les messages et ce qu’ils sont devenus, les rendez-vous et les événements. Elle ne change rien.',
  apiKeysNoScope: 'Choisissez au moins une chose que la clé peut faire.',
  apiKeysCreate: 'Créer la clé',
  apiKeysCreated:
    'Copiez cette clé maintenant et collez-la dans votre logiciel : elle n’est montrée qu’une seule fois.',
  apiKeysNone: 'Aucune clé pour l’instant.',
  apiKeysListCaption: 'Les clés de l’établissement',
  apiKeysPrefix: 'Clé',
  apiKeysCreatedAt: 'Créée le',
  apiKeysRevoke: 'Révoquer',
  apiKeysRevokeName: 'Révoquer la clé {name}',
  apiKeysRevoked: 'révoquée',
};
