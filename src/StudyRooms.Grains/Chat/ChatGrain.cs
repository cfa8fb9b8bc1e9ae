using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Contracts.Sprints;
using StudyRooms.Grains.Broadcasting;
using StudyRooms.Grains.Limits;
using StudyRooms.Grains.Storage;

namespace StudyRooms.Grains.Chat;

/// <summary>
/// The chat of one room. Orders messages with the room's chat sequence (P-CHAT-1), writes every
/// change to the chat store before answering (P-CHAT-2), then tells the room's other connections
/// (P-CHAT-3). Permissions are the room grain's answer for the calling connection, asked on every
/// call so a role change, removal or ban applies at once. History stays in the store; the grain keeps
/// the newest <see cref="ChatSettings.RecentWindow"/> messages in memory to recognise resends
/// (P-CHAT-4) and count unread messages (P-CHAT-12), and each user's read position.
/// </summary>
public sealed class ChatGrain(
    IChatStore store,
    IRoomBroadcaster broadcaster,
    IOptions<ChatSettings> settings,
    TimeProvider time,
    ILogger<ChatGrain> logger) : Grain, IChatGrain
{
    private readonly ChatSettings _settings = settings.Value;
    private readonly SortedDictionary<long, ChatMessage> _recent = [];
    private readonly Dictionary<(string AuthorId, string ClientMessageId), long> _recentByClientId = [];
    private readonly Dictionary<string, long> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notedUsers = new(StringComparer.Ordinal);
    private long _lastSeq;

    private string RoomId => field ??= this.GetPrimaryKeyString(); // decoded from the grain id once, not on every use

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var recent = await store.RecentAsync(RoomId, _settings.RecentWindow, cancellationToken);
        foreach (var message in recent)
        {
            Remember(message);
        }

        _lastSeq = recent.Count > 0 ? recent[0].Seq : 0;
        ChatLog.Loaded(logger, RoomId, _lastSeq, recent.Count);
    }

    public async Task EraseAsync()
    {
        await store.DeleteRoomAsync(RoomId);
        _recent.Clear();
        _recentByClientId.Clear();
        _reads.Clear();
        _buckets.Clear();
        _lastSeq = 0;
        DeactivateOnIdle();
    }

    public async Task ForgetUserAsync(string userId)
    {
        // Every stored message, in pages; a rewrite is stored before memory changes, and a second
        // run finds nothing left to rewrite (idempotent).
        const int page = 500;
        long after = 0;
        while (true)
        {
            var messages = await store.ScanAsync(RoomId, after, page);
            var rewritten = messages.Select(m => ChatAnonymiser.Without(m, userId)).OfType<ChatMessage>().ToArray();
            if (rewritten.Length > 0)
            {
                await WriteAsync(rewritten);
                foreach (var message in rewritten.Where(m => _recent.ContainsKey(m.Seq)))
                {
                    _recentByClientId.Remove((userId, message.ClientMessageId));
                    Remember(message);
                }
            }

            if (messages.Count < page)
            {
                break;
            }

            after = messages[^1].Seq;
        }

        await store.ForgetReadAsync(RoomId, userId);
        _reads.Remove(userId);
        _buckets.Remove(userId);
        _notedUsers.Remove(userId);
        if (_lastSeq == 0)
        {
            // An empty chat (a deleted room's): no activation left behind for it.
            DeactivateOnIdle();
        }
    }

    public async Task<ChatMessage> PostAsync(ChatActor actor, PostMessageRequest request)
    {
        var access = await RequireAsync(actor, ChatRules.WriteRefusal);
        if (!SprintRules.Exempt(access.Role) && await GrainFactory.GetGrain<ISprintGrain>(RoomId).IsChatMutedAsync())
        {
            // The host muted the chat for this sprint phase; owners and mentors still post (P-CHAT-16).
            throw Refused(actor, new StudyRoomsException(ErrorCodes.Forbidden, "the chat is muted during this sprint phase; only the owner and mentors may post"));
        }

        var (clientMessageId, text, mentions) = Checked(actor, () => (
            ChatRules.CheckClientMessageId(request.ClientMessageId),
            ChatRules.CheckText(request.Text, _settings),
            ChatRules.CheckMentions(request.Mentions)));

        if (_recentByClientId.TryGetValue((actor.UserId, clientMessageId), out var existing))
        {
            // A resend after a lost answer: the same message again, not a second one (P-CHAT-4).
            return _recent[existing];
        }

        await NoteMentionedAsync(mentions);

        if (!BucketFor(actor.UserId).TryTake())
        {
            throw Refused(actor, ChatRules.RateLimited(_settings));
        }

        var now = time.GetUtcNow();
        ChatMessage? root = null;
        if (request.ThreadRootSeq is { } rootSeq)
        {
            var found = await FindAsync(rootSeq);
            if (found is null || found.Deleted)
            {
                throw Refused(actor, new StudyRoomsException(ErrorCodes.MessageNotFound, "the thread's first message does not exist or was deleted"));
            }

            if (found.ThreadRootSeq is not null)
            {
                throw Refused(actor, new StudyRoomsException(ErrorCodes.InvalidRequest, "reply to the thread's first message, not to a reply"));
            }

            root = found with { ReplyCount = found.ReplyCount + 1, LastReplyAt = now };
        }

        var message = new ChatMessage
        {
            Seq = _lastSeq + 1,
            AuthorId = actor.UserId,
            AuthorName = actor.DisplayName,
            ClientMessageId = clientMessageId,
            Text = text,
            ThreadRootSeq = request.ThreadRootSeq,
            Mentions = mentions,
            CreatedAt = now,
        };
        await WriteAsync(root is null ? [message] : [message, root]);
        _lastSeq = message.Seq;
        Remember(message);
        if (root is not null)
        {
            Remember(root);
        }

        await BroadcastAsync(message.Seq, () => broadcaster.MessagePostedAsync(new MessagePosted { RoomId = RoomId, Message = message }, actor.ConnectionId));
        return message;
    }

    public async Task<ChatMessage> EditAsync(ChatActor actor, EditMessageRequest request)
    {
        await RequireAsync(actor, ChatRules.WriteRefusal);
        var (text, mentions) = Checked(actor, () => (ChatRules.CheckText(request.Text, _settings), ChatRules.CheckMentions(request.Mentions)));
        var message = await RequireLiveAsync(actor, request.Seq);
        if (message.AuthorId != actor.UserId)
        {
            throw Refused(actor, new StudyRoomsException(ErrorCodes.Forbidden, "only the author may edit a message"));
        }

        await NoteMentionedAsync(mentions);
        var edited = message with { Text = text, Mentions = mentions, EditedAt = time.GetUtcNow() };
        await WriteAsync([edited]);
        Remember(edited);
        await BroadcastAsync(edited.Seq, () => broadcaster.MessageEditedAsync(new MessageEdited { RoomId = RoomId, Message = edited }, actor.ConnectionId));
        return edited;
    }

    public async Task<ChatMessage> DeleteAsync(ChatActor actor, DeleteMessageRequest request)
    {
        var access = await RequireAsync(actor, ChatRules.ArchivedRefusal);
        var message = await FindAsync(request.Seq)
            ?? throw Refused(actor, new StudyRoomsException(ErrorCodes.MessageNotFound, "no message has this seq"));
        if (!ChatRules.MayDeleteAny(access))
        {
            if (message.AuthorId != actor.UserId)
            {
                throw Refused(actor, new StudyRoomsException(ErrorCodes.Forbidden, "only the author, mentors and the owner may delete a message"));
            }

            if (ChatRules.WriteRefusal(access) is { } refusal)
            {
                throw Refused(actor, refusal);
            }
        }

        if (message.Deleted)
        {
            return message;
        }

        // A tombstone: the seq stays taken and threads keep their shape; the text is gone (P-CHAT-7).
        var tombstone = message with { Text = "", Mentions = [], Reactions = [], Deleted = true, DeletedBy = actor.UserId, EditedAt = time.GetUtcNow() };
        await WriteAsync([tombstone]);
        Remember(tombstone);
        await BroadcastAsync(tombstone.Seq, () => broadcaster.MessageDeletedAsync(new MessageDeleted { RoomId = RoomId, Message = tombstone }, actor.ConnectionId));
        return tombstone;
    }

    public async Task<ChatMessage> ReactAsync(ChatActor actor, ReactToMessageRequest request)
    {
        await RequireAsync(actor, ChatRules.WriteRefusal);
        var emoji = Checked(actor, () => ChatRules.CheckEmoji(request.Emoji));
        var message = await RequireLiveAsync(actor, request.Seq);
        var reacted = message with { Reactions = Checked(actor, () => ChatRules.Toggle(message.Reactions, emoji, actor.UserId)) };
        await WriteAsync([reacted]);
        Remember(reacted);
        await BroadcastAsync(reacted.Seq, () => broadcaster.ReactionsChangedAsync(new ReactionsChanged { RoomId = RoomId, Message = reacted }, actor.ConnectionId));
        return reacted;
    }

    public async Task<LoadMessagesResult> LoadAsync(ChatActor actor, LoadMessagesRequest request)
    {
        await RequireAsync(actor, ChatRules.ReadRefusal);
        var limit = Checked(actor, () => ChatRules.CheckLimit(request.Limit, ChatLimits.DefaultPageSize, ChatLimits.MaxPageSize));
        ChatMessage? root = null;
        if (request.ThreadRootSeq is { } rootSeq)
        {
            root = await FindAsync(rootSeq);
            if (root is null || root.ThreadRootSeq is not null)
            {
                throw Refused(actor, new StudyRoomsException(ErrorCodes.MessageNotFound, "no thread starts at this seq"));
            }
        }

        var page = await store.PageAsync(RoomId, request.ThreadRootSeq, request.BeforeSeq, limit + 1);
        var messages = page.Take(limit).Reverse().ToArray();
        return new LoadMessagesResult
        {
            Messages = messages,
            HasMore = page.Count > limit,
            LastSeq = _lastSeq,
            Root = root,
            Unread = await UnreadAsync(actor.UserId),
        };
    }

    public async Task<SearchMessagesResult> SearchAsync(ChatActor actor, SearchMessagesRequest request)
    {
        await RequireAsync(actor, ChatRules.ReadRefusal);
        var (query, limit) = Checked(actor, () => (
            ChatRules.CheckQuery(request.Query),
            ChatRules.CheckLimit(request.Limit, ChatLimits.DefaultSearchSize, ChatLimits.MaxSearchSize)));
        var found = await store.SearchAsync(RoomId, query, request.BeforeSeq, limit);
        return new SearchMessagesResult
        {
            Messages = found.Matches.ToArray(),
            HasMore = found.ContinueBefore is not null,
            NextBeforeSeq = found.ContinueBefore,
        };
    }

    public async Task<ChatUnread> MarkReadAsync(ChatActor actor, MarkReadRequest request)
    {
        await RequireAsync(actor, ChatRules.ReadRefusal);
        var seq = Math.Clamp(request.Seq, 0, _lastSeq);
        if (seq > await LastReadAsync(actor.UserId))
        {
            await store.SetReadAsync(RoomId, actor.UserId, seq);
            _reads[actor.UserId] = seq;
        }

        return await UnreadAsync(actor.UserId);
    }

    /// <summary>
    /// A mentioned user may never have entered the room: the room notes them before a message names
    /// them, so deleting that user finds the mention (P-ACCT-4). Authors and reactors are in the room,
    /// which noted them when they entered.
    /// </summary>
    private async Task NoteMentionedAsync(string[] mentions)
    {
        var added = mentions.Where(id => !_notedUsers.Contains(id)).ToArray();
        if (added.Length > 0)
        {
            await GrainFactory.GetGrain<IRoomUsersGrain>(RoomId).NoteAsync(added);
            _notedUsers.UnionWith(added);
        }
    }

    /// <summary>Asks the room for the connection's place and throws the rule's refusal, if any.</summary>
    private async Task<ChatAccess> RequireAsync(ChatActor actor, Func<ChatAccess, StudyRoomsException?> rule)
    {
        var access = await GrainFactory.GetGrain<IRoomGrain>(RoomId).GetChatAccessAsync(actor.UserId, actor.ConnectionId);
        if (rule(access) is { } refusal)
        {
            throw Refused(actor, refusal);
        }

        return access;
    }

    private T Checked<T>(ChatActor actor, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (StudyRoomsException e)
        {
            throw Refused(actor, e);
        }
    }

    private StudyRoomsException Refused(ChatActor actor, StudyRoomsException refusal)
    {
        ChatLog.Refused(logger, RoomId, actor.UserId, refusal.Message);
        return refusal;
    }

    private async Task<ChatMessage> RequireLiveAsync(ChatActor actor, long seq) =>
        await FindAsync(seq) is { Deleted: false } message
            ? message
            : throw Refused(actor, new StudyRoomsException(ErrorCodes.MessageNotFound, "no message has this seq, or it was deleted"));

    private async Task<ChatMessage?> FindAsync(long seq)
    {
        if (seq < 1 || seq > _lastSeq)
        {
            return null;
        }

        return _recent.TryGetValue(seq, out var message) ? message : await store.GetAsync(RoomId, seq);
    }

    /// <summary>Durable first (P-CHAT-2): if the write throws, nothing changed in memory and the client may resend.</summary>
    private async Task WriteAsync(ChatMessage[] messages)
    {
        try
        {
            await store.WriteAsync(RoomId, messages);
        }
        catch (Exception exception)
        {
            // The write may have reached storage after all (a timeout): reload on the next call, so
            // a resend is recognised instead of stored twice.
            ChatLog.WriteFailed(logger, exception, RoomId, messages[0].Seq);
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Keeps the message in the recent window when it belongs there; drops the oldest beyond it.</summary>
    private void Remember(ChatMessage message)
    {
        if (_recent.Count >= _settings.RecentWindow && !_recent.ContainsKey(message.Seq) && message.Seq < _recent.Keys.First())
        {
            return;
        }

        _recent[message.Seq] = message;
        _recentByClientId[(message.AuthorId, message.ClientMessageId)] = message.Seq;
        while (_recent.Count > _settings.RecentWindow)
        {
            var oldest = _recent.First().Value;
            _recent.Remove(oldest.Seq);
            _recentByClientId.Remove((oldest.AuthorId, oldest.ClientMessageId));
        }
    }

    private async Task<long> LastReadAsync(string userId)
    {
        if (!_reads.TryGetValue(userId, out var seq))
        {
            seq = await store.GetReadAsync(RoomId, userId);
            _reads[userId] = seq;
        }

        return seq;
    }

    private async Task<ChatUnread> UnreadAsync(string userId)
    {
        var lastRead = await LastReadAsync(userId);
        var count = 0;
        foreach (var message in _recent.Values.Reverse())
        {
            if (message.Seq <= lastRead)
            {
                break;
            }

            if (message.AuthorId != userId && !message.Deleted)
            {
                count++;
            }
        }

        return new ChatUnread { LastReadSeq = lastRead, Count = count };
    }

    private TokenBucket BucketFor(string userId)
    {
        if (!_buckets.TryGetValue(userId, out var bucket))
        {
            bucket = new TokenBucket(_settings.MessagesPerSecond, _settings.MessageBurst, time);
            _buckets[userId] = bucket;
        }

        return bucket;
    }

    private async Task BroadcastAsync(long seq, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception exception)
        {
            // Stored and acknowledged; a peer that missed the event sees the message when it loads.
            ChatLog.BroadcastFailed(logger, exception, RoomId, seq);
        }
    }
}
