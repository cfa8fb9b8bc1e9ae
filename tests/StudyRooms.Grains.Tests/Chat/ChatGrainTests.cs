using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Rooms;
using StudyRooms.Grains.Storage;
using StudyRooms.Grains.Tests.Cluster;
using StudyRooms.Grains.Tests.Support;
using StudyRooms.Storage.Sqlite;
using Xunit.Abstractions;

namespace StudyRooms.Grains.Tests.Chat;

// Proves on a real silo with SQLite that the chat grain orders, stores and acknowledges messages,
// recognises resends, pages 10,000 messages, keeps threads, reactions, edits, deletes, search and
// unread counts, and refuses whoever may not write (P-CHAT-1..13, docs/permissions.md chat rows).
[Collection(ClusterCollection.Name)]
public sealed class ChatGrainTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private IChatStore StoreOnDisk() => new SqliteChatStore(new SqliteDatabase(fixture.DataDirectory));

    [Fact]
    public async Task MessagesGetTheNextSeqAreStoredBeforeTheAnswerAndGoToTheOthers_P_CHAT_1_P_CHAT_2_P_CHAT_3()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync(name: "Ada");

        var first = await room.PostAsync(ada, "hello");
        var second = await room.PostAsync(room.Owner, "hi Ada", mentions: [ada.UserId]);

        Assert.Equal((1L, 2L), (first.Seq, second.Seq));
        Assert.Equal((ada.UserId, "Ada", "hello"), (first.AuthorId, first.AuthorName, first.Text));
        Assert.Equal([ada.UserId], second.Mentions);
        var stored = await StoreOnDisk().PageAsync(room.RoomId, null, null, 10);
        Assert.Equal([2L, 1L], stored.Select(m => m.Seq));
        var events = await fixture.Broadcaster.WaitForAsync<MessagePosted>(room.RoomId, 2);
        Assert.Equal(["hello", "hi Ada"], events.Select(e => e.Message.Text));
        Assert.Equal(
            [ada.ConnectionId, room.Owner.ConnectionId],
            fixture.Broadcaster.For(room.RoomId).Where(e => e.Event is MessagePosted).Select(e => e.ExceptConnectionId));
    }

    [Fact]
    public async Task AResendWithTheSameClientMessageIdIsAnsweredWithTheFirstMessage_P_CHAT_4()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();
        var first = await room.PostAsync(ada, "once", clientMessageId: "m_resend");

        var again = await room.PostAsync(ada, "once", clientMessageId: "m_resend");
        await fixture.DeactivateAsync(room.Chat);
        var afterReactivation = await room.PostAsync(ada, "once", clientMessageId: "m_resend");
        // Another author may use the same client id: ids are per author.
        var other = await room.PostAsync(room.Owner, "mine", clientMessageId: "m_resend");

        Assert.Equal(first, again);
        Assert.Equal(first.Seq, afterReactivation.Seq);
        Assert.Equal(2, other.Seq);
        Assert.Equal([1L, 2L], (await room.LoadAsync(ada)).Messages.Select(m => m.Seq));
        Assert.Single(fixture.Broadcaster.For<MessagePosted>(room.RoomId), e => e.Message.AuthorId == ada.UserId);
    }

    [Fact]
    public async Task PagingWalksTenThousandMessagesOnceEachInOrder_P_CHAT_11()
    {
        var roomId = TestIds.Room();
        var authorId = TestIds.User();
        var start = DateTimeOffset.UtcNow;
        // Written straight into the store in one transaction: the grain then activates over them.
        var history = Enumerable.Range(1, 10_000).Select(i => new ChatMessage
        {
            Seq = i,
            AuthorId = authorId,
            AuthorName = "Seeder",
            ClientMessageId = $"m_{i}",
            Text = $"message {i}",
            CreatedAt = start.AddSeconds(i),
        }).ToArray();
        await StoreOnDisk().WriteAsync(roomId, history);
        var room = await ChatRoom.CreateAsync(fixture.Grains, roomId);
        var reader = await room.JoinAsync();

        var seen = new List<long>();
        long? before = null;
        var pages = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var page = await room.LoadAsync(reader, beforeSeq: before, limit: 100);
            pages++;
            Assert.Equal(page.Messages.Select(m => m.Seq).Order(), page.Messages.Select(m => m.Seq));
            seen.InsertRange(0, page.Messages.Select(m => m.Seq));
            if (!page.HasMore)
            {
                break;
            }

            before = page.Messages[0].Seq;
        }

        watch.Stop();
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), seen);
        Assert.Equal(100, pages);
        output.WriteLine($"chat paging: 10,000 messages in 100 pages of 100 in {watch.ElapsedMilliseconds} ms");
        // The grain took up the stored sequence: the next message follows it.
        Assert.Equal(10_001, (await room.PostAsync(reader, "next")).Seq);
        // Unread counts stop at the recent window (1,000 by default; the newest of them is the reader's own).
        Assert.Equal(999, (await room.LoadAsync(reader, limit: 1)).Unread.Count);
    }

    [Fact]
    public async Task RepliesFormAThreadThatPagesApartFromTheTimeline_P_CHAT_5()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();
        var root = await room.PostAsync(ada, "question?");
        var reply1 = await room.PostAsync(room.Owner, "answer 1", threadRootSeq: root.Seq);
        var reply2 = await room.PostAsync(ada, "answer 2", threadRootSeq: root.Seq);
        var after = await room.PostAsync(ada, "next topic");

        var timeline = await room.LoadAsync(ada);
        var thread = await room.LoadAsync(ada, threadRootSeq: root.Seq);
        var replyToReply = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(ada, "nested", threadRootSeq: reply1.Seq));
        var missingRoot = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(ada, "lost", threadRootSeq: 999));

        Assert.Equal([root.Seq, after.Seq], timeline.Messages.Select(m => m.Seq));
        Assert.Equal((2, reply2.CreatedAt), (timeline.Messages[0].ReplyCount, timeline.Messages[0].LastReplyAt));
        Assert.Equal([reply1.Seq, reply2.Seq], thread.Messages.Select(m => m.Seq));
        Assert.Equal(root.Seq, thread.Root!.Seq);
        Assert.Equal(ErrorCodes.InvalidRequest, replyToReply.Code);
        Assert.Equal(ErrorCodes.MessageNotFound, missingRoot.Code);
    }

    [Fact]
    public async Task ReactionsToggleForEachUser_P_CHAT_8()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();
        var message = await room.PostAsync(ada, "nice");

        await room.ReactAsync(ada, message.Seq, "👍");
        await room.ReactAsync(room.Owner, message.Seq, "👍");
        var both = await room.ReactAsync(room.Owner, message.Seq, "🎉");
        var toggledOff = await room.ReactAsync(ada, message.Seq, "👍");
        var notEmoji = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ReactAsync(ada, message.Seq, "lol"));

        Assert.Equal([("👍", new[] { ada.UserId, room.Owner.UserId }), ("🎉", new[] { room.Owner.UserId })], both.Reactions.Select(r => (r.Emoji, r.UserIds)));
        Assert.Equal([("👍", new[] { room.Owner.UserId }), ("🎉", new[] { room.Owner.UserId })], toggledOff.Reactions.Select(r => (r.Emoji, r.UserIds)));
        Assert.Equal(ErrorCodes.InvalidRequest, notEmoji.Code);
        Assert.Equal(4, (await fixture.Broadcaster.WaitForAsync<ReactionsChanged>(room.RoomId, 4)).Count);
        Assert.Equal(toggledOff.Reactions.Length, (await StoreOnDisk().GetAsync(room.RoomId, message.Seq))!.Reactions.Length);
    }

    [Fact]
    public async Task AuthorsEditAndDeleteTheirOwnMessagesAndMentorsDeleteAny_P_CHAT_7()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();
        var bob = await room.JoinAsync();
        var mentor = await room.JoinAsync(role: RoomRole.Mentor);
        var adas = await room.PostAsync(ada, "typo heer");
        var bobs = await room.PostAsync(bob, "mine");

        var edited = await room.EditAsync(ada, adas.Seq, "typo here");
        var editOthers = await Assert.ThrowsAsync<StudyRoomsException>(() => room.EditAsync(bob, adas.Seq, "hacked"));
        var mentorEdits = await Assert.ThrowsAsync<StudyRoomsException>(() => room.EditAsync(mentor, bobs.Seq, "hacked"));
        var deleteOthers = await Assert.ThrowsAsync<StudyRoomsException>(() => room.DeleteAsync(bob, adas.Seq));
        var byMentor = await room.DeleteAsync(mentor, bobs.Seq);
        var byAuthor = await room.DeleteAsync(ada, adas.Seq);
        var editDeleted = await Assert.ThrowsAsync<StudyRoomsException>(() => room.EditAsync(ada, adas.Seq, "back"));

        Assert.Equal("typo here", edited.Text);
        Assert.NotNull(edited.EditedAt);
        Assert.Equal(ErrorCodes.Forbidden, editOthers.Code);
        Assert.Equal(ErrorCodes.Forbidden, mentorEdits.Code);
        Assert.Equal(ErrorCodes.Forbidden, deleteOthers.Code);
        Assert.Equal((true, "", mentor.UserId), (byMentor.Deleted, byMentor.Text, byMentor.DeletedBy));
        Assert.Equal((true, ada.UserId), (byAuthor.Deleted, byAuthor.DeletedBy));
        Assert.Equal(ErrorCodes.MessageNotFound, editDeleted.Code);
        var stored = await StoreOnDisk().PageAsync(room.RoomId, null, null, 10);
        Assert.All(stored, m => Assert.Equal((true, ""), (m.Deleted, m.Text)));
        Assert.Equal(2, (await fixture.Broadcaster.WaitForAsync<MessageDeleted>(room.RoomId, 2)).Count);
    }

    [Fact]
    public async Task ViewersReadOnlyRoomsAndOutsidersAreRefused_P_CHAT_6()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var viewer = await room.JoinAsync(role: RoomRole.Viewer);
        var member = await room.JoinAsync();
        var mentor = await room.JoinAsync(role: RoomRole.Mentor);
        var outsider = new ChatActor { UserId = TestIds.User(), DisplayName = "Eve", ConnectionId = TestIds.Connection() };
        await room.PostAsync(member, "before");

        var viewerPosts = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(viewer, "hi"));
        var viewerReads = await room.LoadAsync(viewer);
        var outsiderReads = await Assert.ThrowsAsync<StudyRoomsException>(() => room.LoadAsync(outsider));
        await room.ModerateAsync(ModerationKind.SetReadOnly, readOnly: true);
        var memberInReadOnly = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(member, "hi"));
        var mentorInReadOnly = await room.PostAsync(mentor, "announcement");
        await room.ModerateAsync(ModerationKind.Ban, member.UserId);
        var banned = await Assert.ThrowsAsync<StudyRoomsException>(() => room.LoadAsync(member));

        Assert.Equal(ErrorCodes.Forbidden, viewerPosts.Code);
        Assert.Single(viewerReads.Messages);
        Assert.Equal(ErrorCodes.NotInRoom, outsiderReads.Code);
        Assert.Equal(ErrorCodes.Forbidden, memberInReadOnly.Code);
        Assert.Equal(2, mentorInReadOnly.Seq);
        Assert.Equal(ErrorCodes.NotInRoom, banned.Code);
    }

    [Fact]
    public async Task TooLongEmptyAndBadlyIdentifiedMessagesAreRefusedAndChangeNothing_P_CHAT_6()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();

        var atLimit = await room.PostAsync(ada, new string('x', 4_000));
        var tooLong = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(ada, new string('x', 4_001)));
        var blank = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(ada, "  \n "));
        var badId = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(ada, "hi", clientMessageId: "has space"));
        var tooManyMentions = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(ada, "hi", mentions: Enumerable.Range(0, 21).Select(i => $"u_{i}").ToArray()));

        Assert.Equal(ErrorCodes.MessageTooLong, tooLong.Code);
        Assert.Contains("4000", tooLong.Reason, StringComparison.Ordinal);
        Assert.Equal([ErrorCodes.InvalidRequest, ErrorCodes.InvalidRequest, ErrorCodes.InvalidRequest], [blank.Code, badId.Code, tooManyMentions.Code]);
        Assert.Equal([atLimit.Seq], (await room.LoadAsync(ada)).Messages.Select(m => m.Seq));
    }

    [Fact]
    public async Task PostingFasterThanTheBudgetIsRateLimitedWithARetryHint_P_CHAT_6()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();

        StudyRoomsException? limited = null;
        var accepted = 0;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            try
            {
                await room.PostAsync(ada, $"spam {i}");
                accepted++;
            }
            catch (StudyRoomsException e)
            {
                limited = e;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal(ErrorCodes.RateLimited, limited.Code);
        Assert.NotNull(RetryHint.Parse(limited.Reason)); // P-ERR-5
        Assert.InRange(accepted, 10, 39);
        Assert.Equal(accepted, (await room.LoadAsync(ada, limit: 100)).Messages.Length);
        // The budget is per user: someone else still posts.
        Assert.Equal(accepted + 1, (await room.PostAsync(room.Owner, "not me")).Seq);
    }

    [Fact]
    public async Task SearchFindsLiveMessagesCaseInsensitivelyNewestFirst_P_CHAT_13()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();
        await room.PostAsync(ada, "Über Integrale");
        await room.PostAsync(ada, "nothing here");
        var deleted = await room.PostAsync(ada, "über secret");
        await room.PostAsync(ada, "ÜBER alles", threadRootSeq: 1);
        await room.DeleteAsync(ada, deleted.Seq);

        var found = await room.SearchAsync(ada, "über");
        var firstPage = await room.SearchAsync(ada, "ÜBER", limit: 1);
        var secondPage = await room.SearchAsync(ada, "über", beforeSeq: firstPage.NextBeforeSeq, limit: 1);
        var empty = await Assert.ThrowsAsync<StudyRoomsException>(() => room.SearchAsync(ada, "  "));

        Assert.Equal(["ÜBER alles", "Über Integrale"], found.Messages.Select(m => m.Text));
        Assert.False(found.HasMore);
        Assert.Equal((true, 4L), (firstPage.HasMore, firstPage.NextBeforeSeq!.Value));
        Assert.Equal(["Über Integrale"], secondPage.Messages.Select(m => m.Text));
        Assert.Equal(ErrorCodes.InvalidRequest, empty.Code);
    }

    [Fact]
    public async Task UnreadCountsLaterMessagesByOthersAndTheReadMarkIsStored_P_CHAT_12()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();
        var bob = await room.JoinAsync();
        await room.PostAsync(ada, "one");
        await room.PostAsync(ada, "two");
        await room.PostAsync(bob, "mine");
        await room.PostAsync(ada, "three");

        var before = (await room.LoadAsync(bob)).Unread;
        var marked = await room.Chat.MarkReadAsync(bob, new MarkReadRequest { RoomId = room.RoomId, Seq = 2 });
        var backwards = await room.Chat.MarkReadAsync(bob, new MarkReadRequest { RoomId = room.RoomId, Seq = 1 });
        await fixture.DeactivateAsync(room.Chat);
        var reloaded = (await room.LoadAsync(bob)).Unread;

        Assert.Equal(new ChatUnread { LastReadSeq = 0, Count = 3 }, before);
        Assert.Equal(new ChatUnread { LastReadSeq = 2, Count = 1 }, marked);
        Assert.Equal(marked, backwards);
        Assert.Equal(marked, reloaded);
    }

    [Fact]
    public async Task MarkupIsStoredExactlyAsWritten_P_CHAT_10()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var ada = await room.JoinAsync();
        const string payload = "<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3)) &amp;";

        await room.PostAsync(ada, payload);
        await fixture.DeactivateAsync(room.Chat);

        Assert.Equal(payload, (await StoreOnDisk().GetAsync(room.RoomId, 1))!.Text);
        Assert.Equal(payload, Assert.Single((await room.LoadAsync(ada)).Messages).Text);
    }

    [Fact]
    public async Task AMutedUserReadsButCannotWriteUntilUnmuted_P_CHAT_15()
    {
        var room = await ChatRoom.CreateAsync(fixture.Grains);
        var mentor = await room.JoinAsync(role: RoomRole.Mentor);
        var member = await room.JoinAsync();
        var own = await room.PostAsync(member, "before");

        await room.Room.ModerateAsync(Mute(mentor, member.UserId, mute: true));
        var post = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(member, "hi"));
        var react = await Assert.ThrowsAsync<StudyRoomsException>(() => room.ReactAsync(member, own.Seq, "👍"));
        var deleteOwn = await Assert.ThrowsAsync<StudyRoomsException>(() => room.DeleteAsync(member, own.Seq));
        var reads = await room.LoadAsync(member);
        var memberMutes = await Assert.ThrowsAsync<StudyRoomsException>(() => room.Room.ModerateAsync(Mute(member, mentor.UserId, mute: true)));
        var mentorMutesOwner = await Assert.ThrowsAsync<StudyRoomsException>(() => room.Room.ModerateAsync(Mute(mentor, room.Owner.UserId, mute: true)));
        // The mute is stored: a restarted room (presence is gone, so everyone joins again) keeps it.
        await fixture.DeactivateAsync(room.Room);
        var memberAgain = await room.JoinAsync(member.UserId);
        var afterRestart = await Assert.ThrowsAsync<StudyRoomsException>(() => room.PostAsync(memberAgain, "hi"));

        Assert.Equal([ErrorCodes.Forbidden, ErrorCodes.Forbidden, ErrorCodes.Forbidden], [post.Code, react.Code, deleteOwn.Code]);
        Assert.Contains("muted", post.Reason, StringComparison.Ordinal);
        Assert.Single(reads.Messages);
        Assert.Equal([ErrorCodes.Forbidden, ErrorCodes.Forbidden], [memberMutes.Code, mentorMutesOwner.Code]);
        Assert.Equal(ErrorCodes.Forbidden, afterRestart.Code);

        var mentorAgain = await room.JoinAsync(mentor.UserId);
        await room.Room.ModerateAsync(Mute(mentorAgain, member.UserId, mute: false));
        Assert.Equal(2, (await room.PostAsync(memberAgain, "back")).Seq);
    }

    private static ModerationCommand Mute(ChatActor actor, string target, bool mute) => new()
    {
        Kind = mute ? ModerationKind.MuteChat : ModerationKind.UnmuteChat,
        ActorId = actor.UserId,
        ActorConnectionId = actor.ConnectionId,
        TargetUserId = target,
    };
}
