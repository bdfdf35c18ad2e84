import { cancellationNoticeFlow, rescheduleNoticeFlow } from './appointment-change-notice.flow';
import { bookingConfirmationFlow } from './booking-confirmation.flow';
import { opusRemindersFlow } from './opus-reminders.flow';
import { practitionerDayListFlow } from './practitioner-day-list.flow';
import { recallFlow } from './recall.flow';
import { remindersFlow } from './reminders.flow';
import { resourceAlertFlow } from './resource-alert.flow';
import type { StarterFlow } from './starter-flow';
import { staffNoticeFlow } from './staff-notice.flow';
import { thankYouFlow } from './thank-you.flow';
import { unreliableSecondReminderFlow } from './unreliable-second-reminder.flow';

/** Every starter flow, in the order the editor offers them. */
export const starterFlows: readonly StarterFlow[] = [
  { key: 'booking-confirmation', features: ['F1'], flow: bookingConfirmationFlow },
  { key: 'reschedule-notice', features: ['F2'], flow: rescheduleNoticeFlow },
  { key: 'cancellation-notice', features: ['F2'], flow: cancellationNoticeFlow },
  { key: 'reminders', features: ['F3', 'F4'], flow: remindersFlow },
  { key: 'opus-reminders', features: ['F3'], flow: opusRemindersFlow },
  { key: 'unreliable-second-reminder', features: ['F5'], flow: unreliableSecondReminderFlow },
  { key: 'thank-you', features: ['F8'], flow: thankYouFlow },
  { key: 'recall', features: ['F7'], flow: recallFlow },
  { key: 'resource-alert', features: ['F9'], flow: resourceAlertFlow },
  { key: 'staff-notice', features: ['F10'], flow: staffNoticeFlow },
  { key: 'practitioner-day-list', features: ['F10'], flow: practitionerDayListFlow },
];
