import { AppShell, Button, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Navigate, NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { logOut } from '../api/session';
import { useSession } from '../features/auth/useSession';
import { DatabaseStatus } from '../features/health/components/DatabaseStatus';
import { useMessages } from '../i18n/useMessages';

/**
 * The frame of every signed-in screen: the header with the database badge, the user and logout, and the
 * navigation for the user's role (managers edit flows, templates and settings; front-desk staff read the
 * report and send one-off messages). Without a session, the login page.
 */
export function AppLayout() {
  const t = useMessages();
  const location = useLocation();
  const { token, me, loading, isManager } = useSession();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (loading)
    return (
      <Center mih="100vh">
        <Loader aria-label={t.loading} />
      </Center>
    );
  const links = isManager
    ? [
        { to: '/flows', label: t.navFlows },
        { to: '/templates', label: t.navTemplates },
        { to: '/report', label: t.navReport },
        { to: '/settings', label: t.navSettings },
      ]
    : [
        { to: '/report', label: t.navReport },
        { to: '/send', label: t.navSend },
      ];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>{t.appName}</Title>
          <Group gap="sm">
            <DatabaseStatus />
            <Text size="sm" data-testid="signed-in-user">
              {me?.email} · {isManager ? t.roleManager : t.roleStaff}
            </Text>
            <Button variant="subtle" size="xs" leftSection={<IconLogout size={14} />} onClick={logOut}>
              {t.logout}
            </Button>
          </Group>
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

/** The first screen after login: flows for managers, the report for staff. */
export function HomeRedirect() {
  const { isManager } = useSession();
  return <Navigate to={isManager ? '/flows' : '/report'} replace />;
}

/** Screens with write actions on flows, templates and settings: managers only (the API says 403 too). */
export function ManagersOnly() {
  const t = useMessages();
  const { isManager } = useSession();
  if (!isManager) return <Text role="alert">{t.managersOnly}</Text>;
  return <Outlet />;
}
