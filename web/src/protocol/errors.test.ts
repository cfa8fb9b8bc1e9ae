// Proves refused hub calls are split into code and reason (P-ERR-1), with or without the prefix
// the .NET server puts before a HubException's message.
import { describe, expect, it } from 'vitest';
import { isKnownHubErrorCode, parseProtocolError, retryAfterMs } from './errors';

describe('parseProtocolError', () => {
  it('parses a bare "CODE: reason" message', () => {
    expect(parseProtocolError(new Error('ROOM_NOT_FOUND: No room with id abc.'))).toEqual({
      code: 'ROOM_NOT_FOUND',
      reason: 'No room with id abc.',
    });
  });

  it('parses the message of a HubException as the SignalR client reports it', () => {
    const error = new Error(
      "An unexpected error occurred invoking 'JoinRoom' on the server. HubException: PROTOCOL_MISMATCH: Client speaks 2, server speaks 1.",
    );
    expect(parseProtocolError(error)).toEqual({
      code: 'PROTOCOL_MISMATCH',
      reason: 'Client speaks 2, server speaks 1.',
    });
  });

  it('keeps colons inside the reason', () => {
    expect(parseProtocolError('RATE_LIMITED: try again in: 1 s')?.reason).toBe('try again in: 1 s');
  });

  it('returns null for errors without a code', () => {
    expect(parseProtocolError(new Error('Invocation canceled due to the underlying connection being closed.'))).toBeNull();
    expect(parseProtocolError(new Error('Failed to complete negotiation with the server: Error: Not Found'))).toBeNull();
    expect(parseProtocolError(undefined)).toBeNull();
  });

  it('reads the retry hint at the end of a reason (P-ERR-5)', () => {
    expect(retryAfterMs('the server is busy and did not run this call; retry after 1234 ms')).toBe(1234);
    expect(retryAfterMs('at most 60 pushes per second; slow down and resend')).toBeNull();
    expect(retryAfterMs('retry after 12 ms, then more text')).toBeNull();
  });

  it('knows the protocol codes', () => {
    expect(isKnownHubErrorCode('OVERLOADED')).toBe(true);
    expect(isKnownHubErrorCode('NOT_IN_ROOM')).toBe(true);
    expect(isKnownHubErrorCode('SOMETHING_NEW')).toBe(false);
  });
});
