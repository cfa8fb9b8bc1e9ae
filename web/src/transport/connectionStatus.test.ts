import { describe, expect, it } from 'vitest';
import { tooManyConnectionsReason } from './connectionStatus';

// The text the SignalR browser client gives `onclose` when the server closes a connection refused in
// OnConnectedAsync (P-CONN-1): "Server returned an error on close: " + the server's close error.
const closedBy = (text: string) => new Error(`Server returned an error on close: Connection closed with an error. HubException: ${text}`);

describe('tooManyConnectionsReason (P-CONN-1)', () => {
  it('reads the reason of a close for too many connections', () => {
    expect(
      tooManyConnectionsReason(closedBy('TOO_MANY_CONNECTIONS: this user already has 20 open connections to this server, the most it allows; close a tab or window first')),
    ).toBe('this user already has 20 open connections to this server, the most it allows; close a tab or window first');
  });

  it('reads the reason of a negotiate refused with 429 (the SignalR client puts the body into its error)', () => {
    const body = JSON.stringify({
      type: 'https://tools.ietf.org/html/rfc6585#section-4',
      title: 'TOO_MANY_CONNECTIONS',
      status: 429,
      detail: 'this user already has 20 open connections to this server, the most it allows; close a tab or window first',
      code: 'TOO_MANY_CONNECTIONS',
    });
    const error = new Error(`Failed to complete negotiation with the server: Error: ${body}: Status code '429'`);
    expect(tooManyConnectionsReason(error)).toBe('this user already has 20 open connections to this server, the most it allows; close a tab or window first');
  });

  it('is null for every other close, so those reconnect as before', () => {
    expect(tooManyConnectionsReason(undefined)).toBeNull();
    expect(tooManyConnectionsReason(new Error('WebSocket closed with status code: 1006 ().'))).toBeNull();
    expect(tooManyConnectionsReason(closedBy('OVERLOADED: busy; retry after 100 ms'))).toBeNull();
    expect(tooManyConnectionsReason(new Error('Server returned an error on close: Connection closed with an error.'))).toBeNull();
  });
});
