import {
  IconAlertTriangle,
  IconArrowBarToDown,
  IconCheck,
  IconHourglassHigh,
  IconPlayerSkipForward,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Messages } from '../../../i18n/messages';
import type { StepActivity } from './flowActivityApi';

/** The counts of a step card, in the order shown, each with its word, meaning, colour and icon. */
export const activityCounts: Array<{
  key: keyof StepActivity;
  word: keyof Messages;
  meaning: keyof Messages;
  color: string;
  Icon: ComponentType<{ size?: number }>;
}> = [
  {
    key: 'entered',
    word: 'flowLiveEntered',
    meaning: 'legendEntered',
    color: 'blue',
    Icon: IconArrowBarToDown,
  },
  {
    key: 'waiting',
    word: 'flowLiveWaiting',
    meaning: 'legendWaiting',
    color: 'gray',
    Icon: IconHourglassHigh,
  },
  { key: 'sent', word: 'flowLiveSent', meaning: 'legendSent', color: 'green', Icon: IconCheck },
  {
    key: 'skipped',
    word: 'flowLiveSkipped',
    meaning: 'legendSkipped',
    color: 'orange',
    Icon: IconPlayerSkipForward,
  },
  { key: 'failed', word: 'flowLiveFailed', meaning: 'legendFailed', color: 'red', Icon: IconAlertTriangle },
];
