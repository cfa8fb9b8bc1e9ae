using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Accounts;

/// <summary>
/// One password account (P-ACCT-1..3). Failed sign-ins are counted in memory: five within the
/// window lock the account until the window has passed since the last failure, which slows a
/// guesser spread over many addresses without storing anything about them.
/// </summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Rooms)] IPersistentState<AccountState> state,
    TimeProvider time) : Grain, IAccountGrain
{
    public const int FailuresBeforeLock = 5;
    public static readonly TimeSpan LockWindow = TimeSpan.FromMinutes(1);

    private readonly Queue<DateTimeOffset> _failures = new();

    public async Task<AccountCredentials> RegisterAsync(RegisterAccountCommand command)
    {
        if (state.State.Exists)
        {
            throw new StudyRoomsException(ErrorCodes.UsernameTaken, "this username is taken");
        }

        state.State = new AccountState
        {
            Exists = true,
            UserId = command.UserId,
            DisplayName = command.DisplayName,
            PasswordHash = command.PasswordHash,
            CreatedAt = time.GetUtcNow(),
        };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored means not created (P-ERR-3).
            state.State = new AccountState();
            throw;
        }

        return Credentials();
    }

    public async Task EraseAsync(string userId)
    {
        if (!state.State.Exists || state.State.UserId != userId)
        {
            return;
        }

        await state.ClearStateAsync();
        state.State = new AccountState();
        _failures.Clear();
        DeactivateOnIdle();
    }

    public Task<AccountCredentials?> GetCredentialsAsync()
    {
        if (!state.State.Exists)
        {
            return Task.FromResult<AccountCredentials?>(null);
        }

        ForgetOldFailures();
        if (_failures.Count >= FailuresBeforeLock)
        {
            var wait = _failures.Last() + LockWindow - time.GetUtcNow();
            throw new StudyRoomsException(ErrorCodes.RateLimited, RetryHint.Append($"too many failed sign-ins; try again in {Math.Ceiling(wait.TotalSeconds)} s", wait));
        }

        return Task.FromResult<AccountCredentials?>(Credentials());
    }

    public Task RecordFailedSignInAsync()
    {
        ForgetOldFailures();
        _failures.Enqueue(time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task RecordSignInAsync()
    {
        _failures.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Drops failures older than the window, counted from the latest one.</summary>
    private void ForgetOldFailures()
    {
        var now = time.GetUtcNow();
        if (_failures.Count > 0 && now - _failures.Last() >= LockWindow)
        {
            _failures.Clear();
        }

        while (_failures.Count > FailuresBeforeLock)
        {
            _failures.Dequeue();
        }
    }

    private AccountCredentials Credentials() => new()
    {
        UserId = state.State.UserId,
        DisplayName = state.State.DisplayName,
        PasswordHash = state.State.PasswordHash,
    };
}
