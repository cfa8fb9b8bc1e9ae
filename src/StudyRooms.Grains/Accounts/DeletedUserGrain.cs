using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Grains.Activation;
using StudyRooms.Grains.Erasure;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Accounts;

/// <summary>
/// Deletes one user (P-ACCT-4) the way <c>RoomGrain</c> deletes a room: the deletion is stored first
/// (from then on the user's tokens are refused), then every <see cref="UserErasure"/> step runs, and a
/// failure part way is retried by a timer and on the next activation. When done, the stored state
/// keeps no user id or username, only that the digest in the key belongs to a deleted user.
/// </summary>
public sealed partial class DeletedUserGrain(
    [PersistentState("deletedUser", StorageNames.Rooms)] IPersistentState<DeletedUserState> state,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DeletedUserGrain> logger) : ShortLivedGrain, IDeletedUserGrain
{
    /// <summary>How often an erasure that failed is tried again while the grain is active.</summary>
    public static readonly TimeSpan ErasureRetryPeriod = ErasureRetry.Period;

    private ErasureRetry? _erasureRetry;

    private ErasureRetry Retry => _erasureRetry ??= new ErasureRetry(this, () => state.State.Erasing, EraseAsync);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Erasing)
        {
            Retry.Schedule(TimeSpan.Zero);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task DeleteAsync(DeleteUserCommand command)
    {
        if (DeletedUsers.Key(command.UserId) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("the command names another user than this grain's key", nameof(command));
        }

        if (!state.State.Deleted)
        {
            state.State = new DeletedUserState
            {
                Deleted = true,
                Erasing = true,
                UserId = command.UserId,
                Username = command.Username,
                DeletedAt = time.GetUtcNow(),
            };
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State = new DeletedUserState();
                throw;
            }

            Deleting(logger, this.GetPrimaryKeyString());
        }
        else if (!state.State.Erasing)
        {
            // Deleted before: a later account of the same name is another user's and stays.
            return;
        }

        await EraseAsync();
    }

    public Task<bool> IsDeletedAsync() => Task.FromResult(state.State.Deleted);

    // Asked when a token is checked and the server's remembered answer ran out; between asks nothing
    // needs this grain in memory, unless an erasure still has steps to retry.
    protected override bool StaysActive => state.State.Erasing;

    private async Task EraseAsync()
    {
        var erasure = services.GetService<UserErasure>() ?? UserErasure.Default;
        var user = new DeleteUserCommand { UserId = state.State.UserId, Username = state.State.Username };
        try
        {
            await erasure.RunAsync(GrainFactory, user, part => Erased(logger, this.GetPrimaryKeyString(), part));

            state.State.Erasing = false;
            state.State.UserId = "";
            state.State.Username = null;
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            state.State.Erasing = true;
            state.State.UserId = user.UserId;
            state.State.Username = user.Username;
            ErasureFailed(logger, exception, this.GetPrimaryKeyString());
            Retry.Schedule(ErasureRetryPeriod);
            throw;
        }

        Retry.Stop();
    }

    // The key (a digest), never the user id: logs are kept too.
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "User {UserKey} is being deleted")]
    private static partial void Deleting(ILogger logger, string userKey);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "User {UserKey}: erased {Part}")]
    private static partial void Erased(ILogger logger, string userKey, string part);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "User {UserKey}: erasure failed; it is tried again")]
    private static partial void ErasureFailed(ILogger logger, Exception exception, string userKey);
}
