using StudyRooms.Contracts.Protocol;
using StudyRooms.Contracts.Sprints;

namespace StudyRooms.Grains.Sprints;

/// <summary>
/// Presets and bounds of sprint plans (P-SPR-2, docs/sprints.md). A preset fills every value the
/// host left out; a host who changes the focus or short break length gets a "custom" plan.
/// </summary>
public static class SprintPlans
{
    public const string Custom = "custom";
    public static readonly TimeSpan MaxFocus = TimeSpan.FromMinutes(180);
    public static readonly TimeSpan MaxShortBreak = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan MaxLongBreak = TimeSpan.FromMinutes(90);
    public const int MaxLongBreakEvery = 12;
    public const int MaxCycles = 12;
    /// <summary>Minutes a single extension may add (1 to this).</summary>
    public const int MaxExtendMinutes = 60;
    /// <summary>The longest a phase may grow by extensions.</summary>
    public static readonly TimeSpan MaxPhase = TimeSpan.FromMinutes(240);
    public const int MaxGoalLength = 140;
    public const int MaxNoteLength = 280;

    /// <summary>Preset name → (focus, short break, long break minutes, long break every, cycles).</summary>
    public static readonly IReadOnlyDictionary<string, (double Focus, double Short, double Long, int Every, int Cycles)> Presets =
        new Dictionary<string, (double, double, double, int, int)>(StringComparer.Ordinal)
        {
            // Classic Pomodoro: a 15-minute break after every fourth block.
            ["25/5"] = (25, 5, 15, 4, 4),
            // Deep-work blocks: a 20-minute break after every third block.
            ["50/10"] = (50, 10, 20, 3, 3),
            // Ultradian blocks: a 30-minute break after every second block.
            ["90/20"] = (90, 20, 30, 2, 2),
        };

    /// <summary>The plan a start command asks for, or INVALID_REQUEST naming the bad value.</summary>
    public static SprintPlan Build(StartSprintCommand command, TimeSpan minimumPhase)
    {
        var preset = command.Preset ?? Custom;
        (double Focus, double Short, double Long, int Every, int Cycles)? defaults = null;
        if (preset != Custom)
        {
            defaults = Presets.TryGetValue(preset, out var values)
                ? values
                : throw Invalid($"preset must be one of {string.Join(", ", Presets.Keys)} or {Custom}");
        }

        var focus = Minutes(command.FocusMinutes ?? defaults?.Focus, "focusMinutes", minimumPhase, MaxFocus);
        var shortBreak = Minutes(command.ShortBreakMinutes ?? defaults?.Short, "shortBreakMinutes", minimumPhase, MaxShortBreak);
        var longBreak = Minutes(command.LongBreakMinutes ?? defaults?.Long ?? command.ShortBreakMinutes, "longBreakMinutes", minimumPhase, MaxLongBreak);
        var every = Count(command.LongBreakEvery ?? defaults?.Every ?? 0, "longBreakEvery", 0, MaxLongBreakEvery);
        var cycles = Count(command.Cycles ?? defaults?.Cycles, "cycles", 1, MaxCycles);
        if (defaults is { } d && (focus != TimeSpan.FromMinutes(d.Focus) || shortBreak != TimeSpan.FromMinutes(d.Short)))
        {
            preset = Custom;
        }

        return new SprintPlan
        {
            Preset = preset,
            FocusMs = (long)focus.TotalMilliseconds,
            ShortBreakMs = (long)shortBreak.TotalMilliseconds,
            LongBreakMs = (long)longBreak.TotalMilliseconds,
            LongBreakEvery = every,
            Cycles = cycles,
        };
    }

    /// <summary>A goal: trimmed, at most <see cref="MaxGoalLength"/> characters, no control characters; empty is none.</summary>
    public static string? CleanGoal(string? goal) => CleanOptional(goal, "goal", MaxGoalLength);

    public static string? CleanNote(string? note) => CleanOptional(note, "note", MaxNoteLength);

    private static string? CleanOptional(string? raw, string field, int max)
    {
        var (value, error) = Rooms.RoomRules.CleanText(raw, field, 0, max);
        return error is not null ? throw Invalid(error) : value is { Length: > 0 } ? value : null;
    }

    private static TimeSpan Minutes(double? minutes, string field, TimeSpan min, TimeSpan max)
    {
        if (minutes is not { } m || !double.IsFinite(m))
        {
            throw Invalid($"{field} is required for a custom plan");
        }

        var span = TimeSpan.FromMilliseconds(Math.Round(m * 60_000));
        return span < min || span > max
            ? throw Invalid($"{field} must be between {min.TotalMinutes:0.##} and {max.TotalMinutes:0} minutes")
            : span;
    }

    private static int Count(int? value, string field, int min, int max) =>
        value is { } v && v >= min && v <= max ? v : throw Invalid($"{field} must be between {min} and {max}");

    private static StudyRoomsException Invalid(string reason) => new(ErrorCodes.InvalidRequest, reason);
}
