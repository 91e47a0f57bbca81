import { Octokit } from '@octokit/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Clip } from '@/utils/model';
import { readRepositoryFile, writeRepositoryFile, type FileLocation } from '@/utils/github/repository-file';
import { syncOnce, waitingChanges, type SyncMemory, type SyncPorts } from '@/utils/sync/engine';
import type { SharedWeekly } from '@/utils/sync/weekly-doc';
import { GitHubStandIn } from '../../support/github-stand-in';
import { answeredClip as clip } from '../../support/clips';

const location: FileLocation = { owner: 'sofastack', repo: 'sofastack.tech', branch: 'weekly-clipper', path: 'weekly/current.json' };

/** One maintainer's browser: a store holding the current draft, the sync's memory, and a client with their token. */
function browser(standIn: GitHubStandIn, token: string, draft: SharedWeekly) {
  let store = structuredClone(draft);
  let memory: SyncMemory | undefined;
  const octokit = new Octokit({ auth: token, request: { fetch: standIn.fetch } });
  const ports: SyncPorts<SharedWeekly> = {
    local: {
      read: async () => structuredClone(store),
      adopt: async (weekly, expected) => {
        if (JSON.stringify(store) !== JSON.stringify(expected)) return false;
        store = structuredClone(weekly);
        return true;
      },
    },
    remote: {
      where: 'sofastack/sofastack.tech:weekly/current.json',
      read: () => readRepositoryFile(octokit, location),
      write: (text, sha, message) => writeRepositoryFile(octokit, location, text, sha, message),
    },
    memory: { load: async () => memory, save: async (next) => void (memory = next) },
  };
  return {
    sync: () => syncOnce(ports, { message: 'Sync the shared weekly', login: standIn.tokens.get(token)?.login }),
    waiting: () => waitingChanges(ports),
    edit(change: (weekly: SharedWeekly) => void) {
      change(store);
    },
    get draft() {
      return store;
    },
  };
}

const grant = { permissions: { contents: 'write', metadata: 'read' } } as const;

describe('syncing the shared weekly through a repository file', () => {
  let standIn: GitHubStandIn;
  beforeEach(() => {
    standIn = new GitHubStandIn();
    standIn.addRepository('sofastack/sofastack.tech');
    standIn.addToken('token-alice', { login: 'alice', ...grant });
    standIn.addToken('token-bob', { login: 'bob', ...grant });
  });

  it('creates the branch and the file on the first sync, with a readable view beside the document', async () => {
    const alice = browser(standIn, 'token-alice', { draft: { title: 'SOFA Weekly', date: '2023-01-06', intro: '' }, clips: [clip(1, 'One')] });
    expect(await alice.sync()).toMatchObject({ wrote: true, adopted: true, clips: 1 });
    const file = JSON.parse(standIn.file('sofastack/sofastack.tech', 'weekly-clipper', 'weekly/current.json') ?? '{}');
    expect(file.format).toBe('weekly-clipper/shared-weekly');
    expect(file.weekly.clips.map((entry: Clip) => entry.answer?.markdown)).toEqual(['One']);
  });

  it("ends with both maintainers' clips and edits in both browsers", async () => {
    const alice = browser(standIn, 'token-alice', { draft: { title: 'SOFA Weekly', date: '2023-01-06', intro: '' }, clips: [clip(1, 'One')] });
    await alice.sync();
    const bob = browser(standIn, 'token-bob', { draft: { title: 'Weekly digest', date: '2023-01-05', intro: '' }, clips: [clip(2, 'Two')] });
    await bob.sync();
    expect(bob.draft.draft.title).toBe('SOFA Weekly');
    alice.edit((weekly) => {
      weekly.clips[0].answer!.markdown = 'One, edited';
    });
    bob.edit((weekly) => {
      weekly.clips.reverse();
    });
    await alice.sync();
    await bob.sync();
    await alice.sync();
    expect(alice.draft).toEqual(bob.draft);
    expect(alice.draft.clips.map((entry) => [entry.number, entry.answer?.markdown, entry.clippedBy])).toEqual([
      [2, 'Two', 'bob'],
      [1, 'One, edited', 'alice'],
    ]);
  });

  it('reads, merges and writes again when another browser wrote first', async () => {
    const alice = browser(standIn, 'token-alice', { draft: { title: 'SOFA Weekly', date: '2023-01-06', intro: '' }, clips: [clip(1)] });
    await alice.sync();
    const bob = browser(standIn, 'token-bob', { draft: { title: 'SOFA Weekly', date: '2023-01-06', intro: '' }, clips: [] });
    await bob.sync();
    const shared = () => standIn.file('sofastack/sofastack.tech', 'weekly-clipper', 'weekly/current.json') as string;
    // Bob's write, replayed between Alice's read and her write: GitHub then refuses hers as stale.
    const before = shared();
    bob.edit((weekly) => void weekly.clips.push(clip(3)));
    await bob.sync();
    const bobs = shared();
    standIn.push('sofastack/sofastack.tech', 'weekly-clipper', 'weekly/current.json', before);
    standIn.beforeContentsWrite = () => {
      standIn.beforeContentsWrite = undefined;
      standIn.push('sofastack/sofastack.tech', 'weekly-clipper', 'weekly/current.json', bobs);
    };
    alice.edit((weekly) => void weekly.clips.push(clip(2)));
    const start = standIn.log.length;
    await alice.sync();
    expect(standIn.log.slice(start).filter((line) => line.startsWith('PUT'))).toEqual([
      'PUT /repos/sofastack/sofastack.tech/contents/weekly/current.json 409',
      'PUT /repos/sofastack/sofastack.tech/contents/weekly/current.json 200',
    ]);
    await bob.sync();
    expect(alice.draft.clips.map((entry) => entry.number).sort()).toEqual([1, 2, 3]);
    expect(bob.draft).toEqual(alice.draft);
  });

  it('counts the changes waiting while offline and sends them on reconnecting', async () => {
    const alice = browser(standIn, 'token-alice', { draft: { title: 'SOFA Weekly', date: '2023-01-06', intro: '' }, clips: [clip(1)] });
    await alice.sync();
    standIn.online = false;
    alice.edit((weekly) => {
      weekly.clips.push(clip(2), clip(3));
      weekly.draft = { ...weekly.draft, intro: 'Offline intro' };
    });
    await expect(alice.sync()).rejects.toThrow();
    expect(await alice.waiting()).toBe(3);
    standIn.online = true;
    await alice.sync();
    expect(await alice.waiting()).toBe(0);
    const file = JSON.parse(standIn.file('sofastack/sofastack.tech', 'weekly-clipper', 'weekly/current.json') ?? '{}');
    expect(file.weekly.clips).toHaveLength(3);
    expect(file.weekly.draft.intro).toBe('Offline intro');
  });
});
