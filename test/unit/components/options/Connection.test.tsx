import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionApi } from '@/components/options/api';
import { getGitHubToken } from '@/utils/connection/token';
import type { TokenCheck } from '@/utils/github/api';
import { harness, openOptionsAt } from './harness';

const TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178XB4a';
const tokenField = () => screen.getByLabelText<HTMLInputElement>('Personal access token');
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('options: GitHub connection', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  const open = (check: () => Promise<TokenCheck> = async () => ({ login: 'weekly-editor' })) =>
    openOptionsAt('GitHub connection', { api: { ...harness().api, connection: connectionApi(check) } });

  it('keeps a token, then shows it only masked, in a password field left empty', async () => {
    await open();
    expect(screen.getByText('No token: public repositories only, 60 requests an hour.')).toBeTruthy();
    expect(tokenField().type).toBe('password');
    fireEvent.input(tokenField(), { target: { value: `  ${TOKEN}\n` } });
    fireEvent.click(button('Save token'));
    expect(await screen.findByText('Token in use: ghp_…XB4a')).toBeTruthy();
    expect(await getGitHubToken()).toBe(TOKEN);
    expect(tokenField().value).toBe('');
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('says whose the token is, or why GitHub refused it, and removes it', async () => {
    const check = vi.fn<() => Promise<TokenCheck>>().mockResolvedValueOnce({ login: 'weekly-editor' }).mockResolvedValueOnce({ failed: 'unauthorised' });
    await open(check);
    fireEvent.input(tokenField(), { target: { value: TOKEN } });
    fireEvent.click(button('Save token'));
    await screen.findByText(/^Token in use/);
    fireEvent.click(button('Check token'));
    expect(await screen.findByText('GitHub accepts this token as @weekly-editor.')).toBeTruthy();
    fireEvent.click(button('Check token'));
    expect(await screen.findByText('The token was not accepted. GitHub refused the token; check it in the options.')).toBeTruthy();
    fireEvent.click(button('Remove token'));
    expect(await screen.findByText('No token: public repositories only, 60 requests an hour.')).toBeTruthy();
    expect(await getGitHubToken()).toBeUndefined();
    expect(button('Check token').disabled).toBe(true);
  });
});
