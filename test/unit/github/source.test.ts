import { describe, expect, it } from 'vitest';
import { postSourceOf } from '@/utils/github/source';

const issue = { kind: 'issue', repo: 'mosn/mosn', number: 2203 } as const;
const pull = { kind: 'pull', repo: 'mosn/mosn', number: 7 } as const;
const discussion = { kind: 'discussion', repo: 'sofastack/sofa-rpc', number: 1401 } as const;

describe("a post's source, from its permalink", () => {
  it('names the REST resource of conversation comments, review comments and review summaries', () => {
    expect(postSourceOf('https://github.com/mosn/mosn/issues/2203#issuecomment-1370000001', issue)).toEqual({
      type: 'issueComment',
      repo: 'mosn/mosn',
      id: 1370000001,
    });
    expect(postSourceOf('https://github.com/mosn/mosn/pull/7#issuecomment-12', pull)).toEqual({ type: 'issueComment', repo: 'mosn/mosn', id: 12 });
    expect(postSourceOf('https://github.com/mosn/mosn/pull/7#discussion_r345', pull)).toEqual({ type: 'reviewComment', repo: 'mosn/mosn', id: 345 });
    expect(postSourceOf('https://github.com/mosn/mosn/pull/7#pullrequestreview-678', pull)).toEqual({ type: 'review', repo: 'mosn/mosn', number: 7, id: 678 });
  });

  it('names the opening post by the thread, and discussion comments for GraphQL', () => {
    expect(postSourceOf('https://github.com/mosn/mosn/issues/2203#issue-1512345678', issue)).toEqual({ type: 'issue', repo: 'mosn/mosn', number: 2203 });
    expect(postSourceOf('https://github.com/mosn/mosn/pull/7', pull)).toEqual({ type: 'issue', repo: 'mosn/mosn', number: 7 });
    expect(postSourceOf('https://github.com/sofastack/sofa-rpc/discussions/1401#discussioncomment-7001', discussion)).toEqual({
      type: 'discussionComment',
      repo: 'sofastack/sofa-rpc',
      number: 1401,
      id: 7001,
    });
  });

  it('names nothing it cannot tell: another host, another fragment, a fragment of the wrong kind of thread', () => {
    expect(postSourceOf('https://github.example.com/mosn/mosn/issues/2203#issuecomment-1', issue)).toBeUndefined();
    expect(postSourceOf('https://github.com/mosn/mosn/issues/2203#event-99', issue)).toBeUndefined();
    expect(postSourceOf('https://github.com/mosn/mosn/issues/2203#discussion_r5', issue)).toBeUndefined();
    expect(postSourceOf('https://github.com/mosn/mosn/issues/2203#issuecomment-', issue)).toBeUndefined();
  });
});
