import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GitHubStandIn } from '../support/github-stand-in';
import { readFixture } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { waitForStatus } from './support/ui';

const SITE = 'sofastack/sofastack.tech';
const SHARED_BRANCH = 'weekly-clipper';
const SHARED_PATH = 'weekly-clipper/shared-weekly.json';
const grant = { permissions: { contents: 'write', pull_requests: 'write', issues: 'write', metadata: 'read' } } as const;

/** One maintainer: their own browser profile, their own token, online or not. */
interface Maintainer {
  session: ExtensionSession;
  offline: boolean;
  popup: Page;
}

function threadUrl(number: number): string {
  return `https://github.com/mosn/mosn/issues/${number}`;
}

function threadPage(number: number): string {
  return readFixture('react-issue.html').replaceAll('2203', String(number));
}

describe('a team weekly shared through a repository, two maintainers in two browsers', () => {
  let standIn: GitHubStandIn;
  const maintainers: Maintainer[] = [];

  beforeEach(() => {
    standIn = new GitHubStandIn();
    standIn.addRepository(SITE);
    standIn.addToken('token-alice', { login: 'alice', ...grant });
    standIn.addToken('token-bob', { login: 'bob', ...grant });
  });

  afterEach(async () => {
    await Promise.all(maintainers.splice(0).map((maintainer) => maintainer.session.close()));
  });

  async function maintainer(token: string): Promise<Maintainer> {
    const session = await launchExtension();
    const self: Maintainer = { session, offline: false, popup: undefined as unknown as Page };
    await standIn.serve(session.context, { offline: () => self.offline });
    for (const number of [2203, 2299, 2301]) session.servePage(threadUrl(number), threadPage(number));

    const options = await session.openOptions();
    await options.getByLabel('Personal access token').fill(token);
    await options.getByRole('button', { name: 'Save token' }).click();
    await options.getByLabel('Shared weekly repository').fill(SITE);
    await options.getByRole('button', { name: 'Save shared weekly' }).click();
    await expect.poll(() => options.getByText('Saved. This browser now syncs with that file.').count()).toBe(1);
    await options.close();
    maintainers.push(self);
    return self;
  }

  async function clip(who: Maintainer, number: number) {
    const page = await who.session.context.newPage();
    await page.goto(threadUrl(number));
    await page.getByRole('button', { name: 'Clip to Weekly' }).click();
    await waitForStatus(page, new RegExp(`Clipped to Weekly: mosn/mosn#${number}`));
    await page.close();
  }

  /** Asks for a round in the popup and waits until it says it synced with nothing waiting. */
  async function sync(who: Maintainer) {
    const line = who.popup.locator('.sync-line');
    const before = await line.textContent();
    await who.popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => who.popup.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
    await expect.poll(async () => (await line.textContent()) ?? '').toMatch(/Shared weekly synced/);
    return before;
  }

  const markdown = (who: Maintainer) => who.popup.getByLabel('Draft Markdown').inputValue();

  it('merges both maintainers’ clips, moves and edits, survives one going offline and a stale write, and publishes one pull request', async () => {
    const alice = await maintainer('token-alice');
    const bob = await maintainer('token-bob');

    await clip(alice, 2203);
    alice.popup = await alice.session.openPopup();
    await expect.poll(async () => (await alice.popup.locator('.sync-line').textContent()) ?? '').toMatch(/Shared weekly synced/);

    await clip(bob, 2299);
    bob.popup = await bob.session.openPopup();
    await expect.poll(() => bob.popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).count()).toBe(1);
    await sync(alice);
    await expect.poll(() => alice.popup.getByRole('button', { name: 'Edit mosn/mosn#2299' }).count()).toBe(1);

    // Bob moves his clip first while Alice writes an answer to it.
    await bob.popup.getByRole('button', { name: 'Move mosn/mosn#2299 up' }).click();
    await alice.popup.getByRole('button', { name: 'Edit mosn/mosn#2299' }).click();
    await alice.popup.getByLabel('Answer Markdown').fill('Alice: hot upgrade keeps the debug server.');
    await alice.popup.getByRole('button', { name: 'Save' }).click();
    await sync(bob);
    await sync(alice);
    await sync(bob);
    // Each popup assembles its Markdown a moment after the round's changes reach its store.
    await expect.poll(async () => (await markdown(alice)) === (await markdown(bob))).toBe(true);
    expect(await markdown(alice)).toContain('Alice: hot upgrade keeps the debug server.');
    expect((await markdown(alice)).indexOf('2299')).toBeLessThan((await markdown(alice)).indexOf('2203'));
    const file = JSON.parse(standIn.file(SITE, SHARED_BRANCH, SHARED_PATH) ?? '{}') as { weekly: { clips: { number: number; clippedBy?: string }[] } };
    expect(file.weekly.clips.map((entry) => [entry.number, entry.clippedBy])).toEqual([
      [2299, 'bob'],
      [2203, 'alice'],
    ]);

    // Bob goes offline and keeps working: his change waits, and nothing of it is lost.
    bob.offline = true;
    await clip(bob, 2301);
    await bob.popup.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await bob.popup.locator('.sync-line').textContent()) ?? '').toMatch(/GitHub could not be reached/);
    await expect.poll(async () => (await bob.popup.locator('.sync-line').textContent()) ?? '').toMatch(/1 changes waiting/);
    await expect.poll(() => bob.popup.getByRole('button', { name: 'Edit mosn/mosn#2301' }).count()).toBe(1);
    bob.offline = false;

    // Another write lands between Bob's read and his write: GitHub refuses his as stale, he merges and writes again.
    standIn.beforeContentsWrite = () => {
      standIn.beforeContentsWrite = undefined;
      const current = standIn.file(SITE, SHARED_BRANCH, SHARED_PATH) as string;
      standIn.push(SITE, SHARED_BRANCH, SHARED_PATH, JSON.stringify(JSON.parse(current)));
    };
    const start = standIn.log.length;
    await sync(bob);
    expect(standIn.log.slice(start).filter((line) => line.startsWith('PUT'))).toEqual([
      `PUT /repos/${SITE}/contents/${SHARED_PATH} 409`,
      `PUT /repos/${SITE}/contents/${SHARED_PATH} 200`,
    ]);
    await sync(alice);
    await expect.poll(() => markdown(alice)).toContain('#2301');
    await expect.poll(async () => (await markdown(alice)) === (await markdown(bob))).toBe(true);

    // Alice publishes: one pull request whose file is exactly the draft's Markdown; publishing again updates it.
    const options = await alice.session.openOptions();
    await options.getByLabel('Site repository').fill(SITE);
    await options.getByRole('button', { name: 'Save publishing' }).click();
    await expect.poll(() => options.getByText('Saved.', { exact: true }).count()).toBe(1);
    await options.close();
    await alice.popup.reload();
    await alice.popup.getByRole('button', { name: 'Publish as pull request' }).click();
    // Publishing goes through the warnings like every way out: Bob's last clip has no answer.
    await expect.poll(() => alice.popup.getByText(/No answer: .*mosn\/mosn#2301/).count()).toBe(1);
    await alice.popup.getByRole('button', { name: 'Go on' }).click();
    await waitForStatus(alice.popup, 'Pull request #1 opened');
    const pulls = standIn.pulls(SITE);
    expect(pulls).toHaveLength(1);
    const published = () => standIn.file(SITE, pulls[0].head, `content/zh/blog/sofa-weekly-${pulls[0].head.slice(-10).replaceAll('-', '')}/index.md`);
    expect(published()).toBe(await markdown(alice));
    await expect.poll(() => alice.popup.getByRole('link', { name: /Pull request: https:\/\/github.com\/sofastack\/sofastack.tech\/pull\/1/ }).count()).toBe(1);

    await alice.popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    await alice.popup.getByLabel('Answer Markdown').fill('Reviewed before publishing.');
    await alice.popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => markdown(alice)).toContain('Reviewed before publishing.');
    await alice.popup.getByRole('button', { name: 'Publish as pull request' }).click();
    await alice.popup.getByRole('button', { name: 'Go on' }).click();
    await waitForStatus(alice.popup, 'Pull request #1 updated');
    expect(standIn.pulls(SITE)).toHaveLength(1);
    expect(published()).toBe(await markdown(alice));
  });

  it("creates a GitHub issue through the API when a token is set, past the prefilled link's 8,000 characters", async () => {
    const alice = await maintainer('token-alice');
    const options = await alice.session.openOptions();
    await options.getByLabel('Target repository').fill(SITE);
    await options.getByRole('button', { name: 'Save repository' }).click();
    await expect.poll(() => options.getByText(SITE, { exact: false }).count()).toBeGreaterThan(0);
    await options.close();

    await clip(alice, 2203);
    alice.popup = await alice.session.openPopup();
    const answer = `${'热升级时调试服务器会随主进程一起重启。'.repeat(500)}`;
    await alice.popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    await alice.popup.getByLabel('Answer Markdown').fill(answer);
    await alice.popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => markdown(alice)).toContain(answer);
    expect(encodeURIComponent(await markdown(alice)).length).toBeGreaterThan(8000);

    await alice.popup.getByRole('button', { name: 'Open as GitHub issue' }).click();
    // The default title is listed first; the user goes on.
    await alice.popup.getByRole('button', { name: 'Go on' }).click();
    await waitForStatus(alice.popup, `Issue #1 created in ${SITE}`);
    const [issue] = standIn.issues(SITE);
    expect(issue.title).toBe('Weekly digest');
    expect(issue.body).toBe(await markdown(alice));
  });

  it('names at once the permission a token lacks for publishing', async () => {
    standIn.addToken('token-contents-only', { login: 'carol', permissions: { contents: 'write', metadata: 'read' } });
    const carol = await maintainer('token-contents-only');
    const options = await carol.session.openOptions();
    await options.getByLabel('Site repository').fill(SITE);
    await options.getByRole('button', { name: 'Save publishing' }).click();
    await expect.poll(() => options.getByText('Saved.', { exact: true }).count()).toBe(1);
    await options.getByRole('button', { name: 'Check token' }).click();
    await expect
      .poll(() => options.getByText(`GitHub accepts this token as @carol.`, { exact: false }).textContent())
      .toContain(`The token lacks the permission “Pull requests: read” on ${SITE}.`);
  });

  it('says clearly when the token is revoked, and keeps the local work', async () => {
    const alice = await maintainer('token-alice');
    await clip(alice, 2203);
    alice.popup = await alice.session.openPopup();
    await expect.poll(async () => (await alice.popup.locator('.sync-line').textContent()) ?? '').toMatch(/Shared weekly synced/);

    standIn.revokeToken('token-alice');
    await clip(alice, 2299);
    await alice.popup.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(async () => (await alice.popup.locator('.sync-line').textContent()) ?? '')
      .toContain('GitHub no longer accepts the token (expired or revoked). Set a new one in the options; your work is kept here.');
    await expect.poll(() => alice.popup.getByRole('button', { name: 'Edit mosn/mosn#2299' }).count()).toBe(1);
    expect(await alice.popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).count()).toBe(1);
  });
});
