using Microsoft.Extensions.Options;
using StudyRooms.Grains.Boards;

namespace StudyRooms.Server.Options;

/// <summary>Binds, validates and registers the board limits for the co-hosted grains.</summary>
public static class BoardOptionsSetup
{
    /// <summary>Reads section <see cref="BoardOptions.Section"/>; a bad value fails start-up naming its key.</summary>
    public static BoardSettings ReadValidated(IConfiguration configuration)
    {
        var options = configuration.GetSection(BoardOptions.Section).Get<BoardOptions>() ?? new BoardOptions();
        var result = new BoardOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(BoardOptions.Section, typeof(BoardOptions), result.Failures);
        }

        return options.ToSettings();
    }

    /// <summary>Registers the validated limits as <c>IOptions&lt;BoardSettings&gt;</c>, which the board grain takes.</summary>
    public static WebApplicationBuilder AddStudyRoomsBoardOptions(this WebApplicationBuilder builder)
    {
        var settings = ReadValidated(builder.Configuration);
        builder.Services.AddSingleton<IOptions<BoardSettings>>(Microsoft.Extensions.Options.Options.Create(settings));
        builder.Services.AddOptions<BoardOptions>().Bind(builder.Configuration.GetSection(BoardOptions.Section));
        return builder;
    }
}
