namespace StudyRooms.Grains.Storage;

/// <summary>
/// The two ways a grain keeps memory and storage the same when a write fails (P-ERR-3): what is not
/// stored did not happen, so the caller's retry starts from what storage holds.
/// </summary>
public static class PersistentStateWrites
{
    /// <summary>Writes the state; on failure undoes the caller's change with <paramref name="revert"/> and rethrows.</summary>
    public static async Task WriteOrRevertAsync<T>(this IPersistentState<T> state, Action revert)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            revert();
            throw;
        }
    }

    /// <summary>
    /// Writes the state; on failure drops what the grain derived from it (<paramref name="forget"/>),
    /// reads the stored state back and rethrows. For changes too spread out to undo by hand.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, Action forget)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            forget();
            await state.ReadStateAsync();
            throw;
        }
    }
}
