import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../support/pages';
import { launchExtension, type ExtensionSession } from './support/extension';
import { readDraft, waitForStatus } from './support/ui';

const SHA = '0123456789abcdef0123456789abcdef01234567';
/** The answer as the converter writes GitHub's references, with a code span and an e-mail address beside them. */
const ANSWER = `Fixed by @nejisama in #2204 (${SHA}), as sofastack/sofa-rpc#1290 did; run \`git log #2204\` or mail team@mosn.io.`;
const EXPANDED = [
  'A：Fixed by [@nejisama](https://github.com/nejisama) in [#2204](https://github.com/mosn/mosn/issues/2204)',
  ` ([\`0123456\`](https://github.com/mosn/mosn/commit/${SHA})),`,
  ' as [sofastack/sofa-rpc#1290](https://github.com/sofastack/sofa-rpc/issues/1290) did;',
  ' run `git log #2204` or mail team@mosn.io.',
].join('');

describe("a template's links, in Chromium", () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.servePage('https://github.com/mosn/mosn/issues/2203', readFixture('react-issue.html'));
  });

  afterAll(() => session?.close());

  it("keeps an answer written with GitHub's references as written in the clip", async () => {
    const page = await session.context.newPage();
    await page.goto('https://github.com/mosn/mosn/issues/2203');
    await page.getByRole('button', { name: 'Clip as answer' }).first().click();
    await waitForStatus(page, 'Clipped to Weekly: mosn/mosn#2203, answer by @nejisama');
    await page.close();

    const { popup } = await readDraft(session);
    await popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    await popup.getByLabel('Answer Markdown').fill(ANSWER);
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toContain(`A：${ANSWER}`);
    await popup.close();
  });

  it('exports SOFA Weekly with full links, its entry header as the seed prints it', async () => {
    const { popup } = await readDraft(session);
    await popup.getByLabel('Template').selectOption({ label: 'SOFA Weekly' });
    const draft = popup.getByLabel('Draft Markdown');
    await expect.poll(() => draft.inputValue()).toContain(EXPANDED);
    const markdown = await draft.inputValue();
    expect(markdown).toContain('**1. @dengqian #2203**\n\n> Why pprof debug server do not support hot upgrade?\n\n');

    const preview = popup.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('link', { name: '#2204' }).getAttribute('href')).toBe('https://github.com/mosn/mosn/issues/2204');
    expect(await preview.getByRole('link', { name: '@nejisama' }).getAttribute('href')).toBe('https://github.com/nejisama');

    // The default title and SOFA Weekly's TODOs for the parts the intro lacks are listed first.
    await popup.getByRole('button', { name: 'Download .md' }).click();
    const warnings = popup.getByRole('alertdialog', { name: 'Before Download .md, check these' });
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').allTextContents()).toContainEqual('The title is still the default, “Weekly digest”.');
    const [download] = await Promise.all([popup.waitForEvent('download'), warnings.getByRole('button', { name: 'Go on' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(markdown);
    await popup.close();
  });

  it("keeps GitHub's shorthand with a template that keeps it, and the clip as written", async () => {
    const { popup } = await readDraft(session);
    await popup.getByLabel('Template').selectOption({ label: 'Weekly digest' });
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toContain(`A：${ANSWER}`);
    await popup.getByRole('button', { name: 'Edit mosn/mosn#2203' }).click();
    expect(await popup.getByLabel('Answer Markdown').inputValue()).toBe(ANSWER);
    await popup.close();
  });

  it('expands links with a template whose editor chose so', async () => {
    const options = await session.openOptions();
    await options.getByRole('button', { name: 'New template' }).click();
    await options.getByLabel('Template name').fill('Site');
    await options.getByLabel('Template source').fill('{% for clip in clips %}{{ clip.answer.markdown }}{% endfor %}');
    await options.getByRole('radio', { name: 'Expand each into a full link, for a website or WeChat' }).check();
    await expect.poll(() => options.getByLabel('Preview Markdown').inputValue()).toContain('[#2204](https://github.com/mosn/mosn/issues/2204)');
    await options.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => options.getByRole('status').allTextContents()).toContainEqual('Saved the template “Site”.');
    await options.getByRole('radio', { name: 'Site', exact: true }).check();
    await expect.poll(() => options.getByRole('status').allTextContents()).toContainEqual('The draft now uses “Site”.');
    await options.close();

    const { popup } = await readDraft(session);
    await expect.poll(() => popup.getByLabel('Draft Markdown').inputValue()).toBe(EXPANDED.slice('A：'.length));
    await popup.close();
  });
});
