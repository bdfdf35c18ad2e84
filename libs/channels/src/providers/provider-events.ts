import type { ProviderEvent } from './provider';

/** The listeners of a provider's receipts and replies (`onEvent`), for the providers that push them. */
export class ProviderEvents {
  private readonly listeners = new Set<(event: ProviderEvent) => void>();

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (event: ProviderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Passes an event to every listener, in the order they subscribed. */
  emit(event: ProviderEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
