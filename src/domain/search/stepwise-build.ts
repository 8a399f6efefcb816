/**
 * A value built a step at a time, by a generator that yields between the steps of its work (a
 * document indexed, a language's words added) and returns the value. A server advances it a step
 * at a time between its other work; whoever reads the value first runs the steps that remain, at
 * once: no reader sees it half built, and none waits for more than the rest of its build.
 */
export class StepwiseBuild<T> {
  private steps: Iterator<void, T, undefined> | undefined;
  private built: { value: T } | undefined;

  constructor(private readonly build: () => Iterator<void, T, undefined>) {}

  /** The value, its build finished now if it is not yet. */
  get value(): T {
    while (!this.built) this.step();
    return this.built.value;
  }

  get isBuilt(): boolean {
    return this.built !== undefined;
  }

  /** Runs the next step of the build (none once it is built); true when the value is built. */
  step(): boolean {
    if (this.built) return true;
    this.steps ??= this.build();
    let next: IteratorResult<void, T>;
    try {
      next = this.steps.next();
    } catch (error) {
      // A generator that threw is over: the next read starts the build again rather than take its end for a value.
      this.steps = undefined;
      throw error;
    }
    if (!next.done) return false;
    this.built = { value: next.value };
    this.steps = undefined;
    return true;
  }
}
