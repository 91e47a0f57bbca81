import { describe, expect, it } from 'vitest';
import { captureClip } from '@/utils/capture';
import { githubSite } from '@/utils/github/site';
import { readThread } from '@/utils/github/thread';
import { digestOf } from '@/utils/model';
import { loadPage, readFixture } from '../support/pages';

const discussionUrl = 'https://github.com/sofastack/sofa-rpc/discussions/1401';
const issueUrl = 'https://github.com/sofastack/sofa-rpc/issues/1290';

function select(element: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

describe('captureClip', () => {
  it("takes a discussion's marked answer as the answer when the user picks none", () => {
    const thread = readThread(loadPage(readFixture('discussion.html'), discussionUrl), new URL(discussionUrl));
    const capture = captureClip(githubSite, thread, { target: 'thread' });
    expect(capture).toMatchObject({
      question: { author: 'yemoli', markdown: 'How do I report a vulnerability?' },
      questionIsDefault: true,
      answer: { author: 'khotyn', url: `${discussionUrl}#discussioncomment-7001`, markdown: '可以邮件给：<khotyn.huangt@antgroup.com>。' },
      answerIsDefault: true,
    });
  });

  it('prefers the comment the user clipped to the marked answer', () => {
    const thread = readThread(loadPage(readFixture('discussion.html'), discussionUrl), new URL(discussionUrl));
    const capture = captureClip(githubSite, thread, { target: 'answer', post: thread.comments[0].element });
    expect(capture.answer).toMatchObject({ author: 'someone', markdown: 'Maybe open an issue?' });
    expect(capture).not.toHaveProperty('answerIsDefault');
  });

  it('makes a selection in the opening post the question and one in a comment the answer', () => {
    const thread = readThread(loadPage(readFixture('classic-issue.html'), issueUrl), new URL(issueUrl));
    const capture = captureClip(githubSite, thread, { target: 'thread' }, [
      select(thread.opening.body.querySelector('p')!),
      select(thread.comments[0].body.querySelector('p')!),
    ]);
    expect(capture).toMatchObject({
      question: { author: 'yemoli', markdown: '我在 SOFARPC 中发现了一个安全问题，应该在哪里私下报告？' },
      questionIsDefault: false,
      answer: { author: 'khotyn', markdown: '可以邮件给：<khotyn.huangt@antgroup.com>。' },
    });
  });

  it("names a whole comment's API source for the background to read, and keeps a selection the converter's", () => {
    const thread = readThread(loadPage(readFixture('classic-issue.html'), issueUrl), new URL(issueUrl));
    const whole = captureClip(githubSite, thread, { target: 'answer', post: thread.comments[0].element });
    expect(whole.answer).toMatchObject({
      origin: 'converter',
      converterReason: 'pending',
      source: { type: 'issueComment', repo: 'sofastack/sofa-rpc', id: 1371112222 },
      writtenDigest: digestOf(whole.answer!.markdown),
    });
    const selected = captureClip(githubSite, thread, { target: 'answer', post: thread.comments[0].element }, [
      select(thread.comments[0].body.querySelector('p')!),
    ]);
    expect(selected.answer).toMatchObject({ origin: 'converter', converterReason: 'selection' });
    expect(selected.answer).not.toHaveProperty('source');
  });

  it("names a discussion's marked answer as a discussion comment", () => {
    const thread = readThread(loadPage(readFixture('discussion.html'), discussionUrl), new URL(discussionUrl));
    expect(captureClip(githubSite, thread, { target: 'thread' }).answer?.source).toEqual({
      type: 'discussionComment',
      repo: 'sofastack/sofa-rpc',
      number: 1401,
      id: 7001,
    });
  });

  it('ignores a selection that spans several posts', () => {
    const thread = readThread(loadPage(readFixture('classic-issue.html'), issueUrl), new URL(issueUrl));
    const range = document.createRange();
    range.setStart(thread.opening.body, 0);
    range.setEnd(thread.comments[0].body, 1);
    const capture = captureClip(githubSite, thread, { target: 'thread' }, [range]);
    expect(capture).toMatchObject({ questionIsDefault: true, question: { markdown: 'SOFARPC 发现了安全漏洞在哪提交呢？' }, answer: undefined });
  });

  it('refuses to clip an empty comment rather than save a blank answer', () => {
    const html = readFixture('classic-issue.html').replace(
      '<p dir="auto">可以邮件给：<a href="mailto:khotyn.huangt@antgroup.com">khotyn.huangt@antgroup.com</a>。</p>',
      '',
    );
    const thread = readThread(loadPage(html, issueUrl), new URL(issueUrl));
    expect(() => captureClip(githubSite, thread, { target: 'answer', post: thread.comments[0].element })).toThrowError(
      expect.objectContaining({ key: 'errorEmptyPost', substitutions: ['khotyn'] }),
    );
  });

  it("keeps only the post's own words when a selection starts in the comment's header", () => {
    const thread = readThread(loadPage(readFixture('classic-issue.html'), issueUrl), new URL(issueUrl));
    const comment = thread.comments[0];
    const range = document.createRange();
    range.setStart(comment.element.querySelector('a.author')!, 0);
    range.setEnd(comment.body.querySelector('p')!, 1);
    const capture = captureClip(githubSite, thread, { target: 'answer', post: comment.element }, [range]);
    expect(capture.answer?.markdown).toBe('可以邮件给：');
  });

  it('ignores a selection made only in a comment header', () => {
    const thread = readThread(loadPage(readFixture('classic-issue.html'), issueUrl), new URL(issueUrl));
    const capture = captureClip(githubSite, thread, { target: 'thread' }, [select(thread.comments[0].element.querySelector('a.author')!)]);
    expect(capture.answer).toBeUndefined();
  });
});
