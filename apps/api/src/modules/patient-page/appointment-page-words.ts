import type { PageLanguage } from './page-layout';

/** The words of the appointment page (docs/patient-links.md), in each language of the patient's pages. */
export interface AppointmentPageWords {
  title: string;
  when: string;
  service: string;
  practitioner: string;
  place: string;
  preparation: string;
  confirm: string;
  cancel: string;
  reason: string;
  reschedule: string;
  wish: string;
  send: string;
  confirmed: string;
  alreadyConfirmed: string;
  cancelled: string;
  alreadyCancelled: string;
  cancelledByClinic: string;
  requested: string;
  over: string;
  moved: (when: string) => string;
  gone: string;
  expired: string;
  invalid: string;
  badRequest: string;
  unavailable: string;
  tooMany: string;
  call: (clinic: string) => string;
  addToCalendar: string;
  calendarFile: string;
  googleCalendar: string;
}

export const APPOINTMENT_PAGE_WORDS: Record<PageLanguage, AppointmentPageWords> = {
  fr: {
    title: 'Votre rendez-vous',
    when: 'Quand',
    service: 'Pour',
    practitioner: 'Avec',
    place: 'Où',
    preparation: 'À prévoir',
    confirm: 'Je confirme ma venue',
    cancel: 'Annuler mon rendez-vous',
    reason: 'Motif (facultatif)',
    reschedule: 'Demander un autre horaire',
    wish: 'Quand cela vous arrangerait-il ? (facultatif)',
    send: 'Envoyer ma demande',
    confirmed: 'Merci : votre rendez-vous est confirmé.',
    alreadyConfirmed: 'Vous avez déjà confirmé ce rendez-vous.',
    cancelled: 'Votre rendez-vous est annulé. Le cabinet est prévenu.',
    alreadyCancelled: 'Ce rendez-vous est déjà annulé.',
    cancelledByClinic: 'Ce rendez-vous a été annulé.',
    requested: 'Votre demande est envoyée : le cabinet vous recontactera.',
    over: 'Ce rendez-vous a commencé ou est passé : ces boutons ne servent plus. Appelez le cabinet.',
    moved: (when) => `Ce rendez-vous a été déplacé : il est maintenant le ${when}.`,
    gone: 'Ce rendez-vous n’existe plus chez nous. Appelez le cabinet.',
    expired: 'Ce lien a expiré. Appelez le cabinet.',
    invalid: 'Ce lien n’est pas valide.',
    badRequest: 'Cette demande n’a pas pu être lue. Réessayez depuis le lien de votre message.',
    unavailable: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    tooMany: 'Trop de tentatives avec ce lien. Réessayez dans quelques minutes ou appelez le cabinet.',
    call: (clinic) => `Une question ? Appelez ${clinic}`,
    addToCalendar: 'Ajouter à mon agenda',
    calendarFile: 'Agenda du téléphone (.ics)',
    googleCalendar: 'Google Agenda',
  },
  en: {
    title: 'Your appointment',
    when: 'When',
    service: 'For',
    practitioner: 'With',
    place: 'Where',
    preparation: 'Before you come',
    confirm: 'Confirm my appointment',
    cancel: 'Cancel my appointment',
    reason: 'Reason (optional)',
    reschedule: 'Ask for another time',
    wish: 'When would suit you? (optional)',
    send: 'Send my request',
    confirmed: 'Thank you: your appointment is confirmed.',
    alreadyConfirmed: 'You have already confirmed this appointment.',
    cancelled: 'Your appointment is cancelled. The clinic has been told.',
    alreadyCancelled: 'This appointment is already cancelled.',
    cancelledByClinic: 'This appointment has been cancelled.',
    requested: 'Your request has been sent: the clinic will get back to you.',
    over: 'This appointment has started or is over: these buttons no longer work. Please call the clinic.',
    moved: (when) => `This appointment has been moved: it is now on ${when}.`,
    gone: 'This appointment is no longer in our records. Please call the clinic.',
    expired: 'This link has expired. Please call the clinic.',
    invalid: 'This link is not valid.',
    badRequest: 'This request could not be read. Please try again from the link in your message.',
    unavailable: 'The service is unavailable for a moment. Please try again shortly.',
    tooMany: 'Too many attempts with this link. Please try again in a few minutes or call the clinic.',
    call: (clinic) => `Questions? Call ${clinic}`,
    addToCalendar: 'Add to my calendar',
    calendarFile: 'Phone calendar (.ics)',
    googleCalendar: 'Google Calendar',
  },
  es: {
    title: 'Su cita',
    when: 'Cuándo',
    service: 'Para',
    practitioner: 'Con',
    place: 'Dónde',
    preparation: 'Antes de venir',
    confirm: 'Confirmar mi cita',
    cancel: 'Cancelar mi cita',
    reason: 'Motivo (opcional)',
    reschedule: 'Pedir otra hora',
    wish: '¿Cuándo le vendría bien? (opcional)',
    send: 'Enviar mi solicitud',
    confirmed: 'Gracias: su cita está confirmada.',
    alreadyConfirmed: 'Ya ha confirmado esta cita.',
    cancelled: 'Su cita está cancelada. La clínica ha sido avisada.',
    alreadyCancelled: 'Esta cita ya está cancelada.',
    cancelledByClinic: 'Esta cita ha sido cancelada.',
    requested: 'Su solicitud se ha enviado: la clínica se pondrá en contacto con usted.',
    over: 'Esta cita ya ha empezado o ha pasado: estos botones ya no sirven. Llame a la clínica.',
    moved: (when) => `Esta cita se ha cambiado: ahora es el ${when}.`,
    gone: 'Esta cita ya no figura en nuestros registros. Llame a la clínica.',
    expired: 'Este enlace ha caducado. Llame a la clínica.',
    invalid: 'Este enlace no es válido.',
    badRequest: 'No se ha podido leer esta solicitud. Vuelva a intentarlo desde el enlace de su mensaje.',
    unavailable: 'El servicio no está disponible en este momento. Vuelva a intentarlo en unos instantes.',
    tooMany: 'Demasiados intentos con este enlace. Vuelva a intentarlo en unos minutos o llame a la clínica.',
    call: (clinic) => `¿Alguna pregunta? Llame a ${clinic}`,
    addToCalendar: 'Añadir a mi calendario',
    calendarFile: 'Calendario del teléfono (.ics)',
    googleCalendar: 'Google Calendar',
  },
  nb: {
    title: 'Timen din',
    when: 'Når',
    service: 'Gjelder',
    practitioner: 'Hos',
    place: 'Hvor',
    preparation: 'Før du kommer',
    confirm: 'Bekreft timen min',
    cancel: 'Avbestill timen min',
    reason: 'Grunn (valgfritt)',
    reschedule: 'Be om et annet tidspunkt',
    wish: 'Når passer det for deg? (valgfritt)',
    send: 'Send forespørselen',
    confirmed: 'Takk: timen din er bekreftet.',
    alreadyConfirmed: 'Du har allerede bekreftet denne timen.',
    cancelled: 'Timen din er avbestilt. Klinikken har fått beskjed.',
    alreadyCancelled: 'Denne timen er allerede avbestilt.',
    cancelledByClinic: 'Denne timen er avlyst.',
    requested: 'Forespørselen er sendt: klinikken tar kontakt med deg.',
    over: 'Denne timen har begynt eller er over: knappene virker ikke lenger. Ring klinikken.',
    moved: (when) => `Denne timen er flyttet: den er nå ${when}.`,
    gone: 'Denne timen finnes ikke lenger hos oss. Ring klinikken.',
    expired: 'Denne lenken er utløpt. Ring klinikken.',
    invalid: 'Denne lenken er ikke gyldig.',
    badRequest: 'Forespørselen kunne ikke leses. Prøv igjen fra lenken i meldingen.',
    unavailable: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.',
    tooMany: 'For mange forsøk med denne lenken. Prøv igjen om noen minutter, eller ring klinikken.',
    call: (clinic) => `Spørsmål? Ring ${clinic}`,
    addToCalendar: 'Legg til i kalenderen min',
    calendarFile: 'Telefonens kalender (.ics)',
    googleCalendar: 'Google Kalender',
  },
  it: {
    title: 'Il tuo appuntamento',
    when: 'Quando',
    service: 'Per',
    practitioner: 'Con',
    place: 'Dove',
    preparation: 'Prima di venire',
    confirm: 'Confermo l’appuntamento',
    cancel: 'Annulla l’appuntamento',
    reason: 'Motivo (facoltativo)',
    reschedule: 'Chiedi un altro orario',
    wish: 'Quando ti andrebbe bene? (facoltativo)',
    send: 'Invia la richiesta',
    confirmed: 'Grazie: il tuo appuntamento è confermato.',
    alreadyConfirmed: 'Hai già confermato questo appuntamento.',
    cancelled: 'Il tuo appuntamento è annullato. Lo studio è stato avvisato.',
    alreadyCancelled: 'Questo appuntamento è già annullato.',
    cancelledByClinic: 'Questo appuntamento è stato annullato.',
    requested: 'La tua richiesta è stata inviata: lo studio ti ricontatterà.',
    over: 'Questo appuntamento è iniziato o è passato: questi pulsanti non funzionano più. Chiama lo studio.',
    moved: (when) => `Questo appuntamento è stato spostato: ora è ${when}.`,
    gone: 'Questo appuntamento non è più nei nostri archivi. Chiama lo studio.',
    expired: 'Questo link è scaduto. Chiama lo studio.',
    invalid: 'Questo link non è valido.',
    badRequest: 'Impossibile leggere questa richiesta. Riprova dal link del tuo messaggio.',
    unavailable: 'Il servizio non è disponibile al momento. Riprova tra poco.',
    tooMany: 'Troppi tentativi con questo link. Riprova tra qualche minuto o chiama lo studio.',
    call: (clinic) => `Domande? Chiama ${clinic}`,
    addToCalendar: 'Aggiungi al mio calendario',
    calendarFile: 'Calendario del telefono (.ics)',
    googleCalendar: 'Google Calendar',
  },
  de: {
    title: 'Ihr Termin',
    when: 'Wann',
    service: 'Für',
    practitioner: 'Bei',
    place: 'Wo',
    preparation: 'Vor dem Termin',
    confirm: 'Termin bestätigen',
    cancel: 'Termin absagen',
    reason: 'Grund (freiwillig)',
    reschedule: 'Anderen Termin erfragen',
    wish: 'Wann würde es Ihnen passen? (freiwillig)',
    send: 'Anfrage senden',
    confirmed: 'Danke: Ihr Termin ist bestätigt.',
    alreadyConfirmed: 'Sie haben diesen Termin bereits bestätigt.',
    cancelled: 'Ihr Termin ist abgesagt. Die Praxis wurde informiert.',
    alreadyCancelled: 'Dieser Termin ist bereits abgesagt.',
    cancelledByClinic: 'Dieser Termin wurde abgesagt.',
    requested: 'Ihre Anfrage wurde gesendet: Die Praxis meldet sich bei Ihnen.',
    over: 'Dieser Termin hat begonnen oder ist vorbei: Diese Schaltflächen funktionieren nicht mehr. Bitte rufen Sie die Praxis an.',
    moved: (when) => `Dieser Termin wurde verschoben: Er ist jetzt am ${when}.`,
    gone: 'Dieser Termin ist bei uns nicht mehr vorhanden. Bitte rufen Sie die Praxis an.',
    expired: 'Dieser Link ist abgelaufen. Bitte rufen Sie die Praxis an.',
    invalid: 'Dieser Link ist nicht gültig.',
    badRequest:
      'Diese Anfrage konnte nicht gelesen werden. Bitte versuchen Sie es erneut über den Link in Ihrer Nachricht.',
    unavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    tooMany:
      'Zu viele Versuche mit diesem Link. Bitte versuchen Sie es in einigen Minuten erneut oder rufen Sie die Praxis an.',
    call: (clinic) => `Fragen? Rufen Sie ${clinic} an`,
    addToCalendar: 'Zu meinem Kalender hinzufügen',
    calendarFile: 'Telefonkalender (.ics)',
    googleCalendar: 'Google Kalender',
  },
};
