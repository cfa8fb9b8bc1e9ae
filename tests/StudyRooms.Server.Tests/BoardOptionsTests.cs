using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Boards;
using StudyRooms.Server.Options;
using StudyRooms.Testing;

namespace StudyRooms.Server.Tests;

// Proves the board limits of section StudyRooms:Board default to the values of P-OPS-4/P-OPS-6, a bad
// value stops start-up naming its key, and a configured limit is what the board grain enforces.
public sealed class BoardOptionsTests
{
    [Theory]
    [InlineData("MaxElements", "0")]
    [InlineData("MaxPointsPerStroke", "1")]
    [InlineData("MaxOpsPerPush", "0")]
    [InlineData("MaxTextLength", "-3")]
    [InlineData("MaxBoardPoints", "1")]
    [InlineData("PushesPerSecondPerUser", "0")]
    [InlineData("PushBurstPerUser", "0.5")]
    [InlineData("OpLogRetention", "0")]
    [InlineData("SnapshotEveryOps", "0")]
    [InlineData("HistoryInterval", "00:00:05")]
    [InlineData("HistoryInterval", "2.00:00:00")]
    [InlineData("HistoryKeep", "0")]
    [InlineData("CursorsToViewersMaxParticipants", "-1")]
    public void ABadValueIsRefusedNamingItsKey(string property, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"StudyRooms:Board:{property}"] = value })
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => BoardOptionsSetup.ReadValidated(configuration));

        Assert.Contains($"StudyRooms:Board:{property}", error.Message);
    }

    [Fact]
    public void ARetentionShorterThanTheSnapshotIntervalIsRefused()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StudyRooms:Board:OpLogRetention"] = "500",
                ["StudyRooms:Board:SnapshotEveryOps"] = "1000",
            })
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => BoardOptionsSetup.ReadValidated(configuration));

        Assert.Contains("StudyRooms:Board:OpLogRetention", error.Message);
    }

    [Fact]
    public void TheDefaultsAreTheProtocolDefaults()
    {
        var settings = BoardOptionsSetup.ReadValidated(new ConfigurationBuilder().Build());

        Assert.Equal(BoardSettings.Default, settings);
        Assert.Equal(50_000, settings.MaxElements);
        Assert.Equal(20_000, settings.MaxPointNumbers);
        Assert.Equal(200, settings.MaxOpsPerPush);
        Assert.Equal(2_000, settings.MaxTextLength);
        Assert.Equal(10_000, settings.OpLogRetention);
        Assert.Equal(1_000, settings.SnapshotEveryOps);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.HistoryInterval);
        Assert.Equal(100, settings.HistoryKeep);
        Assert.Equal(30, settings.CursorsToViewersMaxParticipants);
    }

    [Fact]
    public void HistoryAndCursorSettingsReachTheGrainSettings_P_HIST_1_P_LIVE_4()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StudyRooms:Board:HistoryInterval"] = "00:15:00",
                ["StudyRooms:Board:HistoryKeep"] = "20",
                ["StudyRooms:Board:CursorsToViewersMaxParticipants"] = "0",
            })
            .Build();

        var settings = BoardOptionsSetup.ReadValidated(configuration);

        Assert.Equal((TimeSpan.FromMinutes(15), 20, 0), (settings.HistoryInterval, settings.HistoryKeep, settings.CursorsToViewersMaxParticipants));
    }

    [Fact]
    public async Task AHostWithABadBoardValueDoesNotStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:Board:MaxOpsPerPush"] = "-1",
        }));

        Assert.Contains("StudyRooms:Board:MaxOpsPerPush", error.ToString());
    }

    [Fact]
    public async Task TheBoardGrainEnforcesTheConfiguredLimits()
    {
        await using var host = await StudyRoomsHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["StudyRooms:Board:MaxOpsPerPush"] = "3",
            ["StudyRooms:Board:MaxElements"] = "4",
            ["StudyRooms:Board:MaxTextLength"] = "5",
        });
        var ada = await host.SignInAsync("Ada");
        var room = await host.CreateRoomAsync(ada);
        await using var client = await RoomClient.ConnectAsync(host, ada);
        await client.JoinAsync(room.RoomId);

        var tooMany = await Assert.ThrowsAsync<HubException>(() => client.PushAsync(room.RoomId, client.Stroke(), client.Stroke(), client.Stroke(), client.Stroke()));
        await client.PushAsync(room.RoomId, client.Stroke(), client.Stroke(), client.Stroke());
        await client.PushAsync(room.RoomId, client.Stroke());
        var full = await Assert.ThrowsAsync<HubException>(() => client.PushAsync(room.RoomId, client.Stroke()));
        var longText = await Assert.ThrowsAsync<HubException>(() => client.PushAsync(room.RoomId, new Contracts.Boards.ElementOp
        {
            Kind = Contracts.Boards.ElementOpKind.Patch,
            ElementId = "e_missing_is_checked_after_props",
            ClientSeq = client.NextSeq(),
            Props = new Contracts.Boards.ElementProps { Text = "too long" },
        }));

        Assert.Contains("1–3 operations", HubErrors.Parse(tooMany).Reason);
        Assert.Contains("maximum of 4 elements", HubErrors.Parse(full).Reason);
        Assert.Contains("longer than 5 characters", HubErrors.Parse(longText).Reason);
        Assert.Equal(ErrorCodes.InvalidRequest, HubErrors.Parse(full).Code);
    }
}
