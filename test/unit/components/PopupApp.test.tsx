import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { createStore, type Store } from '@/utils/store';
import { freshDatabase, manualClock, seedCapture } from '../../support/clips';
import { draft, loaded, popupApi, preview, renderPopup, SHORT_ANSWER_2203, status, warningsListed, type RecordedPopupApi } from './popup-harness';

const second = seedCapture({
  repo: 'sofastack/sofa-rpc',
  number: 1290,
  url: 'https://github.com/sofastack/sofa-rpc/issues/1290',
  title: 'SOFARPC 发现了安全漏洞在哪提交呢？',
  question: { author: 'yemoli', url: 'https://github.com/sofastack/sofa-rpc/issues/1290', markdown: 'SOFARPC 发现了安全漏洞在哪提交呢？' },
});

describe('the popup', () => {
  let store: Store;
  let settings: Settings;
  let api: RecordedPopupApi;

  beforeEach(async () => {
    const clock = manualClock('2023-01-04T08:00:00Z');
    store = createStore(freshDatabase(), clock.now);
    await store.clips.save(seedCapture({ answer: SHORT_ANSWER_2203 }), { addToCurrentDraft: true });
    clock.set('2023-01-05T08:00:00Z');
    await store.clips.save(second, { addToCurrentDraft: true });
    settings = { ...DEFAULT_SETTINGS, projects: { 'mosn/mosn': { name: 'MOSN', link: 'https://github.com/mosn/mosn/' } } };
    api = popupApi(store, {
      loadSettings: async () => settings,
      selectTemplate: async (templateId) => void (settings = { ...settings, templateId }),
      shortcut: async () => 'Alt+Shift+W',
    });
  });

  afterEach(cleanup);

  /** The fixture's draft is in once its later clip is. */
  const fixtureLoaded = () => loaded('#1290');
  const entries = () => [...draft().value.matchAll(/^\*\*(\d+)\. @(\S+) #(\d+)\*\*$/gm)].map((match) => `${match[1]}. #${match[3]}`);
  /** What the fixture's draft is warned of: its title is the default, and #1290 has no answer. */
  const FIXTURE_WARNINGS = [
    'The title is still the default, “Weekly digest”.',
    'No answer: sofastack/sofa-rpc#1290. They print without an answer, and the count line still counts them.',
  ];
  /** Checks the warnings listed before the issue goes out, then goes on. */
  async function goOn(warnings: string[] = FIXTURE_WARNINGS) {
    expect(await warningsListed()).toEqual(warnings);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Go on' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  }

  it('shows the draft Markdown, numbered in the draft order, with the shortcut', async () => {
    renderPopup(api);
    await fixtureLoaded();
    expect(entries()).toEqual(['1. #2203', '2. #1290']);
    expect(draft().value).toContain('**「MOSN」**：*[https://github.com/mosn/mosn/](https://github.com/mosn/mosn/)*');
    expect(draft().value).toContain('A：Debug server init here');
    expect(draft().readOnly).toBe(true);
    expect(screen.getByText('Shortcut: Alt+Shift+W')).toBeTruthy();
  });

  it('reorders with the keyboard buttons and the Markdown follows at once', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Move sofastack/sofa-rpc#1290 up' }));
    await waitFor(() => expect(entries()).toEqual(['1. #1290', '2. #2203']));
    expect((await store.drafts.current()).draft.clipIds).toEqual(['sofastack/sofa-rpc#1290', 'mosn/mosn#2203']);
  });

  it('reorders by drag and drop', async () => {
    renderPopup(api);
    await fixtureLoaded();
    const [first, last] = screen.getAllByRole('listitem');
    const data = new Map<string, string>();
    const dataTransfer = { setData: (type: string, value: string) => data.set(type, value), getData: (type: string) => data.get(type) ?? '' };
    fireEvent.dragStart(last, { dataTransfer });
    fireEvent.dragOver(first, { dataTransfer });
    fireEvent.drop(first, { dataTransfer });
    await waitFor(() => expect(entries()).toEqual(['1. #1290', '2. #2203']));
  });

  it('removes a clip and brings it back, in its place, with Undo', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Remove mosn/mosn#2203' }));
    await waitFor(() => expect(entries()).toEqual(['1. #1290']));
    expect(status().textContent).toBe('Removed mosn/mosn#2203.');
    expect(await store.clips.get('mosn/mosn#2203')).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(entries()).toEqual(['1. #2203', '2. #1290']));
    expect(draft().value).toContain('A：Debug server init here');
  });

  it('moves a clip to the inbox and back into the draft', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Move mosn/mosn#2203 to the inbox' }));
    await waitFor(() => expect(entries()).toEqual(['1. #1290']));
    expect(screen.getByRole('heading', { name: 'Inbox (1)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add mosn/mosn#2203 to this issue' }));
    await waitFor(() => expect(entries()).toEqual(['1. #1290', '2. #2203']));
  });

  it('edits the question and answer in place, and the edit is kept', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Edit sofastack/sofa-rpc#1290' }));
    fireEvent.input(screen.getByLabelText('Question Markdown'), { target: { value: 'Where do I report a vulnerability?' } });
    fireEvent.input(screen.getByLabelText('Answer Markdown'), { target: { value: '可以邮件给：<khotyn.huangt@antgroup.com>。' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(draft().value).toContain('> Where do I report a vulnerability?\n\nA：可以邮件给：<khotyn.huangt@antgroup.com>。'));
    // Clipping the thread again with only defaults keeps the words the user wrote.
    await store.clips.save(second);
    expect((await store.clips.get('sofastack/sofa-rpc#1290'))?.question.markdown).toBe('Where do I report a vulnerability?');
  });

  it('switches to the SOFA Weekly template from the Template select', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.change(screen.getByLabelText('Template'), { target: { value: 'sofa-weekly' } });
    await waitFor(() => expect(draft().value).toMatch(/^---\ntitle: /));
    expect(draft().value).toContain('**本周各项目回复 issue 共计 2 条**');
    expect(settings.templateId).toBe('sofa-weekly');
  });

  it('copies, downloads and names the file after the draft', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(api.copy).not.toHaveBeenCalled();
    await goOn();
    expect(api.copy).toHaveBeenCalledWith(draft().value);
    await waitFor(() => expect(status().textContent).toBe('Copied the draft Markdown.'));
    fireEvent.click(screen.getByRole('button', { name: 'Download .md' }));
    await goOn();
    expect(api.download).toHaveBeenCalledWith(draft().value, expect.stringMatching(/^\d{4}-\d{2}-\d{2}-.+\.md$/));
  });

  it('sends the user to the options when no repository is set for Open as GitHub issue', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Open as GitHub issue' }));
    await goOn();
    await waitFor(() => expect(status().textContent).toContain('Choose the repository'));
    expect(api.openOptions).toHaveBeenCalled();
    expect(api.openTab).not.toHaveBeenCalled();
  });

  it('opens a prefilled new issue, and copies a body too long for the link', async () => {
    settings = { ...settings, targetRepo: 'sofastack/sofastack.tech' };
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Open as GitHub issue' }));
    await goOn();
    await waitFor(() => expect(api.openTab).toHaveBeenCalled());
    expect(api.openTab.mock.calls[0][0]).toMatch(/^https:\/\/github\.com\/sofastack\/sofastack\.tech\/issues\/new\?title=.+&body=/);
    expect(api.copy).not.toHaveBeenCalled();

    await store.clips.edit('mosn/mosn#2203', { answer: '这是一个很长的回答。'.repeat(400) });
    cleanup();
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Open as GitHub issue' }));
    await goOn();
    await waitFor(() => expect(api.openTab).toHaveBeenCalledTimes(2));
    expect(api.openTab.mock.calls[1][0]).not.toContain('&body=');
    expect(api.copy).toHaveBeenCalledWith(draft().value);
    expect(status().textContent).toContain('it is on your clipboard');
  });

  it('opens a draft holding half an emoji as a new issue, with the half as U+FFFD', async () => {
    settings = { ...settings, targetRepo: 'sofastack/sofastack.tech' };
    await store.clips.edit('mosn/mosn#2203', { answer: 'Cut here: \uD83D' });
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Open as GitHub issue' }));
    await goOn();
    await waitFor(() => expect(status().textContent).toBe('Opened a new issue in sofastack/sofastack.tech.'));
    expect(new URL(api.openTab.mock.calls[0][0]).searchParams.get('body')).toContain('A：Cut here: \uFFFD');
  });

  it('marks the draft as sent, starts a new one, and keeps the sent issue in the history', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Mark as sent' }));
    await goOn();
    await waitFor(() => expect(screen.getByText(/Sent issues \(1\)/)).toBeTruthy());
    await waitFor(() => expect(entries()).toEqual([]));
    expect(status().textContent).toMatch(/^Marked “.+” as sent; a new draft is started\.$/);
    const history = screen.getByText(/Sent issues/).closest('details')!;
    // Its rows are made when the list first opens, not with the popup.
    expect(within(history).queryByRole('button', { name: /Show Markdown of/ })).toBeNull();
    fireEvent.click(within(history).getByText(/Sent issues/));
    fireEvent.click(within(history).getByRole('button', { name: /Show Markdown of/ }));
    const past = await within(history).findByRole<HTMLTextAreaElement>('textbox', { name: /^Markdown of/ });
    expect(past.value).toContain('**2. @yemoli #1290**');
  });

  // Sanitising is checked end to end in Chromium: happy-dom's parser lets DOMPurify miss <script>.
  it('renders the draft as a GitHub-styled preview beside the Markdown', async () => {
    await store.clips.edit('mosn/mosn#2203', { answer: 'Use **bold** and `code`' });
    renderPopup(api);
    await fixtureLoaded();
    // The preview's renderer loads after the first render.
    await waitFor(() => expect([...preview().querySelectorAll('strong')].map((strong) => strong.textContent)).toContain('bold'), { timeout: 5000 });
    expect(preview().classList.contains('markdown-body')).toBe(true);
    expect(preview().querySelector('code')?.textContent).toBe('code');
  });

  it("follows the draft's title and intro as they are typed, and saves them", async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'SOFA Weekly | 第 1 期' } });
    fireEvent.input(screen.getByLabelText('Intro'), { target: { value: 'Two answers this week.' } });
    expect(draft().value).toMatch(/^# SOFA Weekly \| 第 1 期\n/);
    expect(draft().value).toContain('Two answers this week.');
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    await goOn([FIXTURE_WARNINGS[1]!]);
    expect(api.copy).toHaveBeenCalledWith(expect.stringContaining('Two answers this week.'));
    await waitFor(async () => expect((await store.drafts.current()).draft).toMatchObject({ title: 'SOFA Weekly | 第 1 期', intro: 'Two answers this week.' }));
  });

  it('keeps an edit in progress when the popup closes', async () => {
    renderPopup(api);
    await fixtureLoaded();
    fireEvent.click(screen.getByRole('button', { name: 'Edit mosn/mosn#2203' }));
    fireEvent.input(screen.getByLabelText('Answer Markdown'), { target: { value: 'Typed, never saved by hand' } });
    fireEvent.input(screen.getByLabelText('Intro'), { target: { value: 'Half-typed intro' } });
    dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect((await store.clips.get('mosn/mosn#2203'))?.answer?.markdown).toBe('Typed, never saved by hand'));
    await waitFor(async () => expect((await store.drafts.current()).draft.intro).toBe('Half-typed intro'));
  });

  it('falls back to the default template, and says why, when the chosen one fails on this draft', async () => {
    settings = { ...settings, templateId: 'mine', userTemplates: [{ id: 'mine', name: 'Mine', source: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' }] };
    renderPopup(api);
    await fixtureLoaded();
    expect(draft().value).toMatch(/^# /);
    expect(screen.getByRole('alert').textContent).toContain('The template “Mine” cannot be used');
  });
});
