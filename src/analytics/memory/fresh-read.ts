/**
 * A read that every caller gets fresh, i.e. started after the caller asked, shared between concurrent
 * callers: one read running, and one queued for everyone who asked while it ran (its result may predate
 * them). So 32 concurrent queries cost two round trips per cycle instead of 32, and none sees a value
 * older than its own request.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) {
      this.running = this.read().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.get();
      });
    return this.queued;
  }
}
