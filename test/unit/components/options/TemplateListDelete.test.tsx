import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSetting, setSettings } from '@/utils/settings';
import { openOptionsAt } from './harness';

/** A template whose output would hide the whole options page, were it rendered as written. */
const hostile = { id: 'user-hostile', name: 'Hostile', source: '<style>*{display:none}</style>\n\n# {{ draft.title }}\n' };
const mine = { id: 'user-mine', name: 'Mine', source: '# Mine: {{ draft.title }}\n' };

const rendered = () => screen.getByRole('region', { name: 'Preview' });
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('options: deleting a template from the list', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  const open = (settings: Parameters<typeof setSettings>[0]) => openOptionsAt('Templates', { settings });

  it('renders a hostile template in use without its style, and deletes it from its row', async () => {
    await open({ userTemplates: [hostile], templateId: hostile.id });
    await waitFor(() => expect(rendered().querySelector('h1')?.textContent).toBe('Weekly digest'));
    expect(rendered().querySelector('style')).toBeNull();

    fireEvent.click(button('Delete Hostile'));
    const confirm = screen.getByRole('group', { name: 'Delete Hostile' });
    expect(within(confirm).getByText('Delete “Hostile”? This cannot be undone.')).toBeTruthy();
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Yes, delete' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByText('Deleted the template “Hostile”.')).toBeTruthy();
    expect(await getSetting('userTemplates')).toEqual([]);
    expect(await getSetting('templateId')).toBe('weekly-digest');
    expect(screen.queryByRole('radio', { name: 'Hostile' })).toBeNull();
    expect(document.activeElement).toBe(button('New template'));
  });

  it('deletes a template without opening it, and leaves the editor on what it showed', async () => {
    await open({ userTemplates: [mine, hostile], templateId: mine.id });
    await waitFor(() => expect(rendered().querySelector('h1')?.textContent).toBe('Mine: Weekly digest'));

    fireEvent.click(button('Delete Hostile'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Delete Hostile' })).getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByText('Deleted the template “Hostile”.')).toBeTruthy();
    expect(await getSetting('userTemplates')).toEqual([mine]);
    expect(screen.getByRole('heading', { name: 'Mine' })).toBeTruthy();
    expect(rendered().querySelector('h1')?.textContent).toBe('Mine: Weekly digest');
  });

  it('offers no delete for presets, and a cancelled delete changes nothing', async () => {
    await open({ userTemplates: [mine], templateId: mine.id });
    expect(screen.queryByRole('button', { name: 'Delete Weekly digest' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete SOFA Weekly' })).toBeNull();

    fireEvent.click(button('Delete Mine'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Delete Mine' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Delete Mine' })).toBeNull();
    expect(document.activeElement).toBe(button('Delete Mine'));
    expect(await getSetting('userTemplates')).toEqual([mine]);
  });
});
