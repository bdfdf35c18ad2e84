import type { MessageTemplate } from '@clinicflow/rules';

/**
 * The one message sent after a STOP reply (T3): no variables but the clinic's name, which the dispatcher
 * fills in at send time, in the languages the clinics of the seeds speak.
 */
export const stopConfirmationTemplate: MessageTemplate = {
  byLanguage: {
    fr: { body: '{{clinic.name}} : vous ne recevrez plus de messages sur ce canal. Merci.' },
    en: { body: '{{clinic.name}}: you will not receive any more messages on this channel. Thank you.' },
    es: { body: '{{clinic.name}}: ya no recibirá más mensajes por este canal. Gracias.' },
    nb: { body: '{{clinic.name}}: du vil ikke lenger motta meldinger på denne kanalen. Takk.' },
    de: { body: '{{clinic.name}}: Sie erhalten keine Nachrichten mehr auf diesem Kanal. Danke.' },
    it: { body: '{{clinic.name}}: non riceverà più messaggi su questo canale. Grazie.' },
  },
};
