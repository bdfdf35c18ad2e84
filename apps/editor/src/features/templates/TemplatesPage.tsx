import { Badge, Button, Grid, NavLink, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { channelLabel } from '../../i18n/channelWords';
import { useMessages } from '../../i18n/useMessages';
import { templatesApi, type Template } from './api/templatesApi';
import { newTemplate, TemplateEditor } from './components/TemplateEditor';

/** `/templates`: the clinic's templates on the left, the selected (or a new) one in the editor. */
export default function TemplatesPage() {
  const t = useMessages();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['templates'], queryFn: templatesApi.list });
  const [selected, setSelected] = useState<Template | 'new' | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  const select = (template: Template | 'new') => {
    setSavedId(null);
    setSelected(template);
  };
  const onSaved = (template: Template) => {
    setSelected(template);
    setSavedId(template.id);
    void queryClient.invalidateQueries({ queryKey: ['templates'] });
  };
  return (
    <Stack>
      <Title order={2}>{t.templatesTitle}</Title>
      <Text>{t.templatesIntro}</Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Button leftSection={<IconPlus size={16} />} mb="xs" onClick={() => select('new')}>
            {t.templateNew}
          </Button>
          <nav aria-label={t.templatesTitle}>
            {list.data?.items.map((template) => (
              <NavLink
                key={template.id}
                // a button, not Mantine's default <a> without href, which the keyboard cannot reach
                component="button"
                type="button"
                label={template.name}
                active={selected !== 'new' && selected?.id === template.id}
                rightSection={<Badge size="xs">{channelLabel(t, template.channel)}</Badge>}
                onClick={() => select(template)}
              />
            ))}
          </nav>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected === null ? (
            <Text c="dimmed">{t.templatePick}</Text>
          ) : (
            <TemplateEditor
              key={selected === 'new' ? 'new' : `${selected.id}:${selected.updatedAt}`}
              initial={selected === 'new' ? newTemplate(t.templateUntitled) : selected}
              onSaved={onSaved}
              saved={selected !== 'new' && selected.id === savedId}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
