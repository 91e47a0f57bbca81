import { describe, expect, it } from 'vitest';
import { draftFileName, draftFileNameOf, issueExport, MAX_ISSUE_URL_LENGTH, newIssueUrl } from '@/utils/draft/export';

describe('draftFileName', () => {
  it('names the file after the day and a title safe on every file system', () => {
    expect(draftFileName(new Date('2023-01-06T07:00:00Z'), 'SOFA Weekly | 本周: issue 精选?')).toBe('2023-01-06-SOFA-Weekly-本周-issue-精选.md');
  });

  it('falls back to "weekly" for a title with nothing usable', () => {
    expect(draftFileName(new Date('2023-01-06T07:00:00Z'), '???')).toBe('2023-01-06-weekly.md');
  });
});

describe('newIssueUrl', () => {
  it("prefills GitHub's new-issue page with the title and the body, encoded", () => {
    expect(newIssueUrl('sofastack/sofa-weekly', 'SOFA Weekly & more', '**1. @dengqian #2203**\n\n> Why?')).toEqual({
      url: 'https://github.com/sofastack/sofa-weekly/issues/new?title=SOFA%20Weekly%20%26%20more&body=**1.%20%40dengqian%20%232203**%0A%0A%3E%20Why%3F',
      bodyIncluded: true,
    });
  });

  it('round-trips title and body through the URL exactly', () => {
    const title = 'Weekly #12: 本周精选 + 100% “quotes”';
    const body = 'A：可以邮件给：[a@b.com](a@b.com)。\n\n```go\nx := a&b\n```\n';
    const { url } = newIssueUrl('mosn/mosn', title, body);
    const params = new globalThis.URL(url).searchParams;
    expect([params.get('title'), params.get('body')]).toEqual([title, body]);
  });

  it('writes a lone surrogate (half an emoji) as U+FFFD instead of failing with "URI malformed"', () => {
    const { url } = newIssueUrl('mosn/mosn', 'Half \uD800 an emoji', 'Cut 😀 here: \uD83D');
    const params = new globalThis.URL(url).searchParams;
    expect([params.get('title'), params.get('body')]).toEqual(['Half \uFFFD an emoji', 'Cut 😀 here: \uFFFD']);
  });

  it('leaves the body out when it would make the URL too long, so the caller copies it instead', () => {
    const body = '本周精选'.repeat(300); // 1,200 characters, 10,800 once encoded
    const link = newIssueUrl('mosn/mosn', 'Weekly', body);
    expect(link).toEqual({ url: 'https://github.com/mosn/mosn/issues/new?title=Weekly', bodyIncluded: false });
  });

  it(`keeps a body that just fits within ${MAX_ISSUE_URL_LENGTH} characters of URL`, () => {
    const prefix = 'https://github.com/mosn/mosn/issues/new?title=W&body='.length;
    expect(newIssueUrl('mosn/mosn', 'W', 'a'.repeat(MAX_ISSUE_URL_LENGTH - prefix)).bodyIncluded).toBe(true);
    expect(newIssueUrl('mosn/mosn', 'W', 'a'.repeat(MAX_ISSUE_URL_LENGTH - prefix + 1)).bodyIncluded).toBe(false);
  });

  it.each(['', 'mosn', 'https://github.com/mosn/mosn', 'mosn/mosn/issues', 'mo sn/mosn'])(
    'refuses %j as the target repository, saying where to set it',
    (repo) => {
      expect(() => newIssueUrl(repo, 't', 'b')).toThrow('set the target repository as owner/name (like mosn/mosn) in the options');
    },
  );
});

describe('draftFileNameOf', () => {
  it("names a draft's file after the issue's own day and title", () => {
    expect(draftFileNameOf({ date: '2023-01-06', title: 'SOFA Weekly' })).toBe('2023-01-06-SOFA-Weekly.md');
  });
});

describe('issueExport', () => {
  it('asks for a target repository first when none is set', () => {
    expect(issueExport('', 'Weekly', 'body')).toEqual({ kind: 'chooseTargetRepo' });
  });

  it("opens the repository's new-issue page, with the body when the link can carry it", () => {
    expect(issueExport('mosn/mosn', 'Weekly', 'body')).toEqual({ kind: 'open', ...newIssueUrl('mosn/mosn', 'Weekly', 'body') });
    expect(issueExport('mosn/mosn', 'Weekly', '本'.repeat(MAX_ISSUE_URL_LENGTH))).toMatchObject({ kind: 'open', bodyIncluded: false });
  });
});
