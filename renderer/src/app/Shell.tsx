import { createHashRouter, NavLink, Navigate, Outlet, RouterProvider } from 'react-router';
import { useMemo } from 'react';
import { call } from '../api';
import { Button } from '../ui/Button';
import { PilotsPage } from '../features/pilots/PilotsPage';
import { EditPilotPage, NewPilotPage } from '../features/pilots/PilotEditor';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AuditPage } from '../features/audit/AuditPage';

/** Navigation follows the pilot's stages; a stage appears here once its feature exists. */
const navigation = [
  { to: '/pilots', label: 'Pilots' },
  { to: '/audit', label: 'Audit trail' },
  { to: '/settings', label: 'Settings' },
];

function Frame({ onLocked }: { onLocked: () => void }) {
  const lock = async () => {
    await call('vault.lock', {}).catch(() => undefined);
    onLocked();
  };
  return (
    <div className="frame">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="topbar">
        <span className="wordmark">Reciprocal</span>
        <span className="topbar-note">Encrypted on this laptop · nothing leaves it unless you export</span>
        <Button onPress={() => void lock()} className="lock-button">
          Lock
        </Button>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {navigation.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

export function Shell({ onLocked }: { onLocked: () => void }) {
  // Hash routing: the app is served from one app:// document, and a reload lands on the same screen.
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: '/',
          element: <Frame onLocked={onLocked} />,
          children: [
            { index: true, element: <Navigate to="/pilots" replace /> },
            { path: 'pilots', element: <PilotsPage /> },
            { path: 'pilots/new', element: <NewPilotPage /> },
            { path: 'pilots/:pilotId/edit', element: <EditPilotPage /> },
            { path: 'audit', element: <AuditPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: '*', element: <Navigate to="/pilots" replace /> },
          ],
        },
      ]),
    [onLocked],
  );
  return <RouterProvider router={router} />;
}
