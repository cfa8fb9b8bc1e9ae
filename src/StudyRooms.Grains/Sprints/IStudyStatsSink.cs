using StudyRooms.Contracts.Stats;

namespace StudyRooms.Grains.Sprints;

/// <summary>
/// Where the sprint grain sends credits and recaps. By default <see cref="GrainStudyStatsSink"/>
/// (the user's stats grain and the room's leaderboard grain); a host or a test may register another.
/// </summary>
public interface IStudyStatsSink
{
    Task RecordFocusAsync(FocusCredit credit);

    Task RecordRecapAsync(FocusRecap recap);
}
