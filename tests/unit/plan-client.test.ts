// The plan call ordering: the serial queue runs tasks one at a time in the order given (even
// when an earlier task is slower or fails) and reports its size; the latest-only sender keeps at
// most one value in flight and sends only the newest value pushed meanwhile.
import { describe, expect, it } from 'vitest';
import { LatestOnly, SerialQueue } from '../../src/ui/editing/plan-client.ts';

/** A promise with its resolve and reject outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SerialQueue', () => {
  it('runs tasks strictly in order, one at a time, whatever each takes', async () => {
    const log: string[] = [];
    const queue = new SerialQueue();
    const slow = deferred();
    const a = queue.run(async () => {
      log.push('a start');
      await slow.promise;
      log.push('a end');
      return 'A';
    });
    const b = queue.run(async () => {
      log.push('b start');
      return 'B';
    });
    await tick();
    expect(log).toEqual(['a start']);
    slow.resolve();
    expect(await Promise.all([a, b])).toEqual(['A', 'B']);
    expect(log).toEqual(['a start', 'a end', 'b start']);
  });

  it('goes on after a failing task, which rejects to its own caller', async () => {
    const queue = new SerialQueue();
    const failing = queue.run(() => Promise.reject(new Error('worker crashed')));
    const next = queue.run(async () => 'still runs');
    await expect(failing).rejects.toThrow('worker crashed');
    expect(await next).toBe('still runs');
  });

  it('reports how many tasks wait or run, and idles when all have settled', async () => {
    const sizes: number[] = [];
    const queue = new SerialQueue((size) => sizes.push(size));
    const gate = deferred();
    void queue.run(() => gate.promise);
    void queue.run(async () => undefined);
    expect(queue.size).toBe(2);
    gate.resolve();
    await queue.idle();
    expect(queue.size).toBe(0);
    expect(sizes).toEqual([1, 2, 1, 0]);
  });
});

describe('LatestOnly', () => {
  it('keeps one call in flight and then sends only the newest value', async () => {
    const sent: number[] = [];
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const moves = new LatestOnly<number>((value) => {
      sent.push(value);
      const gate = deferred();
      gates.push(gate);
      return gate.promise;
    });
    moves.push(1);
    moves.push(2);
    moves.push(3);
    moves.push(4);
    expect(sent).toEqual([1]);
    gates[0]!.resolve();
    await tick();
    expect(sent).toEqual([1, 4]);
    gates[1]!.resolve();
    await moves.idle();
    expect(sent).toEqual([1, 4]);
  });

  it('drops the kept value on cancel; the one in flight completes', async () => {
    const sent: number[] = [];
    const gate = deferred();
    const moves = new LatestOnly<number>((value) => {
      sent.push(value);
      return gate.promise;
    });
    moves.push(1);
    moves.push(2);
    moves.cancel();
    gate.resolve();
    await moves.idle();
    expect(sent).toEqual([1]);
  });

  it('sends the next value even when a send rejects', async () => {
    const sent: number[] = [];
    const moves = new LatestOnly<number>((value) => {
      sent.push(value);
      return value === 1 ? Promise.reject(new Error('refused')) : Promise.resolve();
    });
    moves.push(1);
    moves.push(2);
    await moves.idle();
    expect(sent).toEqual([1, 2]);
  });

  it('through a serial queue, drag previews reach the receiver in order and stay throttled', async () => {
    const queue = new SerialQueue();
    const received: string[] = [];
    const release = deferred();
    const moves = new LatestOnly<number>((value) =>
      queue.run(async () => {
        received.push(`move ${value}`);
        await release.promise;
      }),
    );
    for (let x = 1; x <= 10; x++) moves.push(x);
    // The drag ends: the kept preview is dropped and the end queues behind the one in flight.
    moves.cancel();
    const end = queue.run(async () => received.push('end'));
    await tick();
    expect(received).toEqual(['move 1']);
    release.resolve();
    await end;
    await moves.idle();
    expect(received).toEqual(['move 1', 'end']);
  });
});
