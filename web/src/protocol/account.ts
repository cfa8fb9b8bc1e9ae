// The user's own account (docs/protocol.md, P-ACCT-4).

/**
 * Body of `DELETE /api/me` (P-ACCT-4): the caller's display name, typed to confirm, and the username
 * of their password account if they have one (without it the account is not erased).
 */
export interface DeleteMeRequest {
  readonly displayName: string;
  readonly username?: string;
}
