import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIP_COMMAND, CLIP_SELECTION_MENU, THREAD_PAGE_PATTERNS, registerClipTriggers } from '@/utils/triggers';

type Tab = { id?: number };
type MenuClicked = (info: { menuItemId: string | number; frameId?: number }, tab?: Tab) => void;
type Command = (command: string, tab?: Tab) => void;

/** A browser event the test can fire, as the fake browser has none for menus and commands. */
function event<Listener extends (...args: never[]) => unknown>() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    fire: (...args: Parameters<Listener>) => listeners.forEach((listener) => listener(...args)),
  };
}

describe('the context menu and the keyboard shortcut', () => {
  const tab = { id: 7 };
  let menus: { create: ReturnType<typeof vi.fn>; onClicked: ReturnType<typeof event<MenuClicked>> };
  let commands: { onCommand: ReturnType<typeof event<Command>> };
  let action: { setBadgeText: ReturnType<typeof vi.fn>; setTitle: ReturnType<typeof vi.fn> };
  let clipInTab: ReturnType<typeof vi.fn<(tabId: number, frameId?: number) => Promise<void>>>;

  beforeEach(() => {
    fakeBrowser.reset();
    menus = { create: vi.fn(), onClicked: event<MenuClicked>() };
    commands = { onCommand: event<Command>() };
    clipInTab = vi.fn(() => Promise.resolve());
    action = { setBadgeText: vi.fn(() => Promise.resolve()), setTitle: vi.fn(() => Promise.resolve()) };
    // Only the parts of the APIs the triggers use are faked.
    registerClipTriggers(
      { runtime: fakeBrowser.runtime, contextMenus: menus, commands, action } as unknown as Parameters<typeof registerClipTriggers>[0],
      clipInTab,
    );
  });

  it('adds "Clip selection to Weekly" for selections on GitHub thread pages when installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(menus.create).toHaveBeenCalledWith({
      id: CLIP_SELECTION_MENU,
      title: 'Clip selection to Weekly',
      contexts: ['selection'],
      documentUrlPatterns: THREAD_PAGE_PATTERNS,
    });
    expect(THREAD_PAGE_PATTERNS).toContain('https://github.com/orgs/*/discussions/*');
  });

  it('asks the content script of the tab and frame where the menu was used to clip', () => {
    menus.onClicked.fire({ menuItemId: CLIP_SELECTION_MENU, frameId: 3 }, tab);
    expect(clipInTab).toHaveBeenCalledWith(7, 3);
  });

  it('ignores menu entries that are not its own', () => {
    menus.onClicked.fire({ menuItemId: 'another-extension' }, tab);
    expect(clipInTab).not.toHaveBeenCalled();
  });

  it('clips the active tab on Alt+Shift+W', () => {
    commands.onCommand.fire(CLIP_COMMAND, tab);
    expect(clipInTab).toHaveBeenCalledWith(7);
  });

  it('says on the toolbar button, for that tab, when the tab has no content script to answer', async () => {
    clipInTab.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(() => commands.onCommand.fire(CLIP_COMMAND, tab)).not.toThrow();
    await vi.waitFor(() => expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '!' }));
    expect(action.setTitle).toHaveBeenCalledWith({ tabId: 7, title: expect.stringContaining('Nothing to clip in this tab') });
  });
});
