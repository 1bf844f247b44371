// A cache bounded by two generations: what the last checks used stays, however many entries one
// file needs, and what no check asked for during two generations is dropped.
export class GenerationCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly generationSize: number) {}

  get(key: string): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
