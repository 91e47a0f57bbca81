import { describe, expect, it } from 'vitest';
import { threadLocation } from '@/utils/github/location';
import { PageNotRecognisedError, findPost, readThread } from '@/utils/github/thread';
import { hasSharedPages, loadPage, readFixture, readSharedPage } from '../../support/pages';

describe('threadLocation', () => {
  it.each([
    ['https://github.com/mosn/mosn/issues/2203', { kind: 'issue', repo: 'mosn/mosn', number: 2203, url: 'https://github.com/mosn/mosn/issues/2203' }],
    [
      'https://github.com/mosn/mosn/issues/2203#issuecomment-1',
      { kind: 'issue', repo: 'mosn/mosn', number: 2203, url: 'https://github.com/mosn/mosn/issues/2203' },
    ],
    ['https://github.com/o/r/pull/7', { kind: 'pull', repo: 'o/r', number: 7, url: 'https://github.com/o/r/pull/7' }],
    ['https://github.com/o/r/discussions/12?sort=top', { kind: 'discussion', repo: 'o/r', number: 12, url: 'https://github.com/o/r/discussions/12' }],
  ])('reads %s', (url, expected) => {
    expect(threadLocation(new URL(url))).toEqual(expected);
  });

  it.each(['https://github.com/o/r', 'https://github.com/o/r/issues', 'https://github.com/o/r/pull/7/files', 'https://github.com/settings/profile'])(
    'finds no thread on %s',
    (url) => {
      expect(threadLocation(new URL(url))).toBeUndefined();
    },
  );
});

describe('readThread on the React issue view', () => {
  const url = 'https://github.com/mosn/mosn/issues/2203';

  it('reads the title, number, repo, labels and opening post', () => {
    const thread = readThread(loadPage(readFixture('react-issue.html'), url), new URL(url));
    expect(thread).toMatchObject({
      kind: 'issue',
      repo: 'mosn/mosn',
      number: 2203,
      url,
      title: 'Why pprof debug server do not support hot upgrade?',
      labels: ['question', 'good first issue'],
    });
    expect(thread.opening.author).toBe('dengqian');
    expect(thread.opening.url).toBe('https://github.com/mosn/mosn/issues/2203#issue-1512345678');
    expect(thread.opening.body.textContent).toContain('debug server stops');
  });

  it('reads every comment with its author and permalink', () => {
    const thread = readThread(loadPage(readFixture('react-issue.html'), url), new URL(url));
    expect(thread.comments.map(({ author, url }) => ({ author, url }))).toEqual([
      { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1370000001' },
      { author: 'dengqian', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1370000002' },
    ]);
    expect(thread.comments[0].body.textContent).toContain('Debug server init here');
  });

  it('finds the post a node sits in', () => {
    const thread = readThread(loadPage(readFixture('react-issue.html'), url), new URL(url));
    const code = thread.comments[0].body.querySelector('pre')!;
    expect(findPost(code.firstChild)).toBe(thread.comments[0].element);
    expect(findPost(thread.opening.body.querySelector('code'))).toBe(thread.opening.element);
    expect(findPost(document.querySelector('[data-testid="issue-title"]'))).toBeNull();
  });
});

describe('readThread on the classic view', () => {
  const url = 'https://github.com/sofastack/sofa-rpc/issues/1290';

  it('reads the thread and resolves relative permalinks against the thread URL', () => {
    const thread = readThread(loadPage(readFixture('classic-issue.html'), url), new URL(url));
    expect(thread).toMatchObject({
      kind: 'issue',
      repo: 'sofastack/sofa-rpc',
      number: 1290,
      title: 'SOFARPC 发现了安全漏洞在哪提交呢？',
      labels: ['question'],
    });
    expect(thread.opening).toMatchObject({ author: 'yemoli', url: `${url}#issue-1400001290` });
    expect(thread.comments.map(({ author, url }) => ({ author, url }))).toEqual([{ author: 'khotyn', url: `${url}#issuecomment-1371112222` }]);
  });
});

describe('readThread on markup it does not know', () => {
  it('says the layout was not recognised when the title is missing', () => {
    const url = 'https://github.com/o/r/issues/1';
    loadPage('<html><body><main><p>Something new</p></main></body></html>', url);
    expect(() => readThread(document, new URL(url))).toThrowError(PageNotRecognisedError);
    expect(() => readThread(document, new URL(url))).toThrowError(expect.objectContaining({ key: 'errorNoTitle' }));
  });

  it('says so when the page is not a thread at all', () => {
    const url = 'https://github.com/o/r/pulls';
    loadPage(readFixture('react-issue.html'), url);
    expect(() => readThread(document, new URL(url))).toThrowError(expect.objectContaining({ key: 'errorNotThread' }));
  });
});

describe.skipIf(!hasSharedPages)('readThread on captured GitHub pages', () => {
  it('reads kepano/defuddle#56 (React view): title, author and six comments in order', () => {
    const url = 'https://github.com/kepano/defuddle/issues/56';
    const thread = readThread(loadPage(readSharedPage('issue-react-kepano-defuddle-56.html'), url), new URL(url));
    expect(thread.title).toBe('Defuddle on Cloudflare Workers');
    expect(thread.opening.author).toBe('jmorrell');
    expect(thread.comments.map((comment) => comment.author)).toEqual(['jmorrell', 'masylum', 'nbbaier', 'nbbaier', 'masylum', 'nbbaier']);
    expect(thread.comments[0].url).toBe(`${url}#issuecomment-2908119605`);
    expect(thread.comments.at(-1)!.url).toBe(`${url}#issuecomment-2981017870`);
  });

  it('reads OctoLinker/testrepo#2 (classic view): the opening post only', () => {
    const url = 'https://github.com/OctoLinker/testrepo/issues/2';
    const thread = readThread(loadPage(readSharedPage('issue-classic-octolinker-testrepo-2.html'), url), new URL(url));
    expect(thread.title).toBe('Issue with some code blocks');
    expect(thread.opening.author).toBe('stefanbuck');
    expect(thread.opening.body.querySelectorAll('[class*="highlight-source-"]')).toHaveLength(18);
    expect(thread.comments).toEqual([]);
  });
});

describe('readThread on a 2026 pull request (React header, server-rendered timeline)', () => {
  const url = 'https://github.com/mosn/mosn/pull/2210';

  it('reads the description as the opening post and every kind of comment with its own permalink', () => {
    const thread = readThread(loadPage(readFixture('pull-2026.html'), url), new URL(url));
    expect(thread).toMatchObject({ kind: 'pull', repo: 'mosn/mosn', number: 2210, title: 'Support hot upgrade for the debug server' });
    expect(thread.opening).toMatchObject({ author: 'nejisama', url: `${url}#issue-2001002210` });
    expect(thread.comments.map(({ author, url }) => ({ author, url }))).toEqual([
      { author: 'dengqian', url: `${url}#issuecomment-1372000001` },
      { author: 'taoyuanyuan', url: `${url}#pullrequestreview-3001` },
      { author: 'taoyuanyuan', url: `${url}#discussion_r1001` },
      { author: 'copilot-pull-request-reviewer', url: `${url}#discussion_r1002` },
    ]);
  });

  it("reads a review summary's own body, not the review threads inside it", () => {
    const thread = readThread(loadPage(readFixture('pull-2026.html'), url), new URL(url));
    expect(thread.comments[1].body.textContent).toBe('Looks right. The admin API keeps its own listener, so it is not affected.');
  });
});

describe.skipIf(!hasSharedPages)('readThread on the captured classic pull request', () => {
  it('reads OctoLinker/testrepo#1: the description and its review comments', () => {
    const url = 'https://github.com/OctoLinker/testrepo/pull/1';
    const thread = readThread(loadPage(readSharedPage('pull-classic-octolinker-testrepo-1.html'), url), new URL(url));
    expect(thread).toMatchObject({ kind: 'pull', repo: 'OctoLinker/testrepo', number: 1, title: 'Update popular-cat-names.js' });
    expect(thread.opening).toMatchObject({ author: 'stefanbuck', url: `${url}#issue-185230958` });
    expect(thread.comments.map((comment) => comment.url)).toEqual([
      `${url}#discussion_r84998536`,
      `${url}#discussion_r84999530`,
      `${url}#discussion_r389399697`,
    ]);
  });
});

describe('readThread on a discussion (2026 markup)', () => {
  const url = 'https://github.com/sofastack/sofa-rpc/discussions/1401';

  it('reads the post, the comments and threaded replies, and the marked answer', () => {
    const thread = readThread(loadPage(readFixture('discussion.html'), url), new URL(url));
    expect(thread).toMatchObject({ kind: 'discussion', repo: 'sofastack/sofa-rpc', number: 1401, title: 'How do I report a vulnerability?' });
    expect(thread.opening.author).toBe('yemoli');
    expect(thread.comments.map(({ author, url }) => ({ author, url }))).toEqual([
      { author: 'someone', url: `${url}#discussioncomment-7000` },
      { author: 'khotyn', url: `${url}#discussioncomment-7001` },
      { author: 'yemoli', url: `${url}#discussioncomment-7002` },
    ]);
    expect(thread.comments[1].body.textContent).toBe('可以邮件给：khotyn.huangt@antgroup.com。');
    expect(thread.markedAnswer?.url).toBe(`${url}#discussioncomment-7001`);
  });

  it('takes the question from the opening post, never from its "Answered by" preview', () => {
    const thread = readThread(loadPage(readFixture('discussion.html'), url), new URL(url));
    expect(thread.opening.url).toBe(`${url}#discussion-4820001`);
    expect(thread.opening.body.textContent).toBe('SOFARPC 发现了安全漏洞在哪提交呢？');
  });

  it("reads a reply as a post of its own, whose parent's body does not hold it", () => {
    const thread = readThread(loadPage(readFixture('discussion.html'), url), new URL(url));
    const [, answer, reply] = thread.comments;
    expect(reply.body.textContent).toBe('Thanks, mailed.');
    expect(answer.element.contains(reply.element)).toBe(true);
    expect(findPost(reply.body.firstChild)).toBe(reply.element);
    expect(findPost(reply.element.querySelector('a.author'))).toBe(reply.element);
  });

  it('finds the marked answer from the "Answered by" link when the section is not labelled', () => {
    const html = readFixture('discussion.html').replace('aria-label="Marked as Answer"', '');
    const thread = readThread(loadPage(html, url), new URL(url));
    expect(thread.markedAnswer?.author).toBe('khotyn');
  });

  it('reads an organisation discussion, whose URL does not name the repository', () => {
    const orgUrl = 'https://github.com/orgs/sofastack/discussions/1401';
    const thread = readThread(loadPage(readFixture('discussion.html'), orgUrl), new URL(orgUrl));
    expect(thread).toMatchObject({ kind: 'discussion', repo: 'sofastack/sofa-rpc', number: 1401, url: orgUrl });
  });

  it("names an organisation discussion's repository from its posts when the page has no repository meta tag", () => {
    const orgUrl = 'https://github.com/orgs/sofastack/discussions/1401';
    const html = readFixture('discussion.html').replace(/<meta name="octolytics-dimension-repository_nwo"[^>]*>/, '');
    const thread = readThread(loadPage(html, orgUrl), new URL(orgUrl));
    expect(thread.repo).toBe('sofastack/sofa-rpc');
  });

  it('does not take the repository from posts of another discussion (a soft navigation in progress)', () => {
    const orgUrl = 'https://github.com/orgs/sofastack/discussions/1402';
    const html = readFixture('discussion.html')
      .replace(/<meta name="octolytics-dimension-repository_nwo"[^>]*>/, '')
      .replace('#1401</span>', '#1402</span>');
    expect(() => readThread(loadPage(html, orgUrl), new URL(orgUrl))).toThrowError(expect.objectContaining({ key: 'errorNoRepository' }));
  });
});

describe.skipIf(!hasSharedPages)('readThread on captured 2026 discussions', () => {
  const url = 'https://github.com/vercel/next.js/discussions/70178';

  it('reads vercel/next.js#70178: the question, six comments and the three replies nested in the first', () => {
    const thread = readThread(loadPage(readSharedPage('discussion-vercel-next.js-70178.html'), url), new URL(url));
    expect(thread).toMatchObject({ kind: 'discussion', repo: 'vercel/next.js', number: 70178, title: 'High Memory Usage by next-server process.' });
    expect(thread.opening.author).toBe('ShivamArora');
    expect(thread.opening.url).toBe(`${url}#discussion-7197489`);
    expect(thread.opening.body.querySelector('h3')?.textContent).toBe('Summary');
    expect(thread.comments.map(({ author, url }) => `${author} ${url.split('#')[1]}`)).toEqual([
      'raju-sirigineedi discussioncomment-10935238',
      'ShivamArora discussioncomment-11004713',
      'raju-sirigineedi discussioncomment-11150494',
      'ShivamArora discussioncomment-11151219',
      'teknology discussioncomment-13828537',
      'pnogier discussioncomment-13867632',
      'jelling discussioncomment-14129082',
      'brillaintlcd discussioncomment-18243555',
      'pnogier discussioncomment-18276038',
    ]);
    expect(thread.markedAnswer).toBeUndefined();
  });

  it("keeps each reply's words out of the comment it replies to", () => {
    const thread = readThread(loadPage(readSharedPage('discussion-vercel-next.js-70178.html'), url), new URL(url));
    const [parent, ...replies] = thread.comments.slice(0, 4);
    for (const reply of replies) {
      expect(parent.body.contains(reply.body)).toBe(false);
      expect(findPost(reply.body)).toBe(reply.element);
    }
  });

  it('reads the marked answer of a discussion once a comment is marked, as GitHub marks it', () => {
    const page = loadPage(readSharedPage('discussion-vercel-next.js-70178.html'), url);
    const wrapper = page.querySelector('#discussioncomment-13828537 .width-full')!;
    const section = page.createElement('section');
    section.className = wrapper.className;
    section.setAttribute('aria-label', 'Marked as Answer');
    section.append(...wrapper.childNodes);
    wrapper.replaceWith(section);
    const thread = readThread(page, new URL(url));
    expect(thread.markedAnswer).toMatchObject({ author: 'teknology', url: `${url}#discussioncomment-13828537` });
  });

  it('reads vercel/next.js#97925, closed and locked: the question and three comments', () => {
    const closedUrl = 'https://github.com/vercel/next.js/discussions/97925';
    const thread = readThread(loadPage(readSharedPage('discussion-closed-vercel-next.js-97925.html'), closedUrl), new URL(closedUrl));
    expect(thread).toMatchObject({ repo: 'vercel/next.js', number: 97925, title: 'Why remove ViewTransition?' });
    expect(thread.opening.author).toBe('HM-Suiji');
    expect(thread.comments.map((comment) => comment.author)).toEqual(['icyJoseph', 'paramjeetn', 'HM-Suiji']);
  });

  it('reads the same discussion at its organisation URL with the repository that backs it', () => {
    const orgUrl = 'https://github.com/orgs/vercel/discussions/70178';
    const html = readSharedPage('discussion-vercel-next.js-70178.html').replace(/<meta name="octolytics-dimension-repository_nwo"[^>]*>/, '');
    const thread = readThread(loadPage(html, orgUrl), new URL(orgUrl));
    expect(thread).toMatchObject({ repo: 'vercel/next.js', number: 70178, url: orgUrl });
  });
});

describe('readThread guards', () => {
  it('files a thread under the repository as the page spells it, whatever case the URL uses', () => {
    const url = 'https://github.com/MOSN/Mosn/issues/2203';
    const thread = readThread(
      loadPage(
        readFixture('react-issue.html').replace(
          '<meta property="og:url"',
          '<meta name="octolytics-dimension-repository_nwo" content="mosn/mosn">\n<meta property="og:url"',
        ),
        url,
      ),
      new URL(url),
    );
    expect(thread.repo).toBe('mosn/mosn');
  });

  it('refuses to read a thread whose page still shows another one (a soft navigation in progress)', () => {
    const url = 'https://github.com/mosn/mosn/issues/2204';
    loadPage(readFixture('react-issue.html'), url);
    expect(() => readThread(document, new URL(url))).toThrowError(expect.objectContaining({ key: 'errorPageStillLoading' }));
  });

  it('reads a thread whose opening post has no description', () => {
    const url = 'https://github.com/mosn/mosn/issues/2203';
    const html = readFixture('react-issue.html').replace(/<div class="IssueBodyViewer-module__IssueBody--MXyFt"[\s\S]*?<\/div><\/div>\s*<\/div>/, '');
    const thread = readThread(loadPage(html, url), new URL(url));
    expect(thread.opening.author).toBe('dengqian');
    expect(thread.comments).toHaveLength(2);
  });
});
