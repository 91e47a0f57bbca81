import type { ClipIntent, PostCut } from '../capture';
import { ClipperError, LocalizedError, messageOf, UnconfirmedError } from '../errors';
import { errorText, t } from '../i18n';
import { cutNote, type Cut } from '../markdown/limits';
import type { ClipCapture, SavedClip } from '../model';
import { listenForClips, mountClipButton, removeClipButtons, selectedRanges } from './buttons';
import { loadOnce, type Scripts } from './scripts';
import { watchPage } from './observe';
import type { SiteAdapter } from './site';
import { showStatus } from './status';

/** The buttons' names are the UI contract's, the same in every language; their tooltips are translated. */
export const CLIP_TO_WEEKLY = 'Clip to Weekly';
export const CLIP_AS_ANSWER = 'Clip as answer';

/** Where the thread button goes when the header's action area is not one we know. */
const FALLBACK_SLOT = 'wc-clip-slot';

/** Sends a capture to the store (the background, through a message). */
export type SaveClip = (capture: ClipCapture) => Promise<SavedClip>;

/** The converter, which the clipper loads when a clip button is pressed rather than with every page (scripts.ts). */
export type LoadCapture = () => Promise<Scripts['capture']>;

export interface Clipper {
  /** What the keyboard shortcut and the context menu do: Clip to Weekly with the current selection. */
  clipSelection(): Promise<void>;
}

function once(word: () => string): () => string {
  let said: string | undefined;
  return () => (said ??= word());
}

function cutReason({ reason, limit }: Cut): string {
  switch (reason) {
    case 'depth':
      return t('cutTooDeep', String(limit));
    case 'size':
      return t('cutTooLong', limit.toLocaleString());
    case 'blanks':
      return t('cutTooManyBlanks', String(limit));
    case 'time':
      return t('cutTooSlow', String(limit / 1000));
  }
}

/** "Clipped to Weekly: …", a sent issue the thread was in already, then each post that was cut, and why. */
function successMessage({ clip, created, sentIn }: SavedClip, cuts: readonly PostCut[]): string {
  const thread = `${clip.repo}#${clip.number}`;
  const what = clip.answer ? t('statusAnswerBy', thread, clip.answer.author) : thread;
  const said = t(created ? 'statusClipped' : 'statusClippedUpdated', what);
  const clipped = sentIn ? t('statusAlreadySent', said, sentIn.date) : said;
  // Only what was saved: a clip keeps its answer over a discussion's marked one, which may have been cut.
  const saved = cuts.filter((cut) => clip[cut.post]?.markdown.endsWith(cutNote(cut)));
  return saved.reduce((message, cut) => t('statusCut', message, t(cut.post === 'question' ? 'statusQuestionCut' : 'statusAnswerCut', cutReason(cut))), clipped);
}

function failureMessage(error: unknown): string {
  // The clip may have been saved after all: "Nothing was clipped" could be untrue.
  if (error instanceof UnconfirmedError) return errorText(error);
  if (error instanceof LocalizedError) return t('statusNothingClipped', errorText(error).replace(/[.。]$/u, ''));
  // The store's messages end in a full stop, and the status adds a sentence of its own.
  if (error instanceof ClipperError) return t('statusNothingClipped', error.message.replace(/[.。]$/u, ''));
  const reason = messageOf(error);
  return t('statusNothingClipped', t('errorCouldNotClip', reason));
}

/**
 * Puts the clip buttons on the site's thread pages and keeps exactly one set on screen across soft
 * navigations. Buttons hold no thread state: a click reads the page as it is at that moment, so a
 * button that survived a navigation acts on the thread now shown.
 */
export function startClipper(document: Document, site: SiteAdapter, save: SaveClip, signal: AbortSignal, loadCapture: LoadCapture): Clipper {
  const hooks = site.buttons;
  const converter = loadOnce(loadCapture);
  // Clips run one after another: a quick "Clip as answer" after "Clip to Weekly" waits for the first
  // (which may wake the background and load the converter) instead of being dropped.
  let queue = Promise.resolve();
  const clip = (intent: ClipIntent, ranges: Range[]) =>
    (queue = queue.then(async () => {
      try {
        const thread = site.readThread(document, new URL(document.location.href));
        showStatus(document, t('statusClipping'), 'progress');
        const { captureClip } = await converter();
        const cuts: PostCut[] = [];
        const capture = captureClip(site, thread, intent, ranges, (cut) => cuts.push(cut));
        showStatus(document, successMessage(await save(capture), cuts), 'success');
      } catch (error) {
        showStatus(document, failureMessage(error), 'error');
      }
    }));

  // Each tooltip is worded once per page, on the first button that needs it: a page with no thread asks
  // nothing of the browser's i18n, and a 300-comment thread asks once.
  const buttons = {
    thread: { label: CLIP_TO_WEEKLY, describe: once(() => t('clipToWeeklyTitle')), look: hooks.look },
    answer: { label: CLIP_AS_ANSWER, describe: once(() => t('clipAsAnswerTitle')), look: hooks.look },
  };
  const mountThreadButton = (container: Element) =>
    mountClipButton(container, { ...buttons.thread, onClip: (_, ranges) => clip({ target: 'thread' }, ranges) });

  const mountInto = (container: Element) => {
    // Comment action areas are nearly all of what is watched on a long thread: test them first.
    if (container.matches(hooks.postActions)) {
      if (!container.closest(hooks.comment)) return;
      mountClipButton(container, {
        ...buttons.answer,
        onClip: (button, ranges) => {
          const post = button.closest(hooks.comment);
          if (post) void clip({ target: 'answer', post }, ranges);
        },
      });
    } else if (container.matches(hooks.headerActions)) {
      // The header's actions may render after its title, which got a stand-in button meanwhile.
      for (const slot of document.querySelectorAll(`.${FALLBACK_SLOT}`)) slot.remove();
      mountThreadButton(container);
    } else if (container.matches(hooks.titleHeading) && !document.querySelector(hooks.headerActions) && container.querySelector(hooks.title)) {
      // A header whose actions we do not recognise still gets the button, beside its title, so a
      // click can say what is wrong instead of the button silently missing.
      const heading = container;
      const slot = heading.nextElementSibling?.classList.contains(FALLBACK_SLOT) ? heading.nextElementSibling : document.createElement('div');
      slot.className = FALLBACK_SLOT;
      heading.after(slot);
      mountThreadButton(slot);
    }
  };

  // A title heading is cheap to find on a long page (GitHub's is an `h1`); only the one holding the thread's title counts.
  const containers = `${hooks.headerActions}, ${hooks.postActions}, ${hooks.titleHeading}`;
  // A button pressed starts loading the converter, which is then ready, or nearly, when the click lands.
  listenForClips(document, signal, () => void converter().catch(() => undefined));
  // An invalidated script (the extension was updated or reloaded) takes its buttons with it, so a
  // newer copy can put working ones in their place.
  signal.addEventListener('abort', () => removeClipButtons(document), { once: true });
  watchPage(
    document.documentElement,
    {
      selector: containers,
      onElement: mountInto,
      watches: (url) => Boolean(site.threadLocation(url)),
      onNavigate: (_, onThread) => {
        if (!onThread) removeClipButtons(document);
      },
    },
    signal,
  );

  return { clipSelection: () => clip({ target: 'thread' }, selectedRanges(document.getSelection())) };
}
