import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: the standard Edit and Window menus (copy, paste, undo and their shortcuts
 * work through them), zoom for people who need larger text, and on macOS the app menu. No Help
 * links to websites and no DevTools; Reload and DevTools only in development, where a stale page
 * is a nuisance. Pure data, so it is unit-tested without Electron.
 */
export function applicationMenuTemplate({ platform, development }: { platform: NodeJS.Platform; development: boolean }): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(development ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]) : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? ([{ role: 'appMenu' }] as MenuItemConstructorOptions[]) : [{ label: '&File', submenu: [{ role: 'quit' }] } as MenuItemConstructorOptions]),
    { role: 'editMenu' },
    { label: mac ? 'View' : '&View', submenu: view },
    { role: 'windowMenu' },
  ];
}
