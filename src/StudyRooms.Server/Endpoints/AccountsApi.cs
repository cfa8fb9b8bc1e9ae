using Microsoft.AspNetCore.Identity;
using StudyRooms.Contracts.Accounts;
using StudyRooms.Contracts.Protocol;
using StudyRooms.Grains.Rooms;
using StudyRooms.Server.Auth;

namespace StudyRooms.Server.Endpoints;

/// <summary>
/// Optional password accounts (P-ACCT-1..3): POST /api/accounts creates one (taking over the
/// caller's guest identity when a guest token comes with it), POST /api/sessions/password signs in.
/// Passwords are hashed with ASP.NET Core Identity's password hasher (PBKDF2) and never leave here.
/// </summary>
public static class AccountsApi
{
    public const int MinUsernameLength = 3;
    public const int MaxUsernameLength = 32;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    private static readonly PasswordHasher<AccountCredentials> Hasher = new();

    /// <summary>
    /// Checked against when no account has the name, so both failures take as long (P-ACCT-2). Made on
    /// first use: hashing is deliberately slow, and start-up maps this class.
    /// </summary>
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, "decoy password, never valid"));

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/accounts", CreateAccount)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Anonymous);
        app.MapPost("/api/sessions/password", SignIn)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Anonymous);
        return app;
    }

    private static async Task<IResult> CreateAccount(CreateAccountRequest? request, HttpContext http, IGrainFactory grains, TokenService tokens)
    {
        var (displayName, nameError) = RoomRules.CleanText(request?.DisplayName, "displayName", 1, RoomRules.MaxDisplayNameLength);
        if (nameError is not null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidDisplayName, nameError);
        }

        var (username, error) = CleanUsername(request?.Username);
        error ??= PasswordError(request?.Password, username);
        if (error is not null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidAccount, error);
        }

        // A guest who makes an account keeps their user id, so their rooms, roles and stats stay theirs.
        var guestId = http.User.FindFirst(StudyRoomsUser.UserIdClaim)?.Value;
        var userId = guestId ?? TokenService.NewUserId();
        try
        {
            // Noted first, so deleting the user later finds the account even if the request names none (P-ACCT-4).
            await grains.GetGrain<IUserFootprintGrain>(userId).RecordAccountAsync(username);
            var account = await grains.GetGrain<IAccountGrain>(username).RegisterAsync(new RegisterAccountCommand
            {
                UserId = userId,
                DisplayName = displayName!,
                PasswordHash = Hasher.HashPassword(null!, request!.Password!),
            });
            return Results.Created("/api/sessions/password", tokens.Issue(account.UserId, account.DisplayName));
        }
        catch (StudyRoomsException e) when (e.Code == ErrorCodes.UsernameTaken)
        {
            return Problems.Of(StatusCodes.Status409Conflict, e.Code, e.Reason);
        }
    }

    private static async Task<IResult> SignIn(PasswordSignInRequest? request, IGrainFactory grains, TokenService tokens)
    {
        var (username, error) = CleanUsername(request?.Username);
        if (error is not null || request?.Password is not { Length: > 0 and <= MaxPasswordLength } password)
        {
            return WrongCredentials();
        }

        var account = grains.GetGrain<IAccountGrain>(username);
        AccountCredentials? credentials;
        try
        {
            credentials = await account.GetCredentialsAsync();
        }
        catch (StudyRoomsException e) when (e.Code == ErrorCodes.RateLimited)
        {
            return Problems.From(e);
        }

        var verdict = Hasher.VerifyHashedPassword(null!, credentials?.PasswordHash ?? DecoyHash.Value, password);
        if (credentials is null || verdict == PasswordVerificationResult.Failed)
        {
            if (credentials is not null)
            {
                await account.RecordFailedSignInAsync();
            }

            return WrongCredentials();
        }

        await account.RecordSignInAsync();
        // Accounts made before footprints noted usernames get noted at their next sign-in (P-ACCT-4).
        await grains.GetGrain<IUserFootprintGrain>(credentials.UserId).RecordAccountAsync(username);
        return Results.Ok(tokens.Issue(credentials.UserId, credentials.DisplayName));
    }

    /// <summary>Usernames: 3–32 of a–z, 0–9, '.', '_' and '-', compared in lower case (P-ACCT-1).</summary>
    public static (string Username, string? Error) CleanUsername(string? raw)
    {
        var value = (raw ?? "").Trim().ToLowerInvariant();
        if (value.Length is < MinUsernameLength or > MaxUsernameLength)
        {
            return ("", $"username must be {MinUsernameLength}–{MaxUsernameLength} characters");
        }

        return value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-')
            ? (value, null)
            : ("", "username may hold only letters a–z, digits, '.', '_' and '-'");
    }

    private static string? PasswordError(string? password, string username) => password switch
    {
        null or { Length: < MinPasswordLength } => $"password needs at least {MinPasswordLength} characters",
        { Length: > MaxPasswordLength } => $"password is longer than {MaxPasswordLength} characters",
        _ when string.Equals(password.Trim(), username, StringComparison.OrdinalIgnoreCase) => "password must not be the username",
        _ => null,
    };

    private static IResult WrongCredentials() =>
        Problems.Of(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidCredentials, "username or password is wrong");
}
