import {
  AppShell,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Navigate, NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { logOut, signedOut } from '../api/session';
import { useSession } from '../features/auth/useSession';
import { useUnreadCount } from '../features/inbox/hooks/useUnreadCount';
import { DatabaseStatus } from '../features/health/components/DatabaseStatus';
import { useMessages } from '../i18n/useMessages';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The frame of every signed-in screen: the header with the database badge, the user and logout, and the
 * navigation for the user's role (managers edit flows, templates and settings; front-desk staff read the
 * report and send one-off messages; both tell patients when a practitioner is late or absent). Without a
 * session, the login page.
 */
export function AppLayout() {
  const t = useMessages();
  const location = useLocation();
  const { token, me, loading, isManager } = useSession();
  // back to the page after an expired session or a deep link; never to the page a signed-out user left
  if (!token)
    return <Navigate to="/login" replace state={signedOut() ? null : { from: location.pathname }} />;
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
        { to: '/runs', label: t.navRuns },
        { to: '/inbox', label: t.navInbox },
        { to: '/batch-send', label: t.navBatchSend },
        { to: '/practitioners', label: t.navPractitioners },
        { to: '/patients', label: t.navPatients },
        { to: '/settings', label: t.navSettings },
        { to: '/team', label: t.navTeam },
        { to: '/activity', label: t.navActivity },
      ]
    : [
        { to: '/report', label: t.navReport },
        { to: '/inbox', label: t.navInbox },
        { to: '/send', label: t.navSend },
        { to: '/batch-send', label: t.navBatchSend },
        { to: '/practitioners', label: t.navPractitioners },
      ];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3}>{t.appName}</Title>
          <Group gap="sm">
            <LanguageSwitch />
            <DatabaseStatus />
            <Text size="sm" data-testid="signed-in-user">
              {me?.email} · {isManager ? t.roleManager : t.roleStaff}
            </Text>
            <Button variant="subtle" size="xs" component={RouterLink} to="/account">
              {t.navAccount}
            </Button>
            <Button variant="subtle" size="xs" leftSection={<IconLogout size={14} />} onClick={logOut}>
              {t.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t.navLabel}>
        {links.map((link) =>
          link.to === '/inbox' ? (
            <InboxNavLink key={link.to} label={link.label} />
          ) : (
            <NavLink key={link.to} component={RouterLink} to={link.to} label={link.label} />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

/** The inbox's navigation entry with the number of unread replies (S6). */
function InboxNavLink({ label }: { label: string }) {
  const t = useMessages();
  const unread = useUnreadCount();
  // The link's name is what it shows, then what the number means ("Inbox 3 unread"): no aria-label, whose words
  // would differ from the visible ones (WCAG 2.5.3, label in name).
  return (
    <NavLink
      component={RouterLink}
      to="/inbox"
      label={label}
      rightSection={
        unread ? (
          <>
            <Badge size="sm" color="red" circle={unread < 10} data-testid="inbox-unread">
              {unread}
            </Badge>
            <VisuallyHidden>{t.inboxUnreadWord}</VisuallyHidden>
          </>
        ) : null
      }
    />
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
