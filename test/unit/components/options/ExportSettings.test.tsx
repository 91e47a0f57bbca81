import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSetting, setSettings } from '@/utils/settings';
import { openOptionsAt } from './harness';

const repoField = () => screen.getByLabelText<HTMLInputElement>('Target repository');
const saveRepo = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save repository' });
const checkbox = () => screen.getByRole<HTMLInputElement>('checkbox', { name: 'Add new clips to the current draft' });
const type = (value: string) => fireEvent.input(repoField(), { target: { value } });

describe('options: export settings', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  const open = () => openOptionsAt('Export');

  it('saves the target repository for "Open as GitHub issue"', async () => {
    await open();
    expect(repoField().value).toBe('');
    expect(saveRepo().disabled).toBe(true);
    type('sofastack/sofa-weekly');
    fireEvent.click(saveRepo());
    expect(await screen.findByText('New issues will open in sofastack/sofa-weekly.')).toBeTruthy();
    expect(await getSetting('targetRepo')).toBe('sofastack/sofa-weekly');
    expect(saveRepo().disabled).toBe(true);
  });

  it.each([
    ['sofastack', '“sofastack” is not a repository: write it as owner/name, like mosn/mosn.'],
    ['https://github.com/sofastack/sofa-weekly', 'Write the repository as owner/name (like mosn/mosn), not as a link.'],
    ['-bad/name', '“-bad/name” is not a repository: write it as owner/name, like mosn/mosn.'],
  ])('refuses %s as the target repository, keeping the saved one', async (value, message) => {
    await setSettings({ targetRepo: 'mosn/mosn' });
    await open();
    await waitFor(() => expect(repoField().value).toBe('mosn/mosn'));
    type(value);
    fireEvent.click(saveRepo());
    expect(screen.getByText(message)).toBeTruthy();
    expect(repoField().getAttribute('aria-invalid')).toBe('true');
    expect(await getSetting('targetRepo')).toBe('mosn/mosn');
  });

  it('clears the target repository when the field is emptied', async () => {
    await setSettings({ targetRepo: 'mosn/mosn' });
    await open();
    await waitFor(() => expect(repoField().value).toBe('mosn/mosn'));
    type('  ');
    fireEvent.click(saveRepo());
    expect(await screen.findByText('No target repository is set.')).toBeTruthy();
    expect(await getSetting('targetRepo')).toBe('');
  });

  it('shows a target repository set elsewhere', async () => {
    await open();
    await setSettings({ targetRepo: 'mosn/weekly' });
    await waitFor(() => expect(repoField().value).toBe('mosn/weekly'));
  });

  it('turns "Add new clips to the current draft" off and on again', async () => {
    await open();
    expect(checkbox().checked).toBe(true);
    fireEvent.click(checkbox());
    await waitFor(async () => expect(await getSetting('addNewClipsToCurrentDraft')).toBe(false));
    expect(checkbox().checked).toBe(false);
    fireEvent.click(checkbox());
    await waitFor(async () => expect(await getSetting('addNewClipsToCurrentDraft')).toBe(true));
    expect(checkbox().checked).toBe(true);
  });

  it('shows "Add new clips to the current draft" as saved', async () => {
    await setSettings({ addNewClipsToCurrentDraft: false });
    await open();
    await waitFor(() => expect(checkbox().checked).toBe(false));
  });
});
