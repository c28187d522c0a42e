import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../electron/ipc-contract';
import { buildMenuTemplate, type MenuDeps } from '../../electron/menu-template';

function deps(over: Partial<MenuDeps> = {}): MenuDeps & { sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  return { appName: 'capsim', platform: 'linux', isDev: false, recent: [], send: (c) => sent.push(c), clearRecent: vi.fn(), showAbout: vi.fn(), sent, ...over };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu as MenuItemConstructorOptions[]) : [])]);
}
const byId = (items: MenuItemConstructorOptions[], id: string) => flatten(items).find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('menu template', () => {
  it('has the File commands, each sending its command to the renderer', () => {
    const d = deps();
    const t = buildMenuTemplate(d);
    for (const id of ['open', 'save', 'save-as', 'export', 'report', 'toggle-theme', 'shortcuts']) click(byId(t, id));
    expect(d.sent.map((c) => c.type)).toEqual(['open', 'save', 'save-as', 'export', 'report', 'toggle-theme', 'show-shortcuts']);
    expect(byId(t, 'quit')?.role).toBe('quit');
    expect(byId(t, 'open')?.accelerator).toBe('CmdOrCtrl+O');
  });

  it('lists recent files, and a disabled placeholder when there are none', () => {
    expect(byId(buildMenuTemplate(deps()), 'recent-empty')?.enabled).toBe(false);
    const d = deps({ recent: [{ path: '/s/tier-2.yaml', name: 'tier-2.yaml' }] });
    const t = buildMenuTemplate(d);
    expect(byId(t, 'recent-0')?.label).toBe('tier-2.yaml');
    click(byId(t, 'recent-0'));
    expect(d.sent).toEqual([{ type: 'open-recent', path: '/s/tier-2.yaml' }]);
    click(byId(t, 'recent-clear'));
    expect(d.clearRecent).toHaveBeenCalledOnce();
  });

  it('offers reload and devtools only in development', () => {
    expect(byId(buildMenuTemplate(deps()), 'reload')).toBeUndefined();
    expect(byId(buildMenuTemplate(deps()), 'devtools')).toBeUndefined();
    expect(byId(buildMenuTemplate(deps({ isDev: true })), 'reload')?.role).toBe('reload');
  });

  it('follows macOS conventions: app menu with About and Quit', () => {
    const t = buildMenuTemplate(deps({ platform: 'darwin' }));
    expect(t[0]?.label).toBe('capsim');
    expect(flatten(t).filter((i) => i.id === 'quit')).toHaveLength(1);
    expect(flatten(t).filter((i) => i.id === 'about')).toHaveLength(1);
  });
});
