import type { Clip, Draft, Project } from '../model';

/**
 * A small draft to try a template on before it is saved (and to preview it in the options page):
 * two Q&As, one with a code block and GitHub references in its answer and one without an answer.
 */
export const SAMPLE_DRAFT: Readonly<Draft> = Object.freeze({
  id: 'sample',
  title: 'Weekly digest',
  date: '2023-01-06',
  clipIds: ['mosn/mosn#2203', 'sofastack/sofa-rpc#1290'],
  intro: 'What we answered this week.\n<!-- cover -->\nhttps://example.com/cover.png',
});

export const SAMPLE_CLIPS: readonly Clip[] = Object.freeze([
  {
    id: 'mosn/mosn#2203',
    repo: 'mosn/mosn',
    number: 2203,
    kind: 'issue',
    url: 'https://github.com/mosn/mosn/issues/2203',
    title: 'Why pprof debug server do not support hot upgrade?',
    question: { author: 'dengqian', url: 'https://github.com/mosn/mosn/issues/2203', markdown: 'Why pprof debug server do not support hot upgrade?' },
    answer: {
      author: 'nejisama',
      url: 'https://github.com/mosn/mosn/issues/2203',
      markdown: 'Debug server init here：\n\n```go\nInitDebugServe(c)\n```\n\nHot upgrade for it is #2204, thanks @nejisama.',
    },
    labels: ['question'],
    clippedAt: '2023-01-04T00:00:00.000Z',
    updatedAt: '2023-01-04T00:00:00.000Z',
  },
  {
    id: 'sofastack/sofa-rpc#1290',
    repo: 'sofastack/sofa-rpc',
    number: 1290,
    kind: 'issue',
    url: 'https://github.com/sofastack/sofa-rpc/issues/1290',
    title: 'SOFARPC 发现了安全漏洞在哪提交呢？',
    question: { author: 'yemoli', url: 'https://github.com/sofastack/sofa-rpc/issues/1290', markdown: 'SOFARPC 发现了安全漏洞在哪提交呢？' },
    labels: [],
    clippedAt: '2023-01-05T00:00:00.000Z',
    updatedAt: '2023-01-05T00:00:00.000Z',
  },
]);

export const SAMPLE_PROJECTS: Readonly<Record<string, Project>> = Object.freeze({
  'mosn/mosn': { name: 'MOSN', link: 'https://github.com/mosn/mosn/' },
});
