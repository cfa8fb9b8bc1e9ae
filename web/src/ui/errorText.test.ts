// Proves failures become clear messages: known codes get our text, unknown ones the server's.
import { describe, expect, it } from 'vitest';
import { describeFailure } from './errorText';
import { strings } from './strings';

describe('describeFailure', () => {
  it('uses our text for known codes and adds the server reason', () => {
    expect(describeFailure({ status: 400, code: 'INVALID_ROOM', reason: 'Name too long.' })).toBe(
      `${strings.errors.byCode.INVALID_ROOM} (Name too long.)`,
    );
  });

  it('explains a room creation refused for owning too many rooms (P-LIFE-7)', () => {
    const reason = 'you own 100 rooms, the most this server allows; delete one of them first (archived rooms count too)';
    expect(describeFailure({ status: 409, code: 'TOO_MANY_ROOMS', reason })).toBe(`${strings.errors.byCode.TOO_MANY_ROOMS} (${reason})`);
  });

  it('falls back to the server reason for unknown codes', () => {
    expect(describeFailure({ status: 409, code: 'SOMETHING_NEW', reason: 'Try later.' })).toBe('Try later.');
  });

  it('reports network failures and unknown shapes', () => {
    expect(describeFailure({ status: 0, code: null, reason: 'Failed to fetch' })).toBe(strings.errors.network);
    expect(describeFailure(undefined)).toBe(strings.errors.unknown);
  });
});
