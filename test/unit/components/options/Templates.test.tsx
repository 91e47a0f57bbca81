import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '@/utils/draft/presets';
import { getSetting, setSettings } from '@/utils/settings';
import { openOptionsAt } from './harness';

const mine = { id: 'user-mine', name: 'Mine', source: '# {{ draft.title }}: {{ count }} clips\n' };
const sofa = PRESETS.find((preset) => preset.id === 'sofa-weekly')!; // shipped with the extension

const source = () => screen.getByLabelText<HTMLTextAreaElement>('Template source');
const previewMarkdown = () => screen.getByLabelText<HTMLTextAreaElement>('Preview Markdown');
const rendered = () => screen.getByRole('region', { name: 'Preview' });
const radio = (name: string) => screen.getByRole<HTMLInputElement>('radio', { name });
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
const type = (field: HTMLElement, value: string) => fireEvent.input(field, { target: { value } });

describe('options: templates', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  const open = (settings: Parameters<typeof setSettings>[0] = {}) => openOptionsAt('Templates', { settings });

  it("lists the presets, then the user's templates, with the one in use chosen", async () => {
    await open({ userTemplates: [mine], templateId: mine.id });
    const choices = within(screen.getByRole('group', { name: 'Template in use' })).getAllByRole<HTMLInputElement>('radio');
    expect(choices.map((choice) => [choice.closest('li')?.textContent, choice.checked])).toEqual([
      ['Weekly digestPresetView', false],
      ['SOFA WeeklyPresetView', false],
      ['MineEditDelete', true],
    ]);
  });

  it('chooses the template in use, which is the setting the popup reads', async () => {
    await open();
    fireEvent.click(radio('SOFA Weekly'));
    expect(await screen.findByText('The draft now uses “SOFA Weekly”.')).toBeTruthy();
    expect(await getSetting('templateId')).toBe('sofa-weekly');
    expect(radio('SOFA Weekly').checked).toBe(true);
  });

  it('follows a template chosen in the popup', async () => {
    await open();
    expect(radio('Weekly digest').checked).toBe(true);
    await setSettings({ templateId: 'sofa-weekly' });
    await waitFor(() => expect(radio('SOFA Weekly').checked).toBe(true));
    expect(radio('Weekly digest').checked).toBe(false);
  });

  it('shows a preset read-only, offering Duplicate instead of Save and Delete', async () => {
    await open();
    fireEvent.click(button('View SOFA Weekly'));
    await waitFor(() => expect(source().value).toBe(sofa.source));
    expect(source().readOnly).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Template name').readOnly).toBe(true);
    expect(screen.getByText(/Presets are read-only/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save template' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete template' })).toBeNull();
    expect(button('Duplicate')).toBeTruthy();
  });

  it('previews the sample draft as Markdown and as GitHub shows it', async () => {
    await open();
    expect(previewMarkdown().readOnly).toBe(true);
    expect(previewMarkdown().value).toContain('**1. @dengqian #2203**\n\n> Why pprof debug server do not support hot upgrade?');
    await waitFor(() => expect(rendered().querySelector('strong')?.textContent).toBe('2 questions answered this week'));
    expect(rendered().classList.contains('markdown-body')).toBe(true);
    expect(rendered().querySelector('pre code')?.textContent).toContain('InitDebugServe(c)');
    expect(rendered().querySelector('blockquote')?.textContent).toContain('Why pprof debug server');
  });

  it('creates a template from a copy of a preset, previewing each edit live', async () => {
    await open();
    fireEvent.click(button('New template'));
    expect(screen.getByRole('heading', { name: 'New template (not saved yet)' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Template name').value).toBe('Copy of Weekly digest');
    expect(source().value).toBe(PRESETS[0]!.source);

    type(source(), '## {{ count }} answers from {{ clips[0].project.name }}');
    expect(previewMarkdown().value).toBe('## 2 answers from MOSN');
    await waitFor(() => expect(rendered().querySelector('h2')?.textContent).toBe('2 answers from MOSN'));

    type(screen.getByLabelText('Template name'), 'Short');
    fireEvent.click(button('Save template'));
    expect(await screen.findByText('Saved the template “Short”.')).toBeTruthy();
    const saved = await getSetting('userTemplates');
    expect(saved).toEqual([{ id: expect.stringMatching(/^user-/), name: 'Short', source: '## {{ count }} answers from {{ clips[0].project.name }}' }]);
    expect(radio('Short')).toBeTruthy();
    expect(button('Edit Short').getAttribute('aria-current')).toBe('true');
    expect(button('Save template').disabled).toBe(true);
  });

  it("shows a preset's choice of links, and previews its references as full links", async () => {
    await open();
    expect(radio("Keep GitHub's shorthand (#2203, owner/repo#12, @user, commit SHAs), for Open as GitHub issue").checked).toBe(true);
    await waitFor(() => expect(previewMarkdown().value).toContain('Hot upgrade for it is #2204, thanks @nejisama.'));

    fireEvent.click(button('View SOFA Weekly'));
    await waitFor(() => expect(source().value).toBe(sofa.source));
    expect(radio('Expand each into a full link, for a website or WeChat').checked).toBe(true);
    expect(radio("Keep GitHub's shorthand (#2203, owner/repo#12, @user, commit SHAs), for Open as GitHub issue").disabled).toBe(true);
    await waitFor(() =>
      expect(previewMarkdown().value).toContain(
        'Hot upgrade for it is [#2204](https://github.com/mosn/mosn/issues/2204), thanks [@nejisama](https://github.com/nejisama).',
      ),
    );
    expect(previewMarkdown().value).toContain('**1. @dengqian #2203**');
  });

  it("saves a template's choice to expand links, previewing it before the save", async () => {
    await open({ userTemplates: [mine] });
    fireEvent.click(button('Edit Mine'));
    await waitFor(() => expect(source().value).toBe(mine.source));
    type(source(), '{{ clips[0].answer.markdown }}');
    await waitFor(() => expect(previewMarkdown().value).toContain('is #2204, thanks @nejisama.'));

    fireEvent.click(radio('Expand each into a full link, for a website or WeChat'));
    await waitFor(() => expect(previewMarkdown().value).toContain('is [#2204](https://github.com/mosn/mosn/issues/2204), thanks'));
    expect(previewMarkdown().value).toContain('```go\nInitDebugServe(c)\n```');
    fireEvent.click(button('Save template'));
    expect(await screen.findByText('Saved the template “Mine”.')).toBeTruthy();
    expect(await getSetting('userTemplates')).toEqual([{ ...mine, source: '{{ clips[0].answer.markdown }}', links: 'expanded' }]);
  });

  it("shows a template's error and keeps the last good preview", async () => {
    await open({ userTemplates: [mine] });
    fireEvent.click(button('Edit Mine'));
    await waitFor(() => expect(previewMarkdown().value).toBe('# Weekly digest: 2 clips\n'));

    type(source(), '# {{ draft.title }}\n{% for clip in clips %}\n{{ clip.title | nosuchfilter }}\n{% endfor %}');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/line 3, column \d+/);
    expect(alert.textContent).toContain('nosuchfilter');
    expect(source().getAttribute('aria-invalid')).toBe('true');
    expect(previewMarkdown().value).toBe('# Weekly digest: 2 clips\n');
    expect(rendered().querySelector('h1')?.textContent).toBe('Weekly digest: 2 clips');
    expect(button('Save template').disabled).toBe(true);
    expect(await getSetting('userTemplates')).toEqual([mine]);

    type(source(), '# Fixed');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(previewMarkdown().value).toBe('# Fixed');
  });

  it('saves an edited template in place', async () => {
    await open({ userTemplates: [mine] });
    fireEvent.click(button('Edit Mine'));
    await waitFor(() => expect(source().value).toBe(mine.source));
    expect(button('Save template').disabled).toBe(true);
    type(source(), 'Only {{ count }}');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    fireEvent.click(button('Save template'));
    expect(await screen.findByText('Saved the template “Mine”.')).toBeTruthy();
    expect(await getSetting('userTemplates')).toEqual([{ ...mine, source: 'Only {{ count }}' }]);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('asks for a name before a template can be saved', async () => {
    await open({ userTemplates: [mine] });
    fireEvent.click(button('Edit Mine'));
    type(screen.getByLabelText('Template name'), '  ');
    expect(screen.getByText('Give the template a name.')).toBeTruthy();
    expect(screen.getByLabelText('Template name').getAttribute('aria-invalid')).toBe('true');
    expect(button('Save template').disabled).toBe(true);
  });

  it('duplicates a preset into a new template that can be saved, its choice of links included', async () => {
    await open();
    fireEvent.click(button('View SOFA Weekly'));
    fireEvent.click(button('Duplicate'));
    expect(screen.getByLabelText<HTMLInputElement>('Template name').value).toBe('Copy of SOFA Weekly');
    expect(source().value).toBe(sofa.source);
    expect(source().readOnly).toBe(false);
    expect(radio('Expand each into a full link, for a website or WeChat').checked).toBe(true);
    fireEvent.click(button('Save template'));
    await waitFor(async () =>
      expect(await getSetting('userTemplates')).toEqual([{ id: expect.any(String), name: 'Copy of SOFA Weekly', source: sofa.source, links: 'expanded' }]),
    );
  });

  it('deletes a user template once confirmed, putting the default preset back in use', async () => {
    await open({ userTemplates: [mine], templateId: mine.id });
    fireEvent.click(button('Edit Mine'));
    fireEvent.click(button('Delete template'));
    expect(screen.getByText('Delete “Mine”? This cannot be undone.')).toBeTruthy();
    expect(document.activeElement).toBe(button('Yes, delete'));
    expect(await getSetting('userTemplates')).toEqual([mine]);

    fireEvent.click(button('Yes, delete'));
    expect(await screen.findByText('Deleted the template “Mine”.')).toBeTruthy();
    expect(await getSetting('userTemplates')).toEqual([]);
    expect(await getSetting('templateId')).toBe('weekly-digest');
    expect(screen.queryByRole('radio', { name: 'Mine' })).toBeNull();
    expect(radio('Weekly digest').checked).toBe(true);
    expect(source().value).toBe(PRESETS[0]!.source);
  });

  it('keeps a template when its deletion is cancelled', async () => {
    await open({ userTemplates: [mine] });
    fireEvent.click(button('Edit Mine'));
    fireEvent.click(button('Delete template'));
    fireEvent.click(button('Cancel'));
    expect(screen.queryByText(/This cannot be undone/)).toBeNull();
    expect(document.activeElement).toBe(button('Delete template'));
    expect(await getSetting('userTemplates')).toEqual([mine]);
  });

  it('renders only sanitized HTML from what a template writes', async () => {
    await open();
    fireEvent.click(button('New template'));
    type(source(), '**bold** <img src="x.png" onerror="alert(1)"> <a href="javascript:alert(2)">link</a> <script>alert(3)</script>');
    await waitFor(() => expect(rendered().querySelector('strong')?.textContent).toBe('bold'));
    expect(rendered().querySelector('[onerror]')).toBeNull();
    expect(rendered().querySelector('script')).toBeNull();
    expect(rendered().querySelector('a')?.getAttribute('href')).toBeNull();
    expect(rendered().innerHTML).not.toContain('alert');
  });

  it('opens links of the preview in a new tab, so unsaved edits stay', async () => {
    await open();
    await waitFor(() => expect(rendered().querySelector('a')).not.toBeNull());
    const link = rendered().querySelector('a')!; // waited for just above
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual([
      'https://github.com/mosn/mosn/',
      '_blank',
      'noopener noreferrer',
    ]);
  });
});
