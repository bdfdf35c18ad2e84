import type { integrationMessages as en } from '../en/integrationMessages';

/** Les textes de l’onglet des intégrations des réglages, en français (mêmes clés que ../en/integrationMessages.ts). */
export const integrationMessages: Record<keyof typeof en, string> = {
  settingsTabIntegrations: 'Intégrations',
  integrationsIntro:
    'Connectez les logiciels de gestion et de dossier patient qui parlent un standard de santé, HL7 v2 ou FHIR R4 : leurs rendez-vous deviennent les événements du cabinet, comme s’ils arrivaient par l’API.',

  hl7Title: 'HL7 v2 (MLLP)',
  hl7Intro:
    'Un logiciel du cabinet qui parle HL7 v2 envoie ici ses messages d’agenda (SIU) : prises de rendez-vous, déplacements, annulations et rendez-vous manqués deviennent les événements du cabinet, et chaque message reçoit un accusé de réception.',
  hl7Connected: 'Connecté',
  hl7NotConnected: 'Non connecté',
  hl7ListenerOff:
    'La réception HL7 est désactivée sur cette installation : demandez à votre administrateur de définir HL7_MLLP_PORT.',
  hl7ListenerOn: 'Envoyez les messages au port {port} de ce serveur ({host}), en MLLP.',
  hl7ListenerOnTls: 'Envoyez les messages au port {port} de ce serveur ({host}), en MLLP sur TLS.',
  hl7ClosedTitle: 'Rien ne passe pour l’instant',
  hl7Closed:
    'Tous les messages seront refusés tant que vous n’aurez pas défini un secret ou une adresse autorisée : sans l’un ni l’autre, n’importe qui pourrait écrire dans l’agenda du cabinet.',
  hl7Facility: 'Établissement émetteur (MSH-4)',
  hl7FacilityHint: 'Ce que votre logiciel écrit dans MSH-4 : ses messages n’arrivent qu’à ce cabinet.',
  hl7Peers: 'Adresses autorisées',
  hl7PeersHint:
    'Une adresse IP ou un réseau par ligne, par exemple 192.0.2.10 ou 10.0.0.0/24 : les messages venus d’ailleurs sont refusés.',
  hl7OnlineApplications: 'Applications de prise de rendez-vous en ligne (MSH-3)',
  hl7OnlineApplicationsHint:
    'Une par ligne : les rendez-vous envoyés par ces applications comptent comme pris en ligne, les autres comme pris au cabinet.',
  hl7EntryProblem: '{entry} : {message}',
  hl7Save: 'Enregistrer la connexion',
  hl7Disconnect: 'Déconnecter',
  hl7DisconnectConfirm:
    'Déconnecter le logiciel du cabinet ? Ses messages HL7 seront refusés dès maintenant ; le journal ci-dessous est conservé.',
  hl7Secret: 'Secret (MSH-8)',
  hl7SecretOn: 'Un secret est demandé dans MSH-8 : un message qui ne le porte pas est refusé.',
  hl7SecretOff: 'Pas de secret : seules les adresses autorisées décident.',
  hl7NewSecret: 'Nouveau secret',
  hl7NewSecretConfirm:
    'Le secret actuel cesse de fonctionner aussitôt : les messages qui le portent sont refusés tant que le logiciel n’a pas le nouveau.',
  hl7RemoveSecret: 'Ne plus demander de secret',
  hl7SecretCreated:
    'Copiez ce secret maintenant et collez-le dans le champ MSH-8 (Security) de votre logiciel : il n’est montré qu’une seule fois.',
  hl7Log: 'Messages reçus',
  hl7LogCaption: 'Les 50 derniers messages, du plus récent au plus ancien',
  hl7LogNone: 'Aucun message reçu pour l’instant.',
  hl7Refresh: 'Actualiser',
  hl7RefreshLog: 'Actualiser les messages reçus',
  hl7ReceivedAt: 'Reçu le',
  hl7ControlId: 'Identifiant (MSH-10)',
  hl7Type: 'Type',
  hl7Outcome: 'Résultat',
  hl7Event: 'Devenu',
  hl7Reason: 'Motif',
  hl7OutcomeAccepted: 'accepté',
  hl7OutcomeDuplicate: 'déjà reçu',
  hl7OutcomeError: 'refusé',
  hl7NoEvent: 'rien à faire',
  hl7ShowMessage: 'Voir le message',
  hl7ShowMessageOf: 'Voir le message {controlId}',
  hl7HideMessage: 'Masquer le message',
  hl7HideMessageOf: 'Masquer le message {controlId}',
  hl7MessageText: 'Texte du message {controlId}',

  fhirTitle: 'FHIR R4',
  fhirIntro:
    'Un serveur ou une application FHIR envoie les rendez-vous du cabinet, et leurs patients, sous forme de ressources FHIR. Il lui faut une clé d’API autorisée à « Envoyer les événements des rendez-vous » : créez-la dans l’onglet Logiciel du cabinet, et mettez-la dans l’en-tête X-Api-Key de chaque appel.',
  fhirBaseUrl: 'URL de base',
  fhirCopy: 'Copier',
  fhirCopied: 'Copiée',
  fhirCopyBaseUrl: 'Copier l’URL de base',
  fhirEndpoints: 'Quoi envoyer, et où',
  fhirRequest: 'Requête',
  fhirBody: 'Ce qu’elle reçoit',
  fhirAppointment: 'Un rendez-vous (Appointment)',
  fhirTransaction: 'Un Bundle de type transaction ou batch : des rendez-vous avec leurs patients',
  fhirSubscription:
    'Les notifications d’une Subscription FHIR : faites pointer son rest-hook ici, avec la ressource complète dans le contenu',
};
