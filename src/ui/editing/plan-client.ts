/**
 * Ordering the UI's calls that change the plan. The data worker answers each call with an update
 * relative to the one before, so the calls must reach it one at a time and their answers be
 * applied in the order sent: `SerialQueue` runs tasks strictly one after another (a failing task
 * does not stop the ones behind it). A vertex drag sends many positions; `LatestOnly` keeps at
 * most one in flight and, when it returns, sends only the newest position pushed meanwhile.
 */

/** Runs async tasks strictly one after another, in the order they were given. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;
  readonly #onSizeChange: (size: number) => void;

  /** `onSizeChange` hears how many tasks are waiting or running, after each change. */
  constructor(onSizeChange: (size: number) => void = () => undefined) {
    this.#onSizeChange = onSizeChange;
  }

  /** How many tasks are waiting or running. */
  get size(): number {
    return this.#waiting;
  }

  /**
   * Runs `task` once every task given before it has settled; resolves or rejects as it does.
   * @example
   * const queue = new SerialQueue();
   * void queue.run(() => worker.edit(a)); // runs first
   * void queue.run(() => worker.undo()); // starts only when the edit has settled
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.#resize(1);
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => this.#resize(-1),
      () => this.#resize(-1),
    );
    return result;
  }

  /** Resolves once every task given so far has settled. */
  idle(): Promise<void> {
    return this.#tail.then(() => undefined);
  }

  #resize(by: number): void {
    this.#waiting += by;
    this.#onSizeChange(this.#waiting);
  }
}

/**
 * Sends values one at a time, keeping only the newest that came while one was in flight: a
 * throttle whose pace is the receiver's own.
 */
export class LatestOnly<T> {
  readonly #send: (value: T) => Promise<unknown>;
  #inFlight: Promise<void> | null = null;
  #pending: { value: T } | null = null;

  /** `send` should not reject; if it does, the next value is still sent. */
  constructor(send: (value: T) => Promise<unknown>) {
    this.#send = send;
  }

  /**
   * Sends `value` now if nothing is in flight, else keeps it (replacing any kept before).
   * @example
   * const moves = new LatestOnly((to: Position) => worker.dragTo(to));
   * moves.push(a); moves.push(b); moves.push(c); // sends a, then c when a returns
   */
  push(value: T): void {
    if (this.#inFlight) this.#pending = { value };
    else this.#start(value);
  }

  /** Drops the value kept for sending, if any; the one in flight still completes. */
  cancel(): void {
    this.#pending = null;
  }

  /** Resolves when nothing is in flight or kept. */
  async idle(): Promise<void> {
    while (this.#inFlight) await this.#inFlight;
  }

  #start(value: T): void {
    const done = () => {
      this.#inFlight = null;
      const next = this.#pending;
      this.#pending = null;
      if (next) this.#start(next.value);
    };
    this.#inFlight = this.#send(value).then(done, done);
  }
}
