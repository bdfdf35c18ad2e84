import type { templateMessages as english } from '../en/templateMessages';

/**
 * The strings of the templates screen, in French (the English ones are in ../en/templateMessages.ts; both have the
 * same keys). Read them through useMessages().
 */
export const templateMessages = {
  templateNew: 'Nouveau modèle',
  templatePick: 'Choisissez un modèle à gauche, ou créez-en un.',
  templateUntitled: 'Nouveau modèle',
  templateName: 'Nom du modèle',
  templateChannel: 'Canal',
  templateLanguages: 'Langues',
  templateSubject: 'Objet',
  templateBody: 'Texte',
  templateScript: 'Texte parlé',
  templatePlainHint: 'Version texte de l’e-mail',
  templateHtml: 'Version HTML (facultative)',
  templateInsertVariable: 'Insérer une variable',
  templateSearchVariable: 'Rechercher : prénom, date du rendez-vous, téléphone du cabinet…',
  templateNoVariable: 'Aucune variable ne correspond',
  templatePreview: 'Aperçu pour le patient d’exemple',
  templateSpokenPreview: 'Ce que l’appel dira au patient d’exemple',
  templateListen: 'Écouter',
  templateListenStop: 'Arrêter',
  templateListenNoVoice:
    'Cet ordinateur n’a pas de voix dans cette langue : la lecture en utilise une autre (l’appel utilise celle du prestataire).',
  templateListenUnavailable:
    'Ce navigateur ne sait pas lire à voix haute ; le texte ci-dessus est ce que dira l’appel.',
  templateSender: 'Expéditeur SMS de ce modèle',
  templateSenderRule:
    'Laissez vide pour l’expéditeur de l’établissement. 11 lettres, chiffres ou espaces au plus, ou un numéro ; le patient ne peut répondre qu’à un numéro.',
  templateSenderInvalid: '11 lettres, chiffres ou espaces au plus, ou un numéro de téléphone',
  templateWhatsapp: 'Modèle WhatsApp approuvé',
  templateWhatsappHint:
    'Envoyé à la place du texte quand le patient ne vous a pas écrit sur WhatsApp depuis 24 heures.',
  templateContentSid: 'Content SID',
  templateContentSidHint:
    'Tel que Twilio l’affiche : HX suivi de 32 lettres et chiffres. Laissez vide s’il n’y en a pas.',
  templateWhatsappVariable: 'Valeur de {{{number}}}',
  templateWhatsappVariablesHint:
    'Dans l’ordre ; chacune peut contenir des variables comme {{patient.firstName}}.',
  templateWhatsappAddVariable: 'Ajouter une valeur',
  templateWhatsappRemoveVariable: 'Retirer la valeur de {{{number}}}',
  templateSave: 'Enregistrer le modèle',
  templateSaved: 'Enregistré',
  smsCharacters: '{count} caractères',
  smsSegments: '{count} SMS ({limit} caractères chacun)',
  smsCredits: '{count} crédit(s) par patient',
  smsGsm: 'alphabet standard',
  smsUnicode: 'caractères spéciaux : moins de caractères par SMS',
} satisfies Record<keyof typeof english, string>;
