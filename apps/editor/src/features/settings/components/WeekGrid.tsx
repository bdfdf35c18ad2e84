import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatMessage } from '../../flows/utils/formatMessage';
import { useMessages } from '../../../i18n/useMessages';
import { isQuietHour, pauseOfSendingHours, type QuietWindow } from '../utils/sendingHours';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = [1, 2, 3, 4, 5, 6, 7];
const colours = { allowed: '#2f9e44', quiet: '#ced4da', closed: '#f1f3f5', picking: '#1c7ed6' };

/**
 * The week at a glance: 7 days × 24 hours, green where sending is allowed. Dragging across hours (or Enter on
 * a first and a last hour, arrows to move) sets the sending hours, the same each day (the nightly pause); the
 * other pauses of the day (lunch) show as quiet too; a day's name switches that weekday off or on.
 */
export function WeekGrid({
  pause,
  otherPauses = [],
  noSendWeekdays,
  onPause,
  onToggleDay,
}: {
  pause: QuietWindow | null;
  /** Pauses besides the nightly one (edited below the grid). */
  otherPauses?: readonly QuietWindow[];
  noSendWeekdays: number[];
  onPause: (pause: QuietWindow | null) => void;
  onToggleDay: (day: number) => void;
}) {
  const t = useMessages();
  const dayNames = t.settingsWeekdays.split(',');
  const [focus, setFocus] = useState({ day: 1, hour: 8 });
  const [anchor, setAnchor] = useState<number | null>(null);
  const [reach, setReach] = useState<number | null>(null);
  const dragging = useRef(false);
  const cells = useRef(new Map<string, HTMLDivElement>());

  const commit = (from: number, to: number) => {
    onPause(pauseOfSendingHours(Math.min(from, to), Math.max(from, to)));
    setAnchor(null);
    setReach(null);
  };
  useEffect(() => {
    const end = () => {
      if (dragging.current && anchor !== null && reach !== null) commit(anchor, reach);
      dragging.current = false;
    };
    window.addEventListener('mouseup', end);
    return () => window.removeEventListener('mouseup', end);
  });

  const move = (day: number, hour: number) => {
    const next = { day: Math.min(7, Math.max(1, day)), hour: Math.min(23, Math.max(0, hour)) };
    setFocus(next);
    if (anchor !== null) setReach(next.hour);
    cells.current.get(`${next.day}:${next.hour}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, day: number, hour: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [day, hour - 1],
      ArrowRight: [day, hour + 1],
      ArrowUp: [day - 1, hour],
      ArrowDown: [day + 1, hour],
      Home: [day, 0],
      End: [day, 23],
    };
    if (moves[event.key]) {
      event.preventDefault();
      move(...moves[event.key]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (anchor === null) {
        setAnchor(hour);
        setReach(hour);
      } else commit(anchor, hour);
    } else if (event.key === 'Escape') {
      setAnchor(null);
      setReach(null);
    }
  };
  const picking = (hour: number) =>
    anchor !== null && reach !== null && hour >= Math.min(anchor, reach) && hour <= Math.max(anchor, reach);

  return (
    <Box>
      <div
        role="grid"
        aria-label={t.settingsWeekGrid}
        aria-describedby="week-grid-help"
        style={{ display: 'grid', gridTemplateColumns: '7rem repeat(24, minmax(1.4rem, 1fr))', gap: 2 }}
      >
        <div role="row" style={{ display: 'contents' }}>
          <div role="columnheader" />
          {HOURS.map((hour) => (
            <div role="columnheader" key={hour} style={{ fontSize: 11, textAlign: 'center' }}>
              {hour}
            </div>
          ))}
        </div>
        {DAYS.map((day) => {
          const closed = noSendWeekdays.includes(day);
          return (
            <div role="row" key={day} style={{ display: 'contents' }}>
              <div role="rowheader">
                <UnstyledButton
                  aria-pressed={!closed}
                  aria-label={formatMessage(t.settingsSendOnDay, { day: dayNames[day - 1] })}
                  onClick={() => onToggleDay(day)}
                  style={{ fontSize: 13, textDecoration: closed ? 'line-through' : undefined }}
                >
                  {dayNames[day - 1]}
                </UnstyledButton>
              </div>
              {HOURS.map((hour) => {
                const quiet = [pause, ...otherPauses].some((window) => isQuietHour(window, hour));
                const state = picking(hour) ? 'picking' : closed ? 'closed' : quiet ? 'quiet' : 'allowed';
                const words = closed ? t.settingsNoSendDay : quiet ? t.settingsQuiet : t.settingsAllowed;
                return (
                  <div
                    key={hour}
                    role="gridcell"
                    ref={(el) => {
                      if (el) cells.current.set(`${day}:${hour}`, el);
                    }}
                    tabIndex={focus.day === day && focus.hour === hour ? 0 : -1}
                    aria-label={`${dayNames[day - 1]} ${hour}:00–${hour + 1}:00: ${words}`}
                    aria-selected={picking(hour)}
                    data-state={state}
                    data-testid={`hour-${day}-${hour}`}
                    onKeyDown={(e) => onKeyDown(e, day, hour)}
                    onFocus={() => setFocus({ day, hour })}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      dragging.current = true;
                      setAnchor(hour);
                      setReach(hour);
                    }}
                    onMouseEnter={() => {
                      if (dragging.current) setReach(hour);
                    }}
                    style={{
                      height: 22,
                      borderRadius: 3,
                      cursor: 'pointer',
                      backgroundColor: colours[state],
                      backgroundImage: closed
                        ? 'repeating-linear-gradient(45deg, transparent 0 4px, #dee2e6 4px 6px)'
                        : undefined,
                    }}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
      <Group gap="md" mt="xs">
        <Legend colour={colours.allowed} label={t.settingsAllowed} />
        <Legend colour={colours.quiet} label={t.settingsQuiet} />
        <Legend colour={colours.closed} label={t.settingsNoSendDay} />
      </Group>
      <Text id="week-grid-help" size="xs" c="dimmed" mt={4}>
        {t.settingsWeekGridHelp}
      </Text>
    </Box>
  );
}

function Legend({ colour, label }: { colour: string; label: string }) {
  return (
    <Group gap={4}>
      <span
        style={{ width: 14, height: 14, borderRadius: 3, background: colour, border: '1px solid #adb5bd' }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
