using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StudyRooms.Contracts.Chat;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Server.Auth;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the chat over the real hub and a real WebSocket with two clients: posts, edits, deletes and
// reactions reach the other client, refusals carry their codes, typing is relayed and never stored,
// and a resend on a new connection is not a second message (P-CHAT-3..14).
[Collection(HostCollection.Name)]
public sealed class ChatHubTests(HostFixture fixture)
{
    private StudyRoomsHost Host => fixture.Host;

    [Fact]
    public async Task TwoClientsSeeEachOthersMessagesEditsReactionsAndDeletes_P_CHAT_3()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;

        var posted = await ada.PostAsync(roomId, "hi @Bob", mentions: [bob.User.UserId]);
        await Poll.UntilAsync(() => !bob.MessagesPosted.IsEmpty, "bob receives the message");
        var received = bob.MessagesPosted.Single();
        var edited = await ada.Connection.InvokeAsync<ChatMessage>("EditMessage", new EditMessageRequest { RoomId = roomId, Seq = posted.Seq, Text = "hi @Bob!", Mentions = [bob.User.UserId] });
        var reacted = await bob.Connection.InvokeAsync<ChatMessage>("ReactToMessage", new ReactToMessageRequest { RoomId = roomId, Seq = posted.Seq, Emoji = "👋" });
        await Poll.UntilAsync(() => bob.MessagesEdited.Count == 1 && ada.ReactionsChanged.Count == 1, "the edit and the reaction reach the other client");
        var deleted = await ada.Connection.InvokeAsync<ChatMessage>("DeleteMessage", new DeleteMessageRequest { RoomId = roomId, Seq = posted.Seq });
        await Poll.UntilAsync(() => bob.MessagesDeleted.Count == 1, "the delete reaches bob");

        Assert.Equal((1L, "hi @Bob", ada.User.DisplayName), (received.Message.Seq, received.Message.Text, received.Message.AuthorName));
        Assert.Equal([bob.User.UserId], received.Message.Mentions);
        Assert.Empty(ada.MessagesPosted);
        Assert.Equal("hi @Bob!", bob.MessagesEdited.Single().Message.Text);
        var reactions = ada.ReactionsChanged.Single().Message.Reactions;
        Assert.Equal([("👋", bob.User.UserId)], reactions.Select(r => (r.Emoji, Assert.Single(r.UserIds))));
        Assert.Equal(reacted.Reactions.Length, reactions.Length);
        Assert.True(bob.MessagesDeleted.Single().Message.Deleted);
        Assert.Equal((true, ""), (deleted.Deleted, deleted.Text));
        Assert.NotNull(edited.EditedAt);
        Assert.True((await bob.LoadMessagesAsync(roomId)).Messages.Single().Deleted);
    }

    [Fact]
    public async Task RefusalsCarryTheirCodesAndChangeNothing_P_CHAT_6()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        await using var stranger = await RoomClient.ConnectAsync(Host, SignIn("Stranger"));

        var tooLong = await Assert.ThrowsAsync<HubException>(() => ada.PostAsync(roomId, new string('a', 4_001)));
        var notJoined = await Assert.ThrowsAsync<HubException>(() => stranger.PostAsync(roomId, "hi"));
        var noRequest = await Assert.ThrowsAsync<HubException>(() => ada.Connection.InvokeAsync<ChatMessage>("PostMessage", (PostMessageRequest?)null));
        var unknownMessage = await Assert.ThrowsAsync<HubException>(() => ada.Connection.InvokeAsync<ChatMessage>("EditMessage", new EditMessageRequest { RoomId = roomId, Seq = 42, Text = "x" }));

        Assert.Equal(ErrorCodes.MessageTooLong, HubErrors.Parse(tooLong).Code);
        Assert.Contains("at most 4000 characters", HubErrors.Parse(tooLong).Reason, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.NotInRoom, HubErrors.Parse(notJoined).Code);
        Assert.Equal(ErrorCodes.NotInRoom, HubErrors.Parse(noRequest).Code);
        Assert.Equal(ErrorCodes.MessageNotFound, HubErrors.Parse(unknownMessage).Code);
        Assert.Empty((await bob.LoadMessagesAsync(roomId)).Messages);
    }

    [Fact]
    public async Task PostingTooFastIsRateLimitedWithARetryHint_P_CHAT_6()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;

        HubException? limited = null;
        var accepted = 0;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            try
            {
                await ada.PostAsync(roomId, $"flood {i}");
                accepted++;
            }
            catch (HubException e)
            {
                limited = e;
            }
        }

        Assert.NotNull(limited);
        var (code, reason) = HubErrors.Parse(limited);
        Assert.Equal(ErrorCodes.RateLimited, code);
        Assert.NotNull(RetryHint.Parse(reason)); // P-ERR-5
        Assert.InRange(accepted, 10, 39);
        Assert.Equal(accepted, (await bob.LoadMessagesAsync(roomId)).Messages.Length);
    }

    [Fact]
    public async Task AResendOnANewConnectionIsTheSameMessage_P_CHAT_4()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var __ = bob;
        var first = await ada.PostAsync(roomId, "sent once", clientMessageId: "m_dropped");
        await ada.DisposeAsync();

        await using var again = await RoomClient.ConnectAsync(Host, ada.User);
        await again.JoinAsync(roomId);
        var resent = await again.PostAsync(roomId, "sent once", clientMessageId: "m_dropped");

        Assert.Equal(first.Seq, resent.Seq);
        Assert.Single((await bob.LoadMessagesAsync(roomId)).Messages);
    }

    [Fact]
    public async Task TypingIsRelayedToTheOthersOnlyFromJoinedConnections_P_CHAT_14()
    {
        var (roomId, ada, bob) = await TwoInARoomAsync();
        await using var _ = ada;
        await using var __ = bob;
        await using var stranger = await RoomClient.ConnectAsync(Host, SignIn("Stranger"));

        await stranger.Connection.InvokeAsync("SetTyping", new SetTypingRequest { RoomId = roomId, Typing = true });
        await ada.Connection.InvokeAsync("SetTyping", new SetTypingRequest { RoomId = roomId, Typing = true });
        await Poll.UntilAsync(() => !bob.TypingChanged.IsEmpty, "bob sees ada typing");
        var typing = bob.TypingChanged.Single();
        await ada.Connection.InvokeAsync("SetTyping", new SetTypingRequest { RoomId = roomId, Typing = false });
        await Poll.UntilAsync(() => bob.TypingChanged.Count == 2, "bob sees ada stop");

        Assert.Equal((ada.User.UserId, ada.User.DisplayName, true), (typing.UserId, typing.DisplayName, typing.Typing));
        Assert.Equal([ada.User.UserId, ada.User.UserId], bob.TypingChanged.Select(t => t.UserId));
        Assert.Empty(ada.TypingChanged);
        Assert.Empty((await bob.LoadMessagesAsync(roomId)).Messages);
    }

    private TestUser SignIn(string displayName)
    {
        var session = Host.Services.GetRequiredService<TokenService>().CreateGuest(displayName);
        return new TestUser(session.UserId, session.DisplayName, session.Token);
    }

    private async Task<(string RoomId, RoomClient Ada, RoomClient Bob)> TwoInARoomAsync()
    {
        var adaUser = SignIn("Ada");
        var roomId = (await Host.CreateRoomAsync(adaUser)).RoomId;
        var ada = await RoomClient.ConnectAsync(Host, adaUser);
        await ada.JoinAsync(roomId);
        var bob = await RoomClient.ConnectAsync(Host, SignIn("Bob"));
        await bob.JoinAsync(roomId);
        return (roomId, ada, bob);
    }
}
