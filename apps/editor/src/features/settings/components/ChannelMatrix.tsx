import { Switch, Table, Text } from '@mantine/core';
import { formatMessage } from '../../flows/utils/formatMessage';
import { channelLabel } from '../../../i18n/channelWords';
import { useMessages } from '../../../i18n/useMessages';
import { CHANNELS } from '@clinicflow/contract';
import type { Channel, ChannelSwitches, DirectoryEntry } from '../api/settingsApi';
import { setChannelToggle } from '../utils/setChannelToggle';

/**
 * The channel × service (or × practitioner) matrix of T2: a table of switches with row and column headers;
 * each switch is named like "SMS for Contrôle". A channel switched off for the whole clinic is shown dimmed.
 */
export function ChannelMatrix({
  caption,
  rowHeader,
  entries,
  toggles,
  clinicChannels,
  onChange,
}: {
  caption: string;
  rowHeader: string;
  entries: DirectoryEntry[];
  toggles: Record<string, ChannelSwitches>;
  clinicChannels: Record<Channel, boolean>;
  onChange: (toggles: Record<string, ChannelSwitches>) => void;
}) {
  const t = useMessages();
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {caption}: {t.settingsMatrixEmpty}
      </Text>
    );
  }
  return (
    <Table withTableBorder striped w="auto" captionSide="top">
      <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{rowHeader}</Table.Th>
          {CHANNELS.map((channel) => (
            <Table.Th scope="col" key={channel} c={clinicChannels[channel] ? undefined : 'dimmed'}>
              {channelLabel(t, channel)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Th scope="row" fw={500}>
              {entry.name}
            </Table.Th>
            {CHANNELS.map((channel) => (
              <Table.Td key={channel} style={{ opacity: clinicChannels[channel] ? 1 : 0.5 }}>
                <Switch
                  aria-label={formatMessage(t.settingsChannelFor, {
                    channel: channelLabel(t, channel),
                    name: entry.name,
                  })}
                  checked={toggles[entry.id]?.[channel] !== false}
                  onChange={(e) =>
                    onChange(setChannelToggle(toggles, entry.id, channel, e.currentTarget.checked))
                  }
                />
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
