/**
 * The popup's first render, each store size against the popup with one clip, and the one-clip popup
 * against a bare extension page, all in the same run.
 *
 * Each store lives in its own browser (one extension profile per store size); the bare page is a
 * page added to a copy of the built extension that writes one text area and nothing else (see
 * lib/chromium.ts). A round reloads every variant once, in an order that rotates from round to
 * round, so whatever the machine is doing meanwhile falls on all of them alike; the ratios are of
 * the variants' medians.
 *
 * First render: from the navigation's start to the draft's Markdown showing its clips (for the bare
 * page, to its text area), recorded in the page from its first byte.
 */
import type { Page } from 'playwright-core';
import { BARE_PAGE, launchBench, median, type BenchBrowser } from './lib/chromium';

export interface PopupVariant {
  /** clips stored; 0 for the bare extension page */
  clips: number;
  firstRenderMs: number;
  /** median against the one-clip popup's median (for the one-clip popup, against the bare page's) */
  ratio: number;
}

/** Clips in a sent issue, as a weekly sends them. */
const PER_ISSUE = 20;

/**
 * Fills the extension's database (as the popup page, same origin) with `count` clips after months
 * of use: one in the current draft (the same draft as the one-clip popup, so the draft's Markdown
 * does not change with the store's size); of the rest, half sent in issues of 20 and half waiting in
 * the inbox.
 */
async function seed(popup: Page, count: number): Promise<void> {
  await popup.evaluate(
    ([total, perIssue]) =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('weekly-clipper');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['clips', 'drafts', 'sentClips'], 'readwrite');
          const drafts = tx.objectStore('drafts');
          const clips = tx.objectStore('clips');
          // As the store keeps a sent issue: its copies of what it sent apart from its record.
          const sentClips = tx.objectStore('sentClips');
          drafts.getAll().onsuccess = (event) => {
            const current = ((event.target as IDBRequest).result as { id: string; publishedAt?: string; clipIds: string[] }[]).find(
              (draft) => !draft.publishedAt,
            )!;
            const sentCount = Math.floor((total - 1) / 2);
            const issues: { id: string; title: string; date: string; intro: string; clipIds: string[]; publishedAt: string }[] = [];
            const copies: { draftId: string; clips: unknown[] }[] = [];
            for (let index = 0; index < total; index++) {
              const repo = `bench/repo${index % 50}`;
              const id = `${repo}#${index}`;
              const at = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString();
              const clip = {
                id,
                repo,
                number: index,
                kind: 'issue',
                url: `https://github.com/${repo}/issues/${index}`,
                title: `Question number ${index} about a thing that happens sometimes`,
                question: { author: `user${index % 97}`, url: '', markdown: `Why does thing ${index} happen?` },
                answer: {
                  author: `maintainer${index % 7}`,
                  url: '',
                  markdown: `Because of **${index}**.\n\n\`\`\`go\nfunc f() int { return ${index} }\n\`\`\``,
                },
                labels: ['question'],
                clippedAt: at,
                updatedAt: at,
              };
              let draftId = '';
              if (index === total - 1) {
                current.clipIds.push(id);
                draftId = current.id;
              } else if (index < sentCount) {
                const number = Math.floor(index / perIssue);
                if (!issues[number]) {
                  const date = new Date(Date.UTC(2020, 0, 3) + number * 7 * 86_400_000).toISOString();
                  issues[number] = {
                    id: `bench-issue-${number}`,
                    title: `Weekly ${number}`,
                    date: date.slice(0, 10),
                    intro: '',
                    clipIds: [],
                    publishedAt: date,
                  };
                  copies[number] = { draftId: issues[number].id, clips: [] };
                }
                issues[number].clipIds.push(id);
                copies[number].clips.push(clip);
                draftId = issues[number].id;
              }
              clips.put({ ...clip, draftId });
            }
            for (const issue of issues) drafts.put(issue);
            for (const sent of copies) sentClips.put(sent);
            drafts.put(current);
          };
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        };
      }),
    [count, PER_ISSUE] as const,
  );
}

/** Records, from the first byte of the page, when the draft's Markdown first shows its clips. */
const RECORD_FIRST_RENDER = () => {
  new MutationObserver((_, observer) => {
    const draft = document.querySelector<HTMLTextAreaElement>('textarea.markdown');
    if (draft?.value.includes('**1. @')) {
      (window as { firstRender?: number }).firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
};

interface Variant {
  clips: number;
  browser: BenchBrowser;
  page: Page;
  times: number[];
}

async function firstRender(page: Page): Promise<number> {
  await page.reload();
  await page.waitForFunction(() => (window as { firstRender?: number }).firstRender !== undefined);
  return page.evaluate(() => (window as { firstRender?: number }).firstRender!);
}

export async function benchPopup(counts: number[], rounds = 15): Promise<PopupVariant[]> {
  const variants: Variant[] = [];
  try {
    for (const clips of [1, ...counts]) {
      const browser = await launchBench();
      const page = await browser.newPage();
      variants.push({ clips, browser, page, times: [] });
      await page.goto(browser.extensionUrl('popup.html'));
      await page.getByLabel('Draft Markdown').waitFor();
      await seed(page, clips);
      await page.addInitScript(RECORD_FIRST_RENDER);
    }
    // The floor: the bare page of the one-clip popup's extension, in that browser.
    const first = variants[0];
    const bare = await first.browser.newPage();
    await bare.addInitScript(RECORD_FIRST_RENDER);
    await bare.goto(first.browser.extensionUrl(BARE_PAGE));
    variants.push({ clips: 0, browser: first.browser, page: bare, times: [] });

    for (let round = -2; round < rounds; round++) {
      for (let index = 0; index < variants.length; index++) {
        const variant = variants[(index + round + variants.length) % variants.length];
        await variant.page.bringToFront();
        const time = await firstRender(variant.page);
        if (round >= 0) variant.times.push(time);
      }
    }
    if (process.env.BENCH_VERBOSE)
      for (const variant of variants) console.log(`    ${variant.clips} clips: ${variant.times.map((time) => time.toFixed(0)).join(' ')}`);
  } finally {
    for (const browser of new Set(variants.map((variant) => variant.browser))) await browser.close();
  }
  const one = variants[0];
  const bare = variants.at(-1)!;
  const ratio = (variant: Variant, reference: Variant) => median(variant.times) / median(reference.times);
  return variants.map((variant) => ({
    clips: variant.clips,
    firstRenderMs: median(variant.times),
    ratio: variant === bare ? 1 : ratio(variant, variant === one ? bare : one),
  }));
}
