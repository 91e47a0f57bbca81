import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSetting } from '@/utils/settings';
import { openOptionsAt } from './harness';

const mosn = { name: 'MOSN', link: 'https://github.com/mosn/mosn/' };

const form = () => screen.getByRole('form', { name: /^(Add a project|Edit .+)$/ });
const field = (name: string) => within(form()).getByLabelText<HTMLInputElement>(name);
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
/** What a screen reader reads after the field's name: its hint and error. */
const description = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');
const table = () => screen.getByRole('table', { name: 'Projects' });
const rows = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole(/^(cell|rowheader)$/)
        .slice(0, 3)
        .map((cell) => cell.textContent),
    );

describe('options: projects', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  const open = (projects = {}) => openOptionsAt('Projects', { settings: { projects } });

  it('adds a project and shows it in the table', async () => {
    await open();
    expect(screen.getByText('No project names yet.')).toBeTruthy();
    type('Repository', ' mosn/mosn ');
    type('Display name', 'MOSN');
    type('Link', 'https://mosn.io/');
    fireEvent.click(button('Add project'));
    expect(await screen.findByText('Added mosn/mosn.')).toBeTruthy();
    expect(await getSetting('projects')).toEqual({ 'mosn/mosn': { name: 'MOSN', link: 'https://mosn.io/' } });
    expect(rows()).toEqual([['mosn/mosn', 'MOSN', 'https://mosn.io/']]);
    expect(field('Repository').value).toBe('');
  });

  it("links the repository's GitHub page when the link is left empty", async () => {
    await open();
    type('Repository', 'sofastack/sofa-rpc');
    type('Display name', 'SOFARPC');
    fireEvent.click(button('Add project'));
    expect(await screen.findByText('Added sofastack/sofa-rpc.')).toBeTruthy();
    expect(await getSetting('projects')).toEqual({ 'sofastack/sofa-rpc': { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' } });
  });

  it('says what to write in each field that is not valid, and saves nothing', async () => {
    await open();
    type('Repository', 'mosn');
    type('Link', 'javascript:alert(1)');
    fireEvent.click(button('Add project'));
    expect(description(field('Repository'))).toBe('“mosn” is not a repository: write it as owner/name, like mosn/mosn.');
    expect(description(field('Display name'))).toBe('Give the project a display name, like MOSN.');
    expect(description(field('Link'))).toBe('Leave empty to link the repository on GitHub. Write the link as a full web address starting with https://.');
    for (const name of ['Repository', 'Display name', 'Link']) expect(field(name).getAttribute('aria-invalid')).toBe('true');
    expect(await getSetting('projects')).toEqual({});
  });

  it('asks for owner/name when a link is pasted as the repository', async () => {
    await open();
    type('Repository', 'https://github.com/mosn/mosn');
    type('Display name', 'MOSN');
    fireEvent.click(button('Add project'));
    expect(screen.getByText('Write the repository as owner/name (like mosn/mosn), not as a link.')).toBeTruthy();
    expect(await getSetting('projects')).toEqual({});
  });

  it('checks a field again as soon as it is corrected', async () => {
    await open();
    type('Display name', 'MOSN');
    fireEvent.click(button('Add project'));
    expect(screen.getByText('Write the repository as owner/name, like mosn/mosn.')).toBeTruthy();
    type('Repository', 'mosn/mosn');
    expect(screen.queryByText('Write the repository as owner/name, like mosn/mosn.')).toBeNull();
    expect(field('Repository').getAttribute('aria-invalid')).toBe('false');
  });

  it('refuses a second row for a repository already named', async () => {
    await open({ 'mosn/mosn': mosn });
    type('Repository', 'mosn/mosn');
    type('Display name', 'Other');
    fireEvent.click(button('Add project'));
    expect(screen.getByText('mosn/mosn is already in the table: edit its row instead.')).toBeTruthy();
    expect(await getSetting('projects')).toEqual({ 'mosn/mosn': mosn });
  });

  it("edits a project's name and link, keeping its repository", async () => {
    await open({ 'mosn/mosn': mosn });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit mosn/mosn' }));
    expect(screen.getByRole('heading', { name: 'Edit mosn/mosn' })).toBeTruthy();
    expect(field('Repository').value).toBe('mosn/mosn');
    expect(field('Repository').readOnly).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(field('Display name')));
    type('Display name', 'MOSN (Modular Open Smart Network)');
    fireEvent.click(button('Save project'));
    expect(await screen.findByText('Saved mosn/mosn.')).toBeTruthy();
    expect(await getSetting('projects')).toEqual({ 'mosn/mosn': { ...mosn, name: 'MOSN (Modular Open Smart Network)' } });
    expect(screen.getByRole('heading', { name: 'Add a project' })).toBeTruthy();
  });

  it('removes a project', async () => {
    const rpc = { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' };
    await open({ 'mosn/mosn': mosn, 'sofastack/sofa-rpc': rpc });
    expect(rows()).toEqual([
      ['mosn/mosn', 'MOSN', 'https://github.com/mosn/mosn/'],
      ['sofastack/sofa-rpc', 'SOFARPC', 'https://github.com/sofastack/sofa-rpc/'],
    ]);
    fireEvent.click(button('Remove mosn/mosn'));
    expect(await screen.findByText('Removed mosn/mosn.')).toBeTruthy();
    expect(await getSetting('projects')).toEqual({ 'sofastack/sofa-rpc': rpc });
    expect(rows()).toEqual([['sofastack/sofa-rpc', 'SOFARPC', 'https://github.com/sofastack/sofa-rpc/']]);
  });
});
