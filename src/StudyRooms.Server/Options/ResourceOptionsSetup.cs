using Microsoft.Extensions.Options;
using StudyRooms.Grains.Resources;
using StudyRooms.Server.Resources;
using StudyRooms.Storage;

namespace StudyRooms.Server.Options;

/// <summary>Binds, validates and registers the shelf limits and the file store for the co-hosted grains and the upload endpoint.</summary>
public static class ResourceOptionsSetup
{
    /// <summary>Reads section <see cref="ResourceOptions.Section"/>; a bad value fails start-up naming its key.</summary>
    public static ResourceOptions ReadValidated(IConfiguration configuration)
    {
        var options = configuration.GetSection(ResourceOptions.Section).Get<ResourceOptions>() ?? new ResourceOptions();
        var result = new ResourceOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(ResourceOptions.Section, typeof(ResourceOptions), result.Failures);
        }

        return options;
    }

    public static WebApplicationBuilder AddStudyRoomsResources(this WebApplicationBuilder builder, StudyRoomsOptions studyRooms)
    {
        var options = ReadValidated(builder.Configuration);
        builder.Services.AddSingleton<IOptions<ResourceSettings>>(Microsoft.Extensions.Options.Options.Create(options.ToSettings()));
        builder.Services.AddStudyRoomsResourceFiles(options.FilesDirectoryFor(studyRooms));
        builder.Services.AddSingleton(new UploadSettings(options.FilesDirectoryFor(studyRooms) is not null, options.MaxFileBytes, options.MaxImageSide));
        return builder;
    }
}
