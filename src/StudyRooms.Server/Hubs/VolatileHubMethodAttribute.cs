namespace StudyRooms.Server.Hubs;

/// <summary>
/// Marks a volatile hub method: fire-and-forget (clients <c>send</c> it, no answer), relayed and never
/// stored (P-LIVE-1, P-LIVE-3, P-CHAT-14). Past the load bound such a call is dropped without an
/// answer instead of refused (P-ERR-6); <see cref="LoadShedding"/> reads this mark, so a new volatile
/// method needs only the attribute.
/// </summary>
/// <remarks>
/// Calls that clients <c>invoke</c> and whose refusal they act on (<c>SprintHeartbeat</c>,
/// <c>SetPresenceStatus</c>: a client resends its status only on change) are not volatile: dropping
/// one silently would leave the server with a stale view that no retry repairs.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class VolatileHubMethodAttribute : Attribute;
