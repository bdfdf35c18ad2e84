import { AppShell, Group, NavLink, Title } from '@mantine/core';
import { Suspense } from 'react';
import { NavLink as RouterLink, Outlet } from 'react-router';
import { DatabaseStatus } from '../features/health/components/DatabaseStatus';
import { useMessages } from '../i18n/useMessages';

/** The frame of every screen: the header with the database badge and the navigation. */
export function AppLayout() {
  const t = useMessages();
  const links = [
    { to: '/flows', label: t.navFlows },
    { to: '/report', label: t.navReport },
    { to: '/settings', label: t.navSettings },
  ];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>{t.appName}</Title>
          <DatabaseStatus />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {links.map((link) => (
          <NavLink key={link.to} component={RouterLink} to={link.to} label={link.label} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
