import type { ContextField, ContextFieldScope } from './context-field-catalogue';

type Extra = Pick<ContextField, 'description' | 'example' | 'legacyCode'>;

const field = (
  path: string,
  label: string,
  type: ContextField['type'],
  scope: ContextFieldScope,
  uses: 'both' | 'conditions' | 'messages',
  extra: Extra,
): ContextField => ({
  path,
  group: path.split('.')[0] as ContextField['group'],
  label,
  type,
  scope,
  inTemplates: uses !== 'conditions',
  inConditions: uses !== 'messages',
  ...extra,
});

const say = (en: string, fr: string, example: string, legacyCode?: string): Extra =>
  legacyCode ? { description: { en, fr }, example, legacyCode } : { description: { en, fr }, example };

/**
 * The fields themselves. A field is here only if the engine fills it (the API's evaluation context and the
 * rules' `templateData`) or the channels renderer writes it from one that is: `variable-drift.spec.ts` in the
 * channels library renders each one as a real send would. `conditions`: never shown in a message (health
 * details, bookkeeping). `messages`: written by the renderer, so conditions cannot read it, or given by the
 * one-off and batch sends only (the sending user: scope `send`, which no flow has).
 */
export const contextFields: readonly ContextField[] = [
  field('clinic.name', 'Clinic name', 'string', 'always', 'both', say('Name of the clinic', 'Nom du cabinet', 'Cabinet du Parc', 'TRD0')),
  field('clinic.phone', 'Clinic phone', 'string', 'always', 'both', say('Phone number of the clinic', 'Téléphone du cabinet', '+33142685300', 'TRD1')),
  field('clinic.website', 'Clinic website', 'string', 'always', 'both', say('Website of the clinic', 'Site web du cabinet', 'https://cabinet-du-parc.example', 'TRD38')),
  field('patient.firstName', 'Patient first name', 'string', 'always', 'both', say('First name of the patient', 'Prénom du patient', 'Léa', 'TRD3')),
  field('patient.lastName', 'Patient last name', 'string', 'always', 'both', say('Last name of the patient', 'Nom du patient', 'Martin', 'TRD4')),
  field('patient.mobile', 'Patient mobile', 'string', 'always', 'both', say('Mobile number of the patient', 'Portable du patient', '+33612345678', 'TRD35')),
  field('patient.address', 'Patient address', 'string', 'always', 'both', say('Postal address of the patient', 'Adresse postale du patient', '12 rue des Lilas, 75011 Paris', 'TRD36')),
  field('patient.email', 'Patient e-mail', 'string', 'always', 'both', say('E-mail address of the patient', 'Adresse e-mail du patient', 'lea.martin@example.org')),
  field('patient.language', 'Patient language', 'string', 'always', 'both', say('Language code of the patient ("fr")', 'Code de langue du patient (« fr »)', 'fr')),
  field('patient.insurer', 'Patient insurer', 'string', 'always', 'both', say('Insurer of the patient, as the practice-management system names it', 'Mutuelle ou assurance du patient, telle que le logiciel du cabinet la nomme', 'MGEN')),
  field('patient.referringDoctor.name', 'Referring doctor', 'string', 'always', 'both', say("Name of the patient's referring doctor", 'Nom du médecin adresseur du patient', 'Dr Anne Leroy')),
  field('patient.referringDoctor.phone', 'Referring doctor phone', 'string', 'always', 'both', say("Phone number of the patient's referring doctor", 'Téléphone du médecin adresseur du patient', '+33145678902')),
  field('patient.referringDoctor.email', 'Referring doctor e-mail', 'string', 'always', 'both', say("E-mail address of the patient's referring doctor", 'Adresse e-mail du médecin adresseur du patient', 'a.leroy@example.org')),
  field('patient.birthDate', 'Patient date of birth', 'date', 'always', 'conditions', say('Date of birth of the patient', 'Date de naissance du patient', '')),
  field('patient.attendance.visits', 'Number of past visits', 'number', 'always', 'conditions', say('Number of past visits', 'Nombre de visites passées', '')),
  field('patient.attendance.noShows', 'Number of missed visits', 'number', 'always', 'conditions', say('Number of missed visits', 'Nombre de rendez-vous manqués', '')),
  field('patient.attendance.lastVisitAt', 'Last visit', 'datetime', 'always', 'conditions', say('Last visit', 'Dernière visite', '')),
  field('patient.nextAppointmentAt', 'Next appointment', 'datetime', 'always', 'both', say("Start instant of the patient's next appointment, for the date and time helpers", 'Début du prochain rendez-vous du patient, pour les fonctions date et heure', '2027-06-03T07:30:00.000Z')),
  field('event.type', 'Event', 'string', 'always', 'conditions', say('What started the flow', 'Ce qui a lancé le scénario', '')),
  field('event.at', 'Event time', 'datetime', 'always', 'conditions', say('When it happened', 'Quand cela a eu lieu', '')),
  field('resource.name', 'Practitioner or room', 'string', 'resource', 'both', say('Name of the practitioner or room', 'Nom du praticien ou de la salle', 'Dr Hugo Bernard', 'TRD5')),
  field('resource.address', 'Practitioner address', 'string', 'resource', 'both', say('Address of the practitioner', 'Adresse du praticien', '3 place du Parc, 75011 Paris', 'TRD6')),
  field('resource.phone', 'Practitioner phone', 'string', 'resource', 'both', say('Phone number of the practitioner', 'Téléphone du praticien', '+33142685301', 'TRD7')),
  field('appointment.date', 'Appointment date', 'string', 'appointment', 'messages', say('Date of the appointment (dd/mm/yyyy)', 'Date du rendez-vous (jj/mm/aaaa)', '03/12/2026', 'TRD8')),
  field('appointment.shortDate', 'Appointment short date', 'string', 'appointment', 'messages', say('Date of the appointment (dd/mm)', 'Date du rendez-vous (jj/mm)', '03/12', 'TRD26')),
  field('appointment.longDate', 'Appointment date in words', 'string', 'appointment', 'messages', say('Date in words ("jeudi 3 décembre")', 'Date en toutes lettres (« jeudi 3 décembre »)', 'jeudi 3 décembre', 'TRD31')),
  field('appointment.month', 'Appointment month', 'string', 'appointment', 'messages', say('Month of the appointment ("décembre")', 'Mois du rendez-vous (« décembre »)', 'décembre', 'TRD32')),
  field('appointment.weekday', 'Appointment weekday', 'string', 'appointment', 'messages', say('Day of the week ("jeudi")', 'Jour de la semaine (« jeudi »)', 'jeudi', 'TRD25')),
  field('appointment.dayOfMonth', 'Appointment day of month', 'string', 'appointment', 'messages', say('Day of the month ("3")', 'Jour du mois (« 3 »)', '3', 'TRD33')),
  field('appointment.startTime', 'Appointment start time', 'string', 'appointment', 'messages', say('Start time ("09:30")', 'Heure de début (« 09:30 »)', '09:30', 'TRD9')),
  field('appointment.endTime', 'Appointment end time', 'string', 'appointment', 'messages', say('End time ("10:00")', 'Heure de fin (« 10:00 »)', '10:00', 'TRD10')),
  field('appointment.relativeDay', 'Appointment day, relative', 'string', 'appointment', 'messages', say('Day relative to the sending time ("demain")', "Jour par rapport à l'envoi (« demain »)", 'demain')),
  field('appointment.start', 'Appointment start', 'datetime', 'appointment', 'both', say('Start instant, for the date and time helpers', 'Début, pour les fonctions date et heure', '2026-12-03T08:30:00.000Z')),
  field('appointment.end', 'Appointment end', 'datetime', 'appointment', 'both', say('End instant, for the date and time helpers', 'Fin, pour les fonctions date et heure', '2026-12-03T09:00:00.000Z')),
  field('appointment.notes', 'Appointment notes', 'string', 'appointment', 'both', say('Notes of the appointment', 'Notes du rendez-vous', '', 'TRD24')),
  field('appointment.status', 'Appointment status', 'string', 'appointment', 'both', say('Status code: booked, confirmed, cancelled, attended, no_show', 'Code du statut : booked, confirmed, cancelled, attended, no_show', 'booked')),
  field('appointment.confirmation', 'Confirmation status', 'string', 'appointment', 'both', say('Confirmation code: pending, confirmed, declined', 'Code de confirmation : pending, confirmed, declined', 'pending')),
  field('appointment.source', 'Booked online or by staff', 'string', 'appointment', 'both', say('Who booked: online or staff', 'Qui a pris le rendez-vous : online ou staff', 'online')),
  field('appointment.bookedAt', 'Booked at', 'datetime', 'appointment', 'both', say('Booking instant, for the date and time helpers', 'Moment de la prise du rendez-vous, pour les fonctions date et heure', '2026-11-20T13:05:00.000Z')),
  field('service.name', 'Service name', 'string', 'appointment', 'both', say('Name of the service (appointment type)', 'Nom de la prestation (type de rendez-vous)', 'Détartrage', 'TRD11')),
  field('service.price', 'Service price', 'number', 'appointment', 'both', say('Price of the service (use {{price service.price}})', 'Prix de la prestation (avec {{price service.price}})', '45', 'TRD12')),
  field('service.duration', 'Service duration', 'number', 'appointment', 'both', say('Duration of the service in minutes', 'Durée de la prestation en minutes', '30', 'TRD13')),
  field('service.notes', 'Service notes', 'string', 'appointment', 'both', say('Notes of the service', 'Notes de la prestation', '', 'TRD14')),
  field('service.prerequisites', 'Service prerequisites', 'string', 'appointment', 'both', say('Prerequisites ("fast 12 h")', 'Prérequis (« à jeun 12 h »)', 'Apportez votre carte Vitale.', 'TRD23')),
  field('service.group', 'Service group', 'string', 'appointment', 'both', say('Title of the service group', 'Titre du groupe de prestations', 'Soins dentaires', 'TRD37')),
  field('location.name', 'Site name', 'string', 'appointment', 'both', say('Name of the location', 'Nom du site', 'Cabinet du Parc', 'TRD27')),
  field('location.city', 'Site city', 'string', 'appointment', 'both', say('City of the location', 'Ville du site', 'Paris', 'TRD28')),
  field('location.phone', 'Site phone', 'string', 'appointment', 'both', say('Phone number of the location', 'Téléphone du site', '+33142685300', 'TRD29')),
  field('location.address', 'Site address', 'string', 'appointment', 'both', say('Address of the location', 'Adresse du site', '3 place du Parc, 75011 Paris', 'TRD30')),
  field('location.notes', 'Site notes', 'string', 'appointment', 'both', say('Notes of the location (access, parking)', 'Notes du site (accès, parking)', 'Interphone 12')),
  field('appointments.text', "The day's appointments", 'string', 'appointment', 'messages', say("The patient's appointments the message is about, one line each: time, service, practitioner (several when the clinic sends one message per patient per day)", 'Les rendez-vous du patient dont parle le message, un par ligne : heure, prestation, praticien (plusieurs quand le cabinet envoie un seul message par patient et par jour)', '09:30 Détartrage, Dr Hugo Bernard (Cabinet du Parc)\n11:00 Contrôle, Dr Anne Leroy (Cabinet du Parc)')),
  field('appointments.count', "Number of the day's appointments", 'number', 'appointment', 'messages', say('How many appointments the message names (1 unless reminders were merged)', 'Combien de rendez-vous le message nomme (1 sauf rappels regroupés)', '2')),
  field('links.confirm', 'Link: confirm', 'string', 'appointment', 'messages', say('A short link to a page where the patient confirms the appointment with one tap (docs/patient-links.md)', 'Un lien court vers une page où le patient confirme le rendez-vous d\'un geste', 'https://rdv.cabinet-du-parc.example/p/Hk2mX9aT7bLp1zQc')),
  field('links.cancel', 'Link: cancel', 'string', 'appointment', 'messages', say('A short link to a page where the patient cancels the appointment, with an optional reason', 'Un lien court vers une page où le patient annule le rendez-vous, avec un motif s\'il le souhaite', 'https://rdv.cabinet-du-parc.example/p/Wq8nR3vY6cJd0sTe')),
  field('links.reschedule', 'Link: ask for another time', 'string', 'appointment', 'messages', say('A short link to a page where the patient asks the clinic for another time', 'Un lien court vers une page où le patient demande un autre horaire au cabinet', 'https://rdv.cabinet-du-parc.example/p/Bv5tL1kP4hGz7xNa')),
  field('links.calendar', 'Link: add to calendar', 'string', 'appointment', 'messages', say('A short link that adds the appointment to the patient\'s calendar (an .ics file)', 'Un lien court qui ajoute le rendez-vous à l\'agenda du patient (fichier .ics)', 'https://rdv.cabinet-du-parc.example/p/Tz9sK2dW5mQ8rVb3')),
  field('links.preferences', 'Link: my preferences', 'string', 'always', 'messages', say('A short link to the patient\'s preferences: channels, purposes and language of their messages', 'Un lien court vers les préférences du patient : canaux, motifs et langue de ses messages', 'https://rdv.cabinet-du-parc.example/p/Jm4cX7nE2uR9wKa6')),
  field('user.name', 'Sending user', 'string', 'send', 'messages', say('Name of the user who sends the message (one-off and batch sends only)', "Nom de l'utilisateur qui envoie le message (envois ponctuels et groupés seulement)", 'Claire, accueil')),
  field('delay.minutes', 'Minutes late', 'number', 'delay', 'both', say('Minutes the practitioner is running late (resource alerts)', 'Minutes de retard du praticien (alertes praticien)', '20')),
  field('delay.newStart', 'New expected start', 'datetime', 'delay', 'both', say('New expected start instant (resource alerts; use {{time delay.newStart}})', 'Nouveau début prévu (alertes praticien ; avec {{time delay.newStart}})', '2026-12-03T08:50:00.000Z')),
  field('dayList.date', 'Day of the list', 'datetime', 'dayList', 'both', say("The day of the practitioner's list (daily trigger; use {{date dayList.date}})", 'Le jour de la liste du praticien (déclencheur quotidien ; avec {{date dayList.date}})', '2026-12-03T00:00:00.000+01:00')),
  field('dayList.longDate', 'Day of the list in words', 'string', 'dayList', 'messages', say('The day of the list in words ("jeudi 3 décembre")', 'Le jour de la liste en toutes lettres (« jeudi 3 décembre »)', 'jeudi 3 décembre')),
  field('dayList.count', 'Appointments in the list', 'number', 'dayList', 'both', say("Number of the practitioner's appointments that day", 'Nombre de rendez-vous du praticien ce jour-là', '2')),
  field('dayList.text', 'Appointments of the day', 'string', 'dayList', 'messages', say("The practitioner's appointments that day, one line each: time, patient, service (in the practitioner's language)", 'Les rendez-vous du praticien ce jour-là, un par ligne : heure, patient, prestation (dans la langue du praticien)', '09:30 Léa Martin, Détartrage\n10:15 Hugo Petit, Contrôle')),
]; // prettier-ignore
