import type { Clip, ClipCapture } from '@/utils/model';
import { openClipperDB, type ClipperDB } from '@/utils/store/db';

/** A capture as the content script sends it for mosn/mosn#2203, the seed's first entry. */
export function seedCapture(overrides: Partial<ClipCapture> = {}): ClipCapture {
  return {
    repo: 'mosn/mosn',
    number: 2203,
    kind: 'issue',
    url: 'https://github.com/mosn/mosn/issues/2203',
    title: 'Why pprof debug server do not support hot upgrade?',
    labels: ['question'],
    question: {
      author: 'dengqian',
      url: 'https://github.com/mosn/mosn/issues/2203#issue-1512345678',
      markdown: 'Why pprof debug server do not support hot upgrade?',
    },
    questionIsDefault: true,
    ...overrides,
  };
}

export function clipFrom(capture: ClipCapture, at = '2023-01-04T00:00:00.000Z'): Clip {
  const { questionIsDefault: _question, answerIsDefault: _answer, ...fields } = capture;
  return { ...fields, id: `${capture.repo}#${capture.number}`, clippedAt: at, updatedAt: at };
}

// The seed's two Q&As (shared/fixtures/sofa-weekly-2023-01-06.md), with their Markdown exactly as the
// seed prints it: Go code in ```Java fences, full-width colons and all.
export const SEED_ANSWER_2203 = [
  'Debug server init here：',
  '',
  '```Java',
  'func DefaultInitStage(c *v2.MOSNConfig) {',
  '  InitDefaultPath(c)',
  '  InitDebugServe(c)',
  '  InitializePidFile(c)',
  '  InitializeTracing(c)',
  '  InitializePlugin(c)',
  '  InitializeWasm(c)',
  '  InitializeThirdPartCodec(c)',
  '}',
  '```',
  '',
  'And started here:',
  '',
  '```Java',
  'func (m *Mosn) inheritConfig(c *v2.MOSNConfig) (err error) {',
  '  m.Config = c',
  '  server.EnableInheritOldMosnconfig(c.InheritOldMosnconfig)',
  '',
  '  // default is graceful mode, turn graceful off by set it to false',
  '  if !c.DisableUpgrade && server.IsReconfigure() {',
  '    m.isFromUpgrade = true',
  '    if err = m.inheritHandler(); err != nil {',
  '      return',
  '    }',
  '  }',
  '  log.StartLogger.Infof("[mosn] [NewMosn] new mosn created")',
  '  // start init services',
  '  if err = store.StartService(nil); err != nil {',
  '    log.StartLogger.Errorf("[mosn] [NewMosn] start service failed: %v, exit", err)',
  '  }',
  '  return',
  '}',
  '```',
].join('\n');

/** The seed's projects, as a user would name them in the options. */
// The seed's two entries, byte for byte, except its slip `github.com//mosn/mosn/`.
export const SEED_ENTRIES = `**1. @dengqian #2203**

> Why pprof debug server do not support hot upgrade?

A：Debug server init here：

\`\`\`Java
func DefaultInitStage(c *v2.MOSNConfig) {
  InitDefaultPath(c)
  InitDebugServe(c)
  InitializePidFile(c)
  InitializeTracing(c)
  InitializePlugin(c)
  InitializeWasm(c)
  InitializeThirdPartCodec(c)
}
\`\`\`

And started here:

\`\`\`Java
func (m *Mosn) inheritConfig(c *v2.MOSNConfig) (err error) {
  m.Config = c
  server.EnableInheritOldMosnconfig(c.InheritOldMosnconfig)

  // default is graceful mode, turn graceful off by set it to false
  if !c.DisableUpgrade && server.IsReconfigure() {
    m.isFromUpgrade = true
    if err = m.inheritHandler(); err != nil {
      return
    }
  }
  log.StartLogger.Infof("[mosn] [NewMosn] new mosn created")
  // start init services
  if err = store.StartService(nil); err != nil {
    log.StartLogger.Errorf("[mosn] [NewMosn] start service failed: %v, exit", err)
  }
  return
}
\`\`\`

**「MOSN」**：*[https://github.com/mosn/mosn/](https://github.com/mosn/mosn/)*

**2. @yemoli #1290**

> SOFARPC 发现了安全漏洞在哪提交呢？

A：可以邮件给：[khotyn.huangt@antgroup.com](khotyn.huangt@antgroup.com)。

**「SOFARPC」**：*[https://github.com/sofastack/sofa-rpc/](https://github.com/sofastack/sofa-rpc/)*
`;

export const SEED_PROJECTS = {
  'mosn/mosn': { name: 'MOSN', link: 'https://github.com/mosn/mosn/' },
  'sofastack/sofa-rpc': { name: 'SOFARPC', link: 'https://github.com/sofastack/sofa-rpc/' },
};

/** Captures of the seed's two threads, question and answer as the seed has them. */
export function seedCaptures(): [ClipCapture, ClipCapture] {
  return [
    seedCapture({ answer: { author: 'nejisama', url: 'https://github.com/mosn/mosn/issues/2203#issuecomment-1', markdown: SEED_ANSWER_2203 } }),
    seedCapture({
      repo: 'sofastack/sofa-rpc',
      number: 1290,
      url: 'https://github.com/sofastack/sofa-rpc/issues/1290',
      title: 'SOFARPC 发现了安全漏洞在哪提交呢？',
      labels: [],
      question: { author: 'yemoli', url: 'https://github.com/sofastack/sofa-rpc/issues/1290#issue-1', markdown: 'SOFARPC 发现了安全漏洞在哪提交呢？' },
      answer: {
        author: 'khotyn',
        url: 'https://github.com/sofastack/sofa-rpc/issues/1290#issuecomment-2',
        markdown: '可以邮件给：[khotyn.huangt@antgroup.com](khotyn.huangt@antgroup.com)。',
      },
    }),
  ];
}

/** The seed's two Q&As as stored clips, in the seed's order. */
export function seedClips(): Clip[] {
  return seedCaptures().map((capture) => clipFrom(capture));
}

/** Opens a database of its own for one test, so tests never see each other's data. */
export function freshDatabase(): () => Promise<ClipperDB> {
  const name = `test-${crypto.randomUUID()}`;
  return () => openClipperDB(name);
}

/** A clock the test moves by hand; every call reads the current time. */
export function manualClock(start = '2023-01-04T12:00:00.000Z'): { now: () => Date; set: (iso: string) => void } {
  let current = new Date(start);
  return { now: () => current, set: (iso) => (current = new Date(iso)) };
}

/** A capture of a made-up thread `repo#number`, for tests that need many clips. */
export function threadCapture(number: number, repo = 'mosn/mosn'): ClipCapture {
  return seedCapture({
    repo,
    number,
    url: `https://github.com/${repo}/issues/${number}`,
    title: `Question ${number}`,
    question: { author: `user${number}`, url: `https://github.com/${repo}/issues/${number}`, markdown: `Question ${number}` },
  });
}

/** A clip of mosn/mosn's thread `number`, with `answer` as its answer's Markdown when given. */
export function answeredClip(number: number, answer?: string): Clip {
  return clipFrom(
    seedCapture({
      number,
      url: `https://github.com/mosn/mosn/issues/${number}`,
      title: `Thread ${number}`,
      question: { author: 'asker', url: `https://github.com/mosn/mosn/issues/${number}#issue-${number}`, markdown: `Question ${number}?` },
      ...(answer === undefined
        ? {}
        : { answer: { author: 'maintainer', url: `https://github.com/mosn/mosn/issues/${number}#issuecomment-${number}`, markdown: answer } }),
    }),
  );
}
