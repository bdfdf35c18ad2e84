import { z } from 'zod';
import { channelSchema } from '../channels/channel';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with its offset' });

/** The message of a send: a saved template, or a text written for this send (with a subject for e-mail). */
export const sendTemplateSchema = z
  .object({
    templateId: z.string().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(5000).optional(),
    subject: z.string().trim().min(1).max(300).optional(),
  })
  .refine((t) => t.templateId !== undefined || t.body !== undefined, {
    message: 'give the text (body) or a saved template (templateId)',
    path: ['body'],
  });
export type SendTemplate = z.output<typeof sendTemplateSchema>;

/**
 * `POST /api/sends` (F12): one message to a patient or to any number or address, now or at a chosen time.
 * The answer is the delivery it made (`deliveryDetailSchema`).
 */
export const oneOffSendSchema = z
  .object({
    channel: channelSchema,
    patientId: z.string().min(1).max(200).optional(),
    /** A phone number (SMS, voice) or an e-mail address, when the recipient is not a patient. */
    to: z.string().trim().min(1).max(200).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    template: sendTemplateSchema,
    language: z.string().min(2).max(10).optional(),
    sendAt: instant.optional(),
    expiresAt: instant.optional(),
  })
  .superRefine((send, context) => {
    if ((send.patientId === undefined) === (send.to === undefined)) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'give either patientId or to (not both)' });
    }
    if (send.sendAt && send.expiresAt && Date.parse(send.expiresAt) <= Date.parse(send.sendAt)) {
      context.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after sendAt' });
    }
  });
export type OneOffSend = z.output<typeof oneOffSendSchema>;
