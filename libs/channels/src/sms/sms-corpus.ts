/**
 * A corpus of real-looking clinic messages in six languages, with and without GSM-7 extension characters
 * and emoji, used to check segment counts against the GSM 03.38 tables.
 */
export interface CorpusMessage {
  language: 'fr' | 'es' | 'nb' | 'it' | 'de' | 'en';
  text: string;
  /** The encoding the standard requires for this text. */
  encoding: 'GSM-7' | 'UCS-2';
}

const long = (text: string, times: number): string => Array.from({ length: times }, () => text).join(' ');

/** The segment corpus: at least 50 messages in fr, es, nb, it, de and en. */
export const SMS_CORPUS: readonly CorpusMessage[] = [
  // French: é è à ù Ç are GSM-7, ç ê â î ô û ë ï are not.
  { language: 'fr', text: 'Bonjour Léa, RDV le jeudi 3 décembre à 09:30.', encoding: 'GSM-7' },
  { language: 'fr', text: 'Rappel : votre rendez-vous est demain à 14:15 avec le Dr Martin.', encoding: 'GSM-7' },
  { language: 'fr', text: 'Répondez C pour confirmer ou N pour annuler. STOP au 36111', encoding: 'GSM-7' },
  { language: 'fr', text: 'Le tarif de la prestation est de 45 € (remboursé à 70 %).', encoding: 'GSM-7' },
  { language: 'fr', text: 'Merci de votre visite. Donnez-nous votre avis : https://ex.fr/a?x=1', encoding: 'GSM-7' },
  { language: 'fr', text: 'Ça y est : votre rendez-vous est confirmé. À bientôt !', encoding: 'UCS-2' },
  { language: 'fr', text: 'ÇA Y EST : RDV CONFIRMÉ LE 3/12 A 10:00.', encoding: 'GSM-7' },
  { language: 'fr', text: 'Le Dr Martin a un léger retard, il reçoit à 10:40 au lieu de 10:00.', encoding: 'UCS-2' },
  { language: 'fr', text: 'Pensez à venir à jeun (12 h) pour votre prise de sang.', encoding: 'GSM-7' },
  { language: 'fr', text: 'Votre rendez-vous est confirmé 👍 À jeudi !', encoding: 'UCS-2' },
  { language: 'fr', text: long('Votre rendez-vous au cabinet dentaire est prévu le jeudi 3 décembre à 09:30.', 3), encoding: 'GSM-7' },
  { language: 'fr', text: long('Rappel [cabinet] : RDV {jeudi} à 09:30 ~ merci | 45 €', 4), encoding: 'GSM-7' },
  { language: 'fr', text: long('Le praticien reçoit à l’heure prévue, merci de votre ponctualité.', 2), encoding: 'UCS-2' },
  // Spanish: ñ Ñ ¿ ¡ é ü are GSM-7; á í ó ú are not.
  { language: 'es', text: '¡Hola Iñaki! ¿Confirma su turno del lunes a las 10:00? Responda C o N.', encoding: 'GSM-7' },
  { language: 'es', text: 'Recordatorio: mañana tiene cita con la Dra. Núñez.', encoding: 'UCS-2' },
  { language: 'es', text: 'Su cita es mañana a las 09:30 en el centro médico.', encoding: 'GSM-7' },
  { language: 'es', text: 'Su turno es manana a las 09:30 en el centro. ¡Gracias!', encoding: 'GSM-7' },
  { language: 'es', text: 'El estudio cuesta 30 € y dura 20 minutos.', encoding: 'GSM-7' },
  { language: 'es', text: 'Gracias por su visita 😊', encoding: 'UCS-2' },
  { language: 'es', text: 'Señor Peña, su turno fue cancelado. Llame al 011 4555-1234.', encoding: 'GSM-7' },
  { language: 'es', text: long('Le recordamos que debe venir en ayunas de 12 horas. ¿Dudas? Llame al centro.', 3), encoding: 'GSM-7' },
  { language: 'es', text: long('Su cita de odontología está confirmada para el jueves.', 2), encoding: 'UCS-2' },
  { language: 'es', text: long('Precio: 50 € [IVA incl.] {seguro} ~ ¡gracias!', 5), encoding: 'GSM-7' },
  // Norwegian: æ ø å Æ Ø Å are GSM-7.
  { language: 'nb', text: 'Hei Øyvind! Du har time i morgen kl. 09:30 hos tannlege Ås.', encoding: 'GSM-7' },
  { language: 'nb', text: 'Påminnelse: time torsdag 3. desember kl. 14:00. Svar JA for å bekrefte.', encoding: 'GSM-7' },
  { language: 'nb', text: 'Takk for besøket! Vi sees om seks måneder.', encoding: 'GSM-7' },
  { language: 'nb', text: 'Timen koster 850 kr. Avbestilling senere enn 24 t før belastes.', encoding: 'GSM-7' },
  { language: 'nb', text: 'Ærede pasient, klinikken er stengt i påsken.', encoding: 'GSM-7' },
  { language: 'nb', text: 'Husk timen din i morgen 🦷', encoding: 'UCS-2' },
  { language: 'nb', text: 'Pris: 850 kr (€ 75) – betal i resepsjonen.', encoding: 'UCS-2' },
  { language: 'nb', text: long('Vi minner om timen din hos Tannlegene på Grünerløkka torsdag 3. desember kl. 09:30.', 3), encoding: 'GSM-7' },
  { language: 'nb', text: long('Svar {JA} eller [NEI] ~ takk | 75 €', 6), encoding: 'GSM-7' },
  // Italian: à è é ì ò ù are GSM-7; á í ó ú ê are not.
  { language: 'it', text: 'Gentile Niccolò, le ricordiamo l\'appuntamento di giovedì alle 09:30.', encoding: 'GSM-7' },
  { language: 'it', text: 'Risponda SI per confermare o NO per annullare.', encoding: 'GSM-7' },
  { language: 'it', text: 'La visita costa 60 € e dura 30 minuti.', encoding: 'GSM-7' },
  { language: 'it', text: 'Perché non è venuto? Ci chiami al 02 1234 5678.', encoding: 'GSM-7' },
  { language: 'it', text: 'Grazie per la visita! ⭐⭐⭐⭐⭐', encoding: 'UCS-2' },
  { language: 'it', text: 'È confermato l’appuntamento di domani.', encoding: 'UCS-2' },
  { language: 'it', text: long('Le ricordiamo di portare la tessera sanitaria e gli esami precedenti. Grazie.', 3), encoding: 'GSM-7' },
  { language: 'it', text: long('Prezzo {ticket} [esente] ~ 36 € | grazie', 5), encoding: 'GSM-7' },
  // German: ä ö ü Ä Ö Ü ß are GSM-7.
  { language: 'de', text: 'Guten Tag Frau Müller, Ihr Termin ist am Donnerstag um 09:30.', encoding: 'GSM-7' },
  { language: 'de', text: 'Bitte antworten Sie mit J zur Bestätigung oder N zur Absage.', encoding: 'GSM-7' },
  { language: 'de', text: 'Die Behandlung kostet 80 € und dauert 45 Minuten.', encoding: 'GSM-7' },
  { language: 'de', text: 'Straße und Hausnummer: Hauptstraße 12, Köln.', encoding: 'GSM-7' },
  { language: 'de', text: 'Vielen Dank für Ihren Besuch 🙏', encoding: 'UCS-2' },
  { language: 'de', text: '„Bitte nüchtern erscheinen“ – Ihre Praxis.', encoding: 'UCS-2' },
  { language: 'de', text: long('Wir erinnern Sie an Ihren Termin in der Zahnarztpraxis am Donnerstag um 09:30 Uhr.', 3), encoding: 'GSM-7' },
  { language: 'de', text: long('Termin {Do} [09:30] ~ 80 € | Danke', 7), encoding: 'GSM-7' },
  // English.
  { language: 'en', text: 'Hi Sam, your appointment is tomorrow at 09:30. Reply C to confirm.', encoding: 'GSM-7' },
  { language: 'en', text: 'Your dentist is running 40 minutes late. New time: 10:40.', encoding: 'GSM-7' },
  { language: 'en', text: 'Price: £45 or 50 €. Questions? Call 020 7946 0000.', encoding: 'GSM-7' },
  { language: 'en', text: 'Use code [SPRING] for {10%} off ^_^ ~ thanks | \\o/', encoding: 'GSM-7' },
  { language: 'en', text: 'Thanks for visiting! 😀😀', encoding: 'UCS-2' },
  { language: 'en', text: 'It’s time for your check-up.', encoding: 'UCS-2' },
  { language: 'en', text: long('This is a reminder of your appointment at the clinic on Thursday 3 December at 09:30.', 3), encoding: 'GSM-7' },
  { language: 'en', text: long('Emoji reminder 🎉 see you soon!', 4), encoding: 'UCS-2' },
  { language: 'en', text: '€'.repeat(80), encoding: 'GSM-7' },
  { language: 'en', text: '😀'.repeat(35), encoding: 'UCS-2' },
]; // prettier-ignore
