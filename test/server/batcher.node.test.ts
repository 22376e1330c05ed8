// The group commit (src/host/batcher.ts): one commit at a time per organisation, and the events
// that queue while a commit waits for the organisation's lock taken into it (`more`), each
// settled with its own outcome, never lost, never in two commits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Batcher, type Outcome } from '../../src/host/batcher.js';

/** A commit that waits until released, recording what it wrote; `takeMore` says when it calls more(). */
function gatedCommit(takeMore: boolean) {
  const commits: string[][] = [];
  let release!: () => void;
  let gate = new Promise<void>((r) => (release = r));
  const commit = async (_orgId: string, inputs: string[], more: () => string[]): Promise<Outcome<string>[]> => {
    await gate; // "waiting for the lock"
    const all = takeMore ? [...inputs, ...more()] : inputs;
    commits.push(all);
    return all.map((input) => (input.startsWith('bad') ? { ok: false, error: new Error(input) } : { ok: true, value: `receipt ${input}` }));
  };
  return {
    commits,
    commit,
    release: () => {
      release();
      gate = new Promise<void>((r) => (release = r));
    },
  };
}

const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: Error) => ({ error: error.message }));
const turns = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('events queued while a commit waits join it through more(): one commit, each its own outcome', async () => {
    const c = gatedCommit(true);
    const batcher = new Batcher(c.commit);
    const first = settle(batcher.run('org', 'a'));
    await turns(); // the commit of [a] has started and waits
    const late = ['b', 'bad-c', 'd'].map((input) => settle(batcher.run('org', input)));
    c.release();
    assert.deepEqual(await Promise.all([first, ...late]), [{ value: 'receipt a' }, { value: 'receipt b' }, { error: 'bad-c' }, { value: 'receipt d' }]);
    assert.deepEqual(c.commits, [['a', 'b', 'bad-c', 'd']]);
  });

  it('without more(), the queued events are the next commit', async () => {
    const c = gatedCommit(false);
    const batcher = new Batcher(c.commit);
    const first = settle(batcher.run('org', 'a'));
    await turns();
    const late = ['b', 'c'].map((input) => settle(batcher.run('org', input)));
    c.release();
    await first;
    await turns();
    c.release();
    assert.deepEqual(await Promise.all(late), [{ value: 'receipt b' }, { value: 'receipt c' }]);
    assert.deepEqual(c.commits, [['a'], ['b', 'c']]);
  });

  it('more() keeps to the batch limit; the rest is the next commit', async () => {
    const c = gatedCommit(true);
    const batcher = new Batcher(c.commit, 3);
    const all = [settle(batcher.run('org', 'a'))];
    await turns();
    for (const input of ['b', 'c', 'd', 'e']) all.push(settle(batcher.run('org', input)));
    c.release();
    await all[0];
    await turns();
    c.release();
    assert.deepEqual((await Promise.all(all)).map((o) => (o as { value: string }).value), ['a', 'b', 'c', 'd', 'e'].map((i) => `receipt ${i}`));
    assert.deepEqual(c.commits, [['a', 'b', 'c'], ['d', 'e']]);
  });

  it('a failed commit fails the events it took late as well, and the next commit runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const took: string[][] = [];
    const batcher = new Batcher<string, string>(async (_orgId, inputs, more) => {
      if (took.length) return inputs.map((input) => ({ ok: true, value: input }));
      await gate;
      took.push([...inputs, ...more()]);
      throw new Error('database unavailable');
    });
    const first = settle(batcher.run('org', 'a'));
    await turns();
    const late = settle(batcher.run('org', 'b'));
    release();
    assert.deepEqual(await Promise.all([first, late]), [{ error: 'database unavailable' }, { error: 'database unavailable' }]);
    assert.deepEqual(took, [['a', 'b']]);
    assert.deepEqual(await settle(batcher.run('org', 'c')), { value: 'c' });
  });

  it('organisations commit independently', async () => {
    const c = gatedCommit(true);
    const batcher = new Batcher(c.commit);
    const a = settle(batcher.run('org-1', 'a'));
    const b = settle(batcher.run('org-2', 'b'));
    await turns();
    c.release();
    assert.deepEqual(await Promise.all([a, b]), [{ value: 'receipt a' }, { value: 'receipt b' }]);
    assert.deepEqual(c.commits, [['a'], ['b']]);
  });
});
