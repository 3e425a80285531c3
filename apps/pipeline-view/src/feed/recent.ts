/** The last `capacity` items, oldest first: what a page that opens now is shown first. */
export class Recent<T> {
  private readonly items: T[] = [];

  constructor(private readonly capacity: number) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  list(): T[] {
    return [...this.items];
  }
}
