import { CHANNELS } from '@clinicflow/contract';
import { MAX_RUNGS, type LadderRung, type ReachData } from '@clinicflow/rules';
import { templateData, templateFormValues } from './messageFormValues';

/** The form's values of a "Reach the patient" step: each attempt's message with a text box per language. */
export function reachFormValues(data: ReachData): ReachData {
  return {
    ...data,
    rungs: data.rungs.map((rung) => ({ ...rung, template: templateFormValues(rung.template) })),
  };
}

/** The step's data to save: each attempt's message without its empty languages. */
export function reachData(values: ReachData): ReachData {
  return {
    ...values,
    rungs: values.rungs.map((rung) => ({ ...rung, template: templateData(rung.template, rung.channel) })),
  };
}

/**
 * The attempt added after the others, as the form holds it: the first channel the ladder does not try yet,
 * waiting an hour for its message to be delivered; null once every channel is in the ladder.
 */
export function newRung(rungs: readonly Pick<LadderRung, 'channel'>[]): LadderRung | null {
  const channel = CHANNELS.find((candidate) => !rungs.some((rung) => rung.channel === candidate));
  if (!channel || rungs.length >= MAX_RUNGS) return null;
  return {
    channel,
    template: templateFormValues({}),
    until: 'delivered',
    within: { amount: 1, unit: 'hours' },
  };
}
