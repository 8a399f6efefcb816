import type { Counters } from '../counters.js';

/** Counters within one process (memory:// stores): read and written with no await between. */
export class MemoryCounters implements Counters {
  private readonly last = new Map<string, number>();

  async next(name: string): Promise<number> {
    const number = (this.last.get(name) ?? 0) + 1;
    this.last.set(name, number);
    return number;
  }

  async current(name: string): Promise<number> {
    return this.last.get(name) ?? 0;
  }

  async all(): Promise<Map<string, number>> {
    return new Map(this.last);
  }

  async raise(name: string, atLeast: number): Promise<void> {
    this.last.set(name, Math.max(atLeast, this.last.get(name) ?? 0));
  }
}
