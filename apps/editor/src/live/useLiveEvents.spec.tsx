import { act, renderHook } from '@testing-library/react';
import type { Socket } from 'socket.io-client';
import { storeToken, logOut } from '../api/session';
import { setLiveSocketOpener } from './liveConnection';
import { useLiveConnection } from './useLiveConnection';
import { useLiveEvents } from './useLiveEvents';

/** A socket.io client stand-in: the server side is what the test triggers. */
function fakeSockets() {
  const opened: { token: string; fire: (name: string, payload?: unknown) => void; closed: boolean }[] = [];
  setLiveSocketOpener((token) => {
    const handlers = new Map<string, ((payload?: unknown) => void)[]>();
    const record = {
      token,
      closed: false,
      fire: (name: string, payload?: unknown) => handlers.get(name)?.forEach((h) => h(payload)),
    };
    opened.push(record);
    return {
      active: true,
      on(name: string, handler: (payload?: unknown) => void) {
        handlers.set(name, [...(handlers.get(name) ?? []), handler]);
        return this;
      },
      removeAllListeners() {
        handlers.clear();
        return this;
      },
      disconnect() {
        record.closed = true;
        return this;
      },
    } as unknown as Socket;
  });
  return opened;
}

const event = { id: 'dlv-1', status: 'sent', flowId: 'f1', nodeId: 'sms24', at: '2026-03-02T08:00:00.000Z' };

describe('useLiveEvents', () => {
  afterEach(() => {
    act(() => {
      logOut();
      setLiveSocketOpener(null);
    });
  });

  it('should share one socket, drop duplicate events and ask for a refetch after a reconnect', () => {
    storeToken('token-1', false);
    const opened = fakeSockets();
    const first: string[] = [];
    const second: string[] = [];
    const reconnects: number[] = [];
    renderHook(() =>
      useLiveEvents((type, payload) => first.push(`${type}:${payload.id}`), {
        onReconnect: () => reconnects.push(1),
      }),
    );
    renderHook(() => useLiveEvents((type, payload) => second.push(`${type}:${payload.id}`)));
    const status = renderHook(() => useLiveConnection());
    expect(opened).toHaveLength(1);
    expect(opened[0].token).toBe('token-1');
    expect(status.result.current).toBe('connecting');

    act(() => opened[0].fire('connect'));
    expect(status.result.current).toBe('connected');
    act(() => {
      opened[0].fire('delivery.updated', event);
      opened[0].fire('delivery.updated', event);
      opened[0].fire('run.updated', { ...event, id: 'run-1', status: 'waiting' });
    });
    expect(first).toEqual(['delivery.updated:dlv-1', 'run.updated:run-1']);
    expect(second).toEqual(first);
    expect(reconnects).toHaveLength(0);

    act(() => opened[0].fire('disconnect'));
    expect(status.result.current).toBe('connecting');
    act(() => opened[0].fire('connect'));
    expect(reconnects).toHaveLength(1);
  });

  it('should reopen the socket with the new token when the session changes, and go offline at logout', () => {
    storeToken('token-1', false);
    const opened = fakeSockets();
    renderHook(() => useLiveEvents(() => undefined));
    const status = renderHook(() => useLiveConnection());
    act(() => storeToken('token-2', false));
    expect(opened.map((s) => s.token)).toEqual(['token-1', 'token-2']);
    expect(opened[0].closed).toBe(true);
    act(() => logOut());
    expect(opened[1].closed).toBe(true);
    expect(status.result.current).toBe('offline');
  });
});
