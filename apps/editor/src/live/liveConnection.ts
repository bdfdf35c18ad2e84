import {
  LIVE_EVENT_TYPES,
  type DeliveryUpdated,
  type LiveEventType,
  type RunUpdated,
} from '@clinicflow/contract';
import { io, type Socket } from 'socket.io-client';
import { expireSession, readToken, sessionChangedEvent } from '../api/session';

/** The events api.md's `/live` namespace emits; they say "something changed", details come from REST. */
export type { LiveEventType };

/** A live event's payload: ids and states only (api.md, the contract's `liveEventSchemas`). */
export type LiveEventPayload = DeliveryUpdated | RunUpdated;

export type LiveConnectionStatus = 'connected' | 'connecting' | 'offline';

type EventListener = (type: LiveEventType, payload: LiveEventPayload) => void;

/** Opens the socket; tests give their own so jsdom never dials a server. */
export type LiveSocketOpener = (token: string) => Socket;

const eventTypes = LIVE_EVENT_TYPES;
/** How many recent event keys are remembered to drop duplicates (the relay may repeat one after a restart). */
const rememberedEvents = 500;
/** A refused handshake (expired token, API restarting) is tried again after this, with a fresh token. */
const retryAfterRefusalMs = 5_000;

const openSocket: LiveSocketOpener = (token) =>
  io('/live', { path: '/socket.io', auth: { token }, transports: ['websocket'] });

/**
 * One socket per tab, shared by every screen that listens: opened when the first listener arrives, closed
 * when the last one leaves or the session ends, re-opened with the new token when the session changes.
 */
class LiveConnection {
  private socket: Socket | null = null;
  private status: LiveConnectionStatus = 'offline';
  private hasConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly events = new Set<EventListener>();
  private readonly reconnects = new Set<() => void>();
  private readonly statuses = new Set<() => void>();
  private readonly seen: string[] = [];
  private readonly seenSet = new Set<string>();
  private opener: LiveSocketOpener = openSocket;
  private watchingSession = false;

  getStatus = (): LiveConnectionStatus => this.status;

  onStatus = (listener: () => void): (() => void) => {
    this.statuses.add(listener);
    this.ensureOpen();
    return () => {
      this.statuses.delete(listener);
      this.closeIfUnused();
    };
  };

  onEvent(listener: EventListener): () => void {
    this.events.add(listener);
    this.ensureOpen();
    return () => {
      this.events.delete(listener);
      this.closeIfUnused();
    };
  }

  onReconnect(listener: () => void): () => void {
    this.reconnects.add(listener);
    return () => this.reconnects.delete(listener);
  }

  useOpener(opener: LiveSocketOpener | null) {
    this.close();
    this.opener = opener ?? openSocket;
    this.ensureOpen();
  }

  private ensureOpen() {
    this.watchSession();
    if (this.socket || (this.events.size === 0 && this.statuses.size === 0)) return;
    const token = readToken();
    if (!token) return this.setStatus('offline');
    this.setStatus('connecting');
    const socket = this.opener(token);
    this.socket = socket;
    socket.on('connect', () => {
      this.setStatus('connected');
      // what happened while we were away is in the database: listeners refetch (the socket has no replay)
      if (this.hasConnected) this.reconnects.forEach((listener) => listener());
      this.hasConnected = true;
    });
    socket.on('disconnect', () => this.setStatus(socket.active ? 'connecting' : 'offline'));
    socket.on('connect_error', () => {
      if (socket.active) return this.setStatus('connecting');
      // the server refused the handshake: socket.io does not retry that by itself
      this.setStatus('offline');
      this.close();
      this.retryTimer = setTimeout(() => this.ensureOpen(), retryAfterRefusalMs);
    });
    for (const type of eventTypes)
      socket.on(type, (payload: LiveEventPayload) => this.deliver(type, payload));
    // the server ended this token's session (disabled, a new password elsewhere, "sign out everywhere"): back to
    // the login page, unless this tab holds a newer token already (its own password change)
    socket.on('session.ended', () => {
      if (readToken() !== token) return;
      this.close();
      expireSession();
    });
  }

  private deliver(type: LiveEventType, payload: LiveEventPayload) {
    const key = `${type}|${payload?.id}|${payload?.status}|${payload?.at}`;
    if (this.seenSet.has(key)) return;
    this.seenSet.add(key);
    this.seen.push(key);
    if (this.seen.length > rememberedEvents) this.seenSet.delete(this.seen.shift()!);
    this.events.forEach((listener) => listener(type, payload));
  }

  private watchSession() {
    if (this.watchingSession || typeof window === 'undefined') return;
    this.watchingSession = true;
    window.addEventListener(sessionChangedEvent, () => {
      this.close();
      this.hasConnected = false;
      this.ensureOpen();
    });
  }

  private closeIfUnused() {
    if (this.events.size === 0 && this.statuses.size === 0) this.close();
  }

  private close() {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (!this.socket) return;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.socket = null;
    this.setStatus('offline');
  }

  private setStatus(status: LiveConnectionStatus) {
    if (status === this.status) return;
    this.status = status;
    this.statuses.forEach((listener) => listener());
  }
}

/** The tab's live connection (one socket per tab). */
export const liveConnection = new LiveConnection();

/** Replaces how the socket is opened (component tests pass a fake emitter; `null` restores socket.io). */
export function setLiveSocketOpener(opener: LiveSocketOpener | null) {
  liveConnection.useOpener(opener);
}
